import type { Shape } from './shape';
import type en from './tree.en';

export default {
  tree: {
    'nodeport-one-node': {
      name: '单个节点 NodePort 不通',
      port: {
        title: '哪个 NodePort 不通？',
        help: '`kubectl get svc` 中冒号后面的端口（例如 80:31710/TCP）。',
      },
      node: {
        title: '哪个节点不响应？',
        help: '`kubectl get nodes` 中显示的节点名；后面的命令会自动填入。',
      },
      mode: {
        title: 'kube-proxy 运行在哪种模式？',
        help: '运行 `kubectl -n kube-system get cm kube-proxy -o yaml | grep mode` 查看；mode 为空表示 iptables。不确定？后面第二步的 kube-proxy 日志会说明。',
        options: {
          iptables: 'iptables',
          ipvs: 'IPVS（自 Kubernetes 1.35 起已弃用）',
          nftables: 'nftables',
          replaced: '没有：Cilium 替代了 kube-proxy（eBPF）',
          unknown: '我不知道',
        },
      },
      pods: {
        title: '该节点上的 kube-proxy 和 CNI 在运行吗？',
        help: 'kube-proxy 或 CNI 的 Pod 不是 Running 且就绪，或者反复重启，就能解释为什么只有这个节点不通。',
      },
      'proxy-log': {
        title: '该节点上的 kube-proxy 日志怎么说？',
        help: '这里的错误说明节点上的规则可能缺失或过期；日志也会说明代理模式。',
      },
      'nat-rules': {
        title: '节点上有这个 NodePort 的规则吗？',
        help: '请粘贴完整输出，不要 grep：向导会检查 KUBE-NODEPORTS、externalTrafficPolicy 的丢弃规则、无 Endpoint 服务的 REJECT、FORWARD 策略以及 INPUT 防火墙。',
      },
      'nft-rules': {
        title: 'kube-proxy 把这个 NodePort 放进它的 nftables 映射了吗？',
        help: '请粘贴完整规则集，不要 grep：kube-proxy 的表会把 NodePort 放在 service-nodeports 中，丢弃或拒绝时放在 no-endpoint-nodeports 中；其他表（firewalld、手写的 inet filter）也可能丢弃它。',
      },
      'cilium-status': {
        title: '该节点上 Cilium 替代了 kube-proxy 吗？它的 agent 健康吗？',
        help: '在该节点的 Cilium agent 中运行（Cilium 1.15 之前用 `cilium` 代替 `cilium-dbg`）。KubeProxyReplacement 必须为 True，且包含客户端访问的网卡；控制器失败或连不上 Kubernetes API 都能解释为什么只有这个节点不通。',
      },
      'cilium-services': {
        title: '该节点的 Cilium 有这个 Service 的前端和后端吗？',
        help: '请粘贴完整列表，不要 grep：每个 Service 地址（0.0.0.0 和每个节点地址上的 NodePort）都必须是一个前端，后端是各个 Pod。`cilium-dbg bpf lb list` 显示的是同一个映射。',
      },
      'cilium-drops': {
        title: 'Cilium 丢弃了流量吗？原因是什么？',
        help: '运行后在 30 秒内从客户端重试。每次丢弃都会写明原因：“Policy denied” 是网络策略，“Service backend not found” 是 Service 没有 Endpoint。',
      },
      'ipvs-table': {
        title: 'IPVS 中有这个 NodePort 的虚拟服务吗？',
        help: 'IPVS 模式下，每个节点地址都会为 NodePort 建立一个虚拟服务，后端真实服务器是各个 Pod。',
      },
      kernel: {
        title: '哪些内核参数会丢弃连接？',
        help: 'tcp_tw_recycle 会丢弃 NAT 后客户端的 SYN；ip_forward=0 会停止转发；严格的 rp_filter 会丢弃非对称流量；本地端口范围可能占用 NodePort。内核中不存在的参数没有关系。',
      },
      counters: {
        title: '内核是否在丢弃 SYN？',
        help: '请在客户端重试时运行，一分钟后再运行一次。“passive connections rejected because of time stamp” 和 “SYNs to LISTEN sockets dropped” 持续增长即可确认 SYN 被丢弃。',
      },
      'kernel-log': {
        title: '内核日志中有丢包记录吗？',
        help: 'conntrack 表满（“nf_conntrack: table full, dropping packet”）或邻居表溢出都会让本节点丢弃新连接。',
      },
      capture: {
        title: '数据包到达节点了吗？',
        help: '运行后从客户端发起连接。SYN 到达却没有 SYN-ACK，说明问题在内核（tcp_tw_recycle、conntrack）；完全没有 SYN，说明问题在节点之前（安全组、负载均衡）。',
      },
      'verdict-rules': { title: '诊断结果：节点上的代理规则' },
      verdict: { title: '诊断结果' },
    },
    'clusterip-ipvs-timeout': {
      name: 'ClusterIP 超时（Pod IP 正常）',
      vip: {
        title: '哪个 ClusterIP 超时？',
        help: '`kubectl get svc -o wide` 中该服务的 CLUSTER-IP。',
      },
      vport: { title: '哪个端口？', help: '服务端口（不是 targetPort）。' },
      podip: {
        title: '直接访问 Pod IP 能通吗？',
        help: '在同一个节点上运行 `curl PODIP:TARGETPORT`。如果 Pod IP 也不通，说明是 Pod 网络坏了，而不是服务。',
        options: { works: 'Pod IP 能通', fails: 'Pod IP 也不通', untested: '还没试过' },
      },
      'cni-pods': {
        title: 'Pod 网络正常吗？',
        help: 'CNI 组件（calico-node、flannel、cilium）必须在每个节点上 Running 且就绪。',
      },
      'pod-net': {
        title: '节点会桥接并转发 Pod 流量吗？',
        help: '来自 Pod 的服务流量要求 bridge-nf-call-iptables 为 1，ip_forward 为 1。',
      },
      node: {
        title: '请求从哪个节点发出？',
        help: '客户端 Pod 所在的节点（或你执行 curl 的节点）。决定因素是它的 kube-proxy 和 IPVS 表。',
      },
      mode: {
        title: 'kube-proxy 运行在哪种模式？',
        help: '运行 `kubectl -n kube-system get cm kube-proxy -o yaml | grep mode` 查看；mode 为空表示 iptables。下一步的 kube-proxy 日志也会说明，以日志为准。',
        options: {
          ipvs: 'IPVS（自 Kubernetes 1.35 起已弃用）',
          iptables: 'iptables',
          nftables: 'nftables',
          replaced: '没有：Cilium 替代了 kube-proxy（eBPF）',
          unknown: '我不知道',
        },
      },
      'proxy-log': {
        title: 'kube-proxy 使用哪种代理器，规则同步正常吗？',
        help: '如果缺少 IPVS 模块，kube-proxy 会退回到 iptables：“can’t use ipvs proxier” 或 “Using iptables Proxier”。nftables 模式会记录 “Using nftables Proxier”。',
      },
      'nat-rules': {
        title: '这个 ClusterIP 有 kube-proxy 的规则吗？',
        help: '请粘贴完整输出：KUBE-SERVICES 必须把 ClusterIP:端口 送到带有 Endpoint 的 KUBE-SVC 链；“has no endpoints” 的 REJECT 表示 kube-proxy 认为没有 Endpoint。',
      },
      'nft-rules': {
        title: '这个 ClusterIP 在 kube-proxy 的 nftables 映射中吗？',
        help: '请粘贴完整规则集：service-ips 必须把 ClusterIP:端口 送到它的服务链；出现在 no-endpoint-services 中表示 kube-proxy 认为没有 Endpoint 并会拒绝。',
      },
      'cilium-status': {
        title: '该节点上 Cilium 替代了 kube-proxy 吗？它的 agent 健康吗？',
        help: '在该节点的 Cilium agent 中运行（Cilium 1.15 之前用 `cilium` 代替 `cilium-dbg`）。KubeProxyReplacement 必须为 True，且包含客户端访问的网卡；控制器失败或连不上 Kubernetes API 都能解释为什么只有这个节点不通。',
      },
      'cilium-services': {
        title: '该节点的 Cilium 有这个 Service 的前端和后端吗？',
        help: '请粘贴完整列表，不要 grep：每个 Service 地址（0.0.0.0 和每个节点地址上的 NodePort）都必须是一个前端，后端是各个 Pod。`cilium-dbg bpf lb list` 显示的是同一个映射。',
      },
      'cilium-drops': {
        title: 'Cilium 丢弃了流量吗？原因是什么？',
        help: '运行后在 30 秒内从客户端重试。每次丢弃都会写明原因：“Policy denied” 是网络策略，“Service backend not found” 是 Service 没有 Endpoint。',
      },
      'ipvs-table': {
        title: '虚拟服务下有真实服务器吗？',
        help: 'ClusterIP:端口 这一行下面必须有各个 Pod（`->` 行），且权重大于 0。',
      },
      pattern: {
        title: '什么时候会失败？',
        help: '这决定了下一步检查什么。',
        options: {
          remote: '只有 Pod 在其他节点上时',
          always: '每次都失败',
          'after-idle': '空闲一段时间后的第一个请求',
          unknown: '我不知道',
        },
      },
      overlay: {
        title: 'Pod 流量走哪个覆盖网络设备？',
        help: '`ip -d link` 可以看到：flannel 的 VXLAN 是 flannel.1，Calico 的 VXLAN 是 vxlan.calico。',
        options: {
          'flannel.1': 'flannel.1（flannel VXLAN）',
          'vxlan.calico': 'vxlan.calico（Calico VXLAN）',
          other: '其他设备，或没有',
        },
      },
      offload: {
        title: 'VXLAN 设备开启了校验和卸载吗？',
        help: '当 tx-checksum-ip-generic 为 on 时，一个内核缺陷会让 SNAT 后的 VXLAN 包带着错误的校验和发出：访问远端 Pod 的 ClusterIP 超时，而 Pod IP 正常。',
      },
      'vxlan-log': {
        title: '接收端节点丢弃了校验和错误的包吗？',
        help: '在目标 Pod 所在的节点上：发往 8472（flannel）或 4789 端口的 “UDP: bad checksum” 即可确认。',
      },
      timeouts: {
        title: 'IPVS 会保留空闲连接多久？',
        help: 'IPVS 会在 tcp 超时（默认 900 秒）后遗忘空闲的 TCP 连接；连接池中的连接随后就会卡住。',
      },
      kernel: {
        title: '哪些内核参数会影响 IPVS？',
        help: '5.9 之前的内核上，conn_reuse_mode 与 vs.conntrack 同时开启会导致端口复用延迟；bridge-nf-call-iptables 和 ip_forward 必须为 1。',
      },
      kver: { title: '节点运行的是哪个内核？', help: '一些 IPVS 和 VXLAN 的缺陷与内核版本有关。' },
      'ct-stats': {
        title: 'conntrack 有丢包或把包标记为无效吗？',
        help: 'insert_failed、drop 和 invalid 计数持续增长，说明存在 conntrack 竞争和连接重置。',
      },
      'verdict-proxy': { title: '诊断结果：kube-proxy 的 IPVS 模式' },
      'verdict-endpoints': { title: '诊断结果：虚拟服务及其 Endpoint' },
      'verdict-podnet': { title: '诊断结果：Pod 网络' },
      verdict: { title: '诊断结果' },
    },
    'pod-external-intermittent': {
      name: 'Pod 访问集群外服务时通时不通',
      target: {
        title: '哪个集群外服务访问失败？',
        help: 'Pod 使用的地址或域名（数据库、虚拟机、镜像仓库、nacos……）。',
      },
      tport: { title: '哪个端口？', help: '例如 3306、6379、8848。' },
      'from-node': {
        title: '从节点本身访问能通吗？',
        help: '在 Pod 所在节点上多次运行 `telnet 目标 端口` 或 `curl`。Pod 出节点时会被 SNAT 成节点地址。',
        options: { works: '从节点访问正常', fails: '从节点访问也失败', untested: '还没试过' },
      },
      cni: {
        title: '节点上的 CNI 正常吗？',
        help: '未就绪的 CNI 组件会破坏所在节点上的 Pod 流量。',
      },
      'node-sysctl': {
        title: '节点对 Pod 流量的处理正确吗？',
        help: 'bridge-nf-call-iptables=0 会跳过地址伪装；ip_forward=0 会停止转发；conntrack 表满会丢弃新连接。',
      },
      'ct-stats': {
        title: 'conntrack 有丢包吗？',
        help: 'insert_failed 持续增长就是 SNAT 竞争，它会导致 DNS 5 秒超时和随机的连接超时。',
      },
      'kernel-log': {
        title: '内核日志中有丢包记录吗？',
        help: '“nf_conntrack: table full” 或 “neighbor table overflow” 会让本节点丢包。',
      },
      'by-name': {
        title: 'Pod 是通过域名访问它的吗？',
        help: '短域名可能因为多余的搜索域被解析到错误的地址。',
        options: { yes: '是，通过 DNS 域名', no: '不是，通过 IP 地址' },
      },
      ns: { title: '出问题的 Pod 在哪个命名空间？', help: '会用于下面的命令。' },
      pod: { title: '哪个 Pod？', help: '一个出现失败的 Pod 的名称。' },
      resolv: {
        title: 'Pod 如何解析域名？',
        help: '它的搜索域和 ndots 决定了先尝试哪些名字。',
      },
      lookup: {
        title: '在 Pod 中这个域名解析成了什么？',
        help: '来自意外的域或服务器的应答就是泄漏。',
      },
      mtu: {
        title: '大包能通过吗？',
        help: '1472 字节加上包头就是 1500 字节的包。出现 “Message too long” 或带有更小 MTU 的 “Frag needed”，说明覆盖网络或路径的 MTU 太小。',
      },
      'target-sysctl': {
        title: '目标服务器会丢弃来自 NAT 的 SYN 吗？',
        help: '在集群外的服务器上：tcp_tw_recycle=1 会丢弃被 SNAT 成同一节点地址的 Pod 发来的 SYN。',
      },
      'target-capture': {
        title: '目标服务器收到了什么？',
        help: '来自节点地址的 SYN 没有得到 SYN-ACK：目标服务器丢弃了它们。',
      },
      'verdict-cni': { title: '诊断结果：节点上的 CNI' },
      verdict: { title: '诊断结果' },
    },
    'ingress-5xx': {
      name: 'Ingress 返回 5xx',
      ingressns: {
        title: 'Ingress 控制器运行在哪个命名空间？',
        help: '通常是 ingress-nginx（或 kube-system）。',
      },
      status: {
        title: '客户端收到了什么？',
        help: '状态码（或浏览器的错误）决定了排查方向。',
        options: {
          '502': '502 Bad Gateway',
          '503': '503 Service Unavailable',
          '504': '504 Gateway Timeout',
          browser: '浏览器拒绝访问站点（HTTPS）',
          flapping: '时不时全部失败（控制器在重启）',
        },
      },
      host: { title: '哪个域名？', help: '浏览器拒绝访问的站点，例如 shop.example.com。' },
      tls: {
        title: '控制器使用了哪些 TLS 设置？',
        help: '在开启 HTTP/2 的情况下自定义 ssl-ciphers 或 ssl-protocols，会导致浏览器拒绝访问。',
      },
      curl: {
        title: 'TLS 客户端看到了什么？',
        help: '在客户端机器上运行；会显示协议、ALPN 和状态码。',
      },
      log: {
        title: 'nginx 对上游怎么说？',
        help: '错误日志会说明原因：超时、连接被拒绝、没有可用上游、响应头过大、连接被提前关闭。',
      },
      endpoints: {
        title: '哪些 Service 没有 Endpoint？',
        help: '503 最常见的原因是 Service 没有就绪的 Endpoint。',
      },
      spec: {
        title: '控制器是如何部署的？',
        help: 'hostNetwork: true 需要 dnsPolicy: ClusterFirstWithHostNet，否则控制器无法解析集群内域名。',
      },
      describe: {
        title: '控制器为什么会重启？',
        help: ':10254 上的存活探针失败会导致重启；事件中可以看到。',
      },
      'node-log': {
        title: '控制器所在节点在丢包吗？',
        help: '“nf_conntrack: table full, dropping packet” 会让健康检查失败。',
      },
      'ct-sysctl': {
        title: 'conntrack 表有多满？',
        help: 'nf_conntrack_count 接近 nf_conntrack_max 时会丢弃新连接；kube-proxy 会把 close_wait 超时设为 3600 秒。',
      },
      'ct-table': {
        title: 'conntrack 表被哪些状态占满？',
        help: '状态分布：大量 CLOSE_WAIT、SYN_RECV 或 LAST_ACK 说明存在半关闭或残余连接。',
      },
      'verdict-tls': { title: '诊断结果：TLS 与 HTTP/2' },
      'verdict-upstream': { title: '诊断结果：上游' },
      verdict: { title: '诊断结果' },
    },
    'not-sure': {
      name: '不确定是哪种现象',
      who: {
        title: '谁连接失败？',
        help: '选最接近的一项；下一个问题会进一步缩小范围。',
        options: { outside: '集群外的客户端', pods: '集群内的 Pod' },
      },
      via: {
        title: '这些客户端如何访问服务？',
        help: '看看服务是如何暴露的。',
        options: {
          nodeport: '节点 IP 加 NodePort',
          loadbalancer: '节点前面的负载均衡器',
          ingress: '通过 Ingress 控制器的域名',
        },
      },
      to: {
        title: 'Pod 访问的是什么？',
        help: '集群内的 Service，还是集群外的东西。',
        options: { service: 'Service（ClusterIP）', outside: '集群外的服务' },
      },
      'to-nodeport': { title: '继续：单个节点 NodePort 不通' },
      'to-ingress': { title: '继续：Ingress 返回 5xx' },
      'to-clusterip': { title: '继续：ClusterIP 超时' },
      'to-external': { title: '继续：Pod 访问集群外服务时通时不通' },
    },
  },
} satisfies Shape<typeof en>;
