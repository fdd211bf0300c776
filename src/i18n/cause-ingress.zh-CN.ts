import type { Shape } from './shape';
import type en from './cause-ingress.en';

/**
 * Causes at the ingress controller and its upstreams: DNS under hostNetwork, TLS ciphers,
 * liveness restarts, 5xx from the backends, stray traffic. One block per cause, in catalog
 * order: title, why, risk, the rule's `verdict` texts and its fix comments.
 */
export default {
  cause: {
    'ingress-hostnetwork-dns': {
      title: 'hostNetwork 的 Ingress 控制器无法解析集群内域名',
      why: '使用 hostNetwork: true 的 Pod 会拿到节点的 /etc/resolv.conf，除非 dnsPolicy 为 ClusterFirstWithHostNet；此时 ClusterFirst 实际上就是节点的 DNS。这样运行的 ingress-nginx 副本无法解析集群内域名（kubernetes.default、ExternalName 后端），不再更新上游，于是只有经它处理的请求失败。',
      risk: '低：补丁会逐个滚动重启控制器 Pod；每个副本重启期间不提供服务。',
      verdict: {
        clusterFirst:
          '{{name}} 以 hostNetwork: true 运行且 dnsPolicy 为 {{policy}}：它使用节点的 DNS，无法解析集群内域名。',
        defaultPolicy:
          '{{name}} 以 hostNetwork: true 运行且未设置 dnsPolicy（默认 ClusterFirst）：它使用节点的 DNS，无法解析集群内域名。',
        fragment:
          '与控制器日志一同粘贴的 Pod spec 以 hostNetwork: true 运行且 dnsPolicy 为 {{policy}}：控制器使用节点的 DNS，无法解析集群内域名。',
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
        goServerOrder:
          '服务端（Go 程序：Traefik 等）拒绝了自己的加密套件列表：HTTP/2 允许的套件（{{detail}}）排在 HTTP/2 禁用的套件之后，客户端可能协商到被禁用的套件而拒绝连接。请把使用 GCM/ChaCha20 的 ECDHE 套件放在最前，或去掉自定义列表。',
        goServerMissing:
          '服务端（Go 程序：Traefik 等）拒绝了自己的加密套件列表：缺少 TLS 1.2 上 HTTP/2 必需的 {{detail}}（TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 或对应的 ECDSA 套件）。请加上它，或去掉自定义列表。',
        goodFirst: '加密套件列表以 {{cipher}} 开头，这是 HTTP/2 允许的套件。',
        browserGoodFirst:
          '浏览器因 TLS 设置拒绝了 HTTP/2（INADEQUATE_TRANSPORT_SECURITY），尽管所示的加密套件列表以 HTTP/2 允许的 {{cipher}} 开头：实际生效的是另一份列表（另一个 server 块或注解、粘贴内容被截断），或者该套件无法使用（RSA 证书配 ECDSA 套件、没有可用的 ECDH 曲线），服务端于是选了列表后面被 HTTP/2 禁用的套件。请只保留使用 GCM/ChaCha20 的 ECDHE 套件，或恢复默认值。',
        policy:
          '{{product}} 只允许最高 {{max}} 的 TLS，且加密套件列表以 HTTP/2 禁用的 {{cipher}} 开头：网关会选中它，浏览器拒绝 HTTP/2 连接。请允许 TLS 1.3，或把使用 GCM/ChaCha20 的 ECDHE 套件放在最前。',
        policyNoneOk:
          '{{product}} 只允许最高 {{max}} 的 TLS，且没有列出任何 HTTP/2 接受的套件（ECDHE 加 GCM 或 ChaCha20）：HTTP/2 无法工作。请允许 TLS 1.3，或加入这样的套件。',
        policyOk: '{{product}} 的加密套件列表给出 {{cipher}}，这是 HTTP/2 允许的套件。',
        tls13Default:
          '{{product}} 没有设置最高 TLS 版本，TLS 1.3 仍被允许：浏览器会协商 TLS 1.3，TLS 1.2 的加密套件列表不会破坏 HTTP/2。',
        tls13:
          '已允许 TLS 1.3（{{setting}}）：浏览器会协商 TLS 1.3，TLS 1.2 的加密套件列表不会破坏 HTTP/2。',
        negotiatedOk: '客户端协商到 {{cipher}}，HTTP/2 接受该套件。',
        defaultCiphers: '配置中没有修改 ssl-ciphers：控制器默认的加密套件符合 HTTP/2 要求。',
      },
      fix: {
        restore: '恢复控制器默认的加密套件（符合 HTTP/2 要求）：',
        orDisable: '或者，若必须保留旧套件，改为关闭 HTTP/2：',
        persist: '把它保存在控制器的 Helm values（controller.config）或 Git 中的 ConfigMap 清单里',
        verify: '应显示 ECDHE/AEAD 套件（或 TLSv1.3）以及 ALPN h2',
        rollback: '恢复原来的 ssl-ciphers 值（保存在 Git 或 Helm values 中）：',
        istio:
          '在 Gateway server 的 tls 中：删除 maxProtocolVersion（或改为 TLSV1_3），让浏览器协商 TLS 1.3；或在 cipherSuites 中把 ECDHE-…-GCM/CHACHA20 套件放在最前：',
        envoyGateway:
          '重新允许 TLS 1.3：删除 ClientTrafficPolicy 中的 maxVersion（或在 tls.ciphers 中把 ECDHE GCM/ChaCha20 套件放在最前）：',
        traefik:
          '在 TLSOption（或 file provider 的 tls.options）中：删除 maxVersion，或在 cipherSuites 中加入 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 / TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256（HTTP/2 必须有其一）：',
        contour:
          '重新允许 TLS 1.3：删除 ContourConfiguration 中的 envoy.tls.maximumProtocolVersion（或在 cipherSuites 中把 ECDHE GCM/ChaCha20 套件放在最前）：',
        persistGateway:
          '在该对象来源的清单或 Helm values（Git）中做同样的修改，否则下次同步会恢复旧的 TLS 设置',
        goServer:
          '调整服务自身的加密套件列表（Traefik：TLSOption 或 file provider 中 tls.options 的 cipherSuites；其他 Go 服务：其 TLS 套件设置）：把带 GCM/ChaCha20 的 ECDHE 套件放在最前，或删除该列表使用 Go 的默认值，然后重启服务',
        persistGo: '把修改保存在纳入版本管理的服务配置文件或清单中',
        rollbackGo: '在服务配置中恢复原来的套件列表并重启服务',
        rollbackGateway: '恢复原来的 TLS 设置（保存在 Git 或 Helm values 中）：',
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
        placeholder:
          'nginx 连接的是 127.0.0.1:8181，这是控制器为没有任何 endpoint 的 upstream 写入的占位地址：后端 Service 没有就绪的 endpoint（该地址上没有监听，所以连接被拒绝并返回 502/503）。',
        noLive: 'nginx 找不到存活的上游：后端没有可用的 endpoint（503）。',
        accessAndEndpoints: '这些 503 发往 {{service}} 的后端，而它的 endpoints 为 <none>。',
        endpointsOnly:
          '有 {{n}} 个 Service（包括 {{service}}）没有 endpoints：若其中有 Ingress 的后端，它会返回 503。',
        triedPods: 'nginx 有可尝试的 Pod 地址：后端 Service 有 endpoints。',
        noLiveLocal:
          'nginx 的上游 {{upstream}} 是本机进程组成的普通 nginx upstream，不是 Service 的 Pod：“no live upstreams” 表示 nginx 在连接失败后把其中的服务器标记为不可用（请看它之前的错误，例如 SELinux 的 `13: Permission denied`），而不是 Service 没有 endpoints。',
        noLiveAfterFailures:
          '“no live upstreams” 出现在 nginx 连接 {{failed}} 失败之后：nginx 把已有的服务器标记为不可用。该 upstream 并非为空，之前的错误才是原因。',
        endpointsReady: 'Service {{service}} 有就绪的 endpoints。',
        controllerDisagrees:
          '控制器称 Service {{service}} 没有可用的 endpoint，但它的 Endpoints 列出了就绪地址（{{addresses}}）：Service 有 endpoints，是控制器没有把它们对应到 Ingress 后端。请检查 Ingress 引用的端口是否是该 Service 的端口之一（名称或端口号），旧版控制器上留意具名 targetPort；若控制器的视图已过期，重启控制器。',
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
          '入口代理连接 Pod（{{upstream}}）超时 {{n}} 次：SYN 没有回应，代理与 Pod 之间的网络有问题。',
        read: '入口代理等待 Pod（{{upstream}}）响应超时 {{n}} 次：Pod 接受了连接，但响应慢于读超时（proxy-read-timeout）。',
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
        persistRead:
          '读取超时：修复慢接口；把调大的超时保存在 Git 中对应的清单里（Ingress 注解、VirtualService、ServersTransport）',
        readingEnvoy:
          'Istio：在该主机的 VirtualService 路由上设置 timeout（例如 120s）（kubectl edit virtualservice 名称）；若路由没有设置 timeout，504 来自别处：',
        readingTraefik:
          'Traefik：调大该 Service 所用 ServersTransport（或 Traefik 静态配置中的默认值）的 forwardingTimeouts.responseHeaderTimeout：',
        rollbackEdit: '在你编辑过的对象中，把修改过的值按 Git 中的原样改回',
        verify: '应保持为 0',
      },
    },
    'upstream-refused': {
      title: '上游 Pod 拒绝连接（502）',
      why: 'Pod 地址用 reset 回应连接时 nginx 返回 502：Pod 存在但端口上没有进程监听。通常是 Service 的 targetPort 与容器端口不一致、应用只监听 127.0.0.1，或 Pod 正在重启。',
      risk: '中：修改 Service 的 targetPort 会同时影响该 Service 的所有客户端；请先确认容器端口。',
      verdict: {
        why: 'Pod 拒绝了入口代理的连接 {{n}} 次（{{upstream}}）：targetPort 上没有进程监听（端口错误、应用未启动或 Pod 正在重启）。',
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
          '{{total}} 条跟踪连接或套接字中有 {{halfOpen}} 条处于半开状态（SYN_RECV、FIN_WAIT、LAST_ACK）：客户端始终没有完成握手或关闭。',
        strayHosts:
          '{{requests}} 个请求中有 {{stray}} 个访问的是没有 Ingress 的域名（由默认后端应答）。',
        fewHalfOpen: '{{total}} 条跟踪连接或套接字中只有 {{halfOpen}} 条处于半开状态。',
      },
      fix: {
        hosts: '默认后端应答了哪些域名？',
        catchAll: '立即关闭已下线域名的连接（444）；这会替换已有的 http-snippet：',
        dns: '根本修复：删除仍把这些域名指向 ingress 的泛解析记录',
        verify: '结尾应为 "Empty reply from server"',
      },
    },
    'ingress-upstream-keepalive-mismatch': {
      title: '后端在 nginx 复用前关闭了长连接',
      why: 'nginx 保持到 Pod 的空闲连接，并在 upstream-keepalive-timeout（默认 60 秒）内复用。后端若更早关闭空闲连接（Node.js 5 秒后，很多应用服务器 5-30 秒后），就可能恰好在 nginx 发出请求时关闭连接：随机出现 "upstream prematurely closed connection while reading response header" 和 502。',
      risk: '低：缩短上游 keepalive 只会让到 Pod 的新连接稍微多一些。把后端的 keepalive 超时调到大于 nginx 的也同样有效。',
      verdict: {
        premature:
          '后端在响应前关闭了 {{n}} 个连接（"prematurely closed ... while reading response header"）：它关闭空闲 keepalive 连接比 nginx 停止复用（{{timeout}}）更早。',
        proxy:
          '后端在响应前关闭了 {{n}} 个连接（Envoy `UC` / "connection termination"，Traefik `EOF`）：它关闭空闲 keepalive 连接比代理停止复用更早（Envoy 和 Istio 默认保留 1 小时，除非 DestinationRule 设置了 idleTimeout）。',
        reset:
          '后端重置了 {{n}} 个 nginx 正在复用的连接；可能是它的 keepalive 超时短于 nginx 的（{{timeout}}）。',
        noPool: 'upstream-keepalive-connections 为 0：nginx 不复用到 Pod 的连接。',
        otherErrors: '日志中的上游错误是 {{kinds}}，不是 keepalive 连接被关闭。',
        unpooledProtocol:
          '这 {{n}} 个被关闭的连接上 nginx 与后端使用的是 {{protocol}} 协议：nginx 为每个 {{protocol}} 请求新建连接，不保留空闲连接，因此不存在复用失效 keepalive 连接的问题。是后端关闭了刚接受的连接：请查看后端自身的日志（工作进程因请求超时被杀、崩溃、监听队列已满、应用加载失败等）。',
        busyConnection:
          '这 {{n}} 次“过早关闭”都发生在请求开始至少 {{seconds}} 秒之后：是后端（或它与代理之间的某一层）中断了正在处理的请求，例如它自己的请求超时或空闲超时，或进程崩溃。失效的 keepalive 连接会在请求写入时立即失败。请检查应用以及它前面的代理中，是什么把请求限制在这么长的时间。',
        freshConnection:
          '失败的 {{n}} 个请求都是 GET（或 nginx 会重试的其他请求），只出现一次“过早关闭”就返回了 502。复用的 keepalive 连接失败时 nginx 会再试一次，所以这些请求是在新连接上失败的：后端连新连接也会关闭，这不是空闲超时能解释的。请确认 Ingress 与后端使用同一种协议（TLS 或 gRPC 端口需加注解 nginx.ingress.kubernetes.io/backend-protocol: HTTPS 或 GRPC），再查看应用自身的日志。',
      },
      fix: {
        backend:
          '最佳做法：让后端保持空闲连接的时间长于代理（ingress-nginx 60 秒、Traefik 90 秒、Envoy 1 小时），例如把 Node.js 的 server.keepAliveTimeout 设得比它更长',
        lower: '或者让 nginx 比后端更早关闭空闲的上游连接（秒）：',
        lowerEnvoy:
          '或者让 Envoy 先关闭空闲的上游连接：在该主机的 DestinationRule 中把 trafficPolicy.connectionPool.http.idleTimeout 设得比后端的 keepalive 更短：',
        lowerTraefik:
          '或者让 Traefik 先关闭空闲的上游连接：在该 Service 所用的 ServersTransport 中把 forwardingTimeouts.idleConnTimeout 设得比后端的 keepalive 更短：',
        persist:
          '把该值保存在 Git 中：控制器的 Helm values 或 ConfigMap（ingress-nginx）、DestinationRule（Istio）、ServersTransport（Traefik）',
        rollbackEdit: '在你编辑过的对象中，把修改过的值按 Git 中的原样改回',
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
  },
} satisfies Shape<typeof en>;
