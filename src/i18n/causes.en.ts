/** Cause titles (all catalog causes) and, for causes with a rule, why it matters and the fix's risk. */
export default {
  cause: {
    'tcp-tw-recycle-nat': {
      title: 'tcp_tw_recycle drops SYNs from clients behind NAT',
      why: "With tcp_tw_recycle=1 and timestamps on, the kernel remembers the last TCP timestamp per peer address and silently drops SYNs with an older one. Clients behind one NAT/SNAT address (pods SNAT'd to a node IP, users behind a load balancer) have unrelated clocks, so some of their SYNs are dropped: the handshake never completes on this node only.",
      risk: 'Low: it only turns off a per-peer timestamp check. The knob was removed in kernel 4.12; for TIME_WAIT pressure use tcp_tw_reuse instead.',
    },
    'kube-proxy-rules-missing': {
      title: 'kube-proxy has not programmed this node',
      why: 'Traffic to a NodePort or ClusterIP only works where kube-proxy wrote its rules. When kube-proxy on a node is down, crash-looping or cannot reach the API server, that node has no (or stale) rules for the service while the other nodes still work.',
      risk: 'Low: restarting kube-proxy re-creates its rules; connections through this node may blip while it resyncs.',
    },
    'etp-local-no-endpoint': {
      title: 'externalTrafficPolicy: Local and no ready pod on this node',
      why: 'With externalTrafficPolicy: Local a node only forwards NodePort traffic to pods on itself, to keep the client address. A node without a ready pod of the service drops that traffic by design ("has no local endpoints"), so the port answers only on nodes running a pod.',
      risk: 'Medium: switching to Cluster makes every node forward, but the pod then sees the node address instead of the client address (SNAT). Running a pod on every node, or removing such nodes from the load balancer via the health-check node port, keeps the client address.',
    },
    'forward-drop': {
      title: 'The node does not forward packets',
      why: 'A NodePort whose pod runs on another node must be forwarded by this node. With net.ipv4.ip_forward=0, or a FORWARD chain policy of DROP (Docker sets it) without the accept rules of kube-proxy and the CNI, the packets are dropped here.',
      risk: 'Medium: enabling forwarding turns the node into a router for any address it can reach; keep the host firewall rules that restrict what may be forwarded.',
    },
    'host-firewall-blocks': { title: 'The host firewall rejects the NodePort range' },
    'rp-filter-asymmetric': { title: 'Strict reverse-path filtering drops asymmetric traffic' },
    'conntrack-table-full': { title: 'The conntrack table is full' },
    'conntrack-close-wait-buildup': { title: 'CLOSE_WAIT entries fill the conntrack table' },
    'conntrack-snat-race': { title: 'SNAT/DNAT insertion race in conntrack' },
    'vxlan-checksum-offload': { title: "VXLAN checksum offload corrupts SNAT'd packets" },
    'ipvs-no-real-servers': { title: 'The IPVS virtual server has no real servers' },
    'ipvs-modules-missing': { title: 'IPVS kernel modules are not loaded' },
    'br-netfilter-off': { title: 'Bridged pod traffic bypasses iptables (br_netfilter)' },
    'ipvs-conn-reuse-delay': { title: 'IPVS connection reuse delays (conn_reuse_mode)' },
    'mtu-mismatch': { title: 'Overlay MTU larger than the path allows' },
    'dns-search-domain-leak': { title: 'A stray DNS search domain answers short names' },
    'cni-unhealthy': { title: 'The CNI agent on the node is not ready' },
    'ingress-hostnetwork-dns': {
      title: 'hostNetwork ingress controller cannot resolve cluster names',
    },
    'ingress-http2-bad-ciphers': { title: 'Custom TLS ciphers break HTTP/2' },
    'ingress-liveness-restarts': {
      title: 'The ingress controller is restarted by its liveness probe',
    },
    'upstream-no-endpoints': { title: 'The backend Service has no ready endpoints (503)' },
    'upstream-timeout': { title: 'The upstream pod does not answer in time (504)' },
    'upstream-refused': { title: 'The upstream pod refuses the connection (502)' },
    'ingress-stray-traffic': {
      title: 'Stray traffic to abandoned domains piles up half-open connections',
    },
    'ipvs-idle-timeout': { title: 'IPVS forgets idle connections before clients do' },
    'ipvs-stale-realserver': { title: 'Stale IPVS real servers still get traffic' },
    'conntrack-invalid-rst': { title: 'Out-of-window packets marked INVALID cause resets' },
    'iptables-backend-mismatch': {
      title: 'Rules live in the other iptables backend (legacy vs nft)',
    },
    'nodeport-port-range-clash': {
      title: 'A local process holds the NodePort',
      why: 'When net.ipv4.ip_local_port_range overlaps the NodePort range and the range is not reserved, any outgoing connection can be given the NodePort as its source port. kube-proxy then cannot open the port ("address already in use") and skips it, so the service is broken on this node only.',
      risk: 'Low: reserving the range only stops the kernel from handing these ports to outgoing connections.',
    },
    'arp-neigh-overflow': { title: 'The neighbour (ARP) table overflows' },
    'ingress-upstream-keepalive-mismatch': {
      title: 'Backend closes keepalive connections before nginx reuses them',
    },
    'ingress-upstream-header-too-big': {
      title: 'Backend response headers exceed the proxy buffer',
    },
    'service-no-endpoints': { title: 'kube-proxy sees no ready endpoints and rejects' },
  },
};
