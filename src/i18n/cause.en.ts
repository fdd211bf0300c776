/**
 * One block per cause of the catalog, in its order: the title, and for a cause with a rule why
 * it matters (`why`), the fix's risk, what the rule says when it finds, rules out or passes
 * over the cause (`verdict`), and the comments of its fix snippets (`fix`, `# @{key}`).
 */
export default {
  cause: {
    'tcp-tw-recycle-nat': {
      title: 'tcp_tw_recycle drops SYNs from clients behind NAT',
      why: "With tcp_tw_recycle=1 and timestamps on, the kernel remembers the last TCP timestamp per peer address and silently drops SYNs with an older one. Clients behind one NAT/SNAT address (pods SNAT'd to a node IP, users behind a load balancer) have unrelated clocks, so some of their SYNs are dropped: the handshake never completes on this node only.",
      risk: 'Low: it only turns off a per-peer timestamp check. The knob was removed in kernel 4.12; for TIME_WAIT pressure use tcp_tw_reuse instead.',
      verdict: {
        why: 'tcp_tw_recycle is on (with TCP timestamps): SYNs from clients sharing a NAT address are dropped.',
        countersOnly:
          'SYNs were rejected because of TCP timestamps (PAWS); paste the sysctl values to confirm tcp_tw_recycle.',
        off: 'tcp_tw_recycle is 0.',
        noTimestamps:
          'tcp_tw_recycle is 1 but TCP timestamps are off, so the per-peer check never runs.',
        absent: 'The kernel has no tcp_tw_recycle (removed in 4.12).',
        noPawsRejects:
          'No connection was rejected because of a timestamp (no PAWSPassive counter).',
      },
      fix: {
        removeOld:
          "also remove any 'net.ipv4.tcp_tw_recycle = 1' line from /etc/sysctl.conf and /etc/sysctl.d/*.conf",
        runTwice: 'run it twice; the counters must stop growing',
        never: 'never set it back to 1 on a host that NATed clients reach',
      },
    },
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
        logErrors: 'kube-proxy logs errors that stop it from syncing its rules.',
        ipvsNodePort: 'IPVS has {{n}} virtual server(s) for NodePort {{port}}.',
        ipvsNodePortMissing:
          'The IPVS table has no virtual server for NodePort {{port}} on any address: kube-proxy has not programmed it on this node.',
        ipvsClusterIp: 'IPVS has the virtual server {{vs}}.',
        ipvsClusterIpMissing:
          'The IPVS table has no virtual server for {{vs}}: kube-proxy has not programmed this Service on this node.',
      },
      fix: {
        ipvsVerify: 'IPVS mode: the virtual server must be listed',
        why: 'find out why it stopped syncing, before it happens again:',
        noRollback: 'nothing to roll back: restarting kube-proxy only re-creates the rules it owns',
      },
    },
    'etp-local-no-endpoint': {
      title: 'externalTrafficPolicy: Local and no ready pod on this node',
      why: 'With externalTrafficPolicy: Local a node only forwards NodePort traffic to pods on itself, to keep the client address. A node without a ready pod of the service drops that traffic by design ("has no local endpoints"), so the port answers only on nodes running a pod.',
      risk: 'Medium: switching to Cluster makes every node forward, but the pod then sees the node address instead of the client address (SNAT). Running a pod on every node, or removing such nodes from the load balancer via the health-check node port, keeps the client address.',
      verdict: {
        why: 'kube-proxy drops this NodePort\'s traffic on this node: "has no local endpoints".',
        hasLocal: 'The NodePort {{port}} chain sends traffic to endpoints on this node.',
      },
      fix: {
        where: 'where do the ready pods of the service run? this node needs one:',
        either:
          'either run a ready pod on every node the load balancer sends to (DaemonSet, topology spread), or let every node forward:',
        orPool:
          'or take nodes without a local pod out of the pool with the health-check node port:',
        empty: 'must print nothing',
      },
    },
    'forward-drop': {
      title: 'The node does not forward packets',
      why: 'A NodePort whose pod runs on another node must be forwarded by this node. With net.ipv4.ip_forward=0, or a FORWARD chain policy of DROP (Docker sets it) without the accept rules of kube-proxy and the CNI, the packets are dropped here.',
      risk: 'Medium: enabling forwarding turns the node into a router for any address it can reach; keep the host firewall rules that restrict what may be forwarded.',
      verdict: {
        ipForwardOff: 'net.ipv4.ip_forward is 0: the node does not route packets to pods.',
        policyDropNoAccept:
          'The FORWARD policy is DROP and nothing (no KUBE-FORWARD, no ACCEPT) lets pod traffic through.',
        policyDropCounting:
          'The FORWARD policy is DROP and its counter shows dropped packets despite the accept rules.',
        forwarding:
          'Forwarding is on: the lines show ip_forward = 1 or a FORWARD policy that accepts.',
      },
      fix: {
        docker:
          "Docker sets FORWARD to DROP when it starts: keep kube-proxy's KUBE-FORWARD and the CNI's accept rules in place",
        counter: 'the policy counter must stop growing',
      },
    },
    'host-firewall-blocks': {
      title: 'The host firewall rejects the NodePort range',
      why: 'firewalld (or iptables-services\' default "REJECT all") on a node accepts only the ports it was told about. Connections to NodePorts, which kube-proxy serves on 30000-32767, are rejected on that node while nodes without the firewall answer.',
      risk: 'Medium: opening 30000-32767 exposes every NodePort on this node to whoever reaches it; restrict the source range (firewalld rich rule, cloud security group) if the node is reachable from untrusted networks.',
      verdict: {
        inputRejects:
          'The INPUT chain rejects new connections to port {{port}} before any rule accepts them.',
        inputAccepts: 'The INPUT chain accepts new connections to port {{port}}.',
        forwardRejects:
          "The FORWARD chain rejects forwarded traffic before kube-proxy's and the CNI's accept rules.",
        zoneAccepts: 'The firewalld zone {{zone}} accepts everything.',
        zoneOpens: 'The firewalld zone {{zone}} opens port {{port}}.',
        logDenied:
          'The kernel logged {{n}} new connection(s) to port {{ports}} turned away by a firewall rule ({{prefix}}).',
        clientNoRoute:
          'The client got "No route to host" connecting to port {{port}}: the ICMP admin-prohibited answer of a REJECT rule (firewalld, iptables-services), unless the node is down.',
        zoneCloses:
          'firewalld is active and the zone {{zone}} does not open port {{port}} (the NodePort range).',
      },
      fix: {
        firewalld: 'with firewalld:',
        iptables: 'with plain iptables (iptables-services), before its final REJECT:',
        services: 'with iptables-services, save the running rules so they survive a reboot:',
        fromOutside: 'run it from a client outside the node',
      },
    },
    'rp-filter-asymmetric': {
      title: 'Strict reverse-path filtering drops asymmetric traffic',
      why: 'With rp_filter = 1 the kernel drops a packet when the route back to its source would leave by another interface. On a node with two uplinks (a second NIC, a VPN, policy routing), traffic that arrives on the "wrong" one is dropped silently, so a NodePort or pod works only from some clients.',
      risk: 'Low: loose mode (2) still drops packets from sources not routable at all; it only stops insisting that replies use the same interface.',
      verdict: {
        why: 'Strict reverse-path filtering (rp_filter = 1) on a node with several uplinks ({{uplinks}}): packets whose reply route uses the other interface are dropped silently.',
        dropsOnly:
          'Reverse-path filtering is strict and the kernel reports martian sources or rp_filter drops; paste ip addr and ip route to see the uplinks.',
        notStrict: 'Reverse-path filtering is off or loose (0 or 2) on the uplinks.',
        oneUplink: 'The node has one uplink ({{uplink}}): replies leave the way requests came in.',
      },
      fix: {
        loose: 'loose mode: the kernel takes the larger of conf.all and conf.<iface>, so set both',
        order: 'make sure no later file in /etc/sysctl.d sets rp_filter back to 1',
        counter: 'must stop growing',
      },
    },
    'conntrack-table-full': {
      title: 'The conntrack table is full',
      why: 'Every NATed or filtered connection takes an entry in the conntrack table. When the table is full, the kernel drops the first packet of new connections: clients see timeouts and retries, health checks fail, and the node looks flaky while its CPU is idle. kube-proxy sets nf_conntrack_max itself when it starts, so a sysctl.d value is overwritten.',
      risk: 'Low to medium: each entry costs about 300 bytes of kernel memory (a million entries ≈ 300 MB). NOTRACK rules take the VIP out of conntrack entirely: only use them for traffic that is not NATed or filtered statefully on that node (an LB VIP served by IPVS or hostNetwork), never for Service or NodePort traffic.',
      verdict: {
        why: 'The conntrack table is full: new connections are dropped.',
        kernelSaysFull:
          'The kernel logged "nf_conntrack: table full, dropping packet": new connections were dropped.',
        nearMax:
          'The conntrack table is {{percent}} % full (limit {{max}}): at the limit, new connections are dropped.',
        earlyDrops:
          'conntrack -S counts early drops: the table reached its limit and the kernel evicted entries to make room.',
        drops:
          'conntrack -S counts dropped packets that no insertion race explains: the table had no room for new entries.',
        roomLeft: 'The conntrack table is only {{percent}} % full.',
        noDrops: 'conntrack -S counts no drops and no early drops: the table never overflowed.',
      },
      fix: {
        now: 'raise the limit now (kube-proxy sets it back when it restarts):',
        kubeProxy:
          'kube-proxy sets nf_conntrack_max to max(maxPerCore × CPUs, min) when it starts; set it in its config file (flags are ignored when one is used):',
        flags:
          'or, without a config file: --conntrack-min=<VALUE>; --conntrack-max-per-core=0 leaves the sysctl value alone',
        notrack:
          'on LB/ingress nodes only, for a VIP that is not a Service or NodePort: keep its web traffic out of conntrack',
        runTwice: 'run it twice: the counters must stop growing',
        rollback: 'back to the previous limit, and remove the NOTRACK rules if you added them:',
      },
    },
    'conntrack-close-wait-buildup': {
      title: 'CLOSE_WAIT entries fill the conntrack table',
      why: 'kube-proxy sets the conntrack CLOSE_WAIT timeout to one hour. When clients or servers leave connections half-closed (abandoned clients, apps that never close), each one keeps its entry for an hour and the table fills up, until new connections are dropped.',
      risk: 'Low: a shorter CLOSE_WAIT timeout only forgets half-closed connections sooner; a peer that sends data after the timeout gets a reset. The application that leaves sockets half-closed still needs fixing.',
      verdict: {
        why: '{{percent}} % of the conntrack entries ({{count}} of {{total}}) are CLOSE_WAIT: half-closed connections kept for an hour fill the table.',
        notable:
          '{{percent}} % of the conntrack entries ({{count}} of {{total}}) are CLOSE_WAIT: more than a healthy node keeps, though not yet most of the table.',
        shortTimeout:
          'nf_conntrack_tcp_timeout_close_wait is {{seconds}} s: CLOSE_WAIT entries expire before they can pile up.',
        smallShare:
          'Only {{percent}} % of the conntrack entries ({{count}} of {{total}}) are CLOSE_WAIT.',
      },
      fix: {
        who: 'which processes hold half-closed sockets?',
        now: 'shorten the CLOSE_WAIT timeout now (kube-proxy sets 3600 again when it restarts):',
        kubeProxy: "persist it in kube-proxy's config:",
        notrack:
          'on ingress nodes, NOTRACK for the VIP keeps these entries out of conntrack entirely',
        rollback: "kube-proxy's default:",
      },
    },
    'conntrack-snat-race': {
      title: 'SNAT/DNAT insertion race in conntrack',
      why: "When two packets of new flows with the same source (typically a pod's A and AAAA DNS queries over one socket) are NATed at the same moment on different CPUs, both get the same translated tuple; the second insertion into conntrack fails and its packet is dropped. The client waits for its timeout (5 s for DNS) and retries.",
      risk: 'Low: single-request-reopen and a lower ndots only change how the pod resolver sends queries; names with fewer dots than ndots then try the absolute name first. Removing a dnsConfig you patched in also removes any that existed before.',
      verdict: {
        growing:
          'insert_failed grew by {{delta}} between the two pastes: parallel flows are losing the conntrack insertion race right now.',
        notGrowing:
          'insert_failed stayed at {{n}} between the two pastes: no insertion race happened in between.',
        failed:
          'conntrack -S counts {{n}} failed insertions (on {{cpus}} CPU rows): packets of parallel flows were dropped in the SNAT/DNAT race. Paste it again in a minute to see whether it grows.',
        noFailures: 'conntrack -S counts no failed insertion (insert_failed = 0).',
      },
      fix: {
        confirm: 'is insert_failed growing? run it twice, a minute apart:',
        dnsConfig:
          'in the pods that time out: send A and AAAA on separate sockets, fewer search-list tries',
        nodeLocal:
          'lasting fix: NodeLocal DNSCache (DNS from pods goes to a local cache, no DNAT race):',
        randomFully:
          'and masquerade with --random-fully (a recent CNI and iptables ≥ 1.6.2); count the rules that use it:',
        runTwice: 'must stop growing',
      },
    },
    'vxlan-checksum-offload': {
      title: "VXLAN checksum offload corrupts SNAT'd packets",
      why: 'On kernels before 5.7 (and some later ones behind NAT), a VXLAN device with tx-checksum-ip-generic on leaves the UDP checksum to offload; after iptables/IPVS SNAT of the inner packet the outer checksum is wrong, and the receiving node drops the packet ("UDP: bad checksum ... to ...:8472"). Traffic to a Service whose pod is on another node times out, while the pod IP works.',
      risk: 'Low: checksums are then computed in software on this device, a small CPU cost. The setting is lost when the device is re-created or the node reboots, hence the unit. The real fix is a kernel with commit ea64d8d6c675 (5.7) or a CNI/kube-proxy that works around it (Calico 3.19+, Kubernetes 1.19+).',
      verdict: {
        on: "{{iface}} has tx-checksum-ip-generic on: packets SNAT'd by kube-proxy leave this VXLAN device with a bad UDP checksum and the peer drops them.",
        justTurnedOff:
          '{{iface}} had tx-checksum-ip-generic on until this `ethtool -K` turned it off: the change is lost when the device is re-created or the node reboots.',
        fixApplied:
          '{{iface}}: this `ethtool -K` turned tx-checksum-ip-generic off, so the fix is already applied. Nothing pasted shows the broken state (a listing with it on, or bad UDP checksums in the kernel log).',
        fixedInSession:
          '{{iface}} had tx-checksum-ip-generic on in an earlier paste and shows it off now: the fix works for now; make it persist.',
        offButBadChecksums:
          '{{iface}} shows tx-checksum-ip-generic off, yet the kernel logged bad UDP checksums on a VXLAN port: if those lines are newer than the change, look at the offloads of the uplink NIC and of the sending node.',
        off: '{{iface}} has tx-checksum-ip-generic off.',
        captureBadChecksums:
          'The capture shows {{n}} VXLAN packet(s) with a bad UDP checksum. Captured on the receiving node, that is the bug; on the sending node offload may fill the checksum after the capture point, so compare with the receiver.',
        badChecksums:
          "The kernel dropped {{n}} VXLAN packet(s) with a bad UDP checksum (port 8472/4789): the sending node's VXLAN device computes broken checksums for SNAT'd packets.",
      },
      fix: {
        unit: 'a oneshot unit that runs each time the device appears (the device is created by the CNI, after boot):',
        kernel:
          'lasting fix: a kernel with the checksum fix (5.7+), Kubernetes 1.19+ (unmarks packets before SNAT), Calico 3.19+ (turns the offload off by itself)',
        expectOff: 'must say off',
        noNewErrors: 'run it again later on the receiving node: the count must stop growing',
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
        lsmodNoIpvs:
          'lsmod does not list {{modules}}: unless IPVS is built into this kernel, kube-proxy cannot run in IPVS mode.',
        lsmodNoScheduler:
          'lsmod lists ip_vs but not {{modules}}: older kube-proxy versions require every one of them.',
        usingIpvs: 'kube-proxy started the IPVS proxier.',
        tableProgrammed: 'The IPVS table holds virtual servers: IPVS works on this node.',
        loaded: 'The IPVS modules are loaded.',
      },
      fix: {
        builtin:
          'built into the kernel? then the modules need no loading: upgrade kube-proxy (old versions only accepted loaded modules)',
        older: 'kernels before 4.19: nf_conntrack_ipv4 instead of nf_conntrack',
        rollback: 'kube-proxy keeps using IPVS until its mode is changed back',
      },
    },
    'br-netfilter-off': {
      title: 'Bridged pod traffic bypasses iptables (br_netfilter)',
      why: 'Pods on a Linux bridge (cni0, docker0) talk to each other through the bridge, below IP. Without br_netfilter, or with bridge-nf-call-iptables = 0, those frames never pass iptables: Service DNAT and masquerade are skipped for pods on the same node, so replies come from the wrong address and connections fail.',
      risk: 'Low: all bridged traffic now passes iptables, which Kubernetes expects; it costs a little CPU on busy bridges.',
      verdict: {
        sysctlOff:
          'net.bridge.bridge-nf-call-iptables is 0: bridged pod traffic skips iptables (no Service DNAT, no masquerade).',
        noModule:
          'net.bridge.bridge-nf-call-iptables does not exist: the br_netfilter module is not loaded, so bridged pod traffic skips iptables.',
        on: 'net.bridge.bridge-nf-call-iptables is 1.',
        cniSays:
          'The CNI agent reports that br_netfilter is missing (bridge-nf-call-iptables cannot be read).',
        loaded: 'The br_netfilter module is loaded.',
        notLoaded: 'lsmod does not list br_netfilter: bridged pod traffic skips iptables.',
        kernelHint:
          'The kernel says bridge filtering through iptables is no longer available without br_netfilter; check that the module was loaded afterwards.',
      },
      fix: {
        restartCni: 'then restart the CNI agent on this node so it re-checks',
        rollback:
          'nothing to undo while pods run on this node: Kubernetes needs bridged traffic in iptables',
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
      },
      fix: {
        prefer: "lasting fix: a kernel 5.9 or later; check this node's version:",
        careful:
          'meanwhile, what kube-proxy itself does on older kernels (it can send reused ports to gone pods):',
        kubeProxy:
          'kube-proxy 1.13+ sets this to 0 by itself on kernels before 5.9; if it shows 1, look for a script or old kube-proxy that sets it',
      },
    },
    'mtu-mismatch': {
      title: 'Overlay MTU larger than the path allows',
      why: 'An overlay (VXLAN +50 bytes, IP-in-IP +20, WireGuard +60) must fit inside the MTU of the path underneath. When the CNI MTU is too large, full-size packets no longer fit once encapsulated: small requests work, large responses or uploads hang until they time out.',
      risk: 'Medium: changing the CNI MTU needs the CNI agents rolled and pods recreated to take effect; mixed MTUs during the roll can make large transfers stall briefly.',
      verdict: {
        overlayTooBig:
          '{{iface}} carries packets of up to {{mtu}} bytes, but only {{fits}} fit through the device underneath once the tunnel header is added: large packets are dropped.',
        blackHole:
          "Packets above a size get no answer while smaller ones do, and no router reports 'fragmentation needed': a path MTU black hole.",
        pathSmaller:
          'A router on the path accepts only {{mtu}}-byte packets ("Frag needed"): anything sized for a larger MTU has to shrink or is lost.',
        fits: 'Every tunnel device fits inside the device underneath it, with room for its header.',
        fullSizePasses: "Full-size (1500-byte) packets with Don't Fragment set cross the path.",
      },
      fix: {
        measure: 'largest packet that crosses the path without fragmentation (MTU = size + 28):',
        calico: 'Calico: set the MTU (operator install first, manifest install second):',
        flannel:
          "flannel derives its MTU from the interface it uses: fix that interface's MTU (netplan, ifcfg) or set --iface, then restart flannel",
        pods: 'pods keep their old MTU until they are recreated:',
        rollback: 'set the previous MTU the same way and roll the CNI and the pods again',
      },
    },
    'dns-search-domain-leak': {
      title: 'A stray DNS search domain answers short names',
      why: 'Pods try short names (and, with ndots:5, most external names) with every search domain first. If a search domain inherited from the node, or a cluster domain that exists in public DNS, answers names it does not own (a wildcard record), the lookup succeeds with the wrong address: another environment, another cluster.',
      risk: 'Low: removing a stray search domain only stops appending it; anything that relied on short names under that domain must use the full name. Pods keep their resolv.conf until they are recreated.',
      verdict: {
        clusterDomainAnswersOutside:
          "{{name}} was answered as {{answer}}: the search domain {{domain}} is resolvable outside the cluster, so names that are not the cluster's get a wrong address.",
        strayDomain:
          "{{name}} was answered as {{answer}}, under the search domain {{domain}}, which is not the cluster's: a short name resolved to someone else's address.",
        answersAsAsked: 'The lookups were answered for the names asked (or for cluster Services).',
        nodeSearch:
          "The node's resolv.conf searches {{domain}}, a public domain that pods inherit; if it has a wildcard record, short names resolve there. Paste an nslookup from a pod to confirm.",
        podSearch:
          "The pod's search list ends with {{domain}}, a public domain it inherited from its node: names are tried under it before they are tried as given, so a wildcard record there answers them. Paste an nslookup from the pod to confirm.",
        onlyClusterDomains: 'The search list has only cluster and provider-internal domains.',
        noSearch: 'No search domain is in effect.',
      },
      fix: {
        absolute: 'a trailing dot makes the name absolute: does it resolve correctly then?',
        where: 'on the node: which search domain is configured?',
        node: 'drop the stray search domain on the node (pods inherit it):',
        manager:
          'NetworkManager or systemd-resolved rewrite resolv.conf: remove the domain there too (nmcli connection modify <CONNECTION> ipv4.dns-search ""), or point kubelet --resolv-conf at a clean file',
        pods: 'pods keep their resolv.conf until they are recreated:',
      },
    },
    'cni-unhealthy': {
      title: 'The CNI agent on the node is not ready',
      why: 'The CNI agent (calico-node, flannel, cilium...) programs routes, tunnels and policy on its node. While it is not running or not ready, new pods get no network and existing routes go stale, so pod traffic through that node fails.',
      risk: 'Low: deleting the agent pod makes its DaemonSet start a fresh one; pod traffic on that node may blip while it reprograms.',
      verdict: {
        agentDown:
          'The CNI agent is not running or not ready: {{pods}}. Pod networking on its node is broken.',
        restarts: 'The CNI agent restarts often ({{pods}}); read its previous log.',
        otherNodes:
          'The CNI agent on the node in question is fine, but agents on other nodes are not.',
        logErrors: 'The CNI agent logs errors that stop it from programming the node.',
        healthy: 'The CNI agents listed ({{n}}) are running and ready.',
      },
      fix: {
        why: 'why is it not ready? events first, then the log of the previous (crashed) container:',
        restart: 'after fixing what the log shows, start it afresh:',
        common:
          'common causes: the API server or datastore unreachable, BGP/bird not established, IPAM exhausted, br_netfilter missing, wrong interface autodetected',
        watch: 'wait for READY n/n and restarts to stop climbing',
        noRollback: 'nothing to roll back: the DaemonSet recreates the pod',
      },
    },
    'ingress-hostnetwork-dns': {
      title: 'hostNetwork ingress controller cannot resolve cluster names',
      why: "A pod with hostNetwork: true gets the node's /etc/resolv.conf unless its dnsPolicy is ClusterFirstWithHostNet; ClusterFirst then silently means the node's DNS. An ingress-nginx replica running like this cannot resolve cluster names (kubernetes.default, ExternalName backends) and stops updating its upstreams, so only the requests it serves fail.",
      risk: 'Low: the patch rolls the controller pods one by one; each replica is out of service while it restarts.',
      verdict: {
        clusterFirst:
          "{{name}} runs with hostNetwork: true and dnsPolicy {{policy}}: it uses the node's resolver and cannot resolve cluster names.",
        defaultPolicy:
          "{{name}} runs with hostNetwork: true and no dnsPolicy (ClusterFirst by default): it uses the node's resolver and cannot resolve cluster names.",
        withHostNet: 'The controller runs with hostNetwork and dnsPolicy ClusterFirstWithHostNet.',
        noHostNetwork: 'The controller does not run with hostNetwork: it uses the cluster DNS.',
        logOnly:
          'The controller fails to resolve names; paste its pod spec to see whether hostNetwork without ClusterFirstWithHostNet is why.',
      },
      fix: {
        rollout: 'the controller pods restart one by one with the new policy',
        helm: 'with the Helm chart: controller.hostNetwork=true and controller.dnsPolicy=ClusterFirstWithHostNet',
        verify: 'must show the cluster DNS (nameserver = the kube-dns ClusterIP)',
      },
    },
    'ingress-http2-bad-ciphers': {
      title: 'Custom TLS ciphers break HTTP/2',
      why: "HTTP/2 over TLS 1.2 needs an ephemeral key exchange (ECDHE/DHE) with an AEAD cipher (GCM, ChaCha20); RFC 7540 lists the rest (AES128-SHA and the like) as forbidden. ingress-nginx prefers the server's cipher order and turns HTTP/2 on by default, so a custom ssl-ciphers that starts with such a suite makes the browser refuse the site (ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY) while curl over HTTP/1.1 still works.",
      risk: 'Low: the defaults are what current browsers expect. Very old clients that only spoke SSLv3/TLS 1.0 ciphers lose access; disabling HTTP/2 instead keeps them but drops HTTP/2 for everyone.',
      verdict: {
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
      fix: {
        restore: "restore the controller's default ciphers (they are HTTP/2-safe):",
        orDisable: 'or, if the old ciphers must stay, turn HTTP/2 off instead:',
        persist:
          "keep it in the controller's Helm values (controller.config) or the ConfigMap manifest in Git",
        verify: 'must show an ECDHE/AEAD cipher (or TLSv1.3) and ALPN h2',
        rollback: 'put the old ssl-ciphers value back (kept in Git or the Helm values):',
      },
    },
    'ingress-liveness-restarts': {
      title: 'The ingress controller is restarted by its liveness probe',
      why: 'The kubelet restarts the controller when GET /healthz on 10254 fails failureThreshold times in a row (timeout 1 s by default). Under packet loss on its node, often a full conntrack table, the probe fails although nginx is fine; each restart drops every connection through that replica, and the entry point flaps.',
      risk: 'Low: a higher threshold and timeout only make the kubelet slower to restart a controller that is really stuck. Fix the packet loss underneath as well.',
      verdict: {
        restarted:
          'The kubelet restarts the controller because its liveness probe fails ({{n}} failure(s), restart count {{restarts}}).',
        failing:
          "The controller's liveness probe fails ({{n}} time(s)); a few more in a row and the kubelet restarts it.",
        restartsOnly:
          'The controller has restarted {{restarts}} time(s); its events would tell whether the liveness probe is why.',
        climbing: "The controller's restart count grows between the pastes (now {{restarts}}).",
        noRestarts: 'The controller has not restarted.',
      },
      fix: {
        cause:
          'the probe fails because packets are lost on the node: find out why (often conntrack table full)',
        onNode: "run it on the controller's node",
        threshold: 'meanwhile, be more patient before a restart:',
        helm: 'with the Helm chart: controller.livenessProbe.failureThreshold and timeoutSeconds',
        verify: 'the RESTARTS column must stop growing',
      },
    },
    'upstream-no-endpoints': {
      title: 'The backend Service has no ready endpoints (503)',
      why: "ingress-nginx sends requests to the pod IPs of the backend Service's endpoints. When the Service has none ready (selector that matches no pod, pods failing readiness, a port name that does not match), nginx has nowhere to go and answers 503.",
      risk: 'Low: the fix is in the Service selector, the pod labels or the readiness probe; the controller picks endpoints up by itself.',
      verdict: {
        controller:
          'The controller has no active endpoint for Service {{service}}: nginx has no pod to send the request to (503).',
        noLive: 'nginx found no live upstream: no endpoint of the backend was available (503).',
        accessAndEndpoints:
          'The 503s go to the backend of {{service}}, whose endpoints are <none>.',
        endpointsOnly:
          '{{n}} Service(s), {{service}} among them, have no endpoints: if one is the Ingress backend, it answers 503.',
        triedPods: 'nginx had pod addresses to try: the backend Service had endpoints.',
        endpointsReady: 'Service {{service}} has ready endpoints.',
      },
      fix: {
        selector: 'the selector must match the labels of ready pods:',
        ready: 'pods that match but are not ready: why do their readiness probes fail?',
        persist: 'fix the selector or the labels in the manifests in Git, or the readiness probe',
        verify: 'must list pod addresses',
        rollback: 'nothing to roll back: the controller follows the endpoints',
      },
    },
    'upstream-timeout': {
      title: 'The upstream pod does not answer in time (504)',
      why: 'nginx answers 504 when the pod does not answer in time. "while connecting to upstream" means the SYN got no answer within proxy-connect-timeout (5 s): the pod network between the controller\'s node and the pod is at fault (CNI, MTU, conntrack, a dead node). "while reading response header" means the pod accepted but stayed silent past proxy-read-timeout (60 s): the application is slow.',
      risk: 'Low: a longer proxy-read-timeout only lets slow requests finish; it hides a slow application rather than fixing it, and holds more connections open.',
      verdict: {
        connect:
          'nginx timed out {{n}} time(s) connecting to the pod ({{upstream}}): its SYN got no answer, so the network between the controller and the pod is broken.',
        read: 'nginx timed out {{n}} time(s) waiting for the pod ({{upstream}}) to answer: the pod accepted the connection but was slower than proxy-read-timeout.',
        accessConnect:
          '{{n}} request(s) ended in 504 after about 5 s per attempt, the connect timeout: nginx could not reach the pod.',
        access: '{{n}} request(s) ended in 504: nginx gave up waiting for the pod.',
        otherErrors: 'The upstream errors in this log are {{kinds}}, not timeouts.',
        none: 'No request in this log timed out (no 504, no "upstream timed out").',
      },
      fix: {
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
    },
    'upstream-refused': {
      title: 'The upstream pod refuses the connection (502)',
      why: "nginx answers 502 when the pod's address answers the connection with a reset: the pod is there but nothing listens on the port. Usually the Service's targetPort does not match the container port, the application listens on 127.0.0.1 only, or the pod is restarting.",
      risk: "Medium: changing the Service's targetPort affects every client of the Service at once; check the container port first.",
      verdict: {
        why: "The pod refused nginx's connection {{n}} time(s) ({{upstream}}): nothing listens on the targetPort (wrong port, app not up, pod restarting).",
        access:
          '{{n}} request(s) ended in 502 with every attempt failing at once, as refused connections do; the error log tells for sure.',
        otherErrors: 'The upstream errors in this log are {{kinds}}, not refused connections.',
        none: 'No connection in this log was refused.',
      },
      fix: {
        who: 'which pod is it, and is it running and ready?',
        ports: "the Service's targetPort must be a port the container listens on:",
        targetPort:
          'point targetPort at the container port (or a named port), in the manifest in Git as well:',
        readiness:
          'and give the pod a readiness probe on that port, so it gets traffic only once it listens',
        verify: 'must stay 0',
        rollback: 'patch targetPort back to its old value the same way',
      },
    },
    'ingress-stray-traffic': {
      title: 'Stray traffic to abandoned domains piles up half-open connections',
      why: 'Domains that were dropped but still resolve, through a wildcard DNS record, to the ingress bring clients that cannot complete a connection (firewalls, bad networks). They leave SYN_RECV, FIN_WAIT and LAST_ACK entries piling up in conntrack and in the socket table, eating capacity that real traffic needs.',
      risk: 'Low: nginx closes connections for those host names at once (444); make sure no live site is matched by the server_name list.',
      verdict: {
        halfOpen:
          '{{halfOpen}} of {{total}} tracked connections are half-open (SYN_RECV, FIN_WAIT, LAST_ACK): clients that never finish their handshakes or closes.',
        strayHosts:
          '{{stray}} of {{requests}} requests went to hosts no Ingress serves (the default backend answered them).',
        fewHalfOpen: 'Only {{halfOpen}} of {{total}} tracked connections are half-open.',
      },
      fix: {
        hosts: 'which hosts does the default backend answer?',
        catchAll:
          'close connections for the abandoned domains at once (444); this replaces any http-snippet you already have:',
        dns: 'lasting fix: remove the wildcard DNS record that still sends those domains to the ingress',
        verify: 'must end with "Empty reply from server"',
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
        matchesEndpoints:
          "The real servers match the Service's endpoints and none is left at weight 0.",
        noWeightZero: 'No real server is left at weight 0 with connections.',
      },
      fix: {
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
    'conntrack-invalid-rst': {
      title: 'Out-of-window packets marked INVALID cause resets',
      why: 'Under load, a TCP packet can arrive outside the window conntrack expects. Conntrack marks it INVALID, so it is not translated back; it reaches the host (or the wrong pod), which answers with a RST and kills a healthy connection: sporadic "connection reset by peer".',
      risk: 'Low: be_liberal only stops marking out-of-window packets INVALID (RSTs are still checked). Dropping INVALID packets instead can break asymmetric routing on multi-homed nodes.',
      verdict: {
        liberal: 'nf_conntrack_tcp_be_liberal is on: out-of-window packets are not marked INVALID.',
        dropped:
          'A rule drops packets in the INVALID state before they can reach a socket and draw a RST.',
        growing:
          'conntrack marked {{n}} more packets INVALID between the two pastes, with nothing dropping them: they reach the host and draw RSTs.',
        sinceBoot:
          'conntrack has marked {{n}} packets INVALID since boot and nothing drops them; paste conntrack -S twice to see whether it grows.',
        notGrowing: 'The INVALID counter did not grow between the two pastes.',
        few: 'conntrack has marked almost no packet INVALID.',
      },
      fix: {
        module: 'load nf_conntrack at boot, or the sysctl.d line finds no key to set:',
        kubeProxy: 'kube-proxy 1.29+ can set it itself, in its config file:',
        orDrop: 'or instead drop INVALID packets (kube-proxy 1.15+ adds this to KUBE-FORWARD):',
        runTwice: 'run it twice: the counter must stop growing',
      },
    },
    'iptables-backend-mismatch': {
      title: 'Rules live in the other iptables backend (legacy vs nft)',
      why: "iptables 1.8 comes with two backends (legacy and nf_tables) that do not see each other's rules. When kube-proxy, the CNI, Docker or the host use different ones, the dump you read misses rules that still act on packets, and stale rules in the other backend keep sending traffic to old pods.",
      risk: "Medium: switching the host's backend while rules exist in both can leave stale rules until kube-proxy and the CNI resync; do it node by node, drained.",
      verdict: {
        nftablesMode:
          'kube-proxy runs in nftables mode: its rules are in nft, so the iptables dump shows none of them.',
        nftablesModeOnly:
          'kube-proxy runs in nftables mode: read its rules with nft list ruleset, not iptables-save.',
        rulesInLegacy:
          "The dump comes from the nf_tables backend, shows no kube-proxy chains, and warns that legacy tables exist: kube-proxy's rules are in the other backend.",
        bothBackends:
          'Both iptables backends hold tables on this node: rules in the one you do not look at still act on packets.',
        noKubeChains:
          'kube-proxy runs in iptables mode but this whole nat table ({{backend}}) has no KUBE-* chain: kube-proxy writes to the other backend, or not at all.',
        oneBackend:
          "kube-proxy's chains are in this dump ({{backend}}) and no other backend is reported.",
      },
      fix: {
        which: "which backend holds kube-proxy's rules?",
        pick: 'use the backend kube-proxy and the CNI use (nft on current distributions):',
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
    'arp-neigh-overflow': {
      title: 'The neighbour (ARP) table overflows',
      why: 'The kernel keeps at most gc_thresh3 neighbour (ARP) entries; the default is 1024. On large flat networks, or nodes with many pods and peers, the table overflows: new peers cannot be resolved, so some hosts become unreachable and health checks flap.',
      risk: 'Low: larger thresholds cost a little kernel memory and let stale entries live longer.',
      verdict: {
        overflow:
          'The kernel logged "neighbor table overflow": the neighbour table is at gc_thresh3 ({{n}}), so new peers cannot be resolved.',
        overflowRaised:
          'The kernel logged "neighbor table overflow" although gc_thresh3 is already {{n}}: the messages may predate the change, or the limit is still too low.',
        raised: 'gc_thresh3 is raised to {{n}} (the default is 1024).',
        quietLog: 'No neighbour table overflow in the {{n}} kernel log lines.',
      },
      fix: {
        count: 'how many neighbour entries are there now?',
        noNew: 'must not grow any more',
      },
    },
    'ingress-upstream-keepalive-mismatch': {
      title: 'Backend closes keepalive connections before nginx reuses them',
      why: 'nginx keeps idle connections to the pods and reuses them for upstream-keepalive-timeout (60 s by default). A backend that closes idle connections sooner (Node.js after 5 s, many app servers after 5-30 s) can close one just as nginx sends a request on it: "upstream prematurely closed connection while reading response header" and a 502, at random.',
      risk: "Low: a shorter upstream keepalive only opens new connections to the pods a little more often. Raising the backend's keepalive timeout above nginx's works as well.",
      verdict: {
        premature:
          'The backend closed {{n}} connection(s) before answering ("prematurely closed ... while reading response header"): it drops idle keepalive connections sooner than nginx stops reusing them ({{timeout}}).',
        reset:
          "The backend reset {{n}} connection(s) nginx was reusing; that can be a keepalive timeout shorter than nginx's ({{timeout}}).",
        noPool:
          'upstream-keepalive-connections is 0: nginx does not reuse connections to the pods.',
        otherErrors:
          'The upstream errors in this log are {{kinds}}, not closed keepalive connections.',
      },
      fix: {
        backend:
          'best: make the backend keep idle connections longer than nginx (60 s), e.g. Node.js server.keepAliveTimeout = 65000',
        lower: 'or make nginx drop idle upstream connections before the backend does (seconds):',
        persist:
          "keep the value in the controller's Helm values (controller.config) or its ConfigMap manifest",
        verify: 'must stay 0',
      },
    },
    'ingress-upstream-header-too-big': {
      title: 'Backend response headers exceed the proxy buffer',
      why: 'nginx reads the backend\'s response headers into one buffer of proxy-buffer-size (4k or 8k by default). Big cookies, long redirect URLs or auth tokens overflow it: nginx logs "upstream sent too big header" and answers 502.',
      risk: 'Low: a bigger buffer costs a little memory per connection.',
      verdict: {
        why: 'The backend sent response headers larger than proxy-buffer-size ({{size}}) {{n}} time(s): nginx answers 502.',
        otherErrors: 'The upstream errors in this log are {{kinds}}, not oversized headers.',
      },
      fix: {
        annotate: 'for the Ingress of that backend:',
        global: "or for every Ingress, in the controller's ConfigMap:",
        measure: 'size of the response headers in bytes',
      },
    },
    'service-no-endpoints': {
      title: 'kube-proxy sees no ready endpoints and rejects',
      why: "When a Service has no ready endpoint, kube-proxy installs a REJECT rule for it: clients are refused at once instead of timing out. Either the selector matches no pod, the pods are not ready, or (if only one node rejects) that node's kube-proxy has a stale view of the endpoints.",
      risk: 'Low: the fix is on the selector, labels or readiness of the workload; restarting kube-proxy only resyncs its rules.',
      verdict: {
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
        look: 'does the selector match ready pods?',
        fixSelector: 'fix the labels or the selector, or see why the pods are not ready:',
        stale: 'if the endpoints are there and only this node rejects, restart its kube-proxy:',
        empty: 'must print nothing',
        noRollback: 'nothing to roll back: the change is in the workload or its labels',
      },
    },
  },
};
