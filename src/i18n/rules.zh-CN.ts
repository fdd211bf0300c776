export default {
  rule: {
    'tcp-tw-recycle-nat': {
      why: '开启了 tcp_tw_recycle（且启用了 TCP 时间戳）：共享同一个 NAT 地址的客户端发来的 SYN 会被丢弃。',
      countersOnly: '有 SYN 因 TCP 时间戳（PAWS）被拒绝；请粘贴 sysctl 的值以确认 tcp_tw_recycle。',
      off: 'tcp_tw_recycle 为 0。',
      noTimestamps: 'tcp_tw_recycle 为 1，但 TCP 时间戳已关闭，按对端的检查不会执行。',
      absent: '内核中没有 tcp_tw_recycle（4.12 起已移除）。',
      noPawsRejects: '没有连接因时间戳被拒绝（没有 PAWSPassive 计数）。',
    },
    'kube-proxy-rules-missing': {
      present: 'kube-proxy 的 KUBE-NODEPORTS 规则中有端口 {{port}}。',
      portMissing: 'nat 表中有 kube-proxy 的链，但 KUBE-NODEPORTS 中没有端口 {{port}} 的规则。',
      noKubeChains:
        'nat 表中完全没有 KUBE-* 链：kube-proxy 没有在本节点下发规则（或写到了另一个 iptables 后端）。',
      logErrors: 'kube-proxy 日志中有导致其无法同步规则的错误。',
    },
    'etp-local-no-endpoint': {
      why: 'kube-proxy 在本节点丢弃了该 NodePort 的流量：“has no local endpoints”。',
      hasLocal: 'NodePort {{port}} 的链把流量转发给本节点上的 Endpoint。',
    },
    'forward-drop': {
      ipForwardOff: 'net.ipv4.ip_forward 为 0：节点不会把数据包路由给 Pod。',
      policyDropNoAccept:
        'FORWARD 链默认策略为 DROP，且没有任何规则（没有 KUBE-FORWARD，没有 ACCEPT）放行 Pod 流量。',
      policyDropCounting: 'FORWARD 链默认策略为 DROP，尽管有放行规则，其计数器仍显示有包被丢弃。',
      forwarding: '转发已开启：这些行显示 ip_forward = 1 或 FORWARD 默认策略为接受。',
    },
    'nodeport-port-range-clash': {
      bindFailed:
        'kube-proxy 无法打开该 NodePort：端口被其他进程占用（“address already in use”）。',
      overlap: '本地端口范围与 NodePort 端口段重叠，且 NodePort 没有被预留。',
      noOverlap: '本地端口范围与 NodePort 端口段不重叠。',
      reserved: 'NodePort 端口段已预留（ip_local_reserved_ports）。',
    },
  },
};
