/** IPVS、VXLAN 与 ingress 规则：判定理由、原因说明、修复风险，以及修复命令里的注释。 */
export default {
  rule: {
    'vxlan-checksum-offload': {
      on: '{{iface}} 的 tx-checksum-ip-generic 为 on：经 kube-proxy SNAT 的报文从这块 VXLAN 网卡发出时 UDP 校验和是错的，对端直接丢弃。',
      justTurnedOff:
        '{{iface}} 的 tx-checksum-ip-generic 原本为 on，这次 `ethtool -K` 才把它关掉：设备重建或节点重启后会恢复。',
      fixedInSession:
        '{{iface}} 在前面的粘贴里 tx-checksum-ip-generic 为 on，现在为 off：修复暂时生效，还需持久化。',
      offButBadChecksums:
        '{{iface}} 的 tx-checksum-ip-generic 已是 off，但内核仍记录了发往 VXLAN 端口的 UDP 校验和错误：若这些日志晚于修改，请检查物理网卡和发送端节点的 offload 设置。',
      off: '{{iface}} 的 tx-checksum-ip-generic 为 off。',
      badChecksums:
        '内核因 UDP 校验和错误丢弃了 {{n}} 个 VXLAN 报文（端口 8472/4789）：发送端节点的 VXLAN 网卡为 SNAT 后的报文算错了校验和。',
    },
    'ipvs-modules-missing': {
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
    'ipvs-no-real-servers': {
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
    'ipvs-stale-realserver': {
      notInEndpoints: 'IPVS 表仍在向 Service 的 endpoints 中已不存在的真实服务器转发。',
      weightZeroActive:
        '权重为 0 的真实服务器（已删除的 Pod）仍在接收流量：上面有活动连接，或客户端因会话保持（persistent）被固定到它们。',
      weightZeroDraining: '权重为 0 的真实服务器仍有非活动连接；除非长时间不消失，这属于正常排空。',
      matchesEndpoints: '真实服务器与 Service 的 endpoints 一致，没有残留的权重为 0 的条目。',
      noWeightZero: '没有带连接的权重为 0 的真实服务器。',
    },
    'ipvs-conn-reuse-delay': {
      why: '内核低于 5.9 且 conn_reuse_mode 为 1、vs.conntrack 开启：复用了 IPVS 表中旧源端口的 SYN 会被丢弃，客户端要等 1 秒（或更久）才重传。',
      kernelUnknown:
        'conn_reuse_mode 为 1：在低于 5.9 的内核上会丢弃复用源端口的 SYN；请粘贴 `uname -r` 确认。',
      fixedKernel: '内核 {{release}}（5.9 及以上）复用连接时不再丢 SYN。',
      reuseOff: 'conn_reuse_mode 为 0。',
      noConntrack: 'conn_reuse_mode 为 1，但 net.ipv4.vs.conntrack 为 0，不会发生丢包。',
    },
    'ipvs-idle-timeout': {
      why: 'IPVS 在空闲 {{ipvs}} 秒后忘记 TCP 连接，而第一个 keepalive 探测要 {{keepalive}} 秒后才发出：在这之间空闲的池化连接再次使用时已经失效。',
      timeoutOnly:
        'IPVS 在空闲 {{ipvs}} 秒后忘记 TCP 连接，低于内核默认的 keepalive 时间 7200 秒；请粘贴客户端的 `sysctl net.ipv4.tcp_keepalive_time` 确认。',
      keepaliveBelow:
        'keepalive 探测（{{keepalive}} 秒）早于 IPVS 忘记空闲连接的时间（{{ipvs}} 秒）。',
      timeoutAboveDefault: 'IPVS 保留空闲 TCP 连接 {{ipvs}} 秒，长于默认的 keepalive 时间。',
      noExpiry: 'IPVS 的 TCP 超时为 0。',
    },
    'upstream-timeout': {
      connect:
        'nginx 连接 Pod（{{upstream}}）超时 {{n}} 次：SYN 没有回应，控制器与 Pod 之间的网络有问题。',
      read: 'nginx 等待 Pod（{{upstream}}）响应超时 {{n}} 次：Pod 接受了连接，但响应慢于 proxy-read-timeout。',
      accessConnect: '{{n}} 个请求以 504 结束，每次尝试约 5 秒，正是连接超时：nginx 连不上 Pod。',
      access: '{{n}} 个请求以 504 结束：nginx 等不到 Pod 的响应。',
      otherErrors: '日志中的上游错误是 {{kinds}}，不是超时。',
      none: '日志中没有超时的请求（没有 504，也没有 "upstream timed out"）。',
    },
    'upstream-refused': {
      why: 'Pod 拒绝了 nginx 的连接 {{n}} 次（{{upstream}}）：targetPort 上没有进程监听（端口错误、应用未启动或 Pod 正在重启）。',
      access: '{{n}} 个请求以 502 结束，每次尝试都立即失败，符合连接被拒绝的特征；以错误日志为准。',
      otherErrors: '日志中的上游错误是 {{kinds}}，不是连接被拒绝。',
      none: '日志中没有被拒绝的连接。',
    },
    'upstream-no-endpoints': {
      controller:
        '控制器中 Service {{service}} 没有可用的 endpoint：nginx 没有可转发的 Pod（503）。',
      noLive: 'nginx 找不到存活的上游：后端没有可用的 endpoint（503）。',
      accessAndEndpoints: '这些 503 发往 {{service}} 的后端，而它的 endpoints 为 <none>。',
      endpointsOnly:
        '有 {{n}} 个 Service（包括 {{service}}）没有 endpoints：若其中有 Ingress 的后端，它会返回 503。',
      triedPods: 'nginx 有可尝试的 Pod 地址：后端 Service 有 endpoints。',
      endpointsReady: 'Service {{service}} 有就绪的 endpoints。',
    },
    'ingress-upstream-keepalive-mismatch': {
      premature:
        '后端在响应前关闭了 {{n}} 个连接（"prematurely closed ... while reading response header"）：它关闭空闲 keepalive 连接比 nginx 停止复用（{{timeout}}）更早。',
      reset:
        '后端重置了 {{n}} 个 nginx 正在复用的连接；可能是它的 keepalive 超时短于 nginx 的（{{timeout}}）。',
      noPool: 'upstream-keepalive-connections 为 0：nginx 不复用到 Pod 的连接。',
      otherErrors: '日志中的上游错误是 {{kinds}}，不是 keepalive 连接被关闭。',
    },
    'ingress-upstream-header-too-big': {
      why: '后端 {{n}} 次返回了超过 proxy-buffer-size（{{size}}）的响应头：nginx 返回 502。',
      otherErrors: '日志中的上游错误是 {{kinds}}，不是响应头过大。',
    },
    'ingress-http2-bad-ciphers': {
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
    'ingress-hostnetwork-dns': {
      clusterFirst:
        '{{name}} 以 hostNetwork: true 运行且 dnsPolicy 为 {{policy}}：它使用节点的 DNS，无法解析集群内域名。',
      defaultPolicy:
        '{{name}} 以 hostNetwork: true 运行且未设置 dnsPolicy（默认 ClusterFirst）：它使用节点的 DNS，无法解析集群内域名。',
      withHostNet: '控制器以 hostNetwork 运行，dnsPolicy 为 ClusterFirstWithHostNet。',
      noHostNetwork: '控制器没有使用 hostNetwork：它使用集群 DNS。',
      logOnly:
        '控制器解析域名失败；请粘贴它的 Pod spec，确认是否是 hostNetwork 而未设置 ClusterFirstWithHostNet。',
    },
    'ingress-liveness-restarts': {
      restarted: 'kubelet 因存活探针失败而重启控制器（失败 {{n}} 次，重启次数 {{restarts}}）。',
      failing: '控制器的存活探针失败了 {{n}} 次；再连续失败几次，kubelet 就会重启它。',
      restartsOnly: '控制器已重启 {{restarts}} 次；它的事件能说明是否因存活探针而重启。',
      climbing: '控制器的重启次数在两次粘贴之间增长（现为 {{restarts}}）。',
      noRestarts: '控制器没有重启过。',
    },
    'ingress-stray-traffic': {
      halfOpen:
        '{{total}} 条跟踪连接中有 {{halfOpen}} 条处于半开状态（SYN_RECV、FIN_WAIT、LAST_ACK）：客户端始终没有完成握手或关闭。',
      strayHosts:
        '{{requests}} 个请求中有 {{stray}} 个访问的是没有 Ingress 的域名（由默认后端应答）。',
      fewHalfOpen: '{{total}} 条跟踪连接中只有 {{halfOpen}} 条处于半开状态。',
    },
    'kube-proxy-rules-missing': {
      ipvsNodePort: 'IPVS 中有 {{n}} 个 NodePort {{port}} 的虚拟服务。',
      ipvsNodePortMissing:
        'IPVS 表中任何地址上都没有 NodePort {{port}} 的虚拟服务：kube-proxy 没有在本节点配置它。',
      ipvsClusterIp: 'IPVS 中有虚拟服务 {{vs}}。',
      ipvsClusterIpMissing:
        'IPVS 表中没有 {{vs}} 的虚拟服务：kube-proxy 没有在本节点配置这个 Service。',
    },
  },
  cause: {
    'vxlan-checksum-offload': {
      why: '在低于 5.7 的内核上（以及部分较新内核在 NAT 之后），开启 tx-checksum-ip-generic 的 VXLAN 网卡把 UDP 校验和交给 offload 计算；内层报文经 iptables/IPVS SNAT 后外层校验和出错，接收节点丢弃报文（"UDP: bad checksum ... to ...:8472"）。访问后端 Pod 在其他节点上的 Service 会超时，而直接访问 Pod IP 正常。',
      risk: '低：之后这块网卡在软件中计算校验和，CPU 开销很小。设备重建或节点重启后设置会丢失，因此需要 systemd 单元。根本修复是升级到包含提交 ea64d8d6c675 的内核（5.7），或使用已规避此问题的 CNI/kube-proxy（Calico 3.19+、Kubernetes 1.19+）。',
    },
    'ipvs-no-real-servers': {
      why: 'kube-proxy 为 ClusterIP:port 创建 IPVS 虚拟服务，每个就绪的 endpoint 对应一个真实服务器。没有就绪 Pod 时（selector 匹配不到、就绪探针失败、端口名不一致），虚拟服务存在但没有真实服务器，或只有正在排空的权重为 0 的条目，连接无处可去。',
      risk: '低：修复在 Service 的 selector、Pod 标签或就绪探针上；kube-proxy 会自动跟随 endpoints。',
    },
    'ipvs-modules-missing': {
      why: 'IPVS 模式需要 ip_vs 模块、调度器模块（ip_vs_rr、ip_vs_wrr、ip_vs_sh）和 nf_conntrack。kube-proxy 找不到它们时会退回 iptables 模式（1.25 及以前）或直接退出（1.26 起）。旧版 kube-proxy 只检查已加载的模块，因此编译进内核的 IPVS（列在 /lib/modules/$(uname -r)/modules.builtin 中）会被误判为缺失：这种情况应升级 kube-proxy，而不是加载模块。4.19 及以上内核中 nf_conntrack_ipv4 改名为 nf_conntrack，旧版 kube-proxy 同样会误判。',
      risk: '低：加载模块在 kube-proxy 重启前不会改变任何东西；重启会重建规则，切换代理模式时本节点所有 Service 会被短暂重新配置。',
    },
    'ipvs-conn-reuse-delay': {
      why: '当 net.ipv4.vs.conn_reuse_mode=1 且 net.ipv4.vs.conntrack=1 时，低于 5.9 的内核会丢弃源端口与旧 IPVS 条目相同的新连接的第一个 SYN 以便重新调度；客户端 1 秒后重传（多次丢失时可达 63 秒）。频繁复用端口的客户端会随机出现 1 秒延迟。kube-proxy 从 1.13 起会在这些内核上自行把 conn_reuse_mode 设为 0，所以这里为 1 通常意味着 kube-proxy 版本过旧，或有主机脚本把它改了回去。',
      risk: '中：conn_reuse_mode=0 消除了延迟，但复用的端口会继续发往旧的真实服务器，即使对应 Pod 已不存在（残留真实服务器、扩容后负载不均）。5.9 及以上内核可同时解决这两个问题。',
    },
    'ipvs-idle-timeout': {
      why: 'IPVS 维护自己的连接表，TCP 连接空闲超过其超时时间（默认 900 秒，除非 kube-proxy 设置了 --ipvs-tcp-timeout）后即被忘记。客户端和连接池保持连接的时间长得多，而第一个 keepalive 探测要等到 tcp_keepalive_time（默认 7200 秒）之后。于是一段空闲后的第一个请求走的是 IPVS 已不认识的连接：挂起或被重置。',
      risk: '低：缩短 keepalive 只会为每个空闲连接多发几个很小的探测包。改为调大 IPVS 超时则会让表中保留更多条目。',
    },
    'ipvs-stale-realserver': {
      why: 'Pod 消失时，kube-proxy 把它的真实服务器权重设为 0，连接结束后再删除。在 conn_reuse_mode=0 时，复用源端口的新连接仍会发往这个旧的真实服务器；节点宕机后，其 Pod 的真实服务器可能一直保留到 kube-proxy 同步为止：流量持续发往已不再响应的地址。',
      risk: '低：手工删除残留的真实服务器没有风险（kube-proxy 本来也会删除）；仍是 endpoint 的条目会在下次同步时被重建。',
    },
    'ingress-hostnetwork-dns': {
      why: '使用 hostNetwork: true 的 Pod 会拿到节点的 /etc/resolv.conf，除非 dnsPolicy 为 ClusterFirstWithHostNet；此时 ClusterFirst 实际上就是节点的 DNS。这样运行的 ingress-nginx 副本无法解析集群内域名（kubernetes.default、ExternalName 后端），不再更新上游，于是只有经它处理的请求失败。',
      risk: '低：补丁会逐个滚动重启控制器 Pod；每个副本重启期间不提供服务。',
    },
    'ingress-http2-bad-ciphers': {
      why: 'TLS 1.2 上的 HTTP/2 要求临时密钥交换（ECDHE/DHE）加 AEAD 加密（GCM、ChaCha20）；RFC 7540 把其余套件（如 AES128-SHA）列为禁用。ingress-nginx 优先使用服务端的套件顺序并默认开启 HTTP/2，所以以这类套件开头的自定义 ssl-ciphers 会让浏览器拒绝访问（ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY），而 curl 用 HTTP/1.1 仍能访问。',
      risk: '低：默认套件正是现代浏览器所期望的。只支持 SSLv3/TLS 1.0 套件的极老客户端将无法访问；改为关闭 HTTP/2 可保留它们，但所有人都失去 HTTP/2。',
    },
    'ingress-liveness-restarts': {
      why: '当 10254 端口的 GET /healthz 连续失败 failureThreshold 次（默认超时 1 秒）时，kubelet 会重启控制器。节点上丢包时（常见原因是 conntrack 表满），即使 nginx 正常，探针也会失败；每次重启都会断开经过该副本的所有连接，入口随之抖动。',
      risk: '低：提高阈值和超时只会让 kubelet 更晚重启真正卡死的控制器。同时也要解决底层的丢包。',
    },
    'upstream-no-endpoints': {
      why: 'ingress-nginx 把请求发往后端 Service 的 endpoints 中的 Pod IP。Service 没有就绪的 endpoint 时（selector 匹配不到 Pod、Pod 就绪探针失败、端口名不匹配），nginx 无处转发，返回 503。',
      risk: '低：修复在 Service 的 selector、Pod 标签或就绪探针上；控制器会自动获取 endpoints。',
    },
    'upstream-timeout': {
      why: 'Pod 没有及时响应时 nginx 返回 504。"while connecting to upstream" 表示 SYN 在 proxy-connect-timeout（5 秒）内没有回应：控制器所在节点到 Pod 的网络有问题（CNI、MTU、conntrack、节点宕机）。"while reading response header" 表示 Pod 接受了连接，但超过 proxy-read-timeout（60 秒）仍无响应：应用太慢。',
      risk: '低：调大 proxy-read-timeout 只是让慢请求能完成；它掩盖而不是修复慢应用，并会保持更多连接。',
    },
    'upstream-refused': {
      why: 'Pod 地址用 reset 回应连接时 nginx 返回 502：Pod 存在但端口上没有进程监听。通常是 Service 的 targetPort 与容器端口不一致、应用只监听 127.0.0.1，或 Pod 正在重启。',
      risk: '中：修改 Service 的 targetPort 会同时影响该 Service 的所有客户端；请先确认容器端口。',
    },
    'ingress-stray-traffic': {
      why: '已下线但仍通过泛解析指向 ingress 的域名，会带来无法完成连接的客户端（防火墙、网络质量差）。它们在 conntrack 和 socket 表中留下大量 SYN_RECV、FIN_WAIT、LAST_ACK 条目，占用正常流量所需的容量。',
      risk: '低：nginx 会立即关闭这些域名的连接（444）；请确认 server_name 列表没有匹配到仍在使用的站点。',
    },
    'ingress-upstream-keepalive-mismatch': {
      why: 'nginx 保持到 Pod 的空闲连接，并在 upstream-keepalive-timeout（默认 60 秒）内复用。后端若更早关闭空闲连接（Node.js 5 秒后，很多应用服务器 5-30 秒后），就可能恰好在 nginx 发出请求时关闭连接：随机出现 "upstream prematurely closed connection while reading response header" 和 502。',
      risk: '低：缩短上游 keepalive 只会让到 Pod 的新连接稍微多一些。把后端的 keepalive 超时调到大于 nginx 的也同样有效。',
    },
    'ingress-upstream-header-too-big': {
      why: 'nginx 把后端的响应头读入一个大小为 proxy-buffer-size（默认 4k 或 8k）的缓冲区。过大的 Cookie、很长的重定向 URL 或认证令牌会溢出：nginx 记录 "upstream sent too big header" 并返回 502。',
      risk: '低：更大的缓冲区只会让每个连接多占一点内存。',
    },
  },
  fix: {
    vxlan: {
      unit: '一个 oneshot 单元，在设备每次出现时运行（设备由 CNI 在开机后创建）：',
      kernel:
        '根本修复：带校验和修复的内核（5.7+）、Kubernetes 1.19+（SNAT 前清除标记）、Calico 3.19+（自动关闭该 offload）',
      expectOff: '应显示 off',
      noNewErrors: '稍后在接收端节点再运行一次：计数应不再增长',
    },
    ipvsModules: {
      builtin: 'IPVS 已编译进内核？那就不需要加载模块：请升级 kube-proxy（旧版只认已加载的模块）',
      older: '4.19 以前的内核：用 nf_conntrack_ipv4 代替 nf_conntrack',
      rollback: '在改回代理模式之前，kube-proxy 会继续使用 IPVS',
    },
    noRs: {
      compare: 'endpoints 应列出 selector 匹配到的就绪 Pod：',
      selector: '没有就绪 Pod 匹配 selector：修正标签或 selector，或这些 Pod 的就绪探针',
      verify: '每个就绪 Pod 都应以权重 1 出现在真实服务器中',
      noRollback: '无需回滚：kube-proxy 会跟随 endpoints',
    },
    stale: {
      look: '权重为 0 或不在 endpoints 中的真实服务器是残留条目：',
      remove: '手工删除残留的真实服务器（若它仍是 endpoint，kube-proxy 会重新添加）：',
      reuse: '在低于 5.9 的内核上，conn_reuse_mode=0 会把复用的源端口继续发往旧的真实服务器：',
      upgrade:
        '根本修复：5.9+ 内核配合 conn_reuse_mode=1，以及不再把它设为 0 的 kube-proxy（1.22+）',
      verify: '删除的地址不应再出现',
      noRollback: '无需回滚：kube-proxy 会重建存活 endpoints 的真实服务器',
    },
    reuse: {
      prefer: '根本修复：5.9 或更高版本的内核；查看本节点的版本：',
      careful: '在此之前，采用 kube-proxy 在旧内核上的做法（可能把复用端口发往已消失的 Pod）：',
      kubeProxy:
        'kube-proxy 1.13+ 在 5.9 以前的内核上会自动设为 0；若显示为 1，请查找把它改回的脚本或旧版 kube-proxy',
    },
    idle: {
      keepalive: '让 keepalive 探测早于 IPVS 忘记连接（其 TCP 超时，默认 900 秒）：',
      pods: 'Pod 有自己的网络命名空间：也要在客户端 Pod 中设置（见下文），或在客户端库中设置',
      podSysctl:
        '在客户端工作负载中设置（Kubernetes 1.29 起为安全 sysctl；之前需要 kubelet 允许）：',
      orRaise: '或者改为调大 IPVS 超时，在 kube-proxy 配置中：ipvs.tcpTimeout（例如 7260s）',
    },
    timeout: {
      connecting:
        '"while connecting"：从控制器所在节点能连上 Pod 吗？这里超时说明是 Pod 网络问题（CNI、MTU、conntrack）：',
      reading: '"while reading response header"：应用太慢；修复期间先给它更多时间：',
      persistConnect:
        '连接超时：修复 Pod 网络路径（clusterip-ipvs-timeout 与 pod-external-intermittent 的检查会逐段排查）',
      persistRead: '读取超时：修复慢接口；把注解保存在 Git 中的 Ingress 清单里：',
      verify: '应保持为 0',
    },
    refused: {
      who: '是哪个 Pod？它在运行并且就绪吗？',
      ports: 'Service 的 targetPort 必须是容器实际监听的端口：',
      targetPort: '把 targetPort 指向容器端口（或命名端口），并同步修改 Git 中的清单：',
      readiness: '再给 Pod 配置该端口上的就绪探针，让它只在开始监听后才接收流量',
      verify: '应保持为 0',
      rollback: '用同样的方式把 targetPort 改回原值',
    },
    noEp: {
      selector: 'selector 必须匹配就绪 Pod 的标签：',
      ready: '匹配但未就绪的 Pod：它们的就绪探针为什么失败？',
      persist: '在 Git 中的清单里修正 selector 或标签，或修正就绪探针',
      verify: '应列出 Pod 地址',
      rollback: '无需回滚：控制器会跟随 endpoints',
    },
    keepalive: {
      backend:
        '最佳做法：让后端保持空闲连接的时间长于 nginx（60 秒），例如 Node.js 的 server.keepAliveTimeout = 65000',
      lower: '或者让 nginx 比后端更早关闭空闲的上游连接（秒）：',
      persist: '把该值保存在控制器的 Helm values（controller.config）或其 ConfigMap 清单中',
      verify: '应保持为 0',
    },
    bigHeader: {
      annotate: '针对该后端的 Ingress：',
      global: '或者在控制器的 ConfigMap 中对所有 Ingress 生效：',
      measure: '响应头大小（字节）',
    },
    h2: {
      restore: '恢复控制器默认的加密套件（符合 HTTP/2 要求）：',
      orDisable: '或者，若必须保留旧套件，改为关闭 HTTP/2：',
      persist: '把它保存在控制器的 Helm values（controller.config）或 Git 中的 ConfigMap 清单里',
      verify: '应显示 ECDHE/AEAD 套件（或 TLSv1.3）以及 ALPN h2',
      rollback: '恢复原来的 ssl-ciphers 值（保存在 Git 或 Helm values 中）：',
    },
    hostDns: {
      rollout: '控制器 Pod 会以新策略逐个重启',
      helm: '使用 Helm chart 时：controller.hostNetwork=true 且 controller.dnsPolicy=ClusterFirstWithHostNet',
      verify: '应显示集群 DNS（nameserver 为 kube-dns 的 ClusterIP）',
    },
    liveness: {
      cause: '探针失败是因为节点上丢包：查明原因（常见是 conntrack 表满）',
      onNode: '在控制器所在节点上运行',
      threshold: '在此之前，让 kubelet 在重启前更有耐心：',
      helm: '使用 Helm chart 时：controller.livenessProbe.failureThreshold 与 timeoutSeconds',
      verify: 'RESTARTS 列应不再增长',
    },
    stray: {
      hosts: '默认后端应答了哪些域名？',
      catchAll: '立即关闭已下线域名的连接（444）；这会替换已有的 http-snippet：',
      dns: '根本修复：删除仍把这些域名指向 ingress 的泛解析记录',
      verify: '结尾应为 "Empty reply from server"',
    },
    kubeProxy: {
      ipvsVerify: 'IPVS 模式：应能看到该虚拟服务',
    },
  },
};
