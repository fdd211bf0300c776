/**
 * Causes in kube-proxy and the Service datapath: its rules, IPVS, the iptables backends,
 * NodePort clashes, externalTrafficPolicy Local, Services without endpoints. One block per
 * cause, in catalog order: title, why, risk, the rule's `verdict` texts and its fix comments.
 */
export default {
  cause: {
    'kube-proxy-rules-missing': {
      title: 'kube-proxy has not programmed this node',
      why: 'Traffic to a NodePort or ClusterIP only works where kube-proxy wrote its rules. When kube-proxy on a node is down, crash-looping or cannot reach the API server, that node has no (or stale) rules for the service while the other nodes still work.',
      risk: 'Low: restarting kube-proxy re-creates its rules; connections through this node may blip while it resyncs.',
      verdict: {
        present: "kube-proxy's KUBE-NODEPORTS rule for port {{port}} is present.",
        portMissing:
          "The nat table has kube-proxy's chains but no KUBE-NODEPORTS rule for port {{port}}.",
        noKubeChains:
          'The nat table has no KUBE-* chains at all: kube-proxy has not programmed this node (or writes to the other iptables backend).',
        podDown:
          'kube-proxy is not running on its node ({{pods}}): that node keeps no rules, or stale ones, for its Services.',
        logErrors: 'kube-proxy logs errors that stop it from syncing its rules.',
        ipvsNodePort: 'IPVS has {{n}} virtual server(s) for NodePort {{port}}.',
        ipvsNodePortMissing:
          'The IPVS table has no virtual server for NodePort {{port}} on any address: kube-proxy has not programmed it on this node.',
        ipvsClusterIp: 'IPVS has the virtual server {{vs}}.',
        ipvsClusterIpMissing:
          'The IPVS table has no virtual server for {{vs}}: kube-proxy has not programmed this Service on this node.',
        nftNodePort: "kube-proxy's nftables maps hold NodePort {{port}}.",
        nftNodePortMissing:
          "kube-proxy's nftables table has its maps but no entry for NodePort {{port}} (neither in service-nodeports nor in no-endpoint-nodeports): kube-proxy has not programmed it on this node.",
        nftClusterIp: "kube-proxy's nftables maps hold {{vs}}.",
        nftClusterIpMissing:
          "kube-proxy's nftables table has its maps but no entry for {{vs}} (neither in service-ips nor in no-endpoint-services): kube-proxy has not programmed this Service on this node.",
      },
      fix: {
        ipvsVerify: 'IPVS mode: the virtual server must be listed',
        nftVerify: 'nftables mode: the NodePort must be listed',
        why: 'find out why it stopped syncing, before it happens again:',
        noRollback: 'nothing to roll back: restarting kube-proxy only re-creates the rules it owns',
        conntrackWhy:
          'kube-proxy exits at start because it cannot write a conntrack setting (read-only inside an LXC/LXD, kind or minikube node; missing while the nf_conntrack module is not loaded): restarting it alone repeats the exit. Let it leave conntrack sizing alone:',
        conntrackEdit:
          'under config.conf set  conntrack: maxPerCore: 0  (flag: --conntrack-max-per-core=0)',
        conntrackPersist:
          'the ConfigMap edit persists (kubeadm). k3s: kube-proxy-arg: conntrack-max-per-core=0 in /etc/rancher/k3s/config.yaml. MicroK8s: add --conntrack-max-per-core=0 to /var/snap/microk8s/current/args/kube-proxy and restart MicroK8s. If the node needs a larger table, raise net.netfilter.nf_conntrack_max on the host instead.',
      },
    },
    'etp-local-no-endpoint': {
      title: 'externalTrafficPolicy: Local and no ready pod on this node',
      why: 'With externalTrafficPolicy: Local a node only forwards NodePort traffic to pods on itself, to keep the client address. A node without a ready pod of the service drops that traffic by design ("has no local endpoints"), so the port answers only on nodes running a pod.',
      risk: 'Medium: switching to Cluster makes every node forward, but the pod then sees the node address instead of the client address (SNAT). Running a pod on every node, or removing such nodes from the load balancer via the health-check node port, keeps the client address.',
      verdict: {
        why: 'kube-proxy drops this NodePort\'s traffic on this node: "has no local endpoints".',
        hasLocal: 'The NodePort {{port}} chain sends traffic to endpoints on this node.',
        nftDrop:
          'kube-proxy (nftables mode) drops NodePort {{port}} on this node: its no-endpoint-nodeports map says drop, which it writes for externalTrafficPolicy: Local without a local endpoint.',
        nftServed:
          'kube-proxy (nftables mode) sends NodePort {{port}} to its Service chain on this node, with no drop for want of a local endpoint.',
      },
      fix: {
        where: 'where do the ready pods of the service run? this node needs one:',
        either:
          'either run a ready pod on every node the load balancer sends to (DaemonSet, topology spread), or let every node forward:',
        orPool:
          'or take nodes without a local pod out of the pool with the health-check node port:',
        empty: 'must print nothing',
        nftEmpty: 'nftables mode: must print nothing',
      },
    },
    'ipvs-no-real-servers': {
      title: 'The IPVS virtual server has no real servers',
      why: 'kube-proxy gives the ClusterIP:port an IPVS virtual server and one real server per ready endpoint. With no ready pod (selector that matches nothing, failing readiness, wrong port name) the virtual server exists but has no real server, or only weight-0 ones that are draining, so connections go nowhere.',
      risk: 'Low: the fix is in the Service selector, the pod labels or the readiness probe; kube-proxy follows the endpoints by itself.',
      verdict: {
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
      fix: {
        migrate:
          'IPVS mode is deprecated since Kubernetes 1.35; in nftables mode the same Service without ready endpoints shows in `nft list map ip kube-proxy no-endpoint-services` and is rejected at once. The mode kube-proxy runs:',
        compare: 'the endpoints must list the ready pods that the selector matches:',
        selector:
          'no ready pod matches the selector: fix the labels or the selector, or the readiness probe of these pods',
        verify: 'each ready pod must appear as a real server with weight 1',
        noRollback: 'nothing to roll back: kube-proxy follows the endpoints',
      },
    },
    'ipvs-modules-missing': {
      title: 'IPVS kernel modules are not loaded',
      why: 'IPVS mode needs the ip_vs module, its schedulers (ip_vs_rr, ip_vs_wrr, ip_vs_sh) and nf_conntrack. When kube-proxy does not find them it falls back to iptables (up to 1.25) or exits (1.26 on). Old kube-proxy versions only looked at loaded modules, so IPVS built into the kernel (listed in /lib/modules/$(uname -r)/modules.builtin) was taken for missing: there, upgrade kube-proxy instead of loading modules. On kernels 4.19+ nf_conntrack_ipv4 became nf_conntrack, which older kube-proxy versions also misread.',
      risk: 'Low: loading the modules changes nothing until kube-proxy restarts; the restart re-creates its rules, and switching proxy mode briefly reprograms every Service on the node.',
      verdict: {
        otherReason:
          'kube-proxy refused IPVS for another reason than the modules (the ipset tool, a scheduler) and fell back to the {{proxier}} proxier: install ipset or fix the scheduler, then restart kube-proxy.',
        fellBack:
          'kube-proxy found no IPVS support and fell back to the {{proxier}} proxier: Services are not served by IPVS on this node.',
        log: 'kube-proxy could not use IPVS: it says the kernel modules are not loaded or IPVS is missing.',
        vsRefused:
          'kube-proxy runs in IPVS mode but the kernel refuses to create its virtual servers ("no such file or directory"): the module of the configured scheduler (ip_vs_<scheduler>, e.g. ip_vs_sed for `scheduler: sed`) is not loaded. dmesg says "IPVS: Scheduler module ip_vs_… not found".',
        lsmodNoIpvs:
          'lsmod does not list {{modules}}: unless IPVS is built into this kernel, kube-proxy cannot run in IPVS mode.',
        lsmodNoScheduler:
          'lsmod lists ip_vs but not {{modules}}: older kube-proxy versions require every one of them.',
        kubeadm:
          'kubeadm preflight found {{modules}} neither loaded nor built into the kernel: kube-proxy in IPVS mode needs them (it may load them itself only where the kernel ships them).',
        usingIpvs: 'kube-proxy started the IPVS proxier.',
        tableProgrammed: 'The IPVS table holds virtual servers: IPVS works on this node.',
        loaded: 'The IPVS modules are loaded.',
      },
      fix: {
        migrate:
          'IPVS mode is deprecated since Kubernetes 1.35; nftables mode (kernel 5.13 or newer) needs no ip_vs modules. The mode kube-proxy runs:',
        builtin:
          'built into the kernel? then the modules need no loading: upgrade kube-proxy (old versions only accepted loaded modules)',
        older: 'kernels before 4.19: nf_conntrack_ipv4 instead of nf_conntrack',
        rollback: 'kube-proxy keeps using IPVS until its mode is changed back',
      },
    },
    'ipvs-conn-reuse-delay': {
      title: 'IPVS connection reuse delays (conn_reuse_mode)',
      why: 'With net.ipv4.vs.conn_reuse_mode=1 and net.ipv4.vs.conntrack=1, kernels before 5.9 drop the first SYN of a connection whose source port matches an old IPVS entry, to reschedule it; the client retransmits after 1 s (63 s after several losses). Busy clients that reuse ports see random 1 s delays. kube-proxy sets conn_reuse_mode=0 itself on these kernels since 1.13, so a 1 here usually means an old kube-proxy or a host script that sets it back.',
      risk: 'Medium: conn_reuse_mode=0 removes the delay but keeps sending reused ports to the old real server, even after its pod is gone (stale real servers, unbalanced load after scaling). A kernel 5.9 or later fixes both.',
      verdict: {
        why: 'conn_reuse_mode is 1 with vs.conntrack on a kernel before 5.9: a SYN that reuses a source port still in the IPVS table is dropped, and the client waits 1 s (or more) to retry.',
        kernelUnknown:
          'conn_reuse_mode is 1: on kernels before 5.9 this drops SYNs that reuse a source port; paste `uname -r` to know.',
        fixedKernel: 'Kernel {{release}} (5.9 or later) reuses connections without the SYN drop.',
        reuseOff: 'conn_reuse_mode is 0.',
        noConntrack:
          'conn_reuse_mode is 1 but net.ipv4.vs.conntrack is 0, so the drop does not happen.',
        defaultOnly:
          'conn_reuse_mode is 1, the default of any host with ip_vs loaded; the SYN drop also needs net.ipv4.vs.conntrack=1, which only kube-proxy in IPVS mode (or another IPVS service proxy) turns on, and nothing pasted shows it. Paste `sysctl net.ipv4.vs.conntrack` and `uname -r` to know.',
        leftByKubeProxy:
          'kube-proxy (IPVS mode) says it cannot set conn_reuse_mode because it reads the kernel as older than 4.1 (typically CentOS 7 with 3.10, which has the setting at its default 1): it stays 1, with the vs.conntrack=1 kube-proxy always sets, so SYNs that reuse a source port are dropped and retried after 1 s. Paste `sysctl net.ipv4.vs.conn_reuse_mode` to confirm.',
      },
      fix: {
        migrate:
          'IPVS mode is deprecated since Kubernetes 1.35; nftables mode has no IPVS connection reuse, so this delay cannot happen there. The mode kube-proxy runs:',
        prefer: "lasting fix: a kernel 5.9 or later; check this node's version:",
        careful:
          'meanwhile, what kube-proxy itself does on older kernels (it can send reused ports to gone pods):',
        kubeProxy:
          'kube-proxy 1.13+ sets this to 0 by itself on kernels before 5.9; if it shows 1, look for a script or old kube-proxy that sets it',
      },
    },
    'ipvs-idle-timeout': {
      title: 'IPVS forgets idle connections before clients do',
      why: 'IPVS keeps its own connection table and forgets an idle TCP connection after its tcp timeout (900 s unless kube-proxy --ipvs-tcp-timeout says otherwise). Clients and connection pools keep connections far longer, and the first keepalive probe comes only after tcp_keepalive_time (7200 s by default). The first request after a quiet period then goes to a connection IPVS no longer knows: it hangs or is reset.',
      risk: 'Low: shorter keepalive only adds a few small probe packets per idle connection. Raising the IPVS timeout instead keeps more entries in the table.',
      verdict: {
        why: 'IPVS forgets an idle TCP connection after {{ipvs}} s, but the first keepalive probe comes only after {{keepalive}} s: a pooled connection idle in between is dead when it is used again.',
        timeoutOnly:
          "IPVS forgets an idle TCP connection after {{ipvs}} s, below the kernel's default keepalive of 7200 s; paste `sysctl net.ipv4.tcp_keepalive_time` of the client to be sure.",
        keepaliveBelow:
          'Keepalive probes ({{keepalive}} s) come before IPVS forgets an idle connection ({{ipvs}} s).',
        timeoutAboveDefault:
          'IPVS keeps idle TCP connections for {{ipvs}} s, longer than the default keepalive.',
        noExpiry: 'The IPVS TCP timeout is 0.',
      },
      fix: {
        migrate:
          "IPVS mode is deprecated since Kubernetes 1.35; nftables mode keeps idle connections by conntrack's timeouts (5 days established), not IPVS's 900 s. The mode kube-proxy runs:",
        keepalive:
          'keepalive probes before IPVS forgets the connection (its tcp timeout, 900 s by default):',
        pods: 'pods have their own network namespace: set it in the client pods too (below), or in the client library',
        podSysctl:
          'in the client workload (a safe sysctl from Kubernetes 1.29; before that the kubelet must allow it):',
        orRaise:
          'or raise the IPVS timeout instead, in the kube-proxy config: ipvs.tcpTimeout (e.g. 7260s)',
      },
    },
    'ipvs-stale-realserver': {
      title: 'Stale IPVS real servers still get traffic',
      why: "When a pod goes away kube-proxy sets its real server to weight 0 and removes it once its connections are gone. With conn_reuse_mode=0, new connections that reuse a source port are still sent to that old real server, and after a node dies its pods' real servers can stay until kube-proxy syncs: traffic keeps going to addresses that no longer answer.",
      risk: 'Low to remove a stale real server by hand (kube-proxy would drop it anyway); kube-proxy re-creates whatever is still an endpoint at its next sync.',
      verdict: {
        notInEndpoints:
          "The IPVS table still sends to real servers that the Service's endpoints no longer list.",
        weightZeroActive:
          'Real servers with weight 0 (removed pods) still get traffic: active connections on them, or clients pinned to them by session affinity (persistent).',
        weightZeroDraining:
          'Real servers with weight 0 still hold inactive connections; that is normal draining unless they stay for long.',
        drainingOnly:
          'Real servers at weight 0 only drain a few closing connections, with no active ones: graceful termination at work, not a stale real server.',
        matchesEndpoints:
          "The real servers match the Service's endpoints and none is left at weight 0.",
        noWeightZero: 'No real server is left at weight 0 with connections.',
        offTargetPort:
          "The virtual server still sends to {{realServer}}, a port the Service no longer targets (its targetPort is {{target}}), beside real servers on {{target}}: a real server left over from before the Service's port changed.",
        keptWithConnections:
          "kube-proxy removed {{realServer}} from the Service's endpoints but does not delete it while IPVS still counts {{active}} established connection(s) on it: a real server at weight 0 that clients keep using.",
      },
      fix: {
        migrate:
          "IPVS mode is deprecated since Kubernetes 1.35; nftables mode has no real-server weights to linger: an endpoint's chain goes with the endpoint. The mode kube-proxy runs:",
        look: 'real servers with weight 0 or not in the endpoints are stale:',
        remove:
          'remove a stale real server by hand (kube-proxy re-adds it if it is still an endpoint):',
        reuse:
          'conn_reuse_mode=0 keeps sending reused source ports to old real servers on kernels before 5.9:',
        upgrade:
          'lasting fix: kernel 5.9+ with conn_reuse_mode=1, and a kube-proxy that no longer sets it to 0 there (1.22+)',
        verify: 'the removed address must not come back',
        noRollback:
          'nothing to roll back: kube-proxy re-creates the real servers of live endpoints',
      },
    },
    'iptables-backend-mismatch': {
      title: 'Rules live in the other iptables backend (legacy vs nft)',
      why: "iptables 1.8 comes with two backends (legacy and nf_tables) that do not see each other's rules. When kube-proxy, the CNI, Docker or the host use different ones, the dump you read misses rules that still act on packets, and stale rules in the other backend keep sending traffic to old pods.",
      risk: "Medium: switching the host's backend while rules exist in both can leave stale rules until kube-proxy and the CNI resync; do it node by node, drained.",
      verdict: {
        nftablesMode:
          'kube-proxy runs in nftables mode: its rules are in nft, so the iptables dump shows none of them.',
        nftablesRead:
          'kube-proxy runs in nftables mode and its rules were read there, in its nftables table.',
        rulesInLegacy:
          "The dump comes from the nf_tables backend, shows no kube-proxy chains, and warns that legacy tables exist: kube-proxy's rules are in the other backend.",
        bothBackends:
          'Both iptables backends hold tables on this node: rules in the one you do not look at still act on packets.',
        splitPolicies:
          'The {{chain}} chain has policy {{legacy}} in the legacy backend and {{other}} in the other one: both backends hook the kernel and a packet must pass both, so what one accepts the other still drops.',
        noKubeChains:
          'kube-proxy runs in iptables mode but this whole nat table ({{backend}}) has no KUBE-* chain: kube-proxy writes to the other backend, or not at all.',
        oneBackend:
          "kube-proxy's chains are in this dump ({{backend}}) and no other backend is reported.",
        kubeProxyOtherBackend:
          "kube-proxy's own iptables (v{{version}}, {{own}}) writes to the {{own}} backend, but this host's iptables uses {{host}}: kube-proxy's rules (or its errors about missing tables) are in the backend the host does not use.",
        kubeProxySameBackend:
          "kube-proxy's iptables and the host's both use the {{backend}} backend: its errors have another cause (a kernel module not loaded, /lib/modules not mounted).",
      },
      fix: {
        which: "which backend holds kube-proxy's rules?",
        pick: 'make the host use the backend kube-proxy and the CNI write to (nft on current distributions, legacy for a kube-proxy image before 1.17):',
        flushOld:
          'then let kube-proxy rewrite its rules (and flush the stale backend once everything runs on one)',
      },
    },
    'nodeport-port-range-clash': {
      title: 'A local process holds the NodePort',
      why: 'When net.ipv4.ip_local_port_range overlaps the NodePort range and the range is not reserved, any outgoing connection can be given the NodePort as its source port. kube-proxy then cannot open the port ("address already in use") and skips it, so the service is broken on this node only.',
      risk: 'Low: reserving the range only stops the kernel from handing these ports to outgoing connections.',
      verdict: {
        bindFailed:
          'kube-proxy could not open the NodePort: another process holds it ("address already in use").',
        overlap:
          'The local port range overlaps the NodePort range and the NodePorts are not reserved.',
        noOverlap: 'The local port range does not overlap the NodePort range.',
        reserved: 'The NodePort range is reserved (ip_local_reserved_ports).',
      },
      fix: {
        who: 'who holds the port? restart that process, then kube-proxy',
      },
    },
    'service-no-endpoints': {
      title: 'kube-proxy sees no ready endpoints and rejects',
      why: "When a Service has no ready endpoint, kube-proxy installs a REJECT rule for it: clients are refused at once instead of timing out. Either the selector matches no pod, the pods are not ready, or (if only one node rejects) that node's kube-proxy has a stale view of the endpoints.",
      risk: 'Low: the fix is on the selector, labels or readiness of the workload; restarting kube-proxy only resyncs its rules.',
      verdict: {
        ciliumNoBackends:
          "Cilium's frontend for {{what}} on this node has no backend: the agent sees no ready endpoint, so the traffic is dropped or refused.",
        ciliumBackendNotFound:
          'Cilium drops {{n}} packet(s) to {{to}} for "Service backend not found": the Service had no backend when they arrived.',
        ciliumBackends: "Cilium's frontend for {{what}} on this node has backends.",
        rejects:
          'kube-proxy rejects traffic to {{service}}: "has no endpoints". Clients are refused at once.',
        staleView:
          'kube-proxy on this node rejects {{service}} as having no endpoints, while the Service has some: its view is stale.',
        noEndpoints: 'The Service {{service}} has no ready endpoints.',
        hasEndpoints: 'The Service {{service}} has ready endpoints.',
        portServed: "kube-proxy's rules for port {{port}} lead to endpoints.",
        someRejected:
          'kube-proxy rejects {{n}} Service(s) without endpoints ({{services}}); check whether yours is among them.',
        emptyEndpoints:
          'These Services have no ready endpoints: {{services}}. Is yours among them?',
      },
      fix: {
        ciliumBackends: 'Cilium: the frontend must list backends',
        look: 'does the selector match ready pods?',
        fixSelector: 'fix the labels or the selector, or see why the pods are not ready:',
        stale: 'if the endpoints are there and only this node rejects, restart its kube-proxy:',
        empty: 'must print nothing',
        nftEmpty: 'nftables mode: must print nothing',
        noRollback: 'nothing to roll back: the change is in the workload or its labels',
      },
    },
    'cilium-kpr-frontend-missing': {
      title: "Cilium's kube-proxy replacement has no frontend for the Service on this node",
      why: 'With Cilium replacing kube-proxy, the Cilium agent on each node writes every Service address into its eBPF service map: the ClusterIP, and a NodePort on 0.0.0.0 and on each node address of the devices it serves. When the agent on one node is down, stale or not serving that device, the node has no frontend for the port and the traffic is dropped or refused there alone.',
      risk: "Low: restarting the node's Cilium agent rewrites its service map; pods on the node keep their addresses, new connections through the node may blip while it restarts.",
      verdict: {
        present: 'Cilium on this node has {{n}} frontend(s) for {{what}}.',
        missing:
          "Cilium's service table on this node ({{n}} frontends) has none for {{what}}: its agent has not programmed the Service here.",
        missingListed:
          "The pasted Services include {{what}}, but Cilium's whole service table on this node ({{n}} frontends, other Services of the same list among them) has no frontend for it: the agent has not programmed it here (or the two pastes are from different moments).",
      },
      fix: {
        restart: "restart the node's Cilium agent; it rewrites the service map from the API:",
        why: 'find out why it stopped (errors in its log):',
        devices:
          'NodePorts are served only on the devices KubeProxyReplacement lists: is the interface the client reaches among them?',
        noRollback: 'nothing to roll back: restarting the agent only rewrites its own maps',
      },
    },
  },
};
