/** 节点/内核侧解析器的中文消息（`parse.<kind>.*`）。 */
export default {
  parse: {
    conntrack: {
      badLine: '这一行不是 conntrack 表项。',
      toolError: 'conntrack 报告：{{text}}',
      countMismatch: 'conntrack 称显示了 {{shown}} 条表项，但只读到 {{read}} 条：输出有缺失。',
      noEntries:
        '没有找到 conntrack 表项。请以 root 身份粘贴 `conntrack -L` 或 `cat /proc/net/nf_conntrack` 的输出。',
      summary: '{{n}} 条 conntrack 表项；最多的状态：{{top}}；{{unreplied}} 条未收到回复',
      summaryHistogram: 'conntrack 状态统计，共 {{n}} 条：{{top}}',
      summaryEmpty: 'conntrack 没有显示任何表项',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'conntrack-S': {
      badLine: '这一行不是 conntrack -S 计数器。',
      toolError: 'conntrack 报告：{{text}}',
      noCounters:
        '没有找到 conntrack 统计。请以 root 身份粘贴 `conntrack -S` 或 `cat /proc/net/stat/nf_conntrack` 的输出。',
      summary: 'conntrack 统计，{{n}} 个计数器：{{notable}}',
      summaryCpus: 'conntrack 统计（{{cpus}} 个 CPU 合计），{{n}} 个计数器：{{notable}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'kernel-log': {
      badLine: '这一行太长，不是内核消息。',
      notKernelLog: '这一行不是内核日志（dmesg、journalctl -k 或 syslog）。',
      noLines:
        '没有找到内核日志。请粘贴 `dmesg -T` 或 `journalctl -k` 的输出（或 /var/log/messages 中的内核行）。',
      summary: '内核日志，{{n}} 行，没有与网络相关的异常',
      summaryEvents: '内核日志，{{n}} 行：{{events}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    ipvsadm: {
      badLine: '这一行不属于 ipvsadm 的列表输出。',
      orphanRealServer: '这一行真实服务器出现在任何虚拟服务之前。',
      noServices: '没有找到 IPVS 虚拟服务。请在节点上以 root 身份粘贴 `ipvsadm -Ln` 的输出。',
      summary: 'IPVS 表：{{services}} 个虚拟服务，{{reals}} 个真实服务器',
      summaryEmpty:
        'IPVS 表：{{services}} 个虚拟服务，{{reals}} 个真实服务器；其中 {{empty}} 个虚拟服务没有真实服务器',
      summaryTimeout: 'IPVS 超时：tcp {{tcp}} 秒，tcpfin {{tcpfin}} 秒，udp {{udp}} 秒',
      summaryConnections: 'IPVS 连接表：{{n}} 条',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'ethtool-k': {
      badLine: '这一行不是 ethtool 特性（"名称: on|off"）。',
      toolMessage: 'ethtool 报告：{{text}}',
      noFeatures:
        '没有找到网卡卸载特性。请粘贴 `ethtool -k 网卡名` 的输出（例如 `ethtool -k flannel.1`）。',
      summary: 'ethtool -k {{iface}}：{{n}} 个特性',
      summaryChecksum: 'ethtool -k {{iface}}：{{n}} 个特性；tx-checksum-ip-generic 为 {{value}}',
      summaryChanges:
        'ethtool -K {{iface}} 修改了 {{n}} 个特性（{{changes}}）；这不是当前状态，请粘贴 `ethtool -k {{iface}}` 查看当前状态',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    uname: {
      badLine: '这一行不是 uname 的输出。',
      noRelease: '没有找到内核版本。请粘贴 `uname -r` 或 `uname -a` 的输出。',
      summary: '内核 {{release}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    lsmod: {
      badLine: '这一行不是 lsmod 的输出（"模块 大小 被引用"）。',
      noModules: '没有找到内核模块。请粘贴 `lsmod` 的输出。',
      summary: 'lsmod，{{n}} 个模块',
      summaryNotable: 'lsmod，{{n}} 个模块，其中包括 {{notable}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'ip-addr': {
      badLine: '这一行不属于 `ip addr` / `ip link` 的输出。',
      noInterfaces: '没有找到网络接口。请粘贴 `ip addr`（或 `ip -d link`）的输出。',
      summary: '{{n}} 个接口',
      summaryTunnels: '{{n}} 个接口；隧道：{{tunnels}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'ip-route': {
      badLine: '这一行不是路由。',
      noRoutes: '没有找到路由。请粘贴 `ip route` 的输出。',
      summary: '{{n}} 条路由，没有默认路由',
      summaryDefault: '{{n}} 条路由；默认路由经 {{gw}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'ping-mtu': {
      badLine: '这一行不是 ping 的输出。',
      noPing: '没有找到 ping 输出。请粘贴 `ping -M do -s 1472 -c 3 目标地址` 的输出。',
      summary: '{{n}} 次 ping，其中 {{ok}} 次有回复；没有报告 MTU',
      summaryMtu: '{{n}} 次 ping；报告的路径 MTU 为 {{mtu}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    tcpdump: {
      badLine: '这一行不是 tcpdump 的数据包行（可能是被折行的一部分）。',
      noPackets:
        '没有找到数据包。请粘贴 `tcpdump -nn -i any port 端口` 的文本输出（不是 .pcap 文件）。',
      summary:
        '{{n}} 个数据包：{{syn}} 个 SYN，{{synAck}} 个 SYN-ACK，{{rst}} 个 RST；{{unanswered}} 个连接只有 SYN 没有应答',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    ss: {
      badLine: '这一行不是 ss 的套接字行。',
      noSockets: '没有找到套接字。请粘贴 `ss -tanp`（或 `ss -ltnp`、`ss -s`）的输出。',
      summary: '{{n}} 个套接字：{{top}}；{{listeners}} 个在监听',
      summaryTotals:
        'ss -s：共 {{total}} 个套接字，{{estab}} 个 TCP 已建立，{{timewait}} 个处于 TIME-WAIT',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'firewall-cmd': {
      badLine: '这一行不属于 `firewall-cmd --list-all` 的输出。',
      noZones: '没有找到 firewalld 区域。请粘贴 `firewall-cmd --list-all` 的输出。',
      summary: '{{n}} 个 firewalld 区域；{{zone}}：target {{target}}，端口 {{ports}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'resolv-conf': {
      badLine: '这一行不是 resolv.conf 的配置项。',
      noDirectives:
        '没有找到 nameserver、search 或 options 行。请粘贴 `cat /etc/resolv.conf` 的输出。',
      summary: 'resolv.conf：nameserver {{nameservers}}；search {{search}}；ndots {{ndots}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'dns-answer': {
      badLine: '这一行不属于 nslookup 或 dig 的结果。',
      noAnswer: '没有找到 DNS 解析结果。请粘贴 `nslookup 域名` 或 `dig 域名` 的输出。',
      summary: '来自 {{server}} 的 DNS 应答：{{n}} 条记录 {{answers}}',
      summaryFailed: '向 {{server}} 的 DNS 查询失败：{{status}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    deltas: {
      none: '两次粘贴之间没有计数器发生变化。',
      summary: '两次粘贴之间：{{changes}}（{{n}} 个计数器有变化）',
      summaryTimed: '{{seconds}} 秒内：{{changes}}（{{n}} 个计数器有变化）',
    },
    nearMiss: {
      conntrackEvents:
        '这是 `conntrack -E`（事件流）。请粘贴连接跟踪表 `conntrack -L`，或统计 `conntrack -S`。',
      conntrackRoot:
        'conntrack 拒绝执行：需要 root 权限（CAP_NET_ADMIN）。请在节点上用 sudo 运行，或在 hostNetwork 的特权 Pod 中运行。',
      ipvsUnavailable:
        'ipvsadm 无法访问 IPVS：该节点没有加载 ip_vs 内核模块（或者命令没有以 root 运行）。请粘贴 `lsmod | grep ip_vs` 和 kube-proxy 日志。',
      dmesgDenied:
        'dmesg 拒绝读取内核日志（kernel.dmesg_restrict）。请运行 `sudo dmesg -T` 或 `journalctl -k`。',
      netstatSockets:
        '这是 `netstat -an` 的套接字列表。查看套接字请粘贴 `ss -tanp`，查看内核计数器请粘贴 `netstat -s`。',
      ethtoolOther:
        '这是 `ethtool 网卡名`（链路设置）或 `ethtool -S`（统计）。查看卸载特性请粘贴 `ethtool -k 网卡名`。',
      ifconfig: '这是 `ifconfig` 的输出。请改为粘贴 `ip -d addr`：它会显示隧道类型和所有地址。',
      routeN: '这是 `route -n` 的输出。请改为粘贴 `ip route`。',
    },
  },
};
