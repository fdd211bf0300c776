/** 输出解析器消息（`parse.*`：各类输出及注册表自身）的简体中文文本，键与 parsers.en.ts 完全相同。 */
export default {
  parse: {
    collectorNote: '采集脚本无法在节点上运行这条命令（{{note}}）。',
    empty: '粘贴内容为空。',
    unknown: '不是向导能识别的命令输出（开头是“{{first}}”）。请粘贴上面所示命令的输出。',
    tooBig: '粘贴内容超过 {{max}} MB；请粘贴过滤后的部分。',
    failed: '无法读取粘贴内容：{{error}}',
    'iptables-L': {
      notARule: '不是 `iptables -L` 的规则行。',
      noChains: '没有 `Chain NAME (policy ...)` 行：不是 `iptables -L` 的输出。',
      summary: 'iptables -L：{{chains}} 条链，{{rules}} 条规则',
      summaryForward:
        'iptables -L：{{chains}} 条链，{{rules}} 条规则；FORWARD 默认策略 {{policy}}（{{packets}} 个包）',
    },
    nearMiss: {
      nft: '这是 `nft list ruleset` 的输出。请改为粘贴 `iptables-save`（nft 主机上为 iptables-nft-save）。',
    },
    sysctl: {
      badLine: '这一行不是 "key = value" 形式的 sysctl 输出。',
      noValues:
        '没有找到 "key = value" 行。请粘贴 `sysctl -a` 或 `sysctl 参数名...` 的输出（或带命令行的 `cat /proc/sys/...` 输出）。',
      summary: 'sysctl 输出，共 {{n}} 个参数',
      summaryNotable: 'sysctl 输出，共 {{n}} 个参数：{{notable}}',
      summaryMissing: 'sysctl 输出，共 {{n}} 个参数；本内核上不存在：{{missing}}',
      summaryNotableMissing:
        'sysctl 输出，共 {{n}} 个参数：{{notable}}；本内核上不存在：{{missing}}',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'netstat-s': {
      badLine: '这一行不是 netstat -s 的计数器。',
      noSection:
        '计数器 {{name}} 前面没有所属的段标题（Tcp:、TcpExt: 等）；请粘贴完整的 `netstat -s` 输出。',
      noCounters: '没有找到计数器。请粘贴 `netstat -s` 或 `nstat -az` 的输出。',
      summary: '{{format}} 输出，共 {{n}} 个计数器',
      summaryNotable: '{{format}} 输出，共 {{n}} 个计数器：{{notable}}',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'iptables-save': {
      badLine: '这一行不是 iptables-save 或 iptables -S 的输出行。',
      incompatible:
        'iptables 无法显示 {{table}} 表：其中有 nft 创建的规则。请同时粘贴 `nft list ruleset` 的输出。',
      noRules: '没有找到链或规则。请粘贴 `iptables-save`（或 `iptables -t nat -S`）的输出。',
      summary: '{{format}} 输出，{{chains}} 个链声明中共 {{rules}} 条规则；表：{{tables}}',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'kube-proxy-log': {
      notKlog: '这一行不是 kube-proxy 日志行（klog 格式）。',
      noEntries:
        '没有找到 kube-proxy 日志行。请粘贴 `kubectl -n kube-system logs <kube-proxy pod>` 的输出。',
      mostlyNotKlog:
        '只有 {{klog}} 行是 kube-proxy 日志，另有 {{other}} 行是其他内容。请单独粘贴 kube-proxy 日志。',
      summary: 'kube-proxy 日志，共 {{n}} 行：{{errors}} 个错误，{{warnings}} 个警告',
      summaryProxier:
        'kube-proxy 日志，共 {{n}} 行：{{errors}} 个错误，{{warnings}} 个警告；代理模式 {{proxier}}',
      summaryProxierVersion:
        'kube-proxy {{version}} 日志，共 {{n}} 行：{{errors}} 个错误，{{warnings}} 个警告；代理模式 {{proxier}}',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
  },
};
