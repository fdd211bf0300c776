/**
 * The node-side rules (conntrack, neighbour table, bridge netfilter, rp_filter, host firewall,
 * Service endpoints, iptables backends, MTU, DNS search domains, CNI agent): why each found,
 * ruled out or skipped its cause, why the cause matters and the fix's risk, and the comments of
 * their fix snippets. Deep-merged with the titles in causes.en.ts.
 */
export default {
  rule: {
    'conntrack-table-full': {
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
    'conntrack-close-wait-buildup': {
      why: '{{percent}} % of the conntrack entries ({{count}} of {{total}}) are CLOSE_WAIT: half-closed connections kept for an hour fill the table.',
      notable:
        '{{percent}} % of the conntrack entries ({{count}} of {{total}}) are CLOSE_WAIT: more than a healthy node keeps, though not yet most of the table.',
      shortTimeout:
        'nf_conntrack_tcp_timeout_close_wait is {{seconds}} s: CLOSE_WAIT entries expire before they can pile up.',
      smallShare:
        'Only {{percent}} % of the conntrack entries ({{count}} of {{total}}) are CLOSE_WAIT.',
    },
    'conntrack-snat-race': {
      growing:
        'insert_failed grew by {{delta}} between the two pastes: parallel flows are losing the conntrack insertion race right now.',
      notGrowing:
        'insert_failed stayed at {{n}} between the two pastes: no insertion race happened in between.',
      failed:
        'conntrack -S counts {{n}} failed insertions (on {{cpus}} CPU rows): packets of parallel flows were dropped in the SNAT/DNAT race. Paste it again in a minute to see whether it grows.',
      noFailures: 'conntrack -S counts no failed insertion (insert_failed = 0).',
    },
    'conntrack-invalid-rst': {
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
    'arp-neigh-overflow': {
      overflow:
        'The kernel logged "neighbor table overflow": the neighbour table is at gc_thresh3 ({{n}}), so new peers cannot be resolved.',
      overflowRaised:
        'The kernel logged "neighbor table overflow" although gc_thresh3 is already {{n}}: the messages may predate the change, or the limit is still too low.',
      raised: 'gc_thresh3 is raised to {{n}} (the default is 1024).',
      quietLog: 'No neighbour table overflow in the {{n}} kernel log lines.',
    },
    'br-netfilter-off': {
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
    'rp-filter-asymmetric': {
      why: 'Strict reverse-path filtering (rp_filter = 1) on a node with several uplinks ({{uplinks}}): packets whose reply route uses the other interface are dropped silently.',
      dropsOnly:
        'Reverse-path filtering is strict and the kernel reports martian sources or rp_filter drops; paste ip addr and ip route to see the uplinks.',
      notStrict: 'Reverse-path filtering is off or loose (0 or 2) on the uplinks.',
      oneUplink: 'The node has one uplink ({{uplink}}): replies leave the way requests came in.',
    },
    'host-firewall-blocks': {
      inputRejects:
        'The INPUT chain rejects new connections to port {{port}} before any rule accepts them.',
      inputAccepts: 'The INPUT chain accepts new connections to port {{port}}.',
      forwardRejects:
        "The FORWARD chain rejects forwarded traffic before kube-proxy's and the CNI's accept rules.",
      zoneAccepts: 'The firewalld zone {{zone}} accepts everything.',
      zoneOpens: 'The firewalld zone {{zone}} opens port {{port}}.',
      zoneCloses:
        'firewalld is active and the zone {{zone}} does not open port {{port}} (the NodePort range).',
    },
    'service-no-endpoints': {
      rejects:
        'kube-proxy rejects traffic to {{service}}: "has no endpoints". Clients are refused at once.',
      staleView:
        'kube-proxy on this node rejects {{service}} as having no endpoints, while the Service has some: its view is stale.',
      noEndpoints: 'The Service {{service}} has no ready endpoints.',
      hasEndpoints: 'The Service {{service}} has ready endpoints.',
      portServed: "kube-proxy's rules for port {{port}} lead to endpoints.",
      someRejected:
        'kube-proxy rejects {{n}} Service(s) without endpoints ({{services}}); check whether yours is among them.',
      emptyEndpoints: 'These Services have no ready endpoints: {{services}}. Is yours among them?',
    },
    'iptables-backend-mismatch': {
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
    'mtu-mismatch': {
      overlayTooBig:
        '{{iface}} carries packets of up to {{mtu}} bytes, but only {{fits}} fit through the device underneath once the tunnel header is added: large packets are dropped.',
      blackHole:
        "Packets above a size get no answer while smaller ones do, and no router reports 'fragmentation needed': a path MTU black hole.",
      pathSmaller:
        'A router on the path accepts only {{mtu}}-byte packets ("Frag needed"): anything sized for a larger MTU has to shrink or is lost.',
      fits: 'Every tunnel device fits inside the device underneath it, with room for its header.',
      fullSizePasses: "Full-size (1500-byte) packets with Don't Fragment set cross the path.",
    },
    'dns-search-domain-leak': {
      clusterDomainAnswersOutside:
        "{{name}} was answered as {{answer}}: the search domain {{domain}} is resolvable outside the cluster, so names that are not the cluster's get a wrong address.",
      strayDomain:
        "{{name}} was answered as {{answer}}, under the search domain {{domain}}, which is not the cluster's: a short name resolved to someone else's address.",
      answersAsAsked: 'The lookups were answered for the names asked (or for cluster Services).',
      nodeSearch:
        "The node's resolv.conf searches {{domain}}, a public domain that pods inherit; if it has a wildcard record, short names resolve there. Paste an nslookup from a pod to confirm.",
      onlyClusterDomains: 'The search list has only cluster and provider-internal domains.',
      noSearch: 'No search domain is in effect.',
    },
    'cni-unhealthy': {
      agentDown:
        'The CNI agent is not running or not ready: {{pods}}. Pod networking on its node is broken.',
      restarts: 'The CNI agent restarts often ({{pods}}); read its previous log.',
      otherNodes:
        'The CNI agent on the node in question is fine, but agents on other nodes are not.',
      logErrors: 'The CNI agent logs errors that stop it from programming the node.',
      healthy: 'The CNI agents listed ({{n}}) are running and ready.',
    },
  },
  cause: {
    'conntrack-table-full': {
      why: 'Every NATed or filtered connection takes an entry in the conntrack table. When the table is full, the kernel drops the first packet of new connections: clients see timeouts and retries, health checks fail, and the node looks flaky while its CPU is idle. kube-proxy sets nf_conntrack_max itself when it starts, so a sysctl.d value is overwritten.',
      risk: 'Low to medium: each entry costs about 300 bytes of kernel memory (a million entries ≈ 300 MB). NOTRACK rules take the VIP out of conntrack entirely: only use them for traffic that is not NATed or filtered statefully on that node (an LB VIP served by IPVS or hostNetwork), never for Service or NodePort traffic.',
    },
    'conntrack-close-wait-buildup': {
      why: 'kube-proxy sets the conntrack CLOSE_WAIT timeout to one hour. When clients or servers leave connections half-closed (abandoned clients, apps that never close), each one keeps its entry for an hour and the table fills up, until new connections are dropped.',
      risk: 'Low: a shorter CLOSE_WAIT timeout only forgets half-closed connections sooner; a peer that sends data after the timeout gets a reset. The application that leaves sockets half-closed still needs fixing.',
    },
    'conntrack-snat-race': {
      why: "When two packets of new flows with the same source (typically a pod's A and AAAA DNS queries over one socket) are NATed at the same moment on different CPUs, both get the same translated tuple; the second insertion into conntrack fails and its packet is dropped. The client waits for its timeout (5 s for DNS) and retries.",
      risk: 'Low: single-request-reopen and a lower ndots only change how the pod resolver sends queries; names with fewer dots than ndots then try the absolute name first. Removing a dnsConfig you patched in also removes any that existed before.',
    },
    'conntrack-invalid-rst': {
      why: 'Under load, a TCP packet can arrive outside the window conntrack expects. Conntrack marks it INVALID, so it is not translated back; it reaches the host (or the wrong pod), which answers with a RST and kills a healthy connection: sporadic "connection reset by peer".',
      risk: 'Low: be_liberal only stops marking out-of-window packets INVALID (RSTs are still checked). Dropping INVALID packets instead can break asymmetric routing on multi-homed nodes.',
    },
    'arp-neigh-overflow': {
      why: 'The kernel keeps at most gc_thresh3 neighbour (ARP) entries; the default is 1024. On large flat networks, or nodes with many pods and peers, the table overflows: new peers cannot be resolved, so some hosts become unreachable and health checks flap.',
      risk: 'Low: larger thresholds cost a little kernel memory and let stale entries live longer.',
    },
    'br-netfilter-off': {
      why: 'Pods on a Linux bridge (cni0, docker0) talk to each other through the bridge, below IP. Without br_netfilter, or with bridge-nf-call-iptables = 0, those frames never pass iptables: Service DNAT and masquerade are skipped for pods on the same node, so replies come from the wrong address and connections fail.',
      risk: 'Low: all bridged traffic now passes iptables, which Kubernetes expects; it costs a little CPU on busy bridges.',
    },
    'rp-filter-asymmetric': {
      why: 'With rp_filter = 1 the kernel drops a packet when the route back to its source would leave by another interface. On a node with two uplinks (a second NIC, a VPN, policy routing), traffic that arrives on the "wrong" one is dropped silently, so a NodePort or pod works only from some clients.',
      risk: 'Low: loose mode (2) still drops packets from sources not routable at all; it only stops insisting that replies use the same interface.',
    },
    'host-firewall-blocks': {
      why: 'firewalld (or iptables-services\' default "REJECT all") on a node accepts only the ports it was told about. Connections to NodePorts, which kube-proxy serves on 30000-32767, are rejected on that node while nodes without the firewall answer.',
      risk: 'Medium: opening 30000-32767 exposes every NodePort on this node to whoever reaches it; restrict the source range (firewalld rich rule, cloud security group) if the node is reachable from untrusted networks.',
    },
    'service-no-endpoints': {
      why: "When a Service has no ready endpoint, kube-proxy installs a REJECT rule for it: clients are refused at once instead of timing out. Either the selector matches no pod, the pods are not ready, or (if only one node rejects) that node's kube-proxy has a stale view of the endpoints.",
      risk: 'Low: the fix is on the selector, labels or readiness of the workload; restarting kube-proxy only resyncs its rules.',
    },
    'iptables-backend-mismatch': {
      why: "iptables 1.8 comes with two backends (legacy and nf_tables) that do not see each other's rules. When kube-proxy, the CNI, Docker or the host use different ones, the dump you read misses rules that still act on packets, and stale rules in the other backend keep sending traffic to old pods.",
      risk: "Medium: switching the host's backend while rules exist in both can leave stale rules until kube-proxy and the CNI resync; do it node by node, drained.",
    },
    'mtu-mismatch': {
      why: 'An overlay (VXLAN +50 bytes, IP-in-IP +20, WireGuard +60) must fit inside the MTU of the path underneath. When the CNI MTU is too large, full-size packets no longer fit once encapsulated: small requests work, large responses or uploads hang until they time out.',
      risk: 'Medium: changing the CNI MTU needs the CNI agents rolled and pods recreated to take effect; mixed MTUs during the roll can make large transfers stall briefly.',
    },
    'dns-search-domain-leak': {
      why: 'Pods try short names (and, with ndots:5, most external names) with every search domain first. If a search domain inherited from the node, or a cluster domain that exists in public DNS, answers names it does not own (a wildcard record), the lookup succeeds with the wrong address: another environment, another cluster.',
      risk: 'Low: removing a stray search domain only stops appending it; anything that relied on short names under that domain must use the full name. Pods keep their resolv.conf until they are recreated.',
    },
    'cni-unhealthy': {
      why: 'The CNI agent (calico-node, flannel, cilium...) programs routes, tunnels and policy on its node. While it is not running or not ready, new pods get no network and existing routes go stale, so pod traffic through that node fails.',
      risk: 'Low: deleting the agent pod makes its DaemonSet start a fresh one; pod traffic on that node may blip while it reprograms.',
    },
  },
  fix: {
    ctFull: {
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
    ctCloseWait: {
      who: 'which processes hold half-closed sockets?',
      now: 'shorten the CLOSE_WAIT timeout now (kube-proxy sets 3600 again when it restarts):',
      kubeProxy: "persist it in kube-proxy's config:",
      notrack:
        'on ingress nodes, NOTRACK for the VIP keeps these entries out of conntrack entirely',
      rollback: "kube-proxy's default:",
    },
    ctRace: {
      confirm: 'is insert_failed growing? run it twice, a minute apart:',
      dnsConfig:
        'in the pods that time out: send A and AAAA on separate sockets, fewer search-list tries',
      nodeLocal:
        'lasting fix: NodeLocal DNSCache (DNS from pods goes to a local cache, no DNAT race):',
      randomFully:
        'and masquerade with --random-fully (a recent CNI and iptables ≥ 1.6.2); count the rules that use it:',
      runTwice: 'must stop growing',
    },
    ctInvalid: {
      module: 'load nf_conntrack at boot, or the sysctl.d line finds no key to set:',
      kubeProxy: 'kube-proxy 1.29+ can set it itself, in its config file:',
      orDrop: 'or instead drop INVALID packets (kube-proxy 1.15+ adds this to KUBE-FORWARD):',
      runTwice: 'run it twice: the counter must stop growing',
    },
    neigh: {
      count: 'how many neighbour entries are there now?',
      noNew: 'must not grow any more',
    },
    brNf: {
      restartCni: 'then restart the CNI agent on this node so it re-checks',
      rollback:
        'nothing to undo while pods run on this node: Kubernetes needs bridged traffic in iptables',
    },
    rpFilter: {
      loose: 'loose mode: the kernel takes the larger of conf.all and conf.<iface>, so set both',
      order: 'make sure no later file in /etc/sysctl.d sets rp_filter back to 1',
      counter: 'must stop growing',
    },
    hostFw: {
      firewalld: 'with firewalld:',
      iptables: 'with plain iptables (iptables-services), before its final REJECT:',
      services: 'with iptables-services, save the running rules so they survive a reboot:',
      fromOutside: 'run it from a client outside the node',
    },
    svcNoEp: {
      look: 'does the selector match ready pods?',
      fixSelector: 'fix the labels or the selector, or see why the pods are not ready:',
      stale: 'if the endpoints are there and only this node rejects, restart its kube-proxy:',
      empty: 'must print nothing',
      noRollback: 'nothing to roll back: the change is in the workload or its labels',
    },
    ipBackend: {
      which: "which backend holds kube-proxy's rules?",
      pick: 'use the backend kube-proxy and the CNI use (nft on current distributions):',
      flushOld:
        'then let kube-proxy rewrite its rules (and flush the stale backend once everything runs on one)',
    },
    mtu: {
      measure: 'largest packet that crosses the path without fragmentation (MTU = size + 28):',
      calico: 'Calico: set the MTU (operator install first, manifest install second):',
      flannel:
        "flannel derives its MTU from the interface it uses: fix that interface's MTU (netplan, ifcfg) or set --iface, then restart flannel",
      pods: 'pods keep their old MTU until they are recreated:',
      rollback: 'set the previous MTU the same way and roll the CNI and the pods again',
    },
    dnsLeak: {
      absolute: 'a trailing dot makes the name absolute: does it resolve correctly then?',
      where: 'on the node: which search domain is configured?',
      node: 'drop the stray search domain on the node (pods inherit it):',
      manager:
        'NetworkManager or systemd-resolved rewrite resolv.conf: remove the domain there too (nmcli connection modify <CONNECTION> ipv4.dns-search ""), or point kubelet --resolv-conf at a clean file',
      pods: 'pods keep their resolv.conf until they are recreated:',
    },
    cni: {
      why: 'why is it not ready? events first, then the log of the previous (crashed) container:',
      restart: 'after fixing what the log shows, start it afresh:',
      common:
        'common causes: the API server or datastore unreachable, BGP/bird not established, IPAM exhausted, br_netfilter missing, wrong interface autodetected',
      watch: 'wait for READY n/n and restarts to stop climbing',
      noRollback: 'nothing to roll back: the DaemonSet recreates the pod',
    },
  },
};
