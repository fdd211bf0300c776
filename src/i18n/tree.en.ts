/** Every tree node's title and help, and every choice's label. `name` titles the tree itself. */
export default {
  tree: {
    'nodeport-one-node': {
      name: 'NodePort fails on one node',
      port: {
        title: 'Which NodePort fails?',
        help: 'The port after the colon in `kubectl get svc` (for example 80:31710/TCP).',
      },
      node: {
        title: 'Which node does not answer?',
        help: 'Its name as `kubectl get nodes` shows it; the commands below are filled in with it.',
      },
      mode: {
        title: 'Which mode does kube-proxy run in?',
        help: '`kubectl -n kube-system get cm kube-proxy -o yaml | grep mode` tells; an empty mode means iptables. Not sure? The kube-proxy log two steps on says it.',
        options: {
          iptables: 'iptables',
          ipvs: 'IPVS (deprecated since Kubernetes 1.35)',
          nftables: 'nftables',
          replaced: 'None: Cilium replaces kube-proxy (eBPF)',
          unknown: 'I don’t know',
        },
      },
      pods: {
        title: 'Are kube-proxy and the CNI running on that node?',
        help: 'A kube-proxy or CNI pod that is not Running and Ready, or restarts again and again, explains a node that alone fails.',
      },
      'proxy-log': {
        title: 'What does kube-proxy on that node say?',
        help: 'Errors here mean the node’s rules may be missing or stale; the log also tells the proxy mode.',
      },
      'nat-rules': {
        title: 'Are the NodePort’s rules on the node?',
        help: 'The whole dump, not a grep: the wizard looks for KUBE-NODEPORTS, externalTrafficPolicy drops, REJECTs for services without endpoints, the FORWARD policy and the INPUT firewall.',
      },
      'nft-rules': {
        title: 'Has kube-proxy put the NodePort in its nftables maps?',
        help: 'The whole ruleset, not a grep: kube-proxy’s table holds the NodePort in service-nodeports, or in no-endpoint-nodeports when it drops or rejects it; other tables (firewalld, a hand-made inet filter) can drop it too.',
      },
      'cilium-status': {
        title: 'Does Cilium replace kube-proxy on that node, and is its agent healthy?',
        help: 'Run in the Cilium agent of that node (`cilium` instead of `cilium-dbg` before Cilium 1.15). KubeProxyReplacement must be True with the devices the clients reach; failing controllers or an unreachable Kubernetes API explain a node that alone fails.',
      },
      'cilium-services': {
        title: 'Does that node’s Cilium have the Service’s frontend, with backends?',
        help: 'The whole list, not a grep: each Service address (a NodePort on 0.0.0.0 and every node address) must be a frontend with the pods as backends. `cilium-dbg bpf lb list` shows the same map.',
      },
      'cilium-drops': {
        title: 'Does Cilium drop the traffic, and why?',
        help: 'Run it and retry from the client within 30 seconds. Each drop names its reason: “Policy denied” is a network policy, “Service backend not found” a Service without endpoints.',
      },
      'ipvs-table': {
        title: 'Does IPVS have the NodePort’s virtual server?',
        help: 'In IPVS mode every node address gets a virtual server for the NodePort, with the pods as real servers.',
      },
      kernel: {
        title: 'Which kernel settings drop connections?',
        help: 'tcp_tw_recycle drops SYNs from clients behind NAT; ip_forward=0 stops forwarding; strict rp_filter drops asymmetric traffic; the local port range can steal NodePorts. A key the kernel lacks is fine.',
      },
      counters: {
        title: 'Is the kernel dropping SYNs?',
        help: 'Run it while a client retries, and again a minute later. “passive connections rejected because of time stamp” and “SYNs to LISTEN sockets dropped” growing confirm SYN drops.',
      },
      'kernel-log': {
        title: 'Does the kernel log drops?',
        help: 'A full conntrack table (“nf_conntrack: table full, dropping packet”) or a neighbour table overflow drops new connections on this node.',
      },
      capture: {
        title: 'What reaches the node?',
        help: 'Run it, then connect from the client. SYNs that arrive and get no SYN-ACK point at the kernel (tcp_tw_recycle, conntrack); no SYN at all points before the node (security group, load balancer).',
      },
      'verdict-rules': { title: 'Diagnosis: the node’s proxy rules' },
      verdict: { title: 'Diagnosis' },
    },
    'clusterip-ipvs-timeout': {
      name: 'ClusterIP times out (the pod IP works)',
      vip: {
        title: 'Which ClusterIP times out?',
        help: 'The CLUSTER-IP of the service in `kubectl get svc -o wide`.',
      },
      vport: { title: 'On which port?', help: 'The service port (not the targetPort).' },
      podip: {
        title: 'Does the pod IP answer directly?',
        help: 'From the same node: `curl PODIP:TARGETPORT`. If the pod IP fails too, the pod network is broken, not the service.',
        options: {
          works: 'The pod IP works',
          fails: 'The pod IP fails too',
          untested: 'Not tried yet',
        },
      },
      'cni-pods': {
        title: 'Is the pod network healthy?',
        help: 'The CNI agent (calico-node, flannel, cilium) must be Running and Ready on every node.',
      },
      'pod-net': {
        title: 'Does the node bridge and forward pod traffic?',
        help: 'bridge-nf-call-iptables must be 1 and ip_forward 1 for service traffic from pods.',
      },
      node: {
        title: 'On which node does the request start?',
        help: 'The node of the client pod (or the node you curl from). Its kube-proxy and its IPVS table decide.',
      },
      mode: {
        title: 'Which mode does kube-proxy run in?',
        help: '`kubectl -n kube-system get cm kube-proxy -o yaml | grep mode` tells; an empty mode means iptables. The kube-proxy log on the next step says it too, and wins.',
        options: {
          ipvs: 'IPVS (deprecated since Kubernetes 1.35)',
          iptables: 'iptables',
          nftables: 'nftables',
          replaced: 'None: Cilium replaces kube-proxy (eBPF)',
          unknown: 'I don’t know',
        },
      },
      'proxy-log': {
        title: 'Which proxier does kube-proxy use, and does it sync?',
        help: 'If the IPVS modules are missing, kube-proxy falls back to iptables: “can’t use ipvs proxier” or “Using iptables Proxier”. nftables mode logs “Using nftables Proxier”.',
      },
      'nat-rules': {
        title: 'Does the ClusterIP have kube-proxy’s rules?',
        help: 'The whole dump: KUBE-SERVICES must send the ClusterIP:port to a KUBE-SVC chain with endpoints; a REJECT “has no endpoints” means kube-proxy sees none.',
      },
      'nft-rules': {
        title: 'Is the ClusterIP in kube-proxy’s nftables maps?',
        help: 'The whole ruleset: service-ips must send the ClusterIP:port to its service chain; an entry in no-endpoint-services means kube-proxy sees no endpoint and rejects.',
      },
      'cilium-status': {
        title: 'Does Cilium replace kube-proxy on that node, and is its agent healthy?',
        help: 'Run in the Cilium agent of that node (`cilium` instead of `cilium-dbg` before Cilium 1.15). KubeProxyReplacement must be True with the devices the clients reach; failing controllers or an unreachable Kubernetes API explain a node that alone fails.',
      },
      'cilium-services': {
        title: 'Does that node’s Cilium have the Service’s frontend, with backends?',
        help: 'The whole list, not a grep: each Service address (a NodePort on 0.0.0.0 and every node address) must be a frontend with the pods as backends. `cilium-dbg bpf lb list` shows the same map.',
      },
      'cilium-drops': {
        title: 'Does Cilium drop the traffic, and why?',
        help: 'Run it and retry from the client within 30 seconds. Each drop names its reason: “Policy denied” is a network policy, “Service backend not found” a Service without endpoints.',
      },
      'ipvs-table': {
        title: 'Does the virtual server have real servers?',
        help: 'The ClusterIP:port line must be followed by the pods (`->` lines) with a weight above 0.',
      },
      pattern: {
        title: 'When does it fail?',
        help: 'This picks the next check.',
        options: {
          remote: 'Only when the pod runs on another node',
          always: 'Every time',
          'after-idle': 'The first request after a quiet period',
          unknown: 'I don’t know',
        },
      },
      overlay: {
        title: 'Which overlay device carries pod traffic?',
        help: '`ip -d link` shows it: flannel’s VXLAN is flannel.1, Calico’s VXLAN is vxlan.calico.',
        options: {
          'flannel.1': 'flannel.1 (flannel VXLAN)',
          'vxlan.calico': 'vxlan.calico (Calico VXLAN)',
          other: 'Another one, or none',
        },
      },
      offload: {
        title: 'Is checksum offload on for the VXLAN device?',
        help: 'A kernel bug makes SNAT’d VXLAN packets leave with bad checksums when tx-checksum-ip-generic is on: ClusterIP to a remote pod times out, the pod IP works.',
      },
      'vxlan-log': {
        title: 'Does the receiving node drop bad checksums?',
        help: 'On the node of the target pod: “UDP: bad checksum” to port 8472 (flannel) or 4789 confirms it.',
      },
      timeouts: {
        title: 'How long does IPVS keep idle connections?',
        help: 'IPVS forgets an idle TCP connection after its tcp timeout (900 s by default); pooled connections then hang.',
      },
      kernel: {
        title: 'Which kernel settings matter for IPVS?',
        help: 'conn_reuse_mode with vs.conntrack on kernels before 5.9 delays reused ports; bridge-nf-call-iptables and ip_forward must be 1.',
      },
      kver: {
        title: 'Which kernel runs on the node?',
        help: 'Several IPVS and VXLAN bugs depend on the kernel version.',
      },
      'ct-stats': {
        title: 'Does conntrack drop or mark packets invalid?',
        help: 'insert_failed, drop and invalid counters growing point at conntrack races and resets.',
      },
      'verdict-proxy': { title: "Diagnosis: kube-proxy's IPVS mode" },
      'verdict-endpoints': { title: 'Diagnosis: the virtual server and its endpoints' },
      'verdict-podnet': { title: 'Diagnosis: the pod network' },
      verdict: { title: 'Diagnosis' },
    },
    'pod-external-intermittent': {
      name: 'Pods reach an outside service only sometimes',
      target: {
        title: 'Which outside service fails?',
        help: 'Its address or name as the pods use it (a database, a VM, a registry, nacos…).',
      },
      tport: { title: 'On which port?', help: 'For example 3306, 6379, 8848.' },
      'from-node': {
        title: 'Does it work from the node itself?',
        help: 'On the pod’s node: `telnet TARGET PORT` or `curl`, several times. Pods leave the node SNAT’d to its address.',
        options: {
          works: 'Works from the node',
          fails: 'Fails from the node too',
          untested: 'Not tried yet',
        },
      },
      cni: {
        title: 'Is the CNI healthy on the node?',
        help: 'A CNI agent that is not Ready breaks pod traffic on its node.',
      },
      'node-sysctl': {
        title: 'Does the node treat pod traffic right?',
        help: 'bridge-nf-call-iptables=0 skips the masquerade; ip_forward=0 stops forwarding; a full conntrack table drops new flows.',
      },
      'ct-stats': {
        title: 'Does conntrack lose packets?',
        help: 'insert_failed growing is the SNAT race behind 5-second DNS timeouts and random connect timeouts.',
      },
      'kernel-log': {
        title: 'Does the kernel log drops?',
        help: '“nf_conntrack: table full” or “neighbor table overflow” drop packets on this node.',
      },
      'by-name': {
        title: 'Do the pods reach it by a name?',
        help: 'A short name can resolve to the wrong address through a stray search domain.',
        options: { yes: 'Yes, by a DNS name', no: 'No, by IP address' },
      },
      ns: { title: 'In which namespace runs a failing pod?', help: 'Used in the commands below.' },
      pod: { title: 'Which pod?', help: 'The name of one pod that sees the failures.' },
      resolv: {
        title: 'How does the pod resolve names?',
        help: 'Its search domains and ndots decide which names are tried first.',
      },
      lookup: {
        title: 'What does the name resolve to in the pod?',
        help: 'An answer from an unexpected domain or server is the leak.',
      },
      mtu: {
        title: 'Do large packets get through?',
        help: '1472 bytes plus headers is a 1500-byte packet. “Message too long” or “Frag needed” with a smaller MTU means the overlay or path MTU is too small.',
      },
      'target-sysctl': {
        title: 'Does the target drop SYNs from NAT?',
        help: 'On the outside server: tcp_tw_recycle=1 drops SYNs from pods SNAT’d to one node address.',
      },
      'target-capture': {
        title: 'What does the target receive?',
        help: 'SYNs from the node address with no SYN-ACK back: the target drops them.',
      },
      'verdict-cni': { title: 'Diagnosis: the CNI on the node' },
      verdict: { title: 'Diagnosis' },
    },
    'ingress-5xx': {
      name: 'The ingress returns 5xx',
      ingressns: {
        title: 'In which namespace runs the ingress controller?',
        help: 'Usually ingress-nginx (or kube-system).',
      },
      status: {
        title: 'What do clients get?',
        help: 'The status code (or the browser’s error) picks the search.',
        options: {
          '502': '502 Bad Gateway',
          '503': '503 Service Unavailable',
          '504': '504 Gateway Timeout',
          browser: 'The browser refuses the site (HTTPS)',
          flapping: 'Everything fails now and then (the controller restarts)',
        },
      },
      host: {
        title: 'Which host name?',
        help: 'The site the browser refuses, for example shop.example.com.',
      },
      tls: {
        title: 'Which TLS settings does the controller use?',
        help: 'Custom ssl-ciphers or ssl-protocols with HTTP/2 on make browsers refuse the site.',
      },
      curl: {
        title: 'What does a TLS client see?',
        help: 'From a client machine; shows the protocol, ALPN and the status.',
      },
      log: {
        title: 'What does nginx say about the upstream?',
        help: 'The error log names the reason: timed out, connection refused, no live upstreams, too big header, prematurely closed.',
      },
      endpoints: {
        title: 'Which Services have no endpoints?',
        help: 'A 503 is most often a Service without ready endpoints.',
      },
      spec: {
        title: 'How is the controller deployed?',
        help: 'hostNetwork: true needs dnsPolicy: ClusterFirstWithHostNet, or the controller cannot resolve cluster names.',
      },
      describe: {
        title: 'Why does the controller restart?',
        help: 'Liveness probe failures on :10254 restart it; the events show them.',
      },
      'node-log': {
        title: 'Does the controller’s node drop packets?',
        help: '“nf_conntrack: table full, dropping packet” makes health checks fail.',
      },
      'ct-sysctl': {
        title: 'How full is the conntrack table?',
        help: 'nf_conntrack_count near nf_conntrack_max drops new flows; kube-proxy sets the close_wait timeout to 3600 s.',
      },
      'ct-table': {
        title: 'Which states fill the conntrack table?',
        help: 'The state histogram: many CLOSE_WAIT, SYN_RECV or LAST_ACK entries point at half-closed or stray connections.',
      },
      'verdict-tls': { title: 'Diagnosis: TLS and HTTP/2' },
      'verdict-upstream': { title: 'Diagnosis: the upstream' },
      verdict: { title: 'Diagnosis' },
    },
    'not-sure': {
      name: 'Not sure which symptom',
      who: {
        title: 'Who fails to connect?',
        help: 'Pick the closest; the next question narrows it down.',
        options: { outside: 'Clients outside the cluster', pods: 'Pods inside the cluster' },
      },
      via: {
        title: 'How do those clients reach the service?',
        help: 'Look at how the service is exposed.',
        options: {
          nodeport: 'A node’s IP and a NodePort',
          loadbalancer: 'A load balancer in front of the nodes',
          ingress: 'A domain name through the ingress controller',
        },
      },
      to: {
        title: 'What do the pods call?',
        help: 'A Service inside the cluster, or something outside it.',
        options: { service: 'A Service (ClusterIP)', outside: 'Something outside the cluster' },
      },
      'to-nodeport': { title: 'Go on: NodePort fails on one node' },
      'to-ingress': { title: 'Go on: the ingress returns 5xx' },
      'to-clusterip': { title: 'Go on: ClusterIP times out' },
      'to-external': { title: 'Go on: pods reach an outside service only sometimes' },
    },
  },
};
