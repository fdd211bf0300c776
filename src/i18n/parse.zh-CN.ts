import type { Shape } from './shape';
import type en from './parse.en';

/** What the parsers say: each output kind's summary, problems and near misses (`parse.*`). */
export default {
  parse: {
    collectorNote: '采集脚本无法在节点上运行这条命令（{{note}}）。',
    empty: '粘贴内容为空。',
    unknown: '不是向导能识别的命令输出（开头是“{{first}}”）。请粘贴上面所示命令的输出。',
    repeated: '与第 {{line}} 行开始的输出相同：只读取一次。',
    repeatedHalf: '这段输出被粘贴了两遍：从这一行开始的第二份与第一份相同，只读取一次。',
    unknownBinary:
      '这不是命令打印的文本（二进制或解码错误的字节）。请以文本形式粘贴上面所示命令的输出。',
    tooBig: '粘贴内容超过 {{max}} MB；请粘贴过滤后的部分。',
    failed: '无法读取粘贴内容：{{error}}',
    'iptables-L': {
      notARule: '不是 `iptables -L` 的规则行。',
      noChains: '没有 `Chain NAME (policy ...)` 行：不是 `iptables -L` 的输出。',
      summary: 'iptables -L：{{chains}} 条链，{{rules}} 条规则',
      summaryRowsOnly: 'iptables -L：{{rules}} 条规则行，没有所属链的标题行',
      summaryForward:
        'iptables -L：{{chains}} 条链，{{rules}} 条规则；FORWARD 默认策略 {{policy}}（{{packets}} 个包）',
    },
    'iptables-version': {
      badLine: '不是 `iptables -V` 的输出行（`iptables v1.8.7 (nf_tables)`）；1.8 起它会注明后端。',
      noVersion: '没有找到 iptables 版本。请粘贴 `iptables -V` 的输出。',
      summary: '{{binary}} {{version}}，{{backend}} 后端',
      summaryOld: '{{binary}} {{version}}（1.8 之前：只有 legacy 后端）',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    nft: {
      badLine: '这一行不是 `nft list ruleset` 的输出。',
      unclosed: '列表在某个块内部结束：粘贴被截断，截断之后的规则没有读到。',
      badJson:
        '无法读取 `nft -j` 的 JSON（第 {{line}} 行）：请完整粘贴，或改为粘贴 `nft list ruleset`。',
      noNftables: '这段 JSON 没有 `nftables` 列表：不是 `nft -j list ruleset` 的输出。',
      noTables: '没有 `table 协议族 名称 {` 行：不是 `nft list ruleset` 的输出。',
      moreProblems: '……另有 {{n}} 行无法读取。',
      summary: 'nft 规则集：{{tables}} 个表（{{names}}），{{chains}} 条链，{{rules}} 条规则',
      summaryFragment:
        'nft 列表的一部分（没有 `table` 行）：{{chains}} 条链，{{rules}} 条规则，{{sets}} 个集合或映射',
      summaryKubeProxy:
        '含 kube-proxy（nftables 模式）的 nft 规则集：{{services}} 个服务地址，{{nodePorts}} 个 NodePort，{{empty}} 个没有端点；{{chains}} 条链，{{rules}} 条规则',
      summaryXtables:
        '含 iptables-nft 表的 nft 规则集：{{kube}} 条 KUBE-* 链；{{tables}} 个表，{{chains}} 条链，{{rules}} 条规则',
    },
    nearMiss: {
      iptablesIncompatible:
        'iptables 无法显示这个表：其中的规则是 nft 创建的（nftables 模式的 kube-proxy、firewalld 或其他工具）。请改为粘贴 `sudo nft list ruleset`。',
      nftTooOld:
        'nft 读取规则集时崩溃：这个 nft 比内核里的规则旧（kube-proxy 的 nftables 模式需要 nft 1.0.1 或更新）。请用更新的 nft（例如带 nftables 的调试容器），或粘贴 kube-proxy 的日志。',
      nftRoot: 'nft 拒绝执行：列出规则集需要 root 权限。请运行 `sudo nft list ruleset`。',
      nftUnsupported:
        '这个内核没有 nf_tables：该节点的规则只可能在 legacy iptables 中。请粘贴 `sudo iptables-legacy-save`（或 `iptables-save`）。',
      nftMissing:
        '该节点没有安装 nft。请安装 nftables 软件包，或粘贴 `sudo iptables-save`（在 iptables-nft 上它显示相同的表）。',
      nftTables:
        '这是 `nft list tables` 的输出：只有表名。请粘贴 `sudo nft list ruleset`（或 `nft list table ip kube-proxy`）以查看规则。',
      conntrackEvents:
        '这是 `conntrack -E`（事件流）。请粘贴连接跟踪表 `conntrack -L`，或统计 `conntrack -S`。',
      conntrackRoot:
        'conntrack 拒绝执行：需要 root 权限（CAP_NET_ADMIN）。请在节点上用 sudo 运行，或在 hostNetwork 的特权 Pod 中运行。',
      ipvsUnavailable:
        'ipvsadm 无法访问 IPVS：该节点没有加载 ip_vs 内核模块（或者命令没有以 root 运行）。请粘贴 `lsmod | grep ip_vs` 和 kube-proxy 日志。',
      dmesgDenied:
        'dmesg 拒绝读取内核日志（kernel.dmesg_restrict）。请运行 `sudo dmesg -T` 或 `journalctl -k`。',
      ethtoolOther:
        '这是 `ethtool 网卡名`（链路设置）或 `ethtool -S`（统计）。查看卸载特性请粘贴 `ethtool -k 网卡名`。',
      routeN:
        '这是 `route -n`、`netstat -r` 或 /proc/net/route 显示的路由表。请改为粘贴 `ip route`（以及 `ip -6 route`）。',
      netstatI:
        '这是网卡计数表（BSD 的 `netstat -i`、/proc/net/dev）。请改为粘贴 `ip -s -d link`：它显示同样的计数，还有每个设备的 MTU 和类型。',
      procNetTcp: '这是 /proc/net/tcp（地址为十六进制的套接字列表）。请改为粘贴 `ss -tanp`。',
      arp: '这是 `arp` 或 /proc/net/arp 显示的 ARP 表。请改为粘贴 `ip neigh show`：它会显示每个表项的状态（REACHABLE、STALE、FAILED、INCOMPLETE），也包括 IPv6 邻居。',
      procNetstat:
        '这是 /proc/net/netstat 或 /proc/net/snmp：计数器名称和数值分在不同的行。请改为粘贴 `nstat -az`（或 `netstat -s`）。',
      unameNotLinux:
        '这不是 Linux 内核（是 BSD 或 Mac）：请在 Kubernetes 节点本身上运行 `uname -a`。',
      firewalldNotRunning:
        '这个节点上的 firewalld 没有运行，它的区域不过滤任何流量。请粘贴 `sudo iptables-save`（或 `sudo nft list ruleset`）查看实际生效的规则。',
      ethtoolPrivFlags:
        '这是 `ethtool --show-priv-flags`（驱动的私有标志），不是卸载（offload）特性。请改为粘贴 `ethtool -k 网卡名`。',
      'k8s-fragment':
        '这只是 Kubernetes 对象的几个字段（从 `-o yaml` 中 grep 出来的？），缺少对象的类型和名称。请粘贴不带 grep 的完整 `kubectl get 类型 名称 -o yaml`。',
      'kubectl-jsonpath':
        '这是 `kubectl get -o jsonpath` 的输出，只有模板选出的字段。请改为粘贴 `kubectl get 类型 名称 -o yaml`（完整对象）。',
      'kubectl-name':
        '这是对象名称列表（`-o name`）。请改为粘贴 `kubectl get 类型 -o wide` 或 `kubectl get 类型 名称 -o yaml`。',
      'kubectl-apply':
        '这是 kubectl 修改对象后打印的结果，与网络无关。请改为粘贴该对象的 `kubectl get 类型 名称 -o yaml`。',
      'kubectl-logs':
        '这是向导不读取的组件的日志。请改为粘贴 kube-proxy、ingress-nginx 控制器或 CNI 组件（calico-node、kube-flannel、cilium）的日志。',
      ciliumAgentDown:
        'Cilium agent 没有响应：它的 API socket（/var/run/cilium/cilium.sock）不存在，说明该节点上的 agent 没有运行或仍在启动。请粘贴 `kubectl -n kube-system get pods -l k8s-app=cilium -o wide` 以及 agent 的日志（`kubectl -n kube-system logs POD -c cilium-agent`）。',
      ciliumNotFound:
        '该容器里没有这个命令。从 Cilium 1.15 起 agent 的工具名为 `cilium-dbg`（之前为 `cilium`），位于 cilium-agent 容器中：`kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg status`。工作站上的 `cilium` CLI 没有 `service list`、`bpf` 或 `monitor` 命令。',
      ciliumExecFailed:
        'kubectl 无法在 Cilium pod 中执行该命令（找不到该 pod 或容器，或它没有在运行）。请先检查 `kubectl -n kube-system get pods -l k8s-app=cilium -o wide`，再在正在运行的 agent 中执行：`kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg ...`。',
      ciliumServiceJson:
        '这是 `cilium-dbg service list -o json` 的输出。请改为粘贴表格：不带 `-o json` 的 `cilium-dbg service list`。',
      ciliumFlowsJson:
        '这是跨多行（格式化后，例如经过 jq）的 JSON 流量记录。请改为粘贴每行一条流的输出：`hubble observe --verdict DROPPED`（或 `cilium-dbg monitor --type drop`）的默认输出，或原样的 `-o json` 输出。',
      ciliumDbShow:
        '这是 agent 内部的 frontends 表（`cilium-dbg shell -- db/show frontends`）。请改为粘贴 `cilium-dbg service list`：内容相同，是向导能读取的表格。',
      ciliumHealth:
        '这是 `cilium-health status` 的输出。请改为粘贴 `cilium-dbg status`：其中的 `Cluster health` 行和表格汇总了同样的探测结果，并附有 agent 的其他检查。',
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
      summaryFile:
        'sysctl 配置文件，设置了 {{n}} 个参数（在启动时或由 `sysctl --system` 应用；当前运行值可能不同）',
      summaryFileNotable:
        'sysctl 配置文件，设置了 {{n}} 个参数：{{notable}}（在启动时或由 `sysctl --system` 应用；当前运行值可能不同）',
      moreProblems: '……另有 {{n}} 行无法识别。',
      summaryPreflightModules: 'kubeadm 预检输出：既未加载也未编译进内核的模块：{{modules}}',
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
      cut: '从这里开始的 {{table}} 表没有到达 COMMIT：粘贴内容被截断了，因此其中缺少某条规则并不能说明什么。请粘贴完整的 `iptables-save` 输出（聊天工具截断时以文件形式发送）。',
      summary: '{{format}} 输出，{{chains}} 个链声明中共 {{rules}} 条规则；表：{{tables}}',
      summaryKubeProxy:
        '{{format}} 输出，{{rules}} 条规则；表：{{tables}}；kube-proxy：{{services}} 个 Service 链，{{nodePorts}} 个 NodePort，{{noEndpoints}} 条针对无 Endpoint 的 Service 的 REJECT',
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
        'IPVS 表：{{services}} 个虚拟服务，{{reals}} 个真实服务器；其中 {{empty}} 个虚拟服务没有真实服务器：{{which}}',
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
    'microk8s-inspect': {
      badLine: '这一行不是 `microk8s inspect` 会输出的内容。',
      noReport:
        '没有找到 `microk8s inspect` 的服务检查或警告。请粘贴 `sudo microk8s inspect` 的输出。',
      summary: 'microk8s inspect：{{n}} 个服务在运行',
      summaryDown: 'microk8s inspect：未运行：{{down}}',
      summaryForwardDrop: 'microk8s inspect：{{n}} 个服务在运行；它警告 FORWARD 链默认策略为 DROP',
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
      summaryRejected:
        'ip route get：内核拒绝从 {{iif}} 进入、源地址为 {{from}} 的包（Invalid cross-device link：反向路径校验未通过）',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'ip-neigh': {
      badLine: '这一行不是 `ip neigh show` 的邻居表项。',
      noEntries: '没有找到邻居表项。请粘贴 `ip neigh show` 的输出。',
      summary:
        'ip neigh：{{n}} 个表项（IPv4 {{ipv4}} 个，IPv6 {{ipv6}} 个）；FAILED {{failed}} 个，INCOMPLETE {{incomplete}} 个，STALE {{stale}} 个；最多的设备：{{devices}}',
      countSummary: '`{{command}}` 统计的邻居表项数：{{n}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    'ping-mtu': {
      badLine: '这一行不是 ping 的输出。',
      noPing: '没有找到 ping 输出。请粘贴 `ping -M do -s 1472 -c 3 目标地址` 的输出。',
      summary:
        'ping {{target}}：发送 {{sent}} 个，收到 {{received}} 个，丢包率 {{loss}}%（{{n}} 次 ping，其中 {{ok}} 次有回复）；没有报告 MTU',
      summaryMtu:
        'ping {{target}}：发送 {{sent}} 个，收到 {{received}} 个，丢包率 {{loss}}%；报告的路径 MTU 为 {{mtu}}',
      summaryUnreachable:
        'ping {{target}}：发送 {{sent}} 个，收到 {{received}} 个，丢包率 {{loss}}%；{{from}} 回了 {{unreachable}} 个“目标不可达”（Destination Unreachable），而不是回复',
      summaryNoStats:
        'ping {{target}}：{{n}} 次 ping，其中 {{ok}} 次有回复，{{lost}} 个报告为无应答；没有统计行（是否在结束前被中断？）',
      summaryMtuNoStats: 'ping {{target}}：{{n}} 次 ping；报告的路径 MTU 为 {{mtu}}；没有统计行',
      summaryUnreachableNoStats:
        'ping {{target}}：{{from}} 回了 {{unreachable}} 个“目标不可达”（Destination Unreachable），而不是回复；没有统计行',
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
      badLine: '这一行不属于 nslookup、dig 或 host 的结果。',
      noAnswer: '没有找到 DNS 解析结果。请粘贴 `nslookup 域名` 或 `dig 域名` 的输出。',
      summary: '来自 {{server}} 的 DNS 应答：{{n}} 条记录 {{answers}}',
      summaryFailed: '向 {{server}} 的 DNS 查询失败：{{status}}',
      summaryNoServer: 'DNS 应答：{{n}} 条记录 {{answers}}',
      summaryNxdomainWithRecords:
        '向 {{server}} 的 DNS 查询：NXDOMAIN（该名称不存在），同时附带 {{n}} 条记录 {{answers}}',
      summaryFailedNoServer: 'DNS 查询失败：{{status}}',
      summaryNxdomainWithRecordsNoServer:
        'DNS 查询：NXDOMAIN（该名称不存在），同时附带 {{n}} 条记录 {{answers}}',
      moreProblems: '……另有 {{n}} 行无法读取。',
    },
    deltas: {
      none: '两次粘贴之间没有计数器发生变化。',
      summary: '两次粘贴之间：{{changes}}（{{n}} 个计数器有变化）',
      summaryTimed: '{{seconds}} 秒内：{{changes}}（{{n}} 个计数器有变化）',
    },
    'ingress-nginx-log': {
      notALogLine: '这一行不是 ingress-nginx 日志行（nginx 错误日志、访问日志或控制器日志）。',
      noLines:
        '没有找到 ingress-nginx 日志行。请粘贴 `kubectl -n ingress-nginx logs <控制器 pod>` 的输出。',
      mostlyNotLog:
        '只有 {{log}} 行是 ingress-nginx 日志，另有 {{other}} 行是其他内容。请单独粘贴控制器日志。',
      summary: 'ingress-nginx 日志：没有上游错误；{{access}} 条访问日志，其中 {{fiveXX}} 条 5xx',
      summaryErrors:
        'ingress-nginx 日志：{{errors}} 个错误（{{counts}}）；{{access}} 条访问日志，其中 {{fiveXX}} 条 5xx',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'proxy-log': {
      notALogLine: '这一行不是 Envoy（Istio、Contour）访问日志或 Traefik 日志中的行。',
      noLines:
        '没有找到 Envoy 或 Traefik 日志行。请粘贴 `kubectl logs <网关或 traefik pod>` 的输出。',
      mostlyNotLog: '只有 {{log}} 行是代理日志，另有 {{other}} 行是其他内容。请单独粘贴代理日志。',
      summary: 'Envoy/Traefik 日志：没有上游错误；{{access}} 条访问日志，其中 {{fiveXX}} 条 5xx',
      summaryErrors:
        'Envoy/Traefik 日志：{{errors}} 个上游错误（{{counts}}）；{{access}} 条访问日志，其中 {{fiveXX}} 条 5xx',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'cni-log': {
      notALogLine: '这一行不是 CNI 组件（flannel、calico-node、cilium）的日志行。',
      noLines:
        '没有找到 CNI 组件的日志行。请粘贴 `kubectl -n kube-system logs <calico-node / kube-flannel / cilium pod>` 的输出。',
      mostlyNotLog:
        '只有 {{log}} 行是 CNI 组件日志，另有 {{other}} 行是其他内容。请单独粘贴该组件的日志。',
      summary: '{{cni}} 日志，共 {{n}} 行，没有警告或错误',
      summaryErrors: '{{cni}} 日志，共 {{n}} 行：{{counts}}',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'calico-bgp': {
      badLine: '这一行不属于 `calicoctl node status` 或 `birdcl show protocols` 的输出。',
      badRow: 'BGP 对等体表的这一行不是 PEER ADDRESS、PEER TYPE、STATE、SINCE、INFO 五列。',
      noStatus:
        '没有找到 Calico 的 BGP 状态。请粘贴在该节点上执行 `sudo calicoctl node status` 的输出（或在其 calico-node Pod 中执行 `birdcl -s /var/run/calico/bird.ctl show protocols` 的输出）。',
      summary: '{{tool}}：{{n}} 个 BGP 对等体，全部为 Established',
      summaryDown:
        '{{tool}}：{{n}} 个 BGP 对等体中有 {{down}} 个未建立（非 Established）：{{peers}}',
      summaryNotRunning:
        'calicoctl node status：Calico process is not running（calicoctl 在其运行之处找不到 calico-node 进程）',
      summaryNoPeers: '{{tool}}：未列出 BGP 对等体（{{notes}}）',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'cilium-status': {
      badLine: '这一行不属于 `cilium-dbg status` 或 `cilium status` 的输出。',
      noStatus:
        '没有找到 Cilium 状态。请粘贴 `kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg status --verbose` 的输出（或 CLI 的 `cilium status`）。',
      summaryAgent:
        'cilium-dbg status：Cilium {{cilium}}，KubeProxyReplacement {{kpr}}，控制器健康 {{controllers}}，集群健康可达 {{health}}',
      summaryAgentFailing:
        'cilium-dbg status：Cilium {{cilium}}，KubeProxyReplacement {{kpr}}，控制器健康 {{controllers}}，集群健康可达 {{health}}；{{n}} 项失败：{{failing}}',
      summaryCli: 'cilium status：Cilium {{cilium}}，Operator {{operator}}；就绪：{{workloads}}',
      summaryCliErrors:
        'cilium status：Cilium {{cilium}}，Operator {{operator}}；就绪：{{workloads}}；{{n}} 个错误：{{failing}}',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'cilium-service': {
      badLine: '这一行不是 `cilium-dbg service list` 的表格行。',
      backendWithoutFrontend: '这一行后端上方没有对应的 frontend 行。',
      noServices:
        '没有找到任何服务。请粘贴 `kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg service list` 的输出。',
      summary:
        'cilium service list：{{n}} 个 frontend，{{backends}} 个后端，每个 frontend 都有后端；{{inactive}} 个后端不是 active',
      summaryEmpty:
        'cilium service list：{{n}} 个 frontend，其中 {{empty}} 个没有后端（{{examples}}）；{{inactive}} 个后端不是 active',
      summaryNone: 'cilium service list：表格为空（没有任何服务）',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'cilium-bpf-lb': {
      badLine: '这一行不是 `cilium-dbg bpf lb list` 的条目。',
      entryWithoutFrontend: '这一条目上方没有对应的服务地址行。',
      noFrontends:
        '没有找到负载均衡条目。请粘贴 `kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg bpf lb list` 的输出。',
      otherListing:
        '这是带 `--frontends`、`--backends`、`--revnat` 或 `--source-ranges` 的 `bpf lb list`：只有 ID，没有对应的服务。请改为粘贴不带选项的 `cilium-dbg bpf lb list`。',
      summary:
        'cilium bpf lb list：{{n}} 个 frontend，{{backends}} 个后端槽位，每个 frontend 都有后端',
      summaryEmpty:
        'cilium bpf lb list：{{n}} 个 frontend，其中 {{empty}} 个没有后端（{{examples}}）',
      summaryNone: 'cilium bpf lb list：映射表为空',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'cilium-monitor': {
      badLine: '这一行不是 `cilium-dbg monitor` 的事件，也不是 `hubble observe` 的流量记录。',
      noEvents:
        '没有找到丢包或流量记录。请粘贴 `kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg monitor --type drop`（在失败的请求之后停止）或 `hubble observe --verdict DROPPED` 的输出。',
      summary: '{{tool}}：{{n}} 次丢包：{{reasons}}',
      summaryNone: '{{tool}}：{{events}} 个事件中没有丢包',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'kubectl-get': {
      notARow: '这一行与上方表格的列对不上。',
      kubectlError: 'kubectl 返回了错误：{{error}}',
      noHeader: '表格没有表头行（用 grep 过滤过？）；列名按命令推断为：{{columns}}。',
      noHeaderShape:
        '表格没有表头行（用 grep 过滤过？）；按各行的形状读作 {{resource}} 的行：{{columns}}。',
      trailing: '表格在这一行之前已经结束；从这里开始的内容没有读取。',
      noRows:
        '没有找到表格行。请连同表头一起粘贴 `kubectl get pods -o wide`（或 svc、ep、nodes）的输出。',
      mostlyNotTable:
        '只有 {{rows}} 行是 kubectl 表格行，另有 {{other}} 行是其他内容。请单独粘贴 `kubectl get` 的输出。',
      summary: 'kubectl get：{{kinds}} 共 {{rows}} 行',
      summaryAttention:
        'kubectl get：{{kinds}} 共 {{rows}} 行；未就绪：{{notReady}}；最多重启：{{restarts}} 次；没有 Endpoint：{{noEndpoints}}',
      summaryNone: 'kubectl get：没有找到资源',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'k8s-object': {
      fragment:
        '只有字段没有对象（grep 过的 `-o yaml`）：按 {{object}} 的一部分读取。要看其余内容，请粘贴整个对象。',
      tooLarge:
        '粘贴内容超过 {{max}} MB。请只粘贴一个对象（`kubectl get 类型 名称 -o yaml`），或用 `-l` 过滤。',
      flattened:
        'YAML 的缩进丢失了（第 {{line}} 行：`{{key}}:` 下面没有任何嵌套内容），博客和聊天工具常会这样。请按终端里显示的原样粘贴 `kubectl get 类型 名称 -o yaml`（或 `-o json`）。',
      aliasBomb:
        '第 {{line}} 行：YAML 使用了超过 {{max}} 个别名（`*name`）。kubectl 从不输出别名；这看起来是别名炸弹，未读取。',
      tooDeep: '第 {{line}} 行：文档嵌套超过 {{max}} 层，未读取。',
      yamlTab: '第 {{line}} 行：YAML 不能用制表符缩进。',
      yamlIndent: '第 {{line}} 行：缩进与上面的行对不上。',
      yamlNotKey: '第 {{line}} 行：这里应当是 `key: value` 形式的行。',
      yamlSyntax: '第 {{line}} 行：无法按 YAML 读取。',
      jsonSyntax: '第 {{line}} 行：不是有效的 JSON。',
      trailing: '对象在这一行之前已经结束；从这里开始的内容没有读取。',
      noObjects:
        '没有找到 Kubernetes 对象（带 `apiVersion` 和 `kind`）。请粘贴 `kubectl get 类型 名称 -o yaml` 的输出。',
      summary: '{{n}} 个对象：{{objects}}',
    },
    'kubectl-describe': {
      badLine: '这一行无法识别。',
      badEvent: 'Events 表中的这一行无法识别。',
      nothing:
        '没有找到 `kubectl describe` 的内容（没有 Name、容器或事件）。请粘贴完整的 `kubectl describe pod 名称` 输出。',
      summary:
        'kubectl describe {{object}} {{name}}：{{events}} 个事件，其中 {{warnings}} 个警告；最多重启 {{restarts}} 次',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'nginx-tls': {
      notASetting: '这一行既不是 nginx 指令，也不是 ConfigMap 配置项。',
      noTls:
        '没有找到 TLS 配置（ssl_protocols、ssl_ciphers、http2、use-http2），也没有浏览器报错。请粘贴 ingress-nginx ConfigMap 的 data 或 server 配置块。',
      mostlyNotConfig:
        '只有 {{config}} 行是 nginx 或 ConfigMap 配置，另有 {{other}} 行是其他内容。请单独粘贴这些配置。',
      summary:
        'TLS 配置：协议 {{protocols}}；{{ciphers}} 个加密套件；HTTP/2 {{http2}}；浏览器报错 {{browser}}',
      summaryGoHttp2: '服务端因其加密套件列表拒绝启用 HTTP/2：{{error}}',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'curl-v': {
      nothing: '没有找到 curl 的输出。请连同命令行一起粘贴完整的 `curl -v URL` 输出。',
      summary: 'curl {{target}}：{{outcome}}；HTTP 状态码 {{status}}；{{error}}',
      summaryRedirected:
        'curl {{target}}（从 {{first}} 经 {{hops}} 次重定向）：{{outcome}}；HTTP 状态码 {{status}}；{{error}}',
    },
  },
} satisfies Shape<typeof en>;
