import type { Shape } from './shape';
import type en from './share.en';

/** 分享对话框，以及打开分享链接的人看到的内容。 */
export default {
  share: {
    open: '分享',
    title: '分享这次排查',
    intro:
      '打开链接的人会看到这一步、证据和诊断结果，并以他们自己的语言显示。所有内容都在链接 # 之后，不经过任何服务器。',
    omitRaw: '不包含原始输出',
    omitRawHint: '链接只携带诊断发现及其依据的证据行，不携带完整输出。',
    redact: '脱敏：地址、主机名、MAC 地址和密钥',
    redactHint:
      '每个值都替换为同样格式的代称，在所有输出和回答中保持一致（10.0.0.5 → 198.18.0.1，k8s-node03 → node-1），诊断结果依然成立。',
    preparing: '正在生成链接…',
    failed: '无法生成链接：{{error}}',
    link: '分享链接',
    length: '{{n}} 个字符',
    lengthOk: '长度适合常见聊天工具。',
    tooLong:
      '超过 2,000 个字符：有些聊天工具和机器人会截断或拒收这么长的链接（企业微信机器人消息上限 2,048 字节；Slack 建议单条消息不超过 4,000 个字符）。勾选“不包含原始输出”可以缩短链接，或者把诊断导出为 Markdown。',
    copy: '复制链接',
    close: '关闭',
    sees: {
      title: '接收者会看到什么',
      where: '{{tree}}，停在“{{step}}”这一步',
      answers: '你的 {{n}} 个回答',
      outputs: '你粘贴的 {{n}} 份输出（完整），在对方浏览器里重新读取',
      omitted: '路径和诊断结果（{{n}} 个发现）及证据行，不含原始输出',
      redacted: '地址、主机名和密钥替换为替身，并在对方页面上注明',
      walks: '你让 {{n}} 个数据包走过的规则走查，在对方页面上重新走一遍',
      good: '正常节点（{{name}}）：它的 {{n}} 份输出，在对方页面上重新对比',
      goodOmitted: '正常节点的名称（{{name}}），不含它的输出',
    },
    preview: '链接携带的全部内容',
    previewCut: '这里只显示前 {{n}} 个字符，共 {{total}} 个（链接携带全部内容）。',
    replaced: '已替换的值（{{count}} 个），只显示给你看，不在链接中',
    replacedNone: '没有发现需要替换的值。',
    replacedMore: '……还有 {{n}} 个。',
    from: '原值',
    to: '代称',
    received: {
      title: '分享的排查',
      readOnly: '通过分享链接打开。这是发送者看到的内容；这里的任何操作都不会改动你自己的排查。',
      omitted: '发送者没有包含原始输出：你看到的是诊断发现及其依据的证据行。',
      redacted: '分享前，地址、主机名和密钥已替换为代称（198.18.x.y、node-N、host-N.example）。',
      redactedWork:
        '这个排查来自脱敏链接：其中的地址、主机名和密钥（198.18.x.y、node-N、host-N.example）是替身，不是真实值。运行命令前请换成真实值。',
      conflict: '你在这个现象上有自己未完成的排查。在向导中打开分享的排查会替换它。',
      adopt: '在向导中继续',
      adoptReplace: '用分享的排查替换我的排查',
      keepMine: '回到我自己的排查',
      start: '回到首页',
      steps: '已走过的步骤',
      notYet: '尚未回答',
      outputOmitted: '未包含输出',
      skipped: '已跳过',
      autoSkipped: '已由之前的证据回答',
      atStep: '发送者停在这一步',
      opening: '正在打开分享的排查…',
    },
    error: {
      title: '无法打开这个分享链接',
      empty: '链接里没有排查内容：它在“#/share/”之后就结束了。',
      corrupt:
        '链接不完整或已损坏；聊天工具经常截断长链接。请发送者重新复制，或勾选“不包含原始输出”让链接更短。',
      version:
        '这个链接由另一个版本的 net-triage（{{version}}）生成，本页面无法读取。请发送者重新生成链接，或用生成它的版本打开。',
      tooLarge: '链接太大，无法打开。',
      invalid: '链接描述的排查不是当前版本的 net-triage 能识别的。请发送者重新生成链接。',
      safe: '没有做任何改动：你自己未完成的排查都还在。',
    },
  },
} satisfies Shape<typeof en>;
