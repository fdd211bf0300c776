/**
 * The IPVS, VXLAN and ingress rules: why each found, ruled out or skipped its cause, what the
 * cause means and what its fix risks, and the comments inside their fix snippets.
 */
export default {
  rule: {
    'vxlan-checksum-offload': {
      on: "{{iface}} has tx-checksum-ip-generic on: packets SNAT'd by kube-proxy leave this VXLAN device with a bad UDP checksum and the peer drops them.",
      justTurnedOff:
        '{{iface}} had tx-checksum-ip-generic on until this `ethtool -K` turned it off: the change is lost when the device is re-created or the node reboots.',
      fixedInSession:
        '{{iface}} had tx-checksum-ip-generic on in an earlier paste and shows it off now: the fix works for now; make it persist.',
      offButBadChecksums:
        '{{iface}} shows tx-checksum-ip-generic off, yet the kernel logged bad UDP checksums on a VXLAN port: if those lines are newer than the change, look at the offloads of the uplink NIC and of the sending node.',
      off: '{{iface}} has tx-checksum-ip-generic off.',
      badChecksums:
        "The kernel dropped {{n}} VXLAN packet(s) with a bad UDP checksum (port 8472/4789): the sending node's VXLAN device computes broken checksums for SNAT'd packets.",
    },
    'ipvs-modules-missing': {
      fellBack:
        'kube-proxy found no IPVS support and fell back to the {{proxier}} proxier: Services are not served by IPVS on this node.',
      log: 'kube-proxy could not use IPVS: it says the kernel modules are not loaded or IPVS is missing.',
      lsmodNoIpvs:
        'lsmod does not list {{modules}}: unless IPVS is built into this kernel, kube-proxy cannot run in IPVS mode.',
      lsmodNoScheduler:
        'lsmod lists ip_vs but not {{modules}}: older kube-proxy versions require every one of them.',
      usingIpvs: 'kube-proxy started the IPVS proxier.',
      tableProgrammed: 'The IPVS table holds virtual servers: IPVS works on this node.',
      loaded: 'The IPVS modules are loaded.',
    },
    'ipvs-no-real-servers': {
      hasServers: 'The virtual server {{vs}} has {{n}} real server(s) that take connections.',
      onlyWeightZero:
        'The virtual server {{vs}} has only weight-0 real servers: they are draining and take no new connections.',
      none: 'The virtual server {{vs}} has no real server at all.',
      endpointsNone:
        'The Service behind {{vs}} has no endpoints (<none>), so its virtual server has no real server.',
      endpointsReady: 'The Service behind {{vs}} has ready endpoints.',
      someEmpty:
        '{{n}} virtual server(s), {{vs}} among them, have no real server taking connections; check that this is the Service that times out.',
      allHaveServers: 'Every one of the {{n}} virtual server(s) has real servers.',
      endpointsOnly:
        'The endpoints of {{name}} are <none>: its IPVS virtual server has no real server.',
      kernelNoDest:
        'The kernel found no real server for {{n}} connection(s) to {{vs}} ("no destination available").',
    },
    'ipvs-stale-realserver': {
      notInEndpoints:
        "The IPVS table still sends to real servers that the Service's endpoints no longer list.",
      weightZeroActive:
        'Real servers with weight 0 (removed pods) still get traffic: active connections on them, or clients pinned to them by session affinity (persistent).',
      weightZeroDraining:
        'Real servers with weight 0 still hold inactive connections; that is normal draining unless they stay for long.',
      matchesEndpoints:
        "The real servers match the Service's endpoints and none is left at weight 0.",
      noWeightZero: 'No real server is left at weight 0 with connections.',
    },
    'ipvs-conn-reuse-delay': {
      why: 'conn_reuse_mode is 1 with vs.conntrack on a kernel before 5.9: a SYN that reuses a source port still in the IPVS table is dropped, and the client waits 1 s (or more) to retry.',
      kernelUnknown:
        'conn_reuse_mode is 1: on kernels before 5.9 this drops SYNs that reuse a source port; paste `uname -r` to know.',
      fixedKernel: 'Kernel {{release}} (5.9 or later) reuses connections without the SYN drop.',
      reuseOff: 'conn_reuse_mode is 0.',
      noConntrack:
        'conn_reuse_mode is 1 but net.ipv4.vs.conntrack is 0, so the drop does not happen.',
    },
    'ipvs-idle-timeout': {
      why: 'IPVS forgets an idle TCP connection after {{ipvs}} s, but the first keepalive probe comes only after {{keepalive}} s: a pooled connection idle in between is dead when it is used again.',
      timeoutOnly:
        "IPVS forgets an idle TCP connection after {{ipvs}} s, below the kernel's default keepalive of 7200 s; paste `sysctl net.ipv4.tcp_keepalive_time` of the client to be sure.",
      keepaliveBelow:
        'Keepalive probes ({{keepalive}} s) come before IPVS forgets an idle connection ({{ipvs}} s).',
      timeoutAboveDefault:
        'IPVS keeps idle TCP connections for {{ipvs}} s, longer than the default keepalive.',
      noExpiry: 'The IPVS TCP timeout is 0.',
    },
    'upstream-timeout': {
      connect:
        'nginx timed out {{n}} time(s) connecting to the pod ({{upstream}}): its SYN got no answer, so the network between the controller and the pod is broken.',
      read: 'nginx timed out {{n}} time(s) waiting for the pod ({{upstream}}) to answer: the pod accepted the connection but was slower than proxy-read-timeout.',
      accessConnect:
        '{{n}} request(s) ended in 504 after about 5 s per attempt, the connect timeout: nginx could not reach the pod.',
      access: '{{n}} request(s) ended in 504: nginx gave up waiting for the pod.',
      otherErrors: 'The upstream errors in this log are {{kinds}}, not timeouts.',
      none: 'No request in this log timed out (no 504, no "upstream timed out").',
    },
    'upstream-refused': {
      why: "The pod refused nginx's connection {{n}} time(s) ({{upstream}}): nothing listens on the targetPort (wrong port, app not up, pod restarting).",
      access:
        '{{n}} request(s) ended in 502 with every attempt failing at once, as refused connections do; the error log tells for sure.',
      otherErrors: 'The upstream errors in this log are {{kinds}}, not refused connections.',
      none: 'No connection in this log was refused.',
    },
    'upstream-no-endpoints': {
      controller:
        'The controller has no active endpoint for Service {{service}}: nginx has no pod to send the request to (503).',
      noLive: 'nginx found no live upstream: no endpoint of the backend was available (503).',
      accessAndEndpoints: 'The 503s go to the backend of {{service}}, whose endpoints are <none>.',
      endpointsOnly:
        '{{n}} Service(s), {{service}} among them, have no endpoints: if one is the Ingress backend, it answers 503.',
      triedPods: 'nginx had pod addresses to try: the backend Service had endpoints.',
      endpointsReady: 'Service {{service}} has ready endpoints.',
    },
    'ingress-upstream-keepalive-mismatch': {
      premature:
        'The backend closed {{n}} connection(s) before answering ("prematurely closed ... while reading response header"): it drops idle keepalive connections sooner than nginx stops reusing them ({{timeout}}).',
      reset:
        "The backend reset {{n}} connection(s) nginx was reusing; that can be a keepalive timeout shorter than nginx's ({{timeout}}).",
      noPool: 'upstream-keepalive-connections is 0: nginx does not reuse connections to the pods.',
      otherErrors:
        'The upstream errors in this log are {{kinds}}, not closed keepalive connections.',
    },
    'ingress-upstream-header-too-big': {
      why: 'The backend sent response headers larger than proxy-buffer-size ({{size}}) {{n}} time(s): nginx answers 502.',
      otherErrors: 'The upstream errors in this log are {{kinds}}, not oversized headers.',
    },
    'ingress-http2-bad-ciphers': {
      why: 'The cipher list starts with {{cipher}}, which HTTP/2 forbids (no ECDHE/DHE or no AEAD): the server picks it and browsers refuse the HTTP/2 connection.',
      negotiated:
        'The client got HTTP/2 over {{cipher}}, a cipher HTTP/2 forbids: browsers refuse this connection.',
      browserOnly:
        'The browser refused HTTP/2 because of the TLS settings (INADEQUATE_TRANSPORT_SECURITY): paste the ssl-ciphers setting to see which cipher it got.',
      http2Off: 'HTTP/2 is off (use-http2: false), so the cipher order cannot break it.',
      goodFirst: 'The cipher list starts with {{cipher}}, an HTTP/2-safe suite.',
      negotiatedOk: 'The client negotiated {{cipher}}, which HTTP/2 accepts.',
      defaultCiphers:
        "The settings do not change ssl-ciphers: the controller's default ciphers are HTTP/2-safe.",
    },
    'ingress-hostnetwork-dns': {
      clusterFirst:
        "{{name}} runs with hostNetwork: true and dnsPolicy {{policy}}: it uses the node's resolver and cannot resolve cluster names.",
      defaultPolicy:
        "{{name}} runs with hostNetwork: true and no dnsPolicy (ClusterFirst by default): it uses the node's resolver and cannot resolve cluster names.",
      withHostNet: 'The controller runs with hostNetwork and dnsPolicy ClusterFirstWithHostNet.',
      noHostNetwork: 'The controller does not run with hostNetwork: it uses the cluster DNS.',
      logOnly:
        'The controller fails to resolve names; paste its pod spec to see whether hostNetwork without ClusterFirstWithHostNet is why.',
    },
    'ingress-liveness-restarts': {
      restarted:
        'The kubelet restarts the controller because its liveness probe fails ({{n}} failure(s), restart count {{restarts}}).',
      failing:
        "The controller's liveness probe fails ({{n}} time(s)); a few more in a row and the kubelet restarts it.",
      restartsOnly:
        'The controller has restarted {{restarts}} time(s); its events would tell whether the liveness probe is why.',
      climbing: "The controller's restart count grows between the pastes (now {{restarts}}).",
      noRestarts: 'The controller has not restarted.',
    },
    'ingress-stray-traffic': {
      halfOpen:
        '{{halfOpen}} of {{total}} tracked connections are half-open (SYN_RECV, FIN_WAIT, LAST_ACK): clients that never finish their handshakes or closes.',
      strayHosts:
        '{{stray}} of {{requests}} requests went to hosts no Ingress serves (the default backend answered them).',
      fewHalfOpen: 'Only {{halfOpen}} of {{total}} tracked connections are half-open.',
    },
    'kube-proxy-rules-missing': {
      ipvsNodePort: 'IPVS has {{n}} virtual server(s) for NodePort {{port}}.',
      ipvsNodePortMissing:
        'The IPVS table has no virtual server for NodePort {{port}} on any address: kube-proxy has not programmed it on this node.',
      ipvsClusterIp: 'IPVS has the virtual server {{vs}}.',
      ipvsClusterIpMissing:
        'The IPVS table has no virtual server for {{vs}}: kube-proxy has not programmed this Service on this node.',
    },
  },
  cause: {
    'vxlan-checksum-offload': {
      why: 'On kernels before 5.7 (and some later ones behind NAT), a VXLAN device with tx-checksum-ip-generic on leaves the UDP checksum to offload; after iptables/IPVS SNAT of the inner packet the outer checksum is wrong, and the receiving node drops the packet ("UDP: bad checksum ... to ...:8472"). Traffic to a Service whose pod is on another node times out, while the pod IP works.',
      risk: 'Low: checksums are then computed in software on this device, a small CPU cost. The setting is lost when the device is re-created or the node reboots, hence the unit. The real fix is a kernel with commit ea64d8d6c675 (5.7) or a CNI/kube-proxy that works around it (Calico 3.19+, Kubernetes 1.19+).',
    },
    'ipvs-no-real-servers': {
      why: 'kube-proxy gives the ClusterIP:port an IPVS virtual server and one real server per ready endpoint. With no ready pod (selector that matches nothing, failing readiness, wrong port name) the virtual server exists but has no real server, or only weight-0 ones that are draining, so connections go nowhere.',
      risk: 'Low: the fix is in the Service selector, the pod labels or the readiness probe; kube-proxy follows the endpoints by itself.',
    },
    'ipvs-modules-missing': {
      why: 'IPVS mode needs the ip_vs module, its schedulers (ip_vs_rr, ip_vs_wrr, ip_vs_sh) and nf_conntrack. When kube-proxy does not find them it falls back to iptables (up to 1.25) or exits (1.26 on). Old kube-proxy versions only looked at loaded modules, so IPVS built into the kernel (listed in /lib/modules/$(uname -r)/modules.builtin) was taken for missing: there, upgrade kube-proxy instead of loading modules. On kernels 4.19+ nf_conntrack_ipv4 became nf_conntrack, which older kube-proxy versions also misread.',
      risk: 'Low: loading the modules changes nothing until kube-proxy restarts; the restart re-creates its rules, and switching proxy mode briefly reprograms every Service on the node.',
    },
    'ipvs-conn-reuse-delay': {
      why: 'With net.ipv4.vs.conn_reuse_mode=1 and net.ipv4.vs.conntrack=1, kernels before 5.9 drop the first SYN of a connection whose source port matches an old IPVS entry, to reschedule it; the client retransmits after 1 s (63 s after several losses). Busy clients that reuse ports see random 1 s delays. kube-proxy sets conn_reuse_mode=0 itself on these kernels since 1.13, so a 1 here usually means an old kube-proxy or a host script that sets it back.',
      risk: 'Medium: conn_reuse_mode=0 removes the delay but keeps sending reused ports to the old real server, even after its pod is gone (stale real servers, unbalanced load after scaling). A kernel 5.9 or later fixes both.',
    },
    'ipvs-idle-timeout': {
      why: 'IPVS keeps its own connection table and forgets an idle TCP connection after its tcp timeout (900 s unless kube-proxy --ipvs-tcp-timeout says otherwise). Clients and connection pools keep connections far longer, and the first keepalive probe comes only after tcp_keepalive_time (7200 s by default). The first request after a quiet period then goes to a connection IPVS no longer knows: it hangs or is reset.',
      risk: 'Low: shorter keepalive only adds a few small probe packets per idle connection. Raising the IPVS timeout instead keeps more entries in the table.',
    },
    'ipvs-stale-realserver': {
      why: "When a pod goes away kube-proxy sets its real server to weight 0 and removes it once its connections are gone. With conn_reuse_mode=0, new connections that reuse a source port are still sent to that old real server, and after a node dies its pods' real servers can stay until kube-proxy syncs: traffic keeps going to addresses that no longer answer.",
      risk: 'Low to remove a stale real server by hand (kube-proxy would drop it anyway); kube-proxy re-creates whatever is still an endpoint at its next sync.',
    },
    'ingress-hostnetwork-dns': {
      why: "A pod with hostNetwork: true gets the node's /etc/resolv.conf unless its dnsPolicy is ClusterFirstWithHostNet; ClusterFirst then silently means the node's DNS. An ingress-nginx replica running like this cannot resolve cluster names (kubernetes.default, ExternalName backends) and stops updating its upstreams, so only the requests it serves fail.",
      risk: 'Low: the patch rolls the controller pods one by one; each replica is out of service while it restarts.',
    },
    'ingress-http2-bad-ciphers': {
      why: "HTTP/2 over TLS 1.2 needs an ephemeral key exchange (ECDHE/DHE) with an AEAD cipher (GCM, ChaCha20); RFC 7540 lists the rest (AES128-SHA and the like) as forbidden. ingress-nginx prefers the server's cipher order and turns HTTP/2 on by default, so a custom ssl-ciphers that starts with such a suite makes the browser refuse the site (ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY) while curl over HTTP/1.1 still works.",
      risk: 'Low: the defaults are what current browsers expect. Very old clients that only spoke SSLv3/TLS 1.0 ciphers lose access; disabling HTTP/2 instead keeps them but drops HTTP/2 for everyone.',
    },
    'ingress-liveness-restarts': {
      why: 'The kubelet restarts the controller when GET /healthz on 10254 fails failureThreshold times in a row (timeout 1 s by default). Under packet loss on its node, often a full conntrack table, the probe fails although nginx is fine; each restart drops every connection through that replica, and the entry point flaps.',
      risk: 'Low: a higher threshold and timeout only make the kubelet slower to restart a controller that is really stuck. Fix the packet loss underneath as well.',
    },
    'upstream-no-endpoints': {
      why: "ingress-nginx sends requests to the pod IPs of the backend Service's endpoints. When the Service has none ready (selector that matches no pod, pods failing readiness, a port name that does not match), nginx has nowhere to go and answers 503.",
      risk: 'Low: the fix is in the Service selector, the pod labels or the readiness probe; the controller picks endpoints up by itself.',
    },
    'upstream-timeout': {
      why: 'nginx answers 504 when the pod does not answer in time. "while connecting to upstream" means the SYN got no answer within proxy-connect-timeout (5 s): the pod network between the controller\'s node and the pod is at fault (CNI, MTU, conntrack, a dead node). "while reading response header" means the pod accepted but stayed silent past proxy-read-timeout (60 s): the application is slow.',
      risk: 'Low: a longer proxy-read-timeout only lets slow requests finish; it hides a slow application rather than fixing it, and holds more connections open.',
    },
    'upstream-refused': {
      why: "nginx answers 502 when the pod's address answers the connection with a reset: the pod is there but nothing listens on the port. Usually the Service's targetPort does not match the container port, the application listens on 127.0.0.1 only, or the pod is restarting.",
      risk: "Medium: changing the Service's targetPort affects every client of the Service at once; check the container port first.",
    },
    'ingress-stray-traffic': {
      why: 'Domains that were dropped but still resolve, through a wildcard DNS record, to the ingress bring clients that cannot complete a connection (firewalls, bad networks). They leave SYN_RECV, FIN_WAIT and LAST_ACK entries piling up in conntrack and in the socket table, eating capacity that real traffic needs.',
      risk: 'Low: nginx closes connections for those host names at once (444); make sure no live site is matched by the server_name list.',
    },
    'ingress-upstream-keepalive-mismatch': {
      why: 'nginx keeps idle connections to the pods and reuses them for upstream-keepalive-timeout (60 s by default). A backend that closes idle connections sooner (Node.js after 5 s, many app servers after 5-30 s) can close one just as nginx sends a request on it: "upstream prematurely closed connection while reading response header" and a 502, at random.',
      risk: "Low: a shorter upstream keepalive only opens new connections to the pods a little more often. Raising the backend's keepalive timeout above nginx's works as well.",
    },
    'ingress-upstream-header-too-big': {
      why: 'nginx reads the backend\'s response headers into one buffer of proxy-buffer-size (4k or 8k by default). Big cookies, long redirect URLs or auth tokens overflow it: nginx logs "upstream sent too big header" and answers 502.',
      risk: 'Low: a bigger buffer costs a little memory per connection.',
    },
  },
  fix: {
    vxlan: {
      unit: 'a oneshot unit that runs each time the device appears (the device is created by the CNI, after boot):',
      kernel:
        'lasting fix: a kernel with the checksum fix (5.7+), Kubernetes 1.19+ (unmarks packets before SNAT), Calico 3.19+ (turns the offload off by itself)',
      expectOff: 'must say off',
      noNewErrors: 'run it again later on the receiving node: the count must stop growing',
    },
    ipvsModules: {
      builtin:
        'built into the kernel? then the modules need no loading: upgrade kube-proxy (old versions only accepted loaded modules)',
      older: 'kernels before 4.19: nf_conntrack_ipv4 instead of nf_conntrack',
      rollback: 'kube-proxy keeps using IPVS until its mode is changed back',
    },
    noRs: {
      compare: 'the endpoints must list the ready pods that the selector matches:',
      selector:
        'no ready pod matches the selector: fix the labels or the selector, or the readiness probe of these pods',
      verify: 'each ready pod must appear as a real server with weight 1',
      noRollback: 'nothing to roll back: kube-proxy follows the endpoints',
    },
    stale: {
      look: 'real servers with weight 0 or not in the endpoints are stale:',
      remove:
        'remove a stale real server by hand (kube-proxy re-adds it if it is still an endpoint):',
      reuse:
        'conn_reuse_mode=0 keeps sending reused source ports to old real servers on kernels before 5.9:',
      upgrade:
        'lasting fix: kernel 5.9+ with conn_reuse_mode=1, and a kube-proxy that no longer sets it to 0 there (1.22+)',
      verify: 'the removed address must not come back',
      noRollback: 'nothing to roll back: kube-proxy re-creates the real servers of live endpoints',
    },
    reuse: {
      prefer: "lasting fix: a kernel 5.9 or later; check this node's version:",
      careful:
        'meanwhile, what kube-proxy itself does on older kernels (it can send reused ports to gone pods):',
      kubeProxy:
        'kube-proxy 1.13+ sets this to 0 by itself on kernels before 5.9; if it shows 1, look for a script or old kube-proxy that sets it',
    },
    idle: {
      keepalive:
        'keepalive probes before IPVS forgets the connection (its tcp timeout, 900 s by default):',
      pods: 'pods have their own network namespace: set it in the client pods too (below), or in the client library',
      podSysctl:
        'in the client workload (a safe sysctl from Kubernetes 1.29; before that the kubelet must allow it):',
      orRaise:
        'or raise the IPVS timeout instead, in the kube-proxy config: ipvs.tcpTimeout (e.g. 7260s)',
    },
    timeout: {
      connecting:
        '"while connecting": does the pod answer from the controller\'s node? a timeout here is the pod network (CNI, MTU, conntrack):',
      reading:
        '"while reading response header": the app is slow; give it more time while it is fixed:',
      persistConnect:
        'connecting: fix the pod network path (the clusterip-ipvs-timeout and pod-external-intermittent checks walk it)',
      persistRead:
        'reading: fix the slow endpoint; keep the annotation in the Ingress manifest in Git:',
      verify: 'must stay 0',
    },
    refused: {
      who: 'which pod is it, and is it running and ready?',
      ports: "the Service's targetPort must be a port the container listens on:",
      targetPort:
        'point targetPort at the container port (or a named port), in the manifest in Git as well:',
      readiness:
        'and give the pod a readiness probe on that port, so it gets traffic only once it listens',
      verify: 'must stay 0',
      rollback: 'patch targetPort back to its old value the same way',
    },
    noEp: {
      selector: 'the selector must match the labels of ready pods:',
      ready: 'pods that match but are not ready: why do their readiness probes fail?',
      persist: 'fix the selector or the labels in the manifests in Git, or the readiness probe',
      verify: 'must list pod addresses',
      rollback: 'nothing to roll back: the controller follows the endpoints',
    },
    keepalive: {
      backend:
        'best: make the backend keep idle connections longer than nginx (60 s), e.g. Node.js server.keepAliveTimeout = 65000',
      lower: 'or make nginx drop idle upstream connections before the backend does (seconds):',
      persist:
        "keep the value in the controller's Helm values (controller.config) or its ConfigMap manifest",
      verify: 'must stay 0',
    },
    bigHeader: {
      annotate: 'for the Ingress of that backend:',
      global: "or for every Ingress, in the controller's ConfigMap:",
      measure: 'size of the response headers in bytes',
    },
    h2: {
      restore: "restore the controller's default ciphers (they are HTTP/2-safe):",
      orDisable: 'or, if the old ciphers must stay, turn HTTP/2 off instead:',
      persist:
        "keep it in the controller's Helm values (controller.config) or the ConfigMap manifest in Git",
      verify: 'must show an ECDHE/AEAD cipher (or TLSv1.3) and ALPN h2',
      rollback: 'put the old ssl-ciphers value back (kept in Git or the Helm values):',
    },
    hostDns: {
      rollout: 'the controller pods restart one by one with the new policy',
      helm: 'with the Helm chart: controller.hostNetwork=true and controller.dnsPolicy=ClusterFirstWithHostNet',
      verify: 'must show the cluster DNS (nameserver = the kube-dns ClusterIP)',
    },
    liveness: {
      cause:
        'the probe fails because packets are lost on the node: find out why (often conntrack table full)',
      onNode: "run it on the controller's node",
      threshold: 'meanwhile, be more patient before a restart:',
      helm: 'with the Helm chart: controller.livenessProbe.failureThreshold and timeoutSeconds',
      verify: 'the RESTARTS column must stop growing',
    },
    stray: {
      hosts: 'which hosts does the default backend answer?',
      catchAll:
        'close connections for the abandoned domains at once (444); this replaces any http-snippet you already have:',
      dns: 'lasting fix: remove the wildcard DNS record that still sends those domains to the ingress',
      verify: 'must end with "Empty reply from server"',
    },
    kubeProxy: {
      ipvsVerify: 'IPVS mode: the virtual server must be listed',
    },
  },
};
