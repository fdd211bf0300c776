import type { Shape } from './shape';
import type en from './cause-node.en';

/**
 * Causes on the node itself: kernel settings, conntrack, the neighbour table, bridge netfilter,
 * reverse-path filtering, the host firewall, MTU, VXLAN offload, DNS search domains, the CNI
 * agent. One block per cause, in catalog order: title, why, risk, the rule's `verdict` texts and
 * its fix comments (`fix`).
 */
export default {
  cause: {
    'tcp-tw-recycle-nat': {
      title: 'tcp_tw_recycle 丢弃 NAT 后客户端的 SYN',
      why: '当 tcp_tw_recycle=1 且开启了时间戳时，内核会按对端地址缓存最近的 TCP 时间戳，并静默丢弃时间戳更小的 SYN。同一个 NAT/SNAT 地址后面的多个客户端（被 SNAT 成节点 IP 的 Pod、负载均衡后的用户）时钟互不相关，部分 SYN 就会被丢弃：只有这个节点上三次握手完成不了。',
      risk: '低：只是关闭按对端的时间戳检查。该参数在 4.12 内核中已被移除；TIME_WAIT 过多请改用 tcp_tw_reuse。',
      verdict: {
        why: '开启了 tcp_tw_recycle（且启用了 TCP 时间戳）：共享同一个 NAT 地址的客户端发来的 SYN 会被丢弃。',
        countersOnly:
          '有 SYN 因 TCP 时间戳（PAWS）被拒绝；请粘贴 sysctl 的值以确认 tcp_tw_recycle。',
        off: 'tcp_tw_recycle 为 0。',
        noTimestamps: 'tcp_tw_recycle 为 1，但 TCP 时间戳已关闭，按对端的检查不会执行。',
        absent: '内核中没有 tcp_tw_recycle（4.12 起已移除）。',
        noPawsRejects: '没有连接因时间戳被拒绝（没有 PAWSPassive 计数）。',
      },
      fix: {
        removeOld:
          '同时删除 /etc/sysctl.conf 和 /etc/sysctl.d/*.conf 中所有 net.ipv4.tcp_tw_recycle = 1 的行',
        runTwice: '运行两次；计数器必须不再增长',
        never: '在会被 NAT 后客户端访问的主机上，永远不要再设回 1',
      },
    },
    'forward-drop': {
      title: '节点不转发数据包',
      why: 'Pod 在其他节点上的 NodePort 需要由本节点转发。net.ipv4.ip_forward=0，或者 FORWARD 链默认策略为 DROP（Docker 会这样设置）而又没有 kube-proxy 和 CNI 的放行规则时，数据包就在这里被丢弃。',
      risk: '中：开启转发后节点会为它能到达的任何地址做路由；请保留限制转发范围的主机防火墙规则。',
      verdict: {
        nftPolicyDrop:
          'nftables 表 {{table}} 的 forward 链默认策略为 drop，且不放行任何转发流量：nftables 中每条 forward 基础链都必须放行数据包，因此无论 iptables 如何放行，经过本节点的 Pod 和 Service 流量都会被丢弃。',
        ipForwardOff: 'net.ipv4.ip_forward 为 0：节点不会把数据包路由给 Pod。',
        allForwardingOff:
          'net.ipv4.conf.all.forwarding 为 0（与 net.ipv4.ip_forward 是同一个开关）：节点不会把数据包路由给 Pod。',
        deviceForwardingOff:
          '{{ifaces}} 上的转发已关闭：Linux 只有在数据包进入的设备开启了转发时才会转发它，因此即使 ip_forward = 1，Pod 经由这些设备发出的流量也不会被路由出去。',
        defaultForwardingOff:
          'net.ipv4.conf.default.forwarding 为 0：此后创建的每个设备（Pod 网桥、每个 Pod 的 veth）都以关闭转发的状态启动，因此即使 ip_forward = 1，Pod 的流量也不会被路由出去。',
        policyDropNoAccept:
          'FORWARD 链默认策略为 DROP，且没有任何规则（没有 KUBE-FORWARD，没有 ACCEPT）放行 Pod 流量。',
        policyDropAcceptsShadowed:
          'FORWARD 链默认策略为 DROP，且一条丢弃所有流量的规则排在放行 Pod 流量的规则之前：这些放行规则永远匹配不到，经本节点转发的 Pod 和 Service 流量被丢弃。',
        inspectWarnsDrop:
          '`microk8s inspect` 警告 FORWARD 链默认策略为 DROP，而这个 MicroK8s 的 kube-proxy 和 kubelet 是独立服务（1.21 之前）：没有 CNI 自己的规则在 FORWARD 中放行 Pod 流量，于是被默认策略丢弃。',
        policyDropCounting: 'FORWARD 链默认策略为 DROP，尽管有放行规则，其计数器仍显示有包被丢弃。',
        forwarding: '转发已开启：这些行显示 ip_forward = 1 或 FORWARD 默认策略为接受。',
      },
      fix: {
        nft: '按策略丢弃转发流量的原生 nftables 表（发现中指明了该表时）：',
        docker:
          'Docker 启动时会把 FORWARD 设为 DROP：请保留 kube-proxy 的 KUBE-FORWARD 和 CNI 的放行规则',
        counter: '默认策略的计数器必须不再增长',
        deviceConf:
          '并删除把转发设为 0 的那一行（用下一条命令找到）：/etc/sysctl.conf 在 sysctl.d 文件之后应用，开机时会把它改回去',
        deviceOn: 'Pod 相关设备和 default 都必须为 1',
      },
    },
    'host-firewall-blocks': {
      title: '主机防火墙拒绝了 NodePort 端口段或节点间的 Pod 网络流量',
      why: '节点上的 firewalld（或 iptables-services 默认的 "REJECT all"）只放行明确配置的端口。kube-proxy 在 30000-32767 上提供的 NodePort 在这个节点被拒绝，而没有防火墙的节点正常响应。同样的防火墙也可能拦下节点之间承载 Pod 网络的流量（VXLAN、Geneve、WireGuard、BGP、IP-in-IP）：当选中的后端在其他节点上时，Service 访问就会超时。',
      risk: '中：开放 30000-32767 会把该节点上所有 NodePort 暴露给能访问它的任何人，开放 overlay 端口则让能访问它的人都可以向 Pod 网络注入数据包；如果节点可被不受信网络访问，请限制来源（overlay 只放行各节点地址；firewalld rich rule、云安全组）。把 Pod 网络的设备和 CIDR 放进 firewalld 的 trusted 区域后，Pod 可以访问节点的所有端口，这也是大多数 CNI 所预期的。',
      verdict: {
        inputRejects: 'INPUT 链在任何规则放行之前就拒绝了到端口 {{port}} 的新连接。',
        inputAccepts: 'INPUT 链放行到端口 {{port}} 的新连接。',
        forwardRejects: 'FORWARD 链在 kube-proxy 和 CNI 的放行规则之前就拒绝了转发流量。',
        zoneAccepts: 'firewalld 区域 {{zone}} 放行所有流量。',
        zoneOpens: 'firewalld 区域 {{zone}} 开放了端口 {{port}}。',
        logDenied: '内核记录了 {{n}} 个到端口 {{ports}} 的新连接被防火墙规则拒绝（{{prefix}}）。',
        podnetDenied:
          '内核记录了 {{n}} 个 Pod 网络的转发包（{{from}} → {{to}}）被防火墙规则拒绝（{{prefix}}）：主机防火墙的转发策略在本节点拦下了 Pod 流量，不管 kube-proxy 和 CNI 在自己的链里放行了什么。',
        clientNoRoute:
          '客户端连接端口 {{port}} 时得到 "No route to host"：这是 REJECT 规则（firewalld、iptables-services）回的 ICMP admin-prohibited，除非节点本身不可达。',
        pingProhibited:
          'ping {{target}} 得到了 {{from}} 回的 ICMP "prohibited" 错误，只有包过滤规则才会这样回（iptables-services 默认的 "REJECT --reject-with icmp-host-prohibited"、firewalld）：那台主机（本该把流量转发给 Pod 的节点）的防火墙拒绝了这些流量，除非是途中路由器的 ACL 回的。',
        zoneCloses: 'firewalld 正在运行，区域 {{zone}} 没有开放端口 {{port}}（NodePort 范围）。',
        overlayRejected:
          '主机防火墙拒绝了 {{carrier}}，也就是节点之间承载 Pod 网络的流量：其他节点上的 Pod 访问不到这个节点上的 Pod。',
        overlayNotAccepted:
          '主机防火墙默认拒绝 {{carrier}}，也没有规则放行它，而这个节点正在使用它（{{seen}}）：来自其他节点的 Pod 流量一到达就被丢弃。',
        overlayAccepted: '主机防火墙放行节点之间的 {{carrier}}。',
        zoneClosesOverlay:
          'firewalld 正在运行，区域 {{zone}} 没有开放这个节点正在使用的 {{carrier}}（{{seen}}）：来自其他节点的 Pod 网络流量被拒绝。',
      },
      fix: {
        firewalld: '使用 firewalld 时：',
        iptables: '使用普通 iptables（iptables-services）时，插在最后的 REJECT 之前：',
        services: '使用 iptables-services 时，保存当前规则，重启后仍然生效：',
        fromOutside: '请在节点外的客户端上执行',
        everyNode:
          '在每个节点上执行：overlay 流量是双向的；如果节点能被不受信网络访问，请只放行节点地址（-s、firewalld rich rule）',
        podnet:
          '在回 ICMP 错误的那个节点上执行：在 REJECT 之前于 FORWARD 链放行 Pod 网段（POD_CIDR：集群的 Pod CIDR，例如 10.244.0.0/16）',
        podzone:
          '在每个运行 firewalld 的节点上执行：把 Pod 网络的网卡和 Pod 网段（POD_CIDR，例如 10.244.0.0/16）加入 trusted 区域；firewalld 自己的 nftables 表会拒绝这些流量，iptables 里放行也没用（或者按各 Kubernetes 发行版的建议停掉 firewalld）',
      },
    },
    'rp-filter-asymmetric': {
      title: '严格的反向路径过滤丢弃了非对称流量',
      why: 'rp_filter = 1 时，如果回到源地址的路由要走另一个网卡，内核会丢弃这个包。节点有两个上行口（第二块网卡、VPN、策略路由）时，从"错误"网卡进来的流量被静默丢弃，NodePort 或 Pod 只对部分客户端可用。',
      risk: '低：宽松模式（2）仍会丢弃源地址完全不可路由的包，只是不再要求回包走同一个网卡。在 Cilium 的设备上按 Cilium 的要求关闭这项检查：Cilium 自己的数据路径会校验 Pod 的源地址。',
      verdict: {
        why: '严格反向路径过滤（rp_filter = 1）且节点有多个上行口（{{uplinks}}）：回程路由走另一个网卡的包被静默丢弃。',
        dropsOnly:
          '反向路径过滤为严格模式，且内核报告了 martian source 或 rp_filter 丢包；请贴 ip addr 和 ip route 查看上行口。',
        notStrict: '上行口的反向路径过滤为关闭或宽松模式（0 或 2）。',
        oneUplink: '节点只有一个上行口（{{uplink}}）：回包从来包的网卡出去。',
        routeGetRefused:
          '`ip route get {{to}} from {{from}} iif {{iif}}` 返回 "Invalid cross-device link"：回到 {{from}} 的路由走另一个网卡，内核的反向路径校验会丢弃从 {{iif}} 进来、源地址为 {{from}} 的包。',
        martianOnPodDevice:
          '内核日志记录了 Cilium 设备 {{dev}} 上的 martian source {{from}}，而该设备的 rp_filter 为 {{mode}}：这个设备没有 IPv4 地址，回到 Pod 的路由走 cilium_host，所以即使宽松模式也会丢弃 Pod 的包。Cilium 要求其设备上 rp_filter = 0；systemd 默认会给每个新设备设为 2。',
        podDeviceFilters:
          "{{key}} 使内核在 Cilium 的 Pod 设备 {{dev}} 上做反向路径过滤（模式 {{mode}}）。Cilium 自己会把它设为 0，所以是别的东西覆盖了它（systemd-sysctl 的 'net.ipv4.conf.*.rp_filter = 2'、加固脚本、conf.all）：这个设备没有 IPv4 地址，回到 Pod 的路由走 cilium_host，所以即使宽松模式也会丢弃 Pod 的包，除非 Cilium 的 eBPF 主机路由绕过了内核路由。",
      },
      fix: {
        loose: '宽松模式：内核取 conf.all 与 conf.<网卡> 中较大的值，所以两处都要设置',
        off: '在 Cilium 的设备上关闭（宽松模式在那里仍会丢包）；conf.all 也必须为 0，因为内核取两者中较大的值',
        order: '确认 /etc/sysctl.d 里没有更靠后的文件再次设置 rp_filter',
        counter: '必须不再增长',
      },
    },
    'conntrack-table-full': {
      title: 'conntrack 连接跟踪表已满',
      why: '每条经过 NAT 或状态过滤的连接都要占用 conntrack 表的一个条目。表满后，内核丢弃新连接的第一个包：客户端看到超时和重试，健康检查失败，节点 CPU 空闲却表现得很不稳定。kube-proxy 启动时会自行设置 nf_conntrack_max，sysctl.d 里的值会被覆盖。',
      risk: '低到中：每个条目约占 300 字节内核内存（一百万条约 300 MB）。NOTRACK 规则会让 VIP 完全不经过 conntrack：只能用于该节点上不做 NAT、不做状态过滤的流量（由 IPVS 或 hostNetwork 提供服务的负载均衡 VIP），绝不能用于 Service 或 NodePort 流量。',
      verdict: {
        why: 'conntrack 表已满：新连接被丢弃。',
        kernelSaysFull:
          '内核日志出现 "nf_conntrack: table full, dropping packet"：新连接的包被丢弃了。',
        nearMax: 'conntrack 表已用 {{percent}} %（上限 {{max}}）：到达上限后新连接会被丢弃。',
        earlyDrops: 'conntrack -S 有 early_drop 计数：表曾到达上限，内核为腾出空间淘汰了条目。',
        drops: 'conntrack -S 的 drop 计数无法用插入竞争解释：表里已没有空间容纳新条目。',
        roomLeft: 'conntrack 表只用了 {{percent}} %。',
        noDrops: 'conntrack -S 的 drop 与 early_drop 都为 0：表从未溢出。',
      },
      fix: {
        now: '立即调高上限（kube-proxy 重启时会改回去）：',
        kubeProxy:
          'kube-proxy 启动时把 nf_conntrack_max 设为 max(maxPerCore × CPU 数, min)；请在它的配置文件里设置（使用配置文件时命令行参数会被忽略）：',
        flags:
          '没有配置文件时：--conntrack-min=<VALUE>；--conntrack-max-per-core=0 则不再改动 sysctl 的值',
        notrack:
          '仅限 LB/入口节点、且 VIP 不是 Service 或 NodePort 时：让它的 Web 流量不进入 conntrack',
        runTwice: '执行两次：计数必须不再增长',
        rollback: '恢复原来的上限；如果加了 NOTRACK 规则也一并删除：',
      },
    },
    'conntrack-close-wait-buildup': {
      title: 'CLOSE_WAIT 条目占满了 conntrack 表',
      why: 'kube-proxy 把 conntrack 的 CLOSE_WAIT 超时设为一小时。客户端或服务端留下半关闭的连接时（客户端断开、应用从不关闭），每条都会占着条目一小时，表逐渐被占满，直到新连接被丢弃。',
      risk: '低：缩短 CLOSE_WAIT 超时只是更早忘掉半关闭的连接；超时后仍发送数据的一方会收到重置。留下半关闭套接字的应用仍需修复。',
      verdict: {
        why: 'conntrack 条目中 {{percent}} %（{{total}} 条中的 {{count}} 条）处于 CLOSE_WAIT：半关闭的连接被保留一小时，占满了表。',
        notable:
          'conntrack 条目中 {{percent}} %（{{total}} 条中的 {{count}} 条）处于 CLOSE_WAIT：比健康节点多，但还没占表的大半。',
        shortTimeout:
          'nf_conntrack_tcp_timeout_close_wait 为 {{seconds}} 秒：CLOSE_WAIT 条目来不及堆积就过期了。',
        smallShare:
          'conntrack 条目中只有 {{percent}} %（{{total}} 条中的 {{count}} 条）处于 CLOSE_WAIT。',
      },
      fix: {
        who: '哪些进程持有半关闭的套接字？',
        now: '立即缩短 CLOSE_WAIT 超时（kube-proxy 重启时会再设回 3600）：',
        kubeProxy: '写进 kube-proxy 的配置使其持久：',
        notrack: '在入口节点上，对 VIP 做 NOTRACK 可让这些条目完全不进入 conntrack',
        rollback: 'kube-proxy 的默认值：',
      },
    },
    'conntrack-snat-race': {
      title: 'conntrack 中的 SNAT/DNAT 插入竞争',
      why: '同一来源的两个新流（典型的是 Pod 通过同一个套接字发出的 A 和 AAAA 查询）在不同 CPU 上同时做 NAT 时，会得到相同的转换后五元组；第二次插入 conntrack 失败，它的包被丢弃。客户端要等超时（DNS 为 5 秒）后重试。',
      risk: '低：single-request-reopen 和更小的 ndots 只改变 Pod 解析器发查询的方式；点数少于 ndots 的名字会先按绝对名查询。删除你补丁加上的 dnsConfig 时，原先已有的 dnsConfig 也会一并删除。',
      verdict: {
        growing:
          '两次粘贴之间 insert_failed 增加了 {{delta}}：并发连接此刻正在 conntrack 插入竞争中丢包。',
        notGrowing: '两次粘贴之间 insert_failed 一直是 {{n}}：期间没有发生插入竞争。',
        failed:
          'conntrack -S 记录了 {{n}} 次插入失败（{{cpus}} 个 CPU 行）：并发连接的包在 SNAT/DNAT 竞争中被丢弃。隔一分钟再贴一次，看它是否还在增长。',
        noFailures: 'conntrack -S 没有插入失败（insert_failed = 0）。',
        handful:
          'conntrack -S 自开机以来只有 {{n}} 次插入失败：整个运行期间出现少量失败在任何节点上都很常见。请在超时发生时间隔一分钟执行两次 conntrack -S 并粘贴：计数在增长才说明存在竞争。',
      },
      fix: {
        confirm: 'insert_failed 在增长吗？隔一分钟执行两次：',
        dnsConfig: '在超时的 Pod 里：A 和 AAAA 用不同套接字发送，减少搜索列表的尝试次数',
        nodeLocal: '长期方案：NodeLocal DNSCache（Pod 的 DNS 发往本地缓存，不再有 DNAT 竞争）：',
        randomFully:
          '并用 --random-fully 做伪装（需要较新的 CNI 和 iptables ≥ 1.6.2）；统计使用它的规则数：',
        runTwice: '必须不再增长',
      },
    },
    'vxlan-checksum-offload': {
      title: 'VXLAN 校验和卸载导致 SNAT 后的包校验错误',
      why: '在低于 5.7 的内核上（以及部分较新内核在 NAT 之后），开启 tx-checksum-ip-generic 的 VXLAN 网卡把 UDP 校验和交给 offload 计算；内层报文经 iptables/IPVS SNAT 后外层校验和出错，接收节点丢弃报文（"UDP: bad checksum ... to ...:8472"）。访问后端 Pod 在其他节点上的 Service 会超时，而直接访问 Pod IP 正常。',
      risk: '低：之后这块网卡在软件中计算校验和，CPU 开销很小。设备重建或节点重启后设置会丢失，因此需要 systemd 单元。根本修复是升级到包含提交 ea64d8d6c675 的内核（5.7），或使用已规避此问题的 CNI/kube-proxy（Calico 3.19+、Kubernetes 1.19+）。',
      verdict: {
        on: '{{iface}} 的 tx-checksum-ip-generic 为 on：经 kube-proxy SNAT 的报文从这块 VXLAN 网卡发出时 UDP 校验和是错的，对端直接丢弃。',
        justTurnedOff:
          '{{iface}} 的 tx-checksum-ip-generic 原本为 on，这次 `ethtool -K` 才把它关掉：设备重建或节点重启后会恢复。',
        fixApplied:
          '{{iface}}：这次 `ethtool -K` 已把 tx-checksum-ip-generic 关掉，修复已经生效；粘贴的内容里没有故障状态本身的证据（显示为 on 的 ethtool -k 输出，或内核日志、抓包中 VXLAN 端口上的 UDP 校验和错误）。',
        fixedInSession:
          '{{iface}} 在前面的粘贴里 tx-checksum-ip-generic 为 on，现在为 off：修复暂时生效，还需持久化。',
        offButBadChecksums:
          '{{iface}} 的 tx-checksum-ip-generic 已是 off，但内核仍记录了发往 VXLAN 端口的 UDP 校验和错误：若这些日志晚于修改，请检查物理网卡和发送端节点的 offload 设置。',
        off: '{{iface}} 的 tx-checksum-ip-generic 为 off。',
        captureBadChecksums:
          '抓包中有 {{n}} 个 VXLAN 报文的 UDP 校验和错误。若是在接收节点上抓的，这就是该问题；若在发送节点上抓，offload 可能在抓包点之后才填校验和，请与接收端对比。',
        badChecksums:
          '内核因 UDP 校验和错误丢弃了 {{n}} 个 VXLAN 报文（端口 8472/4789）：发送端节点的 VXLAN 网卡为 SNAT 后的报文算错了校验和。',
      },
      fix: {
        unit: '一个 oneshot 单元，在设备每次出现时运行（设备由 CNI 在开机后创建）：',
        kernel:
          '根本修复：带校验和修复的内核（5.7+）、Kubernetes 1.19+（SNAT 前清除标记）、Calico 3.19+（自动关闭该 offload）',
        expectOff: '应显示 off',
        noNewErrors: '稍后在接收端节点再运行一次：计数应不再增长',
      },
    },
    'br-netfilter-off': {
      title: '桥接的 Pod 流量绕过了 iptables（br_netfilter）',
      why: '同一 Linux 网桥（cni0、docker0）上的 Pod 通过网桥在 IP 层之下直接通信。没有 br_netfilter，或 bridge-nf-call-iptables = 0 时，这些帧不经过 iptables：同节点 Pod 之间的 Service DNAT 和伪装被跳过，回包来自错误的地址，连接失败。',
      risk: '低：所有网桥流量都会经过 iptables，这正是 Kubernetes 所要求的；繁忙网桥上会多消耗一点 CPU。',
      verdict: {
        sysctlOff:
          'net.bridge.bridge-nf-call-iptables 为 0：经网桥转发的 Pod 流量绕过 iptables（没有 Service DNAT，也没有伪装）。',
        noModule:
          'net.bridge.bridge-nf-call-iptables 不存在：br_netfilter 模块未加载，经网桥转发的 Pod 流量绕过 iptables。',
        on: 'net.bridge.bridge-nf-call-iptables 为 1。',
        cniSays: 'CNI 组件报告缺少 br_netfilter（无法读取 bridge-nf-call-iptables）。',
        loaded: 'br_netfilter 模块已加载。',
        notLoaded: 'lsmod 中没有 br_netfilter：经网桥转发的 Pod 流量绕过 iptables。',
        kernelHint:
          '内核提示没有 br_netfilter 时网桥流量不再经过 iptables；请确认之后是否加载了该模块。',
        unexpectedReply:
          '发往 {{expected}} 的 DNS 应答来自 {{from}}，被丢弃（"reply from unexpected source"）：Service 地址没有被转换回来，客户端与 DNS Pod 位于同一个绕过 iptables 的网桥上时就会这样。',
      },
      fix: {
        restartCni: '然后重启本节点的 CNI 组件，让它重新检查',
        rollback: '本节点运行 Pod 时无需回滚：Kubernetes 要求网桥流量经过 iptables',
      },
    },
    'mtu-mismatch': {
      title: '覆盖网络 MTU 大于链路允许的值',
      why: '隧道封装（VXLAN 多 50 字节、IP-in-IP 多 20、WireGuard 多 60）必须装进下层路径的 MTU。CNI 的 MTU 过大时，满长的包封装后就装不下了：小请求正常，大的响应或上传一直挂起直到超时。',
      risk: '中：修改 CNI MTU 需要滚动重启 CNI 组件并重建 Pod 才生效；滚动期间 MTU 不一致，大流量传输可能短暂卡住。',
      verdict: {
        overlayTooBig:
          '{{iface}} 承载最大 {{mtu}} 字节的包，但加上隧道头后，下层设备只容得下 {{fits}} 字节：大包被丢弃。',
        vethTooBig:
          'Pod 的 veth（{{veth}}）MTU 为 {{mtu}}，大于跨节点流量所经过的 {{iface}} 隧道（{{fits}}）：Pod 发出的包隧道装不下，大数据传输会卡住。',
        blackHole:
          '超过某个大小的包得不到回应而小包正常，也没有路由器回报"需要分片"：这是路径 MTU 黑洞。',
        pathSmaller:
          '路径上有路由器只接受 {{mtu}} 字节的包（"Frag needed"）：按更大 MTU 发送的包必须变小，否则丢失。',
        fits: '每个隧道设备都能装进其下层设备，并留有隧道头的空间。',
        fullSizePasses: '设置了禁止分片的满长（1500 字节）包能穿过这条路径。',
      },
      fix: {
        measure: '不分片能穿过路径的最大包（MTU = 大小 + 28）：',
        calico: 'Calico：设置 MTU（先试 operator 安装方式，再试清单安装方式）：',
        flannel:
          'flannel 的 MTU 取自它使用的网卡：先修正该网卡的 MTU（netplan、ifcfg）或指定 --iface，再重启 flannel',
        pods: 'Pod 重建后才会使用新的 MTU：',
        rollback: '用同样的方法设回原来的 MTU，再滚动重启 CNI 和 Pod',
      },
    },
    'dns-search-domain-leak': {
      title: '多余的 DNS 搜索域解析了短域名',
      why: 'Pod 会先把短名字（在 ndots:5 下也包括大多数外部名字）依次加上每个搜索域去查询。如果从节点继承来的搜索域，或在公网 DNS 中存在的集群域名，能解析不属于它的名字（泛解析记录），查询就会"成功"地返回错误地址：另一个环境、另一个集群。',
      risk: '低：去掉多余的搜索域只是不再追加它；依赖该域下短名字的程序需要改用完整域名。Pod 要重建后才会使用新的 resolv.conf。',
      verdict: {
        clusterDomainAnswersOutside:
          '{{name}} 被解析成了 {{answer}}：搜索域 {{domain}} 在集群外也能解析，所以不属于集群的名字拿到了错误的地址。',
        strayDomain:
          '{{name}} 被解析成了 {{answer}}，落在不属于集群的搜索域 {{domain}} 下：短名字被解析到了别人的地址。',
        answersAsAsked: '查询返回的就是所问的名字（或集群内的 Service）。',
        pingSuffix:
          'ping 把 {{name}} 解析成了 {{answer}}（{{address}}）：一个本已完整的名字被追加了搜索域 {{domain}}，而该域下的记录（泛解析）给出了应答，所以这个名字到了错误的地址。',
        nodeSearch:
          '节点的 resolv.conf 搜索公网域名 {{domain}}，Pod 会继承它；如果它有泛解析记录，短名字就会被解析到那里。请在 Pod 里做一次 nslookup 确认。',
        podSearch:
          'Pod 的搜索列表末尾有公网域名 {{domain}}（从节点继承）：名字会先拼上它去查询，如果它有泛解析记录就会得到错误的地址。请在 Pod 里做一次 nslookup 确认。',
        bareTld:
          '搜索列表里有一个单独的顶级域 {{domain}}：名字会先拼上它去查询，gitlab.com 就变成了 gitlab.com.{{domain}}，这种名字谁都能注册（被停放的域名常带泛解析），于是查询拿到的是别人的地址。请在 Pod 里做一次 nslookup 确认。',
        onlyClusterDomains: '搜索列表里只有集群域名和云厂商内部域名。',
        noSearch: '没有生效的搜索域。',
      },
      fix: {
        absolute: '末尾加点表示绝对域名：这样能正确解析吗？',
        where: '在节点上：配置了哪个搜索域？',
        node: '去掉节点上多余的搜索域（Pod 会继承它）：',
        manager:
          'NetworkManager 或 systemd-resolved 会重写 resolv.conf：也要在那里删除（nmcli connection modify <CONNECTION> ipv4.dns-search ""），或让 kubelet --resolv-conf 指向一个干净的文件',
        pods: 'Pod 重建后才会使用新的 resolv.conf：',
      },
    },
    'cni-unhealthy': {
      title: '节点上的 CNI 组件未就绪',
      why: 'CNI 组件（calico-node、flannel、cilium 等）负责在所在节点上配置路由、隧道和策略。它未运行或未就绪时，新 Pod 拿不到网络，已有路由逐渐过期，经过该节点的 Pod 流量失败。',
      risk: '低：删除组件 Pod 后 DaemonSet 会重新启动一个；重新配置期间该节点的 Pod 流量可能短暂中断。',
      verdict: {
        ciliumStatus:
          'Cilium 的状态显示其 agent 不健康：自身健康状况、Kubernetes API、失败的控制器或未就绪的 agent。',
        agentDown: 'CNI 组件未运行或未就绪：{{pods}}。所在节点的 Pod 网络已中断。',
        restarts: 'CNI 组件频繁重启（{{pods}}）；请查看它上一次的日志。',
        otherNodes: '相关节点上的 CNI 组件正常，但其他节点上的不正常。',
        logErrors: 'CNI 组件日志中有错误，导致它无法为节点配置网络。',
        probeFailed:
          'CNI 组件自身的健康检查失败（calico-node：BIRD 或 Felix 未就绪、BGP 未建立；cilium、weave、kube-router：组件的 socket 或健康检查端口无响应）：所在节点拿不到通往其他节点 Pod 的路由。',
        healthy: '列出的 {{n}} 个 CNI 组件都在运行且已就绪。',
        bgpDown:
          '该节点上 Calico 的 BGP 会话未建立（{{n}} 个：{{peers}}）：节点拿不到通往这些对端上 Pod 的路由，calico-node 自身的就绪检查也会失败（节点之间 TCP 179 端口的 BGP 被拦截、拒绝或不可达）。',
        bgpEstablished:
          'Calico 列出的 {{n}} 个 BGP 会话全部为 Established：节点之间正在交换通往对方 Pod 的路由。',
      },
      fix: {
        why: '为什么未就绪？先看事件，再看上一个（崩溃的）容器的日志：',
        restart: '根据日志修复后，让它重新启动：',
        common:
          '常见原因：连不上 API server 或数据存储、BGP/bird 未建立、IPAM 地址耗尽、缺少 br_netfilter、自动识别了错误的网卡',
        watch: '等到 READY n/n，且重启次数不再增加',
        noRollback: '无需回滚：DaemonSet 会重建 Pod',
      },
    },
    'conntrack-invalid-rst': {
      title: '窗口外的包被标记为 INVALID 并引发 RST',
      why: '高负载下，TCP 包可能落在 conntrack 期望的窗口之外。conntrack 把它标成 INVALID，于是不做反向地址转换；包到达主机（或错误的 Pod），对方回 RST，把一条正常的连接断掉：偶发的 "connection reset by peer"。',
      risk: '低：be_liberal 只是不再把窗口外的包标成 INVALID（RST 仍会校验）。改为丢弃 INVALID 包则可能破坏多宿主节点上的非对称路由。',
      verdict: {
        liberal: 'nf_conntrack_tcp_be_liberal 已开启：窗口外的包不会被标成 INVALID。',
        dropped: '已有规则在 INVALID 状态的包到达套接字、引发 RST 之前把它们丢弃。',
        growing:
          '两次粘贴之间 conntrack 又把 {{n}} 个包标成了 INVALID，且没有规则丢弃它们：这些包到达主机并引发 RST。',
        sinceBoot:
          '开机以来 conntrack 已把 {{n}} 个包标成 INVALID，且没有规则丢弃它们；请贴两次 conntrack -S，看它是否在增长。',
        notGrowing: '两次粘贴之间 INVALID 计数没有增长。',
        sinceBootOnly:
          '开机以来 conntrack 把 {{n}} 个包标成了 INVALID，任何节点运行一段时间都会积累这些（连接关闭后迟到的重传、零散的 ICMP 错误）：单凭它不能说明有连接被重置。请在负载下贴两次 conntrack -S，并附上 sysctl net.netfilter.nf_conntrack_tcp_be_liberal 来检验。',
        few: 'conntrack 几乎没有把包标成 INVALID。',
      },
      fix: {
        module: '开机时加载 nf_conntrack，否则 sysctl.d 中的这一行找不到可设置的键：',
        kubeProxy: 'kube-proxy 1.29 及以上可在其配置文件中自行设置：',
        orDrop: '或者改为丢弃 INVALID 包（kube-proxy 1.15 起会在 KUBE-FORWARD 中加这条规则）：',
        runTwice: '执行两次：计数必须不再增长',
      },
    },
    'arp-neigh-overflow': {
      title: '邻居（ARP）表溢出',
      why: '内核最多保留 gc_thresh3 条邻居（ARP）表项，默认 1024。在大型扁平网络，或 Pod 与对端很多的节点上，邻居表会溢出：新的对端无法解析，部分主机不可达，健康检查时好时坏。',
      risk: '低：更大的阈值只多占一点内核内存，也让过期表项存活更久。',
      verdict: {
        overflow:
          '内核日志出现 "neighbor table overflow"：邻居表已到 gc_thresh3（{{n}}），新的对端无法解析。',
        overflowRoomy:
          '内核日志出现 "neighbor table overflow"（内核拒绝了新的邻居表项），但列出的表项只有 {{entries}} 个，远低于 gc_thresh3（{{n}}）：要么邻居表此后已经回落，要么内核计入了未列出的表项（一些早期 5.x 内核会泄漏这个计数）。调大阈值可以止住丢包；若是这类内核，还应升级内核。',
        overflowRaised:
          '内核日志出现 "neighbor table overflow"，而 gc_thresh3 已经是 {{n}}：这些日志可能早于调整，或上限仍然太低。',
        raised: 'gc_thresh3 已调高到 {{n}}（默认 1024）。',
        quietLog: '{{n}} 行内核日志中没有邻居表溢出。',
        tableFull:
          '`ip neigh` 列出了 {{entries}} 个计入 gc_thresh3（{{n}}）的表项：邻居表已满，新的对端无法解析。',
        tableRoomy:
          '`ip neigh` 列出了 {{entries}} 个表项，远低于 gc_thresh3（{{n}}）：邻居表还有空间。',
        sendInvalidFull:
          'ping 报 "sendmsg: Invalid argument"（内核无法创建邻居表项），邻居表有 {{entries}} 个表项，gc_thresh3 为 {{n}}：邻居表已满。',
        sendInvalid:
          'ping 报 "sendmsg: Invalid argument"：内核无法为下一跳创建邻居表项，邻居表到达 gc_thresh3 时就会这样。请粘贴 `sysctl net.ipv4.neigh.default.gc_thresh3` 和 `ip -4 neigh show nud all | wc -l` 的输出以确认。',
        sendInvalidDefault:
          'ping 报 "sendmsg: Invalid argument"（内核无法创建邻居表项），而 gc_thresh3 仍是 {{n}}：邻居表很可能已满。',
      },
      fix: {
        count: '现在有多少条邻居表项？',
        noNew: '必须不再增长',
      },
    },
    'cilium-policy-drop': {
      title: '网络策略丢弃了流量（Cilium）',
      why: '一旦某个 NetworkPolicy 或 CiliumNetworkPolicy 选中了 Pod，只有规则允许的流量才能进入（或离开）它；其余流量都会被 Cilium 数据面丢弃，并以 “Policy denied” 为原因报告每次丢弃。此时连接超时，而 Service、Endpoint 和节点看起来都正常。',
      risk: '中：放宽策略会放进更多流量；只放行被拒绝的那个来源、端口和方向，并保留策略副本以便恢复。',
      verdict: {
        denied: 'Cilium 以 “Policy denied” 为原因丢弃了 {{n}} 个数据包，从 {{from}} 到 {{to}}。',
        none: '监控看到了流量或其他丢弃，但没有策略丢弃。',
      },
      fix: {
        which: '哪些策略选中了这些 Pod（命名空间级和集群级）：',
        allow: '先保存副本，再在选中目标 Pod 的策略中加一条规则，放行被拒绝的来源和端口：',
        noDrops: '在客户端重试时运行：不应再出现 “Policy denied” 行',
        restore: '恢复保存的策略',
      },
    },
  },
} satisfies Shape<typeof en>;
