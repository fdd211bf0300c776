import type { Shape } from './shape';
import type en from './walk.en';

/** 数据包走查：向导里的面板、它的图示，以及 `triage walk` 的输出。 */
export default {
  walk: {
    title: '让一个数据包走一遍这些规则',
    intro: '按内核执行的顺序，让一个数据包走过这里粘贴的规则，显示它的去向以及由哪一行决定。',
    packet: '数据包',
    packetHint: '协议、源地址和目的地址：`tcp 192.168.1.20:40000 -> 10.0.0.5:31610`',
    packetInvalid:
      '这不是一个数据包。请写成 `tcp 源地址:端口 -> 目的地址:端口`（也支持 udp、sctp 和 icmp）。',
    nodeAddresses: '节点地址',
    nodeAddressesHint:
      '节点自己的地址，用逗号分隔：它们决定 `addrtype LOCAL` 是否匹配。粘贴过 `ip addr` 时自动取自其中。',
    nodeAddressesInvalid: '这不是一组地址。',
    inIface: '进入的网卡（可选）',
    local: '由节点自己发出',
    run: '开始走查',
    walking: '正在走查数据包…',
    failed: '走查无法运行：{{error}}',
    noRules:
      '这些粘贴内容里没有可走查的规则：请粘贴 `iptables-save`、`iptables -L -n -v`、`nft list ruleset` 或 `ipvsadm -Ln` 的输出。',
    verdictLabel: '结论',
    verdict: {
      dnat: '被转换（DNAT）到下面的 Endpoint',
      accept: '在节点上被接受',
      forward: '被节点转发',
      drop: '被丢弃',
      reject: '被拒绝',
      unknown: '无法从这些规则判断',
    },
    headline: {
      dnat: '数据包 {{packet}} 被发往 {{endpoints}}。',
      accept: '数据包 {{packet}} 在节点上被接受。',
      forward: '数据包 {{packet}} 被节点原样转发。',
      drop: '数据包 {{packet}} 被第 {{line}} 行（{{source}}）丢弃：`{{rule}}`',
      reject: '数据包 {{packet}} 被第 {{line}} 行（{{source}}）拒绝：`{{rule}}`',
      unknown: '无法从这些规则判断数据包 {{packet}} 的去向。',
      split: '数据包 {{packet}} 会走不同的路径：请看每个分支。',
    },
    endpoints: 'Endpoint',
    branch: '分支 {{n}}（{{p}}）',
    masquerade: '源地址被伪装（MASQUERADE）',
    unknownAt: '此处无法判断：{{why}}',
    hops: '经过的规则',
    hop: '{{table}} {{chain}}，第 {{line}} 行：{{action}}',
    decided: '决定结果',
    diagram: '以图显示',
    list: '以列表显示',
    notes: '说明',
    redacted:
      '这里的地址是替代值（链接经过脱敏）：每个替代值对应一个真实地址，但不保留它在网段中的位置，因此针对网段（如 10.0.0.0/8）的规则可能与发送者节点上的匹配结果不同。',
    packets: '计数 {{n}} 个数据包',
  },
} satisfies Shape<typeof en>;
