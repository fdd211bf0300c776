import type { Shape } from './shape';
import type en from './cause.en';

/**
 * One block per cause of the catalog, in its order: the title, and for a cause with a rule why
 * it matters (`why`), the fix's risk, what the rule says when it finds, rules out or passes
 * over the cause (`verdict`), and the comments of its fix snippets (`fix`, `# @{key}`).
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
    'kube-proxy-rules-missing': {
      title: '本节点的 kube-proxy 没有下发规则',
      why: 'NodePort 和 ClusterIP 只在 kube-proxy 写好规则的节点上可用。某个节点的 kube-proxy 停止、反复重启或连不上 API Server 时，该节点上这个服务的规则缺失或过期，而其他节点仍然正常。',
      risk: '低：重启 kube-proxy 会重新生成它的规则；重新同步期间经过本节点的连接可能短暂中断。',
      verdict: {
        present: 'kube-proxy 的 KUBE-NODEPORTS 规则中有端口 {{port}}。',
        portMissing: 'nat 表中有 kube-proxy 的链，但 KUBE-NODEPORTS 中没有端口 {{port}} 的规则。',
        noKubeChains:
          'nat 表中完全没有 KUBE-* 链：kube-proxy 没有在本节点下发规则（或写到了另一个 iptables 后端）。',
        logErrors: 'kube-proxy 日志中有导致其无法同步规则的错误。',
        ipvsNodePort: 'IPVS 中有 {{n}} 个 NodePort {{port}} 的虚拟服务。',
        ipvsNodePortMissing:
          'IPVS 表中任何地址上都没有 NodePort {{port}} 的虚拟服务：kube-proxy 没有在本节点配置它。',
        ipvsClusterIp: 'IPVS 中有虚拟服务 {{vs}}。',
        ipvsClusterIpMissing:
          'IPVS 表中没有 {{vs}} 的虚拟服务：kube-proxy 没有在本节点配置这个 Service。',
      },
      fix: {
        ipvsVerify: 'IPVS 模式：应能看到该虚拟服务',
        why: '在问题再次发生前，找出它停止同步的原因：',
        noRollback: '无需回滚：重启 kube-proxy 只会重新生成它自己的规则',
      },
    },
    'etp-local-no-endpoint': {
      title: 'externalTrafficPolicy: Local 且本节点没有就绪的 Pod',
      why: '设置 externalTrafficPolicy: Local 后，为了保留客户端地址，节点只把 NodePort 流量转发给本机上的 Pod。没有该服务就绪 Pod 的节点会按设计丢弃这些流量（“has no local endpoints”），所以端口只在运行着 Pod 的节点上可用。',
      risk: '中：改成 Cluster 后所有节点都会转发，但 Pod 看到的是节点地址而不是客户端地址（SNAT）。在每个节点上运行 Pod，或通过健康检查端口把这类节点摘出负载均衡，都能保留客户端地址。',
      verdict: {
        why: 'kube-proxy 在本节点丢弃了该 NodePort 的流量：“has no local endpoints”。',
        hasLocal: 'NodePort {{port}} 的链把流量转发给本节点上的 Endpoint。',
      },
      fix: {
        where: '该服务的就绪 Pod 运行在哪些节点上？本节点需要一个：',
        either:
          '要么在负载均衡转发到的每个节点上运行一个就绪 Pod（DaemonSet、拓扑分布），要么让所有节点都转发：',
        orPool: '或者通过健康检查端口，把没有本地 Pod 的节点摘出负载均衡：',
        empty: '必须没有任何输出',
      },
    },
    'forward-drop': {
      title: '节点不转发数据包',
      why: 'Pod 在其他节点上的 NodePort 需要由本节点转发。net.ipv4.ip_forward=0，或者 FORWARD 链默认策略为 DROP（Docker 会这样设置）而又没有 kube-proxy 和 CNI 的放行规则时，数据包就在这里被丢弃。',
      risk: '中：开启转发后节点会为它能到达的任何地址做路由；请保留限制转发范围的主机防火墙规则。',
      verdict: {
        ipForwardOff: 'net.ipv4.ip_forward 为 0：节点不会把数据包路由给 Pod。',
        policyDropNoAccept:
          'FORWARD 链默认策略为 DROP，且没有任何规则（没有 KUBE-FORWARD，没有 ACCEPT）放行 Pod 流量。',
        policyDropCounting: 'FORWARD 链默认策略为 DROP，尽管有放行规则，其计数器仍显示有包被丢弃。',
        forwarding: '转发已开启：这些行显示 ip_forward = 1 或 FORWARD 默认策略为接受。',
      },
      fix: {
        docker:
          'Docker 启动时会把 FORWARD 设为 DROP：请保留 kube-proxy 的 KUBE-FORWARD 和 CNI 的放行规则',
        counter: '默认策略的计数器必须不再增长',
      },
    },
    'host-firewall-blocks': {
      title: '主机防火墙拒绝了 NodePort 端口段',
      why: '节点上的 firewalld（或 iptables-services 默认的 "REJECT all"）只放行明确配置的端口。kube-proxy 在 30000-32767 上提供的 NodePort 在这个节点被拒绝，而没有防火墙的节点正常响应。',
      risk: '中：开放 30000-32767 会把该节点上所有 NodePort 暴露给能访问它的任何人；如果节点可被不受信网络访问，请限制来源（firewalld rich rule、云安全组）。',
      verdict: {
        inputRejects: 'INPUT 链在任何规则放行之前就拒绝了到端口 {{port}} 的新连接。',
        inputAccepts: 'INPUT 链放行到端口 {{port}} 的新连接。',
        forwardRejects: 'FORWARD 链在 kube-proxy 和 CNI 的放行规则之前就拒绝了转发流量。',
        zoneAccepts: 'firewalld 区域 {{zone}} 放行所有流量。',
        zoneOpens: 'firewalld 区域 {{zone}} 开放了端口 {{port}}。',
        logDenied: '内核记录了 {{n}} 个到端口 {{ports}} 的新连接被防火墙规则拒绝（{{prefix}}）。',
        clientNoRoute:
          '客户端连接端口 {{port}} 时得到 "No route to host"：这是 REJECT 规则（firewalld、iptables-services）回的 ICMP admin-prohibited，除非节点本身不可达。',
        zoneCloses: 'firewalld 正在运行，区域 {{zone}} 没有开放端口 {{port}}（NodePort 范围）。',
      },
      fix: {
        firewalld: '使用 firewalld 时：',
        iptables: '使用普通 iptables（iptables-services）时，插在最后的 REJECT 之前：',
        services: '使用 iptables-services 时，保存当前规则，重启后仍然生效：',
        fromOutside: '请在节点外的客户端上执行',
      },
    },
    'rp-filter-asymmetric': {
      title: '严格的反向路径过滤丢弃了非对称流量',
      why: 'rp_filter = 1 时，如果回到源地址的路由要走另一个网卡，内核会丢弃这个包。节点有两个上行口（第二块网卡、VPN、策略路由）时，从"错误"网卡进来的流量被静默丢弃，NodePort 或 Pod 只对部分客户端可用。',
      risk: '低：宽松模式（2）仍会丢弃源地址完全不可路由的包，只是不再要求回包走同一个网卡。',
      verdict: {
        why: '严格反向路径过滤（rp_filter = 1）且节点有多个上行口（{{uplinks}}）：回程路由走另一个网卡的包被静默丢弃。',
        dropsOnly:
          '反向路径过滤为严格模式，且内核报告了 martian source 或 rp_filter 丢包；请贴 ip addr 和 ip route 查看上行口。',
        notStrict: '上行口的反向路径过滤为关闭或宽松模式（0 或 2）。',
        oneUplink: '节点只有一个上行口（{{uplink}}）：回包从来包的网卡出去。',
      },
      fix: {
        loose: '宽松模式：内核取 conf.all 与 conf.<网卡> 中较大的值，所以两处都要设置',
        order: '确认 /etc/sysctl.d 里没有更靠后的文件把 rp_filter 改回 1',
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
          '{{iface}}：这次 `ethtool -K` 已把 tx-checksum-ip-generic 关掉，修复已经生效；粘贴的内容里没有故障状态本身的证据（显示为 on 的 ethtool -k 输出，或内核日志中的 UDP 校验和错误）。',
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
    'ipvs-no-real-servers': {
      title: 'IPVS 虚拟服务没有后端真实服务器',
      why: 'kube-proxy 为 ClusterIP:port 创建 IPVS 虚拟服务，每个就绪的 endpoint 对应一个真实服务器。没有就绪 Pod 时（selector 匹配不到、就绪探针失败、端口名不一致），虚拟服务存在但没有真实服务器，或只有正在排空的权重为 0 的条目，连接无处可去。',
      risk: '低：修复在 Service 的 selector、Pod 标签或就绪探针上；kube-proxy 会自动跟随 endpoints。',
      verdict: {
        hasServers: '虚拟服务 {{vs}} 有 {{n}} 个可接收连接的真实服务器。',
        onlyWeightZero: '虚拟服务 {{vs}} 只有权重为 0 的真实服务器：它们正在排空，不接收新连接。',
        none: '虚拟服务 {{vs}} 没有任何真实服务器。',
        endpointsNone:
          '{{vs}} 对应的 Service 没有 endpoints（<none>），所以虚拟服务下没有真实服务器。',
        endpointsReady: '{{vs}} 对应的 Service 有就绪的 endpoints。',
        someEmpty:
          '有 {{n}} 个虚拟服务（包括 {{vs}}）没有可接收连接的真实服务器；请确认其中是否有超时的那个 Service。',
        allHaveServers: '全部 {{n}} 个虚拟服务都有真实服务器。',
        endpointsOnly: '{{name}} 的 endpoints 为 <none>：它的 IPVS 虚拟服务下没有真实服务器。',
        kernelNoDest:
          '内核为发往 {{vs}} 的 {{n}} 个连接找不到真实服务器（"no destination available"）。',
      },
      fix: {
        compare: 'endpoints 应列出 selector 匹配到的就绪 Pod：',
        selector: '没有就绪 Pod 匹配 selector：修正标签或 selector，或这些 Pod 的就绪探针',
        verify: '每个就绪 Pod 都应以权重 1 出现在真实服务器中',
        noRollback: '无需回滚：kube-proxy 会跟随 endpoints',
      },
    },
    'ipvs-modules-missing': {
      title: '未加载 IPVS 内核模块',
      why: 'IPVS 模式需要 ip_vs 模块、调度器模块（ip_vs_rr、ip_vs_wrr、ip_vs_sh）和 nf_conntrack。kube-proxy 找不到它们时会退回 iptables 模式（1.25 及以前）或直接退出（1.26 起）。旧版 kube-proxy 只检查已加载的模块，因此编译进内核的 IPVS（列在 /lib/modules/$(uname -r)/modules.builtin 中）会被误判为缺失：这种情况应升级 kube-proxy，而不是加载模块。4.19 及以上内核中 nf_conntrack_ipv4 改名为 nf_conntrack，旧版 kube-proxy 同样会误判。',
      risk: '低：加载模块在 kube-proxy 重启前不会改变任何东西；重启会重建规则，切换代理模式时本节点所有 Service 会被短暂重新配置。',
      verdict: {
        otherReason:
          'kube-proxy 因模块以外的原因（缺少 ipset 工具、调度算法不可用）放弃 IPVS，回退到 {{proxier}} 代理：安装 ipset 或修正调度算法后重启 kube-proxy。',
        fellBack:
          'kube-proxy 没有找到 IPVS 支持，退回到了 {{proxier}} 代理模式：本节点的 Service 不走 IPVS。',
        log: 'kube-proxy 无法使用 IPVS：日志说内核模块未加载或内核不支持 IPVS。',
        lsmodNoIpvs:
          'lsmod 中没有 {{modules}}：除非 IPVS 编译进了内核，否则 kube-proxy 无法以 IPVS 模式运行。',
        lsmodNoScheduler:
          'lsmod 中有 ip_vs 但没有 {{modules}}：旧版 kube-proxy 要求这些模块全部加载。',
        usingIpvs: 'kube-proxy 已启动 IPVS 代理。',
        tableProgrammed: 'IPVS 表中已有虚拟服务：本节点的 IPVS 正常工作。',
        loaded: 'IPVS 相关内核模块已加载。',
      },
      fix: {
        builtin: 'IPVS 已编译进内核？那就不需要加载模块：请升级 kube-proxy（旧版只认已加载的模块）',
        older: '4.19 以前的内核：用 nf_conntrack_ipv4 代替 nf_conntrack',
        rollback: '在改回代理模式之前，kube-proxy 会继续使用 IPVS',
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
      },
      fix: {
        restartCni: '然后重启本节点的 CNI 组件，让它重新检查',
        rollback: '本节点运行 Pod 时无需回滚：Kubernetes 要求网桥流量经过 iptables',
      },
    },
    'ipvs-conn-reuse-delay': {
      title: 'IPVS 连接复用导致延迟（conn_reuse_mode）',
      why: '当 net.ipv4.vs.conn_reuse_mode=1 且 net.ipv4.vs.conntrack=1 时，低于 5.9 的内核会丢弃源端口与旧 IPVS 条目相同的新连接的第一个 SYN 以便重新调度；客户端 1 秒后重传（多次丢失时可达 63 秒）。频繁复用端口的客户端会随机出现 1 秒延迟。kube-proxy 从 1.13 起会在这些内核上自行把 conn_reuse_mode 设为 0，所以这里为 1 通常意味着 kube-proxy 版本过旧，或有主机脚本把它改了回去。',
      risk: '中：conn_reuse_mode=0 消除了延迟，但复用的端口会继续发往旧的真实服务器，即使对应 Pod 已不存在（残留真实服务器、扩容后负载不均）。5.9 及以上内核可同时解决这两个问题。',
      verdict: {
        why: '内核低于 5.9 且 conn_reuse_mode 为 1、vs.conntrack 开启：复用了 IPVS 表中旧源端口的 SYN 会被丢弃，客户端要等 1 秒（或更久）才重传。',
        kernelUnknown:
          'conn_reuse_mode 为 1：在低于 5.9 的内核上会丢弃复用源端口的 SYN；请粘贴 `uname -r` 确认。',
        fixedKernel: '内核 {{release}}（5.9 及以上）复用连接时不再丢 SYN。',
        reuseOff: 'conn_reuse_mode 为 0。',
        noConntrack: 'conn_reuse_mode 为 1，但 net.ipv4.vs.conntrack 为 0，不会发生丢包。',
      },
      fix: {
        prefer: '根本修复：5.9 或更高版本的内核；查看本节点的版本：',
        careful: '在此之前，采用 kube-proxy 在旧内核上的做法（可能把复用端口发往已消失的 Pod）：',
        kubeProxy:
          'kube-proxy 1.13+ 在 5.9 以前的内核上会自动设为 0；若显示为 1，请查找把它改回的脚本或旧版 kube-proxy',
      },
    },
    'mtu-mismatch': {
      title: '覆盖网络 MTU 大于链路允许的值',
      why: '隧道封装（VXLAN 多 50 字节、IP-in-IP 多 20、WireGuard 多 60）必须装进下层路径的 MTU。CNI 的 MTU 过大时，满长的包封装后就装不下了：小请求正常，大的响应或上传一直挂起直到超时。',
      risk: '中：修改 CNI MTU 需要滚动重启 CNI 组件并重建 Pod 才生效；滚动期间 MTU 不一致，大流量传输可能短暂卡住。',
      verdict: {
        overlayTooBig:
          '{{iface}} 承载最大 {{mtu}} 字节的包，但加上隧道头后，下层设备只容得下 {{fits}} 字节：大包被丢弃。',
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
        nodeSearch:
          '节点的 resolv.conf 搜索公网域名 {{domain}}，Pod 会继承它；如果它有泛解析记录，短名字就会被解析到那里。请在 Pod 里做一次 nslookup 确认。',
        podSearch:
          'Pod 的搜索列表末尾有公网域名 {{domain}}（从节点继承）：名字会先拼上它去查询，如果它有泛解析记录就会得到错误的地址。请在 Pod 里做一次 nslookup 确认。',
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
        agentDown: 'CNI 组件未运行或未就绪：{{pods}}。所在节点的 Pod 网络已中断。',
        restarts: 'CNI 组件频繁重启（{{pods}}）；请查看它上一次的日志。',
        otherNodes: '相关节点上的 CNI 组件正常，但其他节点上的不正常。',
        logErrors: 'CNI 组件日志中有错误，导致它无法为节点配置网络。',
        healthy: '列出的 {{n}} 个 CNI 组件都在运行且已就绪。',
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
    'ingress-hostnetwork-dns': {
      title: 'hostNetwork 的 Ingress 控制器无法解析集群内域名',
      why: '使用 hostNetwork: true 的 Pod 会拿到节点的 /etc/resolv.conf，除非 dnsPolicy 为 ClusterFirstWithHostNet；此时 ClusterFirst 实际上就是节点的 DNS。这样运行的 ingress-nginx 副本无法解析集群内域名（kubernetes.default、ExternalName 后端），不再更新上游，于是只有经它处理的请求失败。',
      risk: '低：补丁会逐个滚动重启控制器 Pod；每个副本重启期间不提供服务。',
      verdict: {
        clusterFirst:
          '{{name}} 以 hostNetwork: true 运行且 dnsPolicy 为 {{policy}}：它使用节点的 DNS，无法解析集群内域名。',
        defaultPolicy:
          '{{name}} 以 hostNetwork: true 运行且未设置 dnsPolicy（默认 ClusterFirst）：它使用节点的 DNS，无法解析集群内域名。',
        withHostNet: '控制器以 hostNetwork 运行，dnsPolicy 为 ClusterFirstWithHostNet。',
        noHostNetwork: '控制器没有使用 hostNetwork：它使用集群 DNS。',
        logOnly:
          '控制器解析域名失败；请粘贴它的 Pod spec，确认是否是 hostNetwork 而未设置 ClusterFirstWithHostNet。',
      },
      fix: {
        rollout: '控制器 Pod 会以新策略逐个重启',
        helm: '使用 Helm chart 时：controller.hostNetwork=true 且 controller.dnsPolicy=ClusterFirstWithHostNet',
        verify: '应显示集群 DNS（nameserver 为 kube-dns 的 ClusterIP）',
      },
    },
    'ingress-http2-bad-ciphers': {
      title: '自定义 TLS 加密套件导致 HTTP/2 不可用',
      why: 'TLS 1.2 上的 HTTP/2 要求临时密钥交换（ECDHE/DHE）加 AEAD 加密（GCM、ChaCha20）；RFC 7540 把其余套件（如 AES128-SHA）列为禁用。ingress-nginx 优先使用服务端的套件顺序并默认开启 HTTP/2，所以以这类套件开头的自定义 ssl-ciphers 会让浏览器拒绝访问（ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY），而 curl 用 HTTP/1.1 仍能访问。',
      risk: '低：默认套件正是现代浏览器所期望的。只支持 SSLv3/TLS 1.0 套件的极老客户端将无法访问；改为关闭 HTTP/2 可保留它们，但所有人都失去 HTTP/2。',
      verdict: {
        why: '加密套件列表以 {{cipher}} 开头，这是 HTTP/2 禁用的套件（没有 ECDHE/DHE 或不是 AEAD）：服务端会选中它，浏览器拒绝 HTTP/2 连接。',
        negotiated:
          '客户端通过 {{cipher}} 建立了 HTTP/2，而该套件被 HTTP/2 禁用：浏览器会拒绝此连接。',
        browserOnly:
          '浏览器因 TLS 设置拒绝了 HTTP/2（INADEQUATE_TRANSPORT_SECURITY）：请粘贴 ssl-ciphers 配置，看看协商到的是哪个套件。',
        http2Off: 'HTTP/2 已关闭（use-http2: false），套件顺序不会导致此问题。',
        goodFirst: '加密套件列表以 {{cipher}} 开头，这是 HTTP/2 允许的套件。',
        negotiatedOk: '客户端协商到 {{cipher}}，HTTP/2 接受该套件。',
        defaultCiphers: '配置中没有修改 ssl-ciphers：控制器默认的加密套件符合 HTTP/2 要求。',
      },
      fix: {
        restore: '恢复控制器默认的加密套件（符合 HTTP/2 要求）：',
        orDisable: '或者，若必须保留旧套件，改为关闭 HTTP/2：',
        persist: '把它保存在控制器的 Helm values（controller.config）或 Git 中的 ConfigMap 清单里',
        verify: '应显示 ECDHE/AEAD 套件（或 TLSv1.3）以及 ALPN h2',
        rollback: '恢复原来的 ssl-ciphers 值（保存在 Git 或 Helm values 中）：',
      },
    },
    'ingress-liveness-restarts': {
      title: 'Ingress 控制器因存活探针失败被重启',
      why: '当 10254 端口的 GET /healthz 连续失败 failureThreshold 次（默认超时 1 秒）时，kubelet 会重启控制器。节点上丢包时（常见原因是 conntrack 表满），即使 nginx 正常，探针也会失败；每次重启都会断开经过该副本的所有连接，入口随之抖动。',
      risk: '低：提高阈值和超时只会让 kubelet 更晚重启真正卡死的控制器。同时也要解决底层的丢包。',
      verdict: {
        restarted: 'kubelet 因存活探针失败而重启控制器（失败 {{n}} 次，重启次数 {{restarts}}）。',
        failing: '控制器的存活探针失败了 {{n}} 次；再连续失败几次，kubelet 就会重启它。',
        restartsOnly: '控制器已重启 {{restarts}} 次；它的事件能说明是否因存活探针而重启。',
        climbing: '控制器的重启次数在两次粘贴之间增长（现为 {{restarts}}）。',
        noRestarts: '控制器没有重启过。',
      },
      fix: {
        cause: '探针失败是因为节点上丢包：查明原因（常见是 conntrack 表满）',
        onNode: '在控制器所在节点上运行',
        threshold: '在此之前，让 kubelet 在重启前更有耐心：',
        helm: '使用 Helm chart 时：controller.livenessProbe.failureThreshold 与 timeoutSeconds',
        verify: 'RESTARTS 列应不再增长',
      },
    },
    'upstream-no-endpoints': {
      title: '后端 Service 没有就绪的 Endpoint（503）',
      why: 'ingress-nginx 把请求发往后端 Service 的 endpoints 中的 Pod IP。Service 没有就绪的 endpoint 时（selector 匹配不到 Pod、Pod 就绪探针失败、端口名不匹配），nginx 无处转发，返回 503。',
      risk: '低：修复在 Service 的 selector、Pod 标签或就绪探针上；控制器会自动获取 endpoints。',
      verdict: {
        controller:
          '控制器中 Service {{service}} 没有可用的 endpoint：nginx 没有可转发的 Pod（503）。',
        noLive: 'nginx 找不到存活的上游：后端没有可用的 endpoint（503）。',
        accessAndEndpoints: '这些 503 发往 {{service}} 的后端，而它的 endpoints 为 <none>。',
        endpointsOnly:
          '有 {{n}} 个 Service（包括 {{service}}）没有 endpoints：若其中有 Ingress 的后端，它会返回 503。',
        triedPods: 'nginx 有可尝试的 Pod 地址：后端 Service 有 endpoints。',
        endpointsReady: 'Service {{service}} 有就绪的 endpoints。',
      },
      fix: {
        selector: 'selector 必须匹配就绪 Pod 的标签：',
        ready: '匹配但未就绪的 Pod：它们的就绪探针为什么失败？',
        persist: '在 Git 中的清单里修正 selector 或标签，或修正就绪探针',
        verify: '应列出 Pod 地址',
        rollback: '无需回滚：控制器会跟随 endpoints',
      },
    },
    'upstream-timeout': {
      title: '上游 Pod 没有及时响应（504）',
      why: 'Pod 没有及时响应时 nginx 返回 504。"while connecting to upstream" 表示 SYN 在 proxy-connect-timeout（5 秒）内没有回应：控制器所在节点到 Pod 的网络有问题（CNI、MTU、conntrack、节点宕机）。"while reading response header" 表示 Pod 接受了连接，但超过 proxy-read-timeout（60 秒）仍无响应：应用太慢。',
      risk: '低：调大 proxy-read-timeout 只是让慢请求能完成；它掩盖而不是修复慢应用，并会保持更多连接。',
      verdict: {
        connect:
          'nginx 连接 Pod（{{upstream}}）超时 {{n}} 次：SYN 没有回应，控制器与 Pod 之间的网络有问题。',
        read: 'nginx 等待 Pod（{{upstream}}）响应超时 {{n}} 次：Pod 接受了连接，但响应慢于 proxy-read-timeout。',
        accessConnect: '{{n}} 个请求以 504 结束，每次尝试约 5 秒，正是连接超时：nginx 连不上 Pod。',
        access: '{{n}} 个请求以 504 结束：nginx 等不到 Pod 的响应。',
        otherErrors: '日志中的上游错误是 {{kinds}}，不是超时。',
        none: '日志中没有超时的请求（没有 504，也没有 "upstream timed out"）。',
      },
      fix: {
        connecting:
          '"while connecting"：从控制器所在节点能连上 Pod 吗？这里超时说明是 Pod 网络问题（CNI、MTU、conntrack）：',
        reading: '"while reading response header"：应用太慢；修复期间先给它更多时间：',
        persistConnect:
          '连接超时：修复 Pod 网络路径（clusterip-ipvs-timeout 与 pod-external-intermittent 的检查会逐段排查）',
        persistRead: '读取超时：修复慢接口；把注解保存在 Git 中的 Ingress 清单里：',
        verify: '应保持为 0',
      },
    },
    'upstream-refused': {
      title: '上游 Pod 拒绝连接（502）',
      why: 'Pod 地址用 reset 回应连接时 nginx 返回 502：Pod 存在但端口上没有进程监听。通常是 Service 的 targetPort 与容器端口不一致、应用只监听 127.0.0.1，或 Pod 正在重启。',
      risk: '中：修改 Service 的 targetPort 会同时影响该 Service 的所有客户端；请先确认容器端口。',
      verdict: {
        why: 'Pod 拒绝了 nginx 的连接 {{n}} 次（{{upstream}}）：targetPort 上没有进程监听（端口错误、应用未启动或 Pod 正在重启）。',
        access:
          '{{n}} 个请求以 502 结束，每次尝试都立即失败，符合连接被拒绝的特征；以错误日志为准。',
        otherErrors: '日志中的上游错误是 {{kinds}}，不是连接被拒绝。',
        none: '日志中没有被拒绝的连接。',
      },
      fix: {
        who: '是哪个 Pod？它在运行并且就绪吗？',
        ports: 'Service 的 targetPort 必须是容器实际监听的端口：',
        targetPort: '把 targetPort 指向容器端口（或命名端口），并同步修改 Git 中的清单：',
        readiness: '再给 Pod 配置该端口上的就绪探针，让它只在开始监听后才接收流量',
        verify: '应保持为 0',
        rollback: '用同样的方式把 targetPort 改回原值',
      },
    },
    'ingress-stray-traffic': {
      title: '已废弃域名的残余流量堆积了半开连接',
      why: '已下线但仍通过泛解析指向 ingress 的域名，会带来无法完成连接的客户端（防火墙、网络质量差）。它们在 conntrack 和 socket 表中留下大量 SYN_RECV、FIN_WAIT、LAST_ACK 条目，占用正常流量所需的容量。',
      risk: '低：nginx 会立即关闭这些域名的连接（444）；请确认 server_name 列表没有匹配到仍在使用的站点。',
      verdict: {
        halfOpen:
          '{{total}} 条跟踪连接中有 {{halfOpen}} 条处于半开状态（SYN_RECV、FIN_WAIT、LAST_ACK）：客户端始终没有完成握手或关闭。',
        strayHosts:
          '{{requests}} 个请求中有 {{stray}} 个访问的是没有 Ingress 的域名（由默认后端应答）。',
        fewHalfOpen: '{{total}} 条跟踪连接中只有 {{halfOpen}} 条处于半开状态。',
      },
      fix: {
        hosts: '默认后端应答了哪些域名？',
        catchAll: '立即关闭已下线域名的连接（444）；这会替换已有的 http-snippet：',
        dns: '根本修复：删除仍把这些域名指向 ingress 的泛解析记录',
        verify: '结尾应为 "Empty reply from server"',
      },
    },
    'ipvs-idle-timeout': {
      title: 'IPVS 比客户端更早遗忘空闲连接',
      why: 'IPVS 维护自己的连接表，TCP 连接空闲超过其超时时间（默认 900 秒，除非 kube-proxy 设置了 --ipvs-tcp-timeout）后即被忘记。客户端和连接池保持连接的时间长得多，而第一个 keepalive 探测要等到 tcp_keepalive_time（默认 7200 秒）之后。于是一段空闲后的第一个请求走的是 IPVS 已不认识的连接：挂起或被重置。',
      risk: '低：缩短 keepalive 只会为每个空闲连接多发几个很小的探测包。改为调大 IPVS 超时则会让表中保留更多条目。',
      verdict: {
        why: 'IPVS 在空闲 {{ipvs}} 秒后忘记 TCP 连接，而第一个 keepalive 探测要 {{keepalive}} 秒后才发出：在这之间空闲的池化连接再次使用时已经失效。',
        timeoutOnly:
          'IPVS 在空闲 {{ipvs}} 秒后忘记 TCP 连接，低于内核默认的 keepalive 时间 7200 秒；请粘贴客户端的 `sysctl net.ipv4.tcp_keepalive_time` 确认。',
        keepaliveBelow:
          'keepalive 探测（{{keepalive}} 秒）早于 IPVS 忘记空闲连接的时间（{{ipvs}} 秒）。',
        timeoutAboveDefault: 'IPVS 保留空闲 TCP 连接 {{ipvs}} 秒，长于默认的 keepalive 时间。',
        noExpiry: 'IPVS 的 TCP 超时为 0。',
      },
      fix: {
        keepalive: '让 keepalive 探测早于 IPVS 忘记连接（其 TCP 超时，默认 900 秒）：',
        pods: 'Pod 有自己的网络命名空间：也要在客户端 Pod 中设置（见下文），或在客户端库中设置',
        podSysctl:
          '在客户端工作负载中设置（Kubernetes 1.29 起为安全 sysctl；之前需要 kubelet 允许）：',
        orRaise: '或者改为调大 IPVS 超时，在 kube-proxy 配置中：ipvs.tcpTimeout（例如 7260s）',
      },
    },
    'ipvs-stale-realserver': {
      title: '失效的 IPVS 真实服务器仍在接收流量',
      why: 'Pod 消失时，kube-proxy 把它的真实服务器权重设为 0，连接结束后再删除。在 conn_reuse_mode=0 时，复用源端口的新连接仍会发往这个旧的真实服务器；节点宕机后，其 Pod 的真实服务器可能一直保留到 kube-proxy 同步为止：流量持续发往已不再响应的地址。',
      risk: '低：手工删除残留的真实服务器没有风险（kube-proxy 本来也会删除）；仍是 endpoint 的条目会在下次同步时被重建。',
      verdict: {
        notInEndpoints: 'IPVS 表仍在向 Service 的 endpoints 中已不存在的真实服务器转发。',
        weightZeroActive:
          '权重为 0 的真实服务器（已删除的 Pod）仍在接收流量：上面有活动连接，或客户端因会话保持（persistent）被固定到它们。',
        weightZeroDraining:
          '权重为 0 的真实服务器仍有非活动连接；除非长时间不消失，这属于正常排空。',
        matchesEndpoints: '真实服务器与 Service 的 endpoints 一致，没有残留的权重为 0 的条目。',
        noWeightZero: '没有带连接的权重为 0 的真实服务器。',
      },
      fix: {
        look: '权重为 0 或不在 endpoints 中的真实服务器是残留条目：',
        remove: '手工删除残留的真实服务器（若它仍是 endpoint，kube-proxy 会重新添加）：',
        reuse: '在低于 5.9 的内核上，conn_reuse_mode=0 会把复用的源端口继续发往旧的真实服务器：',
        upgrade:
          '根本修复：5.9+ 内核配合 conn_reuse_mode=1，以及不再把它设为 0 的 kube-proxy（1.22+）',
        verify: '删除的地址不应再出现',
        noRollback: '无需回滚：kube-proxy 会重建存活 endpoints 的真实服务器',
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
        few: 'conntrack 几乎没有把包标成 INVALID。',
      },
      fix: {
        module: '开机时加载 nf_conntrack，否则 sysctl.d 中的这一行找不到可设置的键：',
        kubeProxy: 'kube-proxy 1.29 及以上可在其配置文件中自行设置：',
        orDrop: '或者改为丢弃 INVALID 包（kube-proxy 1.15 起会在 KUBE-FORWARD 中加这条规则）：',
        runTwice: '执行两次：计数必须不再增长',
      },
    },
    'iptables-backend-mismatch': {
      title: '规则位于另一个 iptables 后端（legacy 与 nft）',
      why: 'iptables 1.8 有两个互相看不到对方规则的后端（legacy 和 nf_tables）。kube-proxy、CNI、Docker 或主机用了不同后端时，你看的导出里缺少仍在生效的规则，另一个后端里的过期规则还会把流量送往旧 Pod。',
      risk: '中：两个后端都有规则时切换主机后端，可能在 kube-proxy 和 CNI 重新同步前残留过期规则；请逐个节点、先驱逐再操作。',
      verdict: {
        nftablesMode:
          'kube-proxy 运行在 nftables 模式：规则在 nft 里，所以 iptables 导出里一条也没有。',
        nftablesModeOnly:
          'kube-proxy 运行在 nftables 模式：请用 nft list ruleset 查看规则，而不是 iptables-save。',
        rulesInLegacy:
          '这份导出来自 nf_tables 后端，没有 kube-proxy 的链，并提示存在 legacy 表：kube-proxy 的规则在另一个后端里。',
        bothBackends: '本节点两个 iptables 后端都有表：你没看的那个后端里的规则仍然作用于数据包。',
        noKubeChains:
          'kube-proxy 运行在 iptables 模式，但这份完整的 nat 表（{{backend}}）里没有任何 KUBE-* 链：kube-proxy 写到了另一个后端，或根本没写。',
        oneBackend: 'kube-proxy 的链就在这份导出里（{{backend}}），也没有提示存在另一个后端。',
      },
      fix: {
        which: 'kube-proxy 的规则在哪个后端？',
        pick: '使用 kube-proxy 和 CNI 所用的后端（当前发行版多为 nft）：',
        flushOld: '然后让 kube-proxy 重写规则（全部统一到一个后端后，再清空过期的后端）',
      },
    },
    'nodeport-port-range-clash': {
      title: '本地进程占用了 NodePort 端口',
      why: '当 net.ipv4.ip_local_port_range 与 NodePort 端口段重叠且没有预留时，任何出站连接都可能被分配到该 NodePort 作为源端口。kube-proxy 因此无法打开该端口（“address already in use”）并跳过它，服务只在这个节点上不可用。',
      risk: '低：预留端口段只是阻止内核把这些端口分配给出站连接。',
      verdict: {
        bindFailed:
          'kube-proxy 无法打开该 NodePort：端口被其他进程占用（“address already in use”）。',
        overlap: '本地端口范围与 NodePort 端口段重叠，且 NodePort 没有被预留。',
        noOverlap: '本地端口范围与 NodePort 端口段不重叠。',
        reserved: 'NodePort 端口段已预留（ip_local_reserved_ports）。',
      },
      fix: {
        who: '谁占用了该端口？重启那个进程，然后重启 kube-proxy',
      },
    },
    'arp-neigh-overflow': {
      title: '邻居（ARP）表溢出',
      why: '内核最多保留 gc_thresh3 条邻居（ARP）表项，默认 1024。在大型扁平网络，或 Pod 与对端很多的节点上，邻居表会溢出：新的对端无法解析，部分主机不可达，健康检查时好时坏。',
      risk: '低：更大的阈值只多占一点内核内存，也让过期表项存活更久。',
      verdict: {
        overflow:
          '内核日志出现 "neighbor table overflow"：邻居表已到 gc_thresh3（{{n}}），新的对端无法解析。',
        overflowRaised:
          '内核日志出现 "neighbor table overflow"，而 gc_thresh3 已经是 {{n}}：这些日志可能早于调整，或上限仍然太低。',
        raised: 'gc_thresh3 已调高到 {{n}}（默认 1024）。',
        quietLog: '{{n}} 行内核日志中没有邻居表溢出。',
      },
      fix: {
        count: '现在有多少条邻居表项？',
        noNew: '必须不再增长',
      },
    },
    'ingress-upstream-keepalive-mismatch': {
      title: '后端在 nginx 复用前关闭了长连接',
      why: 'nginx 保持到 Pod 的空闲连接，并在 upstream-keepalive-timeout（默认 60 秒）内复用。后端若更早关闭空闲连接（Node.js 5 秒后，很多应用服务器 5-30 秒后），就可能恰好在 nginx 发出请求时关闭连接：随机出现 "upstream prematurely closed connection while reading response header" 和 502。',
      risk: '低：缩短上游 keepalive 只会让到 Pod 的新连接稍微多一些。把后端的 keepalive 超时调到大于 nginx 的也同样有效。',
      verdict: {
        premature:
          '后端在响应前关闭了 {{n}} 个连接（"prematurely closed ... while reading response header"）：它关闭空闲 keepalive 连接比 nginx 停止复用（{{timeout}}）更早。',
        reset:
          '后端重置了 {{n}} 个 nginx 正在复用的连接；可能是它的 keepalive 超时短于 nginx 的（{{timeout}}）。',
        noPool: 'upstream-keepalive-connections 为 0：nginx 不复用到 Pod 的连接。',
        otherErrors: '日志中的上游错误是 {{kinds}}，不是 keepalive 连接被关闭。',
      },
      fix: {
        backend:
          '最佳做法：让后端保持空闲连接的时间长于 nginx（60 秒），例如 Node.js 的 server.keepAliveTimeout = 65000',
        lower: '或者让 nginx 比后端更早关闭空闲的上游连接（秒）：',
        persist: '把该值保存在控制器的 Helm values（controller.config）或其 ConfigMap 清单中',
        verify: '应保持为 0',
      },
    },
    'ingress-upstream-header-too-big': {
      title: '后端响应头超过了代理缓冲区',
      why: 'nginx 把后端的响应头读入一个大小为 proxy-buffer-size（默认 4k 或 8k）的缓冲区。过大的 Cookie、很长的重定向 URL 或认证令牌会溢出：nginx 记录 "upstream sent too big header" 并返回 502。',
      risk: '低：更大的缓冲区只会让每个连接多占一点内存。',
      verdict: {
        why: '后端 {{n}} 次返回了超过 proxy-buffer-size（{{size}}）的响应头：nginx 返回 502。',
        otherErrors: '日志中的上游错误是 {{kinds}}，不是响应头过大。',
      },
      fix: {
        annotate: '针对该后端的 Ingress：',
        global: '或者在控制器的 ConfigMap 中对所有 Ingress 生效：',
        measure: '响应头大小（字节）',
      },
    },
    'service-no-endpoints': {
      title: 'kube-proxy 认为服务没有就绪 Endpoint 并拒绝连接',
      why: 'Service 没有就绪端点时，kube-proxy 会为它写一条 REJECT 规则：客户端立即被拒绝而不是超时。要么选择器匹配不到 Pod，要么 Pod 未就绪，要么（只有一个节点拒绝时）该节点 kube-proxy 的端点视图过期了。',
      risk: '低：修复在工作负载的选择器、标签或就绪探针上；重启 kube-proxy 只是重新同步它的规则。',
      verdict: {
        rejects:
          'kube-proxy 拒绝发往 {{service}} 的流量："has no endpoints"。客户端会立即收到拒绝。',
        staleView:
          '本节点的 kube-proxy 认为 {{service}} 没有端点并拒绝流量，而该 Service 其实有端点：它的视图过期了。',
        noEndpoints: 'Service {{service}} 没有就绪的端点。',
        hasEndpoints: 'Service {{service}} 有就绪的端点。',
        portServed: 'kube-proxy 为端口 {{port}} 写的规则指向了端点。',
        someRejected:
          'kube-proxy 拒绝了 {{n}} 个没有端点的 Service（{{services}}）；看看你的 Service 是否在其中。',
        emptyEndpoints: '这些 Service 没有就绪的端点：{{services}}。你的在其中吗？',
      },
      fix: {
        look: '选择器能匹配到就绪的 Pod 吗？',
        fixSelector: '修正标签或选择器，或查看 Pod 为什么未就绪：',
        stale: '如果端点存在而只有本节点拒绝，重启本节点的 kube-proxy：',
        empty: '必须没有输出',
        noRollback: '无需回滚：改动在工作负载或其标签上',
      },
    },
  },
} satisfies Shape<typeof en>;
