import type { Shape } from './shape';
import type en from './cause-proxy.en';

/**
 * Causes in kube-proxy and the Service datapath: its rules, IPVS, the iptables backends,
 * NodePort clashes, externalTrafficPolicy Local, Services without endpoints. One block per
 * cause, in catalog order: title, why, risk, the rule's `verdict` texts and its fix comments.
 */
export default {
  cause: {
    'kube-proxy-rules-missing': {
      title: '本节点的 kube-proxy 没有下发规则',
      why: 'NodePort 和 ClusterIP 只在 kube-proxy 写好规则的节点上可用。某个节点的 kube-proxy 停止、反复重启或连不上 API Server 时，该节点上这个服务的规则缺失或过期，而其他节点仍然正常。',
      risk: '低：重启 kube-proxy 会重新生成它的规则；重新同步期间经过本节点的连接可能短暂中断。',
      verdict: {
        present: 'kube-proxy 的 KUBE-NODEPORTS 规则中有端口 {{port}}。',
        portMissing: 'nat 表中有 kube-proxy 的链，但 KUBE-NODEPORTS 中没有端口 {{port}} 的规则。',
        noKubeChains:
          'nat 表中完全没有 KUBE-* 链：kube-proxy 没有在本节点下发规则（或写到了另一个 iptables 后端）。',
        podDown: 'kube-proxy 未在其节点上正常运行（{{pods}}）：该节点的 Service 规则缺失或已过期。',
        logErrors: 'kube-proxy 日志中有导致其无法同步规则的错误。',
        ipvsNodePort: 'IPVS 中有 {{n}} 个 NodePort {{port}} 的虚拟服务。',
        ipvsNodePortMissing:
          'IPVS 表中任何地址上都没有 NodePort {{port}} 的虚拟服务：kube-proxy 没有在本节点配置它。',
        ipvsClusterIp: 'IPVS 中有虚拟服务 {{vs}}。',
        ipvsClusterIpMissing:
          'IPVS 表中没有 {{vs}} 的虚拟服务：kube-proxy 没有在本节点配置这个 Service。',
        nftNodePort: 'kube-proxy 的 nftables 映射中有 NodePort {{port}}。',
        nftNodePortMissing:
          'kube-proxy 的 nftables 表中有它的映射，但没有 NodePort {{port}} 的条目（service-nodeports 和 no-endpoint-nodeports 中都没有）：kube-proxy 没有在本节点配置它。',
        nftClusterIp: 'kube-proxy 的 nftables 映射中有 {{vs}}。',
        nftClusterIpMissing:
          'kube-proxy 的 nftables 表中有它的映射，但没有 {{vs}} 的条目（service-ips 和 no-endpoint-services 中都没有）：kube-proxy 没有在本节点配置这个 Service。',
      },
      fix: {
        ipvsVerify: 'IPVS 模式：应能看到该虚拟服务',
        nftVerify: 'nftables 模式：应能看到该 NodePort',
        why: '在问题再次发生前，找出它停止同步的原因：',
        noRollback: '无需回滚：重启 kube-proxy 只会重新生成它自己的规则',
        conntrackWhy:
          'kube-proxy 启动时因无法写入 conntrack 设置而退出（在 LXC/LXD、kind 或 minikube 节点内该设置只读；nf_conntrack 模块未加载时该文件不存在）：仅重启它只会再次退出。让它不去调整 conntrack 大小：',
        conntrackEdit:
          '在 config.conf 中设置  conntrack: maxPerCore: 0（参数：--conntrack-max-per-core=0）',
        conntrackPersist:
          '修改 ConfigMap 即可持久生效（kubeadm）。k3s：在 /etc/rancher/k3s/config.yaml 中加入 kube-proxy-arg: conntrack-max-per-core=0。MicroK8s：在 /var/snap/microk8s/current/args/kube-proxy 中加入 --conntrack-max-per-core=0 并重启 MicroK8s。若节点需要更大的连接跟踪表，请改为在宿主机上调大 net.netfilter.nf_conntrack_max。',
      },
    },
    'etp-local-no-endpoint': {
      title: 'externalTrafficPolicy: Local 且本节点没有就绪的 Pod',
      why: '设置 externalTrafficPolicy: Local 后，为了保留客户端地址，节点只把 NodePort 流量转发给本机上的 Pod。没有该服务就绪 Pod 的节点会按设计丢弃这些流量（“has no local endpoints”），所以端口只在运行着 Pod 的节点上可用。',
      risk: '中：改成 Cluster 后所有节点都会转发，但 Pod 看到的是节点地址而不是客户端地址（SNAT）。在每个节点上运行 Pod，或通过健康检查端口把这类节点摘出负载均衡，都能保留客户端地址。',
      verdict: {
        why: 'kube-proxy 在本节点丢弃了该 NodePort 的流量：“has no local endpoints”。',
        hasLocal: 'NodePort {{port}} 的链把流量转发给本节点上的 Endpoint。',
        nftDrop:
          'kube-proxy（nftables 模式）在本节点丢弃 NodePort {{port}} 的流量：它的 no-endpoint-nodeports 映射写着 drop，这是 externalTrafficPolicy: Local 且本节点没有 Endpoint 时它写入的。',
        nftServed:
          'kube-proxy（nftables 模式）在本节点把 NodePort {{port}} 送往该 Service 的链，没有因缺少本地 Endpoint 而丢弃。',
      },
      fix: {
        where: '该服务的就绪 Pod 运行在哪些节点上？本节点需要一个：',
        either:
          '要么在负载均衡转发到的每个节点上运行一个就绪 Pod（DaemonSet、拓扑分布），要么让所有节点都转发：',
        orPool: '或者通过健康检查端口，把没有本地 Pod 的节点摘出负载均衡：',
        empty: '必须没有任何输出',
        nftEmpty: 'nftables 模式：必须没有任何输出',
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
        migrate:
          'IPVS 模式自 Kubernetes 1.35 起已弃用；在 nftables 模式下，同样没有就绪 Endpoint 的 Service 会出现在 `nft list map ip kube-proxy no-endpoint-services` 中并被立即拒绝。kube-proxy 当前的模式：',
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
        vsRefused:
          'kube-proxy 以 IPVS 模式运行，但内核拒绝创建它的虚拟服务（"no such file or directory"）：所配置调度算法的模块（ip_vs_<调度算法>，例如 `scheduler: sed` 对应 ip_vs_sed）未加载。dmesg 中会有 "IPVS: Scheduler module ip_vs_… not found"。',
        lsmodNoIpvs:
          'lsmod 中没有 {{modules}}：除非 IPVS 编译进了内核，否则 kube-proxy 无法以 IPVS 模式运行。',
        lsmodNoScheduler:
          'lsmod 中有 ip_vs 但没有 {{modules}}：旧版 kube-proxy 要求这些模块全部加载。',
        kubeadm:
          'kubeadm 预检发现 {{modules}} 既未加载也未编译进内核：IPVS 模式的 kube-proxy 需要这些模块（只有内核自带这些模块时它才可能自行加载）。',
        usingIpvs: 'kube-proxy 已启动 IPVS 代理。',
        tableProgrammed: 'IPVS 表中已有虚拟服务：本节点的 IPVS 正常工作。',
        loaded: 'IPVS 相关内核模块已加载。',
      },
      fix: {
        migrate:
          'IPVS 模式自 Kubernetes 1.35 起已弃用；nftables 模式（内核 5.13 或更新）不需要 ip_vs 模块。kube-proxy 当前的模式：',
        builtin: 'IPVS 已编译进内核？那就不需要加载模块：请升级 kube-proxy（旧版只认已加载的模块）',
        older: '4.19 以前的内核：用 nf_conntrack_ipv4 代替 nf_conntrack',
        rollback: '在改回代理模式之前，kube-proxy 会继续使用 IPVS',
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
        defaultOnly:
          'conn_reuse_mode 为 1，这是任何加载了 ip_vs 的主机的默认值；丢 SYN 还需要 net.ipv4.vs.conntrack=1，只有 IPVS 模式的 kube-proxy（或其他 IPVS 服务代理）会开启它，而粘贴的内容里没有任何迹象。请粘贴 `sysctl net.ipv4.vs.conntrack` 和 `uname -r` 确认。',
        leftByKubeProxy:
          'kube-proxy（IPVS 模式）报告无法设置 conn_reuse_mode，因为它认为内核低于 4.1（典型是 CentOS 7 的 3.10 内核，该参数已回移植且默认为 1）：它保持为 1，加上 kube-proxy 总会设置的 vs.conntrack=1，复用源端口的 SYN 会被丢弃，1 秒后才重传。请粘贴 `sysctl net.ipv4.vs.conn_reuse_mode` 确认。',
      },
      fix: {
        migrate:
          'IPVS 模式自 Kubernetes 1.35 起已弃用；nftables 模式没有 IPVS 的连接复用，因此不会出现这种延迟。kube-proxy 当前的模式：',
        prefer: '根本修复：5.9 或更高版本的内核；查看本节点的版本：',
        careful: '在此之前，采用 kube-proxy 在旧内核上的做法（可能把复用端口发往已消失的 Pod）：',
        kubeProxy:
          'kube-proxy 1.13+ 在 5.9 以前的内核上会自动设为 0；若显示为 1，请查找把它改回的脚本或旧版 kube-proxy',
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
        migrate:
          'IPVS 模式自 Kubernetes 1.35 起已弃用；nftables 模式按 conntrack 的超时（established 为 5 天）保持空闲连接，而不是 IPVS 的 900 秒。kube-proxy 当前的模式：',
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
        drainingOnly:
          '权重为 0 的真实服务器只剩少量正在关闭的连接、没有活动连接：这是优雅终止在正常进行，不是残留的真实服务器。',
        matchesEndpoints: '真实服务器与 Service 的 endpoints 一致，没有残留的权重为 0 的条目。',
        noWeightZero: '没有带连接的权重为 0 的真实服务器。',
        offTargetPort:
          '虚拟服务器仍在向 {{realServer}} 转发，而 Service 已不再指向这个端口（它的 targetPort 是 {{target}}），同时也有 {{target}} 端口上的真实服务器：这是 Service 端口修改之前留下的残留真实服务器。',
        keptWithConnections:
          'kube-proxy 已把 {{realServer}} 从 Service 的 endpoints 中移除，但 IPVS 上仍有 {{active}} 个已建立的连接，它就不删除这个真实服务器：权重为 0 的真实服务器仍在被客户端使用。',
      },
      fix: {
        migrate:
          'IPVS 模式自 Kubernetes 1.35 起已弃用；nftables 模式没有会残留的 real server 权重：Endpoint 的链随 Endpoint 一起删除。kube-proxy 当前的模式：',
        look: '权重为 0 或不在 endpoints 中的真实服务器是残留条目：',
        remove: '手工删除残留的真实服务器（若它仍是 endpoint，kube-proxy 会重新添加）：',
        reuse: '在低于 5.9 的内核上，conn_reuse_mode=0 会把复用的源端口继续发往旧的真实服务器：',
        upgrade:
          '根本修复：5.9+ 内核配合 conn_reuse_mode=1，以及不再把它设为 0 的 kube-proxy（1.22+）',
        verify: '删除的地址不应再出现',
        noRollback: '无需回滚：kube-proxy 会重建存活 endpoints 的真实服务器',
      },
    },
    'iptables-backend-mismatch': {
      title: '规则位于另一个 iptables 后端（legacy 与 nft）',
      why: 'iptables 1.8 有两个互相看不到对方规则的后端（legacy 和 nf_tables）。kube-proxy、CNI、Docker 或主机用了不同后端时，你看的导出里缺少仍在生效的规则，另一个后端里的过期规则还会把流量送往旧 Pod。',
      risk: '中：两个后端都有规则时切换主机后端，可能在 kube-proxy 和 CNI 重新同步前残留过期规则；请逐个节点、先驱逐再操作。',
      verdict: {
        nftablesMode:
          'kube-proxy 运行在 nftables 模式：规则在 nft 里，所以 iptables 导出里一条也没有。',
        nftablesRead: 'kube-proxy 运行在 nftables 模式，它的规则已在它的 nftables 表中读取。',
        rulesInLegacy:
          '这份导出来自 nf_tables 后端，没有 kube-proxy 的链，并提示存在 legacy 表：kube-proxy 的规则在另一个后端里。',
        bothBackends: '本节点两个 iptables 后端都有表：你没看的那个后端里的规则仍然作用于数据包。',
        splitPolicies:
          '{{chain}} 链在 legacy 后端的策略是 {{legacy}}，在另一个后端是 {{other}}：两个后端都挂在内核上，数据包要依次通过两者，一个后端放行的流量仍会被另一个丢弃。',
        noKubeChains:
          'kube-proxy 运行在 iptables 模式，但这份完整的 nat 表（{{backend}}）里没有任何 KUBE-* 链：kube-proxy 写到了另一个后端，或根本没写。',
        oneBackend: 'kube-proxy 的链就在这份导出里（{{backend}}），也没有提示存在另一个后端。',
        kubeProxyOtherBackend:
          'kube-proxy 自带的 iptables（v{{version}}，{{own}}）写入 {{own}} 后端，而本机的 iptables 用的是 {{host}}：kube-proxy 的规则（或它报告缺表的错误）位于主机不使用的那个后端。',
        kubeProxySameBackend:
          'kube-proxy 的 iptables 与主机的都使用 {{backend}} 后端：它的报错另有原因（内核模块未加载、/lib/modules 未挂载）。',
      },
      fix: {
        which: 'kube-proxy 的规则在哪个后端？',
        pick: '让主机使用 kube-proxy 和 CNI 写入的那个后端（当前发行版多为 nft；1.17 之前的 kube-proxy 镜像为 legacy）：',
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
    'service-no-endpoints': {
      title: 'kube-proxy 认为服务没有就绪 Endpoint 并拒绝连接',
      why: 'Service 没有就绪端点时，kube-proxy 会为它写一条 REJECT 规则：客户端立即被拒绝而不是超时。要么选择器匹配不到 Pod，要么 Pod 未就绪，要么（只有一个节点拒绝时）该节点 kube-proxy 的端点视图过期了。',
      risk: '低：修复在工作负载的选择器、标签或就绪探针上；重启 kube-proxy 只是重新同步它的规则。',
      verdict: {
        ciliumNoBackends:
          '本节点 Cilium 中 {{what}} 的前端没有后端：agent 认为没有就绪的 Endpoint，所以流量被丢弃或拒绝。',
        ciliumBackendNotFound:
          'Cilium 以 “Service backend not found” 为原因丢弃了 {{n}} 个发往 {{to}} 的数据包：数据包到达时该 Service 没有后端。',
        ciliumBackends: '本节点 Cilium 中 {{what}} 的前端有后端。',
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
        ciliumBackends: 'Cilium：前端下必须列出后端',
        look: '选择器能匹配到就绪的 Pod 吗？',
        fixSelector: '修正标签或选择器，或查看 Pod 为什么未就绪：',
        stale: '如果端点存在而只有本节点拒绝，重启本节点的 kube-proxy：',
        empty: '必须没有输出',
        nftEmpty: 'nftables 模式：必须没有输出',
        noRollback: '无需回滚：改动在工作负载或其标签上',
      },
    },
    'cilium-kpr-frontend-missing': {
      title: '本节点上 Cilium 的 kube-proxy 替代没有该 Service 的前端',
      why: '由 Cilium 替代 kube-proxy 时，每个节点上的 Cilium agent 会把每个 Service 地址写入它的 eBPF 服务映射：ClusterIP，以及 0.0.0.0 和它所服务设备的每个节点地址上的 NodePort。某个节点上的 agent 停止、状态过期或不服务该设备时，这个节点就没有该端口的前端，流量只在这里被丢弃或拒绝。',
      risk: '低：重启该节点的 Cilium agent 会重写它的服务映射；节点上的 Pod 地址不变，重启期间经过本节点的新连接可能短暂中断。',
      verdict: {
        present: '本节点的 Cilium 有 {{n}} 个 {{what}} 的前端。',
        missing:
          '本节点 Cilium 的服务表（{{n}} 个前端）中没有 {{what}}：它的 agent 没有在这里配置该 Service。',
        missingListed:
          '粘贴的 Service 中有 {{what}}，但本节点 Cilium 的完整服务表（{{n}} 个前端，其中包含同一列表中的其他 Service）没有它的前端：agent 没有在这里配置它（或两份粘贴来自不同时刻）。',
      },
      fix: {
        restart: '重启该节点的 Cilium agent；它会根据 API 重写服务映射：',
        why: '找出它停止工作的原因（日志中的错误）：',
        devices:
          'NodePort 只在 KubeProxyReplacement 列出的设备上提供服务：客户端到达的网卡在其中吗？',
        noRollback: '无需回滚：重启 agent 只会重写它自己的映射',
      },
    },
  },
} satisfies Shape<typeof en>;
