/**
 * Causes on the node itself: kernel settings, conntrack, the neighbour table, bridge netfilter,
 * reverse-path filtering, the host firewall, MTU, VXLAN offload, DNS search domains, the CNI
 * agent. One block per cause, in catalog order: title, why, risk, the rule's `verdict` texts and
 * its fix comments (`fix`).
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
    'forward-drop': {
      title: 'The node does not forward packets',
      why: 'A NodePort whose pod runs on another node must be forwarded by this node. With net.ipv4.ip_forward=0, or a FORWARD chain policy of DROP (Docker sets it) without the accept rules of kube-proxy and the CNI, the packets are dropped here.',
      risk: 'Medium: enabling forwarding turns the node into a router for any address it can reach; keep the host firewall rules that restrict what may be forwarded.',
      verdict: {
        nftPolicyDrop:
          'The nftables table {{table}} drops forwarded traffic by policy and accepts none of it: in nftables every forward chain must let a packet through, so pod and Service traffic through this node is dropped whatever iptables accepts.',
        ipForwardOff: 'net.ipv4.ip_forward is 0: the node does not route packets to pods.',
        allForwardingOff:
          'net.ipv4.conf.all.forwarding is 0 (the same switch as net.ipv4.ip_forward): the node does not route packets to pods.',
        deviceForwardingOff:
          'Forwarding is off on {{ifaces}}: Linux forwards a packet only when the device it came in on has forwarding on, so what pods send through it is not routed on, even with ip_forward = 1.',
        defaultForwardingOff:
          'net.ipv4.conf.default.forwarding is 0: every device created after it was set (the pod bridge, each pod veth) starts with forwarding off, so traffic from pods is not routed on, even with ip_forward = 1.',
        policyDropNoAccept:
          'The FORWARD policy is DROP and nothing (no KUBE-FORWARD, no ACCEPT) lets pod traffic through.',
        policyDropAcceptsShadowed:
          'The FORWARD policy is DROP, and a rule that drops everything comes before the accept rules for pod traffic in FORWARD: they never match, so forwarded pod and Service traffic is dropped.',
        inspectWarnsDrop:
          '`microk8s inspect` warns that the FORWARD policy is DROP, and this MicroK8s runs kube-proxy and the kubelet as their own services (before 1.21): no CNI rule of its own accepts pod traffic in FORWARD, so the policy drops it.',
        policyDropCounting:
          'The FORWARD policy is DROP and its counter shows dropped packets despite the accept rules.',
        forwarding:
          'Forwarding is on: the lines show ip_forward = 1 or a FORWARD policy that accepts.',
      },
      fix: {
        nft: 'a native nftables table that drops forwarded traffic by policy (where the finding names one):',
        docker:
          "Docker sets FORWARD to DROP when it starts: keep kube-proxy's KUBE-FORWARD and the CNI's accept rules in place",
        counter: 'the policy counter must stop growing',
        deviceConf:
          'and delete the line that sets forwarding to 0 (found by the next command): /etc/sysctl.conf is applied after the sysctl.d files and would set it back at boot',
        deviceOn: 'the pod devices and default must say 1',
      },
    },
    'host-firewall-blocks': {
      title: 'The host firewall rejects the NodePort range or the pod network between nodes',
      why: 'firewalld (or iptables-services\' default "REJECT all") on a node accepts only the ports it was told about. Connections to NodePorts, which kube-proxy serves on 30000-32767, are rejected on that node while nodes without the firewall answer. The same firewall can turn away the traffic that carries the pod network between nodes (VXLAN, Geneve, WireGuard, BGP, IP-in-IP): Services then time out whenever the chosen backend runs on another node.',
      risk: "Medium: opening 30000-32767 exposes every NodePort on this node to whoever reaches it, and an open overlay port lets anyone who reaches it inject packets into the pod network; restrict the source range (the node addresses for the overlay; a firewalld rich rule, a cloud security group) if the node is reachable from untrusted networks. Putting the pod network's device and CIDR in firewalld's trusted zone lets the pods reach every port of the node, as most CNIs expect.",
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
        podnetDenied:
          "The kernel logged {{n}} forwarded packet(s) of the pod network ({{from}} → {{to}}) turned away by a firewall rule ({{prefix}}): the host firewall's forward policy stops pod traffic on this node, whatever kube-proxy and the CNI accept in their own chains.",
        clientNoRoute:
          'The client got "No route to host" connecting to port {{port}}: the ICMP admin-prohibited answer of a REJECT rule (firewalld, iptables-services), unless the node is down.',
        pingProhibited:
          'ping {{target}} was answered by {{from}} with an ICMP "prohibited" error, which only a packet filter sends (iptables-services\' default "REJECT --reject-with icmp-host-prohibited", firewalld): the firewall of that host (the node that should forward to the pod) rejects the traffic, unless a router ACL on the way sent it.',
        zoneCloses:
          'firewalld is active and the zone {{zone}} does not open port {{port}} (the NodePort range).',
        overlayRejected:
          'The host firewall rejects {{carrier}}, the traffic that carries the pod network between nodes: pods on other nodes cannot reach this one.',
        overlayNotAccepted:
          'The host firewall turns away {{carrier}} by default and no rule accepts it, yet the node uses it ({{seen}}): pod traffic from other nodes is dropped on arrival.',
        overlayAccepted: 'The host firewall accepts {{carrier}} between the nodes.',
        zoneClosesOverlay:
          'firewalld is active and the zone {{zone}} does not open {{carrier}}, which this node uses ({{seen}}): the pod network from other nodes is turned away.',
      },
      fix: {
        firewalld: 'with firewalld:',
        iptables: 'with plain iptables (iptables-services), before its final REJECT:',
        services: 'with iptables-services, save the running rules so they survive a reboot:',
        fromOutside: 'run it from a client outside the node',
        everyNode:
          'on every node: the overlay runs both ways; narrow it to the node addresses (-s, a firewalld rich rule) where the nodes are reachable from untrusted networks',
        podnet:
          'on the node that answered: accept the pod network in FORWARD before the REJECT (POD_CIDR: the cluster pod CIDR, e.g. 10.244.0.0/16)',
        podzone:
          "on every node with firewalld: put the pod network's device and the pod CIDR (POD_CIDR, e.g. 10.244.0.0/16) in the trusted zone; firewalld's own nftables table rejects them whatever iptables accepts (or stop firewalld, as the Kubernetes distributions advise)",
      },
    },
    'rp-filter-asymmetric': {
      title: 'Strict reverse-path filtering drops asymmetric traffic',
      why: 'With rp_filter = 1 the kernel drops a packet when the route back to its source would leave by another interface. On a node with two uplinks (a second NIC, a VPN, policy routing), traffic that arrives on the "wrong" one is dropped silently, so a NodePort or pod works only from some clients.',
      risk: "Low: loose mode (2) still drops packets from sources not routable at all; it only stops insisting that replies use the same interface. On Cilium's devices the check is turned off, as Cilium requires: its own datapath checks the pods' source addresses.",
      verdict: {
        why: 'Strict reverse-path filtering (rp_filter = 1) on a node with several uplinks ({{uplinks}}): packets whose reply route uses the other interface are dropped silently.',
        dropsOnly:
          'Reverse-path filtering is strict and the kernel reports martian sources or rp_filter drops; paste ip addr and ip route to see the uplinks.',
        notStrict: 'Reverse-path filtering is off or loose (0 or 2) on the uplinks.',
        oneUplink: 'The node has one uplink ({{uplink}}): replies leave the way requests came in.',
        routeGetRefused:
          '`ip route get {{to}} from {{from}} iif {{iif}}` fails with "Invalid cross-device link": the kernel\'s reverse-path check drops packets from {{from}} arriving on {{iif}}, because its route back to them leaves by another interface.',
        martianOnPodDevice:
          "The kernel logs a martian source {{from}} on Cilium's device {{dev}}, where rp_filter is {{mode}}: the device has no IPv4 address and the route back to the pod leaves by cilium_host, so even loose mode drops the pod's packets. Cilium needs rp_filter = 0 on its devices; systemd sets 2 on every new one unless told otherwise.",
        podDeviceFilters:
          "{{key}} makes the kernel filter by reverse path (mode {{mode}}) on Cilium's pod device {{dev}}. Cilium sets 0 there itself, so something else overrode it (systemd-sysctl's 'net.ipv4.conf.*.rp_filter = 2', a hardening script, conf.all): the device has no IPv4 address and the route back to the pod leaves by cilium_host, so even loose mode drops the pods' packets, unless Cilium's eBPF host routing bypasses the kernel's routing there.",
      },
      fix: {
        loose: 'loose mode: the kernel takes the larger of conf.all and conf.<iface>, so set both',
        off: "off on Cilium's devices (loose mode still drops there); conf.all must be 0 too, since the kernel takes the larger value",
        order: 'make sure no later file in /etc/sysctl.d sets rp_filter again',
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
        handful:
          'conntrack -S counts {{n}} failed insertion(s) since boot: a handful over a whole uptime happens on any node. Paste conntrack -S twice, a minute apart while the timeouts happen: a count that grows is the race.',
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
          '{{iface}}: this `ethtool -K` turned tx-checksum-ip-generic off, so the fix is already applied. Nothing pasted shows the broken state (a listing with it on, or bad UDP checksums on a VXLAN port in the kernel log or a capture).',
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
        unexpectedReply:
          'The DNS answer to {{expected}} came back from {{from}} and was dropped ("reply from unexpected source"): the Service address was not translated back, as happens when the client and the DNS pod share a bridge that skips iptables.',
      },
      fix: {
        restartCni: 'then restart the CNI agent on this node so it re-checks',
        rollback:
          'nothing to undo while pods run on this node: Kubernetes needs bridged traffic in iptables',
      },
    },
    'mtu-mismatch': {
      title: 'Overlay MTU larger than the path allows',
      why: 'An overlay (VXLAN +50 bytes, IP-in-IP +20, WireGuard +60) must fit inside the MTU of the path underneath. When the CNI MTU is too large, full-size packets no longer fit once encapsulated: small requests work, large responses or uploads hang until they time out.',
      risk: 'Medium: changing the CNI MTU needs the CNI agents rolled and pods recreated to take effect; mixed MTUs during the roll can make large transfers stall briefly.',
      verdict: {
        overlayTooBig:
          '{{iface}} carries packets of up to {{mtu}} bytes, but only {{fits}} fit through the device underneath once the tunnel header is added: large packets are dropped.',
        vethTooBig:
          'Pod veths ({{veth}}) are at MTU {{mtu}}, larger than the {{iface}} tunnel ({{fits}}) their traffic to other nodes goes through: pods send packets the tunnel cannot carry, and large transfers stall.',
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
        pingSuffix:
          'ping resolved {{name}} as {{answer}} ({{address}}): the search domain {{domain}} was appended to a name that was already complete, and a record under it (a wildcard) answered, so the name reached the wrong address.',
        nodeSearch:
          "The node's resolv.conf searches {{domain}}, a public domain that pods inherit; if it has a wildcard record, short names resolve there. Paste an nslookup from a pod to confirm.",
        podSearch:
          "The pod's search list ends with {{domain}}, a public domain it inherited from its node: names are tried under it before they are tried as given, so a wildcard record there answers them. Paste an nslookup from the pod to confirm.",
        bareTld:
          "The search list holds the bare top-level domain {{domain}}: names are tried under it first, so gitlab.com becomes gitlab.com.{{domain}}, a name anyone can register (parked names answer with a wildcard record) and lookups get someone else's address. Paste an nslookup from a pod to confirm.",
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
        ciliumStatus:
          "Cilium's status reports its agent unhealthy: its own health, the Kubernetes API, failing controllers or agents not ready.",
        agentDown:
          'The CNI agent is not running or not ready: {{pods}}. Pod networking on its node is broken.',
        restarts: 'The CNI agent restarts often ({{pods}}); read its previous log.',
        otherNodes:
          'The CNI agent on the node in question is fine, but agents on other nodes are not.',
        logErrors: 'The CNI agent logs errors that stop it from programming the node.',
        probeFailed:
          'The CNI agent fails its own health check (calico-node: BIRD or Felix not ready, BGP not established; cilium, weave, kube-router: the agent does not answer on its socket or health port): its node does not get routes to the other nodes’ pods.',
        healthy: 'The CNI agents listed ({{n}}) are running and ready.',
        bgpDown:
          'Calico’s BGP sessions on the node are not Established ({{n}}: {{peers}}): the node gets no routes to the pods of those peers, and calico-node fails its own readiness check (BGP on TCP 179 between the nodes is blocked, refused or unreachable).',
        bgpEstablished:
          'Every BGP session Calico lists ({{n}}) is Established: the node’s routes to the other nodes’ pods are exchanged.',
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
        sinceBootOnly:
          'conntrack has marked {{n}} packets INVALID since boot, which any node collects over its uptime (late retransmissions, stray ICMP errors): alone it is no sign of resets. Paste conntrack -S twice under load, with sysctl net.netfilter.nf_conntrack_tcp_be_liberal, to test it.',
        few: 'conntrack has marked almost no packet INVALID.',
      },
      fix: {
        module: 'load nf_conntrack at boot, or the sysctl.d line finds no key to set:',
        kubeProxy: 'kube-proxy 1.29+ can set it itself, in its config file:',
        orDrop: 'or instead drop INVALID packets (kube-proxy 1.15+ adds this to KUBE-FORWARD):',
        runTwice: 'run it twice: the counter must stop growing',
      },
    },
    'arp-neigh-overflow': {
      title: 'The neighbour (ARP) table overflows',
      why: 'The kernel keeps at most gc_thresh3 neighbour (ARP) entries; the default is 1024. On large flat networks, or nodes with many pods and peers, the table overflows: new peers cannot be resolved, so some hosts become unreachable and health checks flap.',
      risk: 'Low: larger thresholds cost a little kernel memory and let stale entries live longer.',
      verdict: {
        overflow:
          'The kernel logged "neighbor table overflow": the neighbour table is at gc_thresh3 ({{n}}), so new peers cannot be resolved.',
        overflowRoomy:
          'The kernel logged "neighbor table overflow" (it refused new neighbour entries), yet only {{entries}} entries are listed against gc_thresh3 ({{n}}): the table has drained since, or the kernel counts entries it does not list (some early 5.x kernels leaked that count). Raising the thresholds stops the drops; on such a kernel, update it as well.',
        overflowRaised:
          'The kernel logged "neighbor table overflow" although gc_thresh3 is already {{n}}: the messages may predate the change, or the limit is still too low.',
        raised: 'gc_thresh3 is raised to {{n}} (the default is 1024).',
        quietLog: 'No neighbour table overflow in the {{n}} kernel log lines.',
        tableFull:
          '`ip neigh` lists {{entries}} entries the kernel counts against gc_thresh3 ({{n}}): the neighbour table is full, so new peers cannot be resolved.',
        tableRoomy:
          '`ip neigh` lists {{entries}} entries, well below gc_thresh3 ({{n}}): the neighbour table has room.',
        sendInvalidFull:
          'ping fails with "sendmsg: Invalid argument" (the kernel could not create a neighbour entry) and the table holds {{entries}} entries against gc_thresh3 {{n}}: the neighbour table is full.',
        sendInvalid:
          'ping fails with "sendmsg: Invalid argument": the kernel could not create a neighbour entry for the next hop, as when the neighbour table is at gc_thresh3. Paste `sysctl net.ipv4.neigh.default.gc_thresh3` and `ip -4 neigh show nud all | wc -l` to confirm.',
        sendInvalidDefault:
          'ping fails with "sendmsg: Invalid argument" (the kernel could not create a neighbour entry) while gc_thresh3 is still {{n}}: the neighbour table is likely full.',
      },
      fix: {
        count: 'how many neighbour entries are there now?',
        noNew: 'must not grow any more',
      },
    },
    'cilium-policy-drop': {
      title: 'A network policy drops the traffic (Cilium)',
      why: 'Once a NetworkPolicy or CiliumNetworkPolicy selects a pod, only the traffic some rule allows reaches it (or leaves it); everything else is dropped by the Cilium datapath, which reports each drop with the reason "Policy denied". Connections then time out while the Service, its endpoints and the node look healthy.',
      risk: 'Medium: widening a policy lets more traffic in; allow exactly the source, port and direction that were denied, and keep a copy of the policies to restore.',
      verdict: {
        denied: 'Cilium drops {{n}} packet(s) for "Policy denied", from {{from}} to {{to}}.',
        none: 'The monitor saw traffic, or other drops, but no policy drop.',
      },
      fix: {
        which: 'which policies select the pods (namespace-wide and clusterwide):',
        allow:
          'keep a copy, then add a rule to the policy that selects the destination pod allowing the denied source and port:',
        noDrops: 'run it while the client retries: no more "Policy denied" lines',
        restore: 'puts the saved policies back',
      },
    },
  },
};
