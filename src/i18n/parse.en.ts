/** What the parsers say: each output kind's summary, problems and near misses (`parse.*`). */
export default {
  parse: {
    collectorNote: 'The collector could not run this on the node ({{note}}).',
    empty: 'The paste is empty.',
    unknown:
      'Not a command output the wizard knows (it starts with “{{first}}”). Paste the output of the command shown above.',
    repeated: 'The same output as the one from line {{line}}: read once.',
    repeatedHalf:
      'The output is pasted twice: the second copy (from this line) is read as the first, once.',
    unknownBinary:
      'This is not text a command prints (binary or wrongly decoded bytes). Paste the output of the command shown above as text.',
    tooBig: 'The paste is larger than {{max}} MB; paste a filtered part.',
    failed: 'The paste could not be read: {{error}}',
    'iptables-L': {
      notARule: 'Not a rule line of `iptables -L`.',
      noChains: 'No `Chain NAME (policy ...)` line: not `iptables -L` output.',
      summary: 'iptables -L: {{chains}} chain(s), {{rules}} rule(s)',
      summaryRowsOnly: 'iptables -L: {{rules}} rule row(s) without their chain line',
      summaryForward:
        'iptables -L: {{chains}} chain(s), {{rules}} rule(s); FORWARD policy {{policy}} ({{packets}} packets)',
    },
    'iptables-version': {
      badLine:
        'Not an `iptables -V` line (`iptables v1.8.7 (nf_tables)`); from 1.8 on it names its backend.',
      noVersion: 'No iptables version found. Paste the output of `iptables -V`.',
      summary: '{{binary}} {{version}}, {{backend}} backend',
      summaryOld: '{{binary}} {{version}} (before 1.8: legacy backend only)',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    nft: {
      badLine: 'Not a line of `nft list ruleset` output.',
      unclosed:
        'The listing ends inside a block: the paste was cut. Rules after the cut were not read.',
      badJson:
        'The `nft -j` JSON could not be read (line {{line}}): paste it whole, or paste `nft list ruleset` instead.',
      noNftables: 'JSON without an `nftables` list: not `nft -j list ruleset` output.',
      noTables: 'No `table FAMILY NAME {` line: not `nft list ruleset` output.',
      moreProblems: '…and {{n}} more lines that could not be read.',
      summary:
        'nft ruleset: {{tables}} table(s) ({{names}}), {{chains}} chain(s), {{rules}} rule(s)',
      summaryFragment:
        'Part of an nft listing (no `table` line): {{chains}} chain(s), {{rules}} rule(s), {{sets}} set(s) or map(s)',
      summaryKubeProxy:
        'nft ruleset with kube-proxy (nftables mode): {{services}} service address(es), {{nodePorts}} NodePort(s), {{empty}} without endpoints; {{chains}} chain(s), {{rules}} rule(s)',
      summaryXtables:
        'nft ruleset with iptables-nft tables: {{kube}} KUBE-* chain(s); {{tables}} table(s), {{chains}} chain(s), {{rules}} rule(s)',
    },
    nearMiss: {
      iptablesIncompatible:
        'iptables cannot show this table: rules in it were made by nft (kube-proxy in nftables mode, firewalld, another tool). Paste `sudo nft list ruleset` instead.',
      nftTooOld:
        "nft crashed reading the ruleset: this nft is older than the rules in the kernel (kube-proxy's nftables mode needs nft 1.0.1 or newer). Run a newer nft (a debug container with nftables), or paste kube-proxy's log.",
      nftRoot: 'nft refused: listing the ruleset needs root. Run `sudo nft list ruleset`.',
      nftUnsupported:
        "This kernel has no nf_tables: the node's rules can only be in legacy iptables. Paste `sudo iptables-legacy-save` (or `iptables-save`).",
      nftMissing:
        'nft is not installed on this node. Install the nftables package, or paste `sudo iptables-save` (on iptables-nft it shows the same tables).',
      nftTables:
        'This is `nft list tables`: the table names only. Paste `sudo nft list ruleset` (or `nft list table ip kube-proxy`) for the rules.',
      conntrackEvents:
        'This is `conntrack -E` (a stream of events). Paste the table, `conntrack -L`, or the statistics, `conntrack -S`.',
      conntrackRoot:
        'conntrack refused: it needs root (CAP_NET_ADMIN). Run it with sudo on the node, or in a privileged pod with hostNetwork.',
      ipvsUnavailable:
        'ipvsadm could not talk to IPVS: the ip_vs kernel module is not loaded on this node (or the command ran without root). Paste `lsmod | grep ip_vs` and the kube-proxy log.',
      dmesgDenied:
        'dmesg refused to read the kernel log (kernel.dmesg_restrict). Run `sudo dmesg -T`, or `journalctl -k`.',
      ethtoolOther:
        'This is `ethtool IFACE` (link settings) or `ethtool -S` (statistics). Paste `ethtool -k IFACE` for the offload features.',
      routeN:
        'This is the routing table as `route -n`, `netstat -r` or /proc/net/route show it. Paste `ip route` (and `ip -6 route`) instead.',
      netstatI:
        'This is an interface counter table (BSD `netstat -i`, /proc/net/dev). Paste `ip -s -d link` instead: it shows the same counters with each device’s MTU and type.',
      procNetTcp:
        'This is /proc/net/tcp (sockets with addresses in hex). Paste `ss -tanp` instead.',
      arp: 'This is the ARP table as `arp` or /proc/net/arp show it. Paste `ip neigh show` instead: it shows each entry’s state (REACHABLE, STALE, FAILED, INCOMPLETE) and IPv6 neighbours too.',
      procNetstat:
        'This is /proc/net/netstat or /proc/net/snmp: counter names and values on separate lines. Paste `nstat -az` (or `netstat -s`) instead.',
      unameNotLinux:
        'This kernel is not Linux (a BSD or a Mac): run `uname -a` on the Kubernetes node itself.',
      firewalldNotRunning:
        'firewalld is not running on this node, so its zones filter nothing. Paste `sudo iptables-save` (or `sudo nft list ruleset`) for the rules in force.',
      ethtoolPrivFlags:
        'This is `ethtool --show-priv-flags` (the driver’s private flags), not the offload features. Paste `ethtool -k IFACE` instead.',
      'k8s-fragment':
        'These are a few fields of a Kubernetes object (a grep of `-o yaml`?), without its kind and name. Paste the whole `kubectl get KIND NAME -o yaml`, without the grep.',
      'kubectl-jsonpath':
        'This is `kubectl get -o jsonpath` output: only the fields the template picked. Paste `kubectl get KIND NAME -o yaml` (the whole object) instead.',
      'kubectl-name':
        'This is a list of object names (`-o name`). Paste `kubectl get KIND -o wide` or `kubectl get KIND NAME -o yaml` instead.',
      'kubectl-apply':
        'This is what kubectl printed after changing objects; it says nothing about the network. Paste `kubectl get KIND NAME -o yaml` of the object instead.',
      'kubectl-logs':
        'This is the log of a component the wizard does not read. Paste the log of kube-proxy, the ingress-nginx controller or the CNI agent (calico-node, kube-flannel, cilium) instead.',
      ciliumAgentDown:
        'The Cilium agent did not answer: its API socket (/var/run/cilium/cilium.sock) is not there, so the agent on this node is not running or still starting. Paste `kubectl -n kube-system get pods -l k8s-app=cilium -o wide` and the agent’s log (`kubectl -n kube-system logs POD -c cilium-agent`).',
      ciliumNotFound:
        'The command is not in this container. Since Cilium 1.15 the agent’s tool is `cilium-dbg` (before: `cilium`), inside the cilium-agent container: `kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg status`. The `cilium` CLI on a workstation has no `service list`, `bpf` or `monitor` commands.',
      ciliumExecFailed:
        'kubectl could not run the command in the Cilium pod (the pod or its container was not found or not running). Check `kubectl -n kube-system get pods -l k8s-app=cilium -o wide`, then run it in a running agent: `kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg ...`.',
      ciliumServiceJson:
        'This is `cilium-dbg service list -o json`. Paste the table instead: `cilium-dbg service list` without `-o json`.',
      ciliumFlowsJson:
        'These are flows as JSON spread over several lines (pretty-printed, e.g. through jq). Paste one flow per line instead: the default output of `hubble observe --verdict DROPPED` (or `cilium-dbg monitor --type drop`), or `-o json` as printed.',
      ciliumDbShow:
        'This is the agent’s frontends table (`cilium-dbg shell -- db/show frontends`). Paste `cilium-dbg service list` instead: the same frontends and backends, in the table the wizard reads.',
      ciliumHealth:
        'This is `cilium-health status`. Paste `cilium-dbg status` instead: its `Cluster health` line and table sum up the same probes, beside the agent’s other checks.',
    },
    sysctl: {
      badLine: 'This line is not "key = value" sysctl output.',
      noValues:
        'No "key = value" lines found. Paste the output of `sysctl -a` or `sysctl KEY...` (or `cat /proc/sys/...` with the command line).',
      summary: 'sysctl output, {{n}} key(s)',
      summaryNotable: 'sysctl output, {{n}} key(s): {{notable}}',
      summaryMissing: 'sysctl output, {{n}} key(s); not present on this kernel: {{missing}}',
      summaryNotableMissing:
        'sysctl output, {{n}} key(s): {{notable}}; not present on this kernel: {{missing}}',
      summaryFile:
        'sysctl configuration file, {{n}} key(s) set (applied at boot or by `sysctl --system`; the running values may differ)',
      summaryFileNotable:
        'sysctl configuration file, {{n}} key(s) set: {{notable}} (applied at boot or by `sysctl --system`; the running values may differ)',
      moreProblems: '…and {{n}} more lines that could not be read.',
      summaryPreflightModules:
        'kubeadm preflight output: kernel modules neither loaded nor built in: {{modules}}',
    },
    'netstat-s': {
      badLine: 'This line is not a netstat -s counter.',
      noSection:
        'The counter {{name}} appears without its section header (Tcp:, TcpExt:, ...); paste the whole `netstat -s` output.',
      noCounters: 'No counters found. Paste the output of `netstat -s` or `nstat -az`.',
      summary: '{{format}} output, {{n}} counter(s)',
      summaryNotable: '{{format}} output, {{n}} counter(s): {{notable}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'iptables-save': {
      badLine: 'This line is not an iptables-save or iptables -S line.',
      incompatible:
        'iptables could not show the {{table}} table: it holds rules made by nft. Paste `nft list ruleset` as well.',
      noRules:
        'No chains or rules found. Paste the output of `iptables-save` (or `iptables -t nat -S`).',
      cut: 'The {{table}} table opened here never reaches its COMMIT: the paste was cut, so a rule missing from it proves nothing. Paste the whole `iptables-save` (as a file if the chat cuts it).',
      summary:
        '{{format}} output, {{rules}} rule(s) in {{chains}} chain declaration(s); tables: {{tables}}',
      summaryKubeProxy:
        '{{format}} output, {{rules}} rule(s); tables: {{tables}}; kube-proxy: {{services}} Service chain(s), {{nodePorts}} NodePort(s), {{noEndpoints}} REJECT(s) for a Service without endpoints',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'kube-proxy-log': {
      notKlog: 'This line is not a kube-proxy log line (klog format).',
      noEntries:
        'No kube-proxy log lines found. Paste the output of `kubectl -n kube-system logs <kube-proxy pod>`.',
      mostlyNotKlog:
        'Only {{klog}} of the lines are kube-proxy log lines and {{other}} are something else. Paste the kube-proxy log on its own.',
      summary: 'kube-proxy log, {{n}} line(s): {{errors}} error(s), {{warnings}} warning(s)',
      summaryProxier:
        'kube-proxy log, {{n}} line(s): {{errors}} error(s), {{warnings}} warning(s); proxy mode {{proxier}}',
      summaryProxierVersion:
        'kube-proxy {{version}} log, {{n}} line(s): {{errors}} error(s), {{warnings}} warning(s); proxy mode {{proxier}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    conntrack: {
      badLine: 'This line is not a conntrack entry.',
      toolError: 'conntrack said: {{text}}',
      countMismatch:
        'conntrack says it showed {{shown}} entries, but {{read}} were read: part of the output is missing.',
      noEntries:
        'No conntrack entries found. Paste the output of `conntrack -L` (as root) or `cat /proc/net/nf_conntrack`.',
      summary: '{{n}} conntrack entries; top states: {{top}}; {{unreplied}} unreplied',
      summaryHistogram: 'conntrack state histogram of {{n}} entries: {{top}}',
      summaryEmpty: 'conntrack showed no entries',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'conntrack-S': {
      badLine: 'This line is not a conntrack -S counter.',
      toolError: 'conntrack said: {{text}}',
      noCounters:
        'No conntrack statistics found. Paste the output of `conntrack -S` (as root) or `cat /proc/net/stat/nf_conntrack`.',
      summary: 'conntrack statistics, {{n}} counter(s): {{notable}}',
      summaryCpus: 'conntrack statistics over {{cpus}} CPU(s), {{n}} counter(s): {{notable}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'kernel-log': {
      badLine: 'This line is too long to be a kernel message.',
      notKernelLog: 'This line is not a kernel log line (dmesg, journalctl -k or syslog).',
      noLines:
        'No kernel log lines found. Paste the output of `dmesg -T` or `journalctl -k` (or the kernel lines of /var/log/messages).',
      summary: 'kernel log, {{n}} line(s), nothing notable for networking',
      summaryEvents: 'kernel log, {{n}} line(s): {{events}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    ipvsadm: {
      badLine: 'This line is not part of an ipvsadm listing.',
      orphanRealServer: 'This real server line comes before any virtual service line.',
      noServices:
        'No IPVS virtual services found. Paste the output of `ipvsadm -Ln` (as root) on the node.',
      summary: 'IPVS table: {{services}} virtual service(s), {{reals}} real server(s)',
      summaryEmpty:
        'IPVS table: {{services}} virtual service(s), {{reals}} real server(s); {{empty}} without any real server: {{which}}',
      summaryTimeout: 'IPVS timeouts: tcp {{tcp}} s, tcpfin {{tcpfin}} s, udp {{udp}} s',
      summaryConnections: 'IPVS connection table: {{n}} entries',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'ethtool-k': {
      badLine: 'This line is not an ethtool feature ("name: on|off").',
      toolMessage: 'ethtool said: {{text}}',
      noFeatures:
        'No offload features found. Paste the output of `ethtool -k IFACE` (for example `ethtool -k flannel.1`).',
      summary: 'ethtool -k {{iface}}: {{n}} feature(s)',
      summaryChecksum:
        'ethtool -k {{iface}}: {{n}} feature(s); tx-checksum-ip-generic is {{value}}',
      summaryChanges:
        'ethtool -K {{iface}} changed {{n}} feature(s) ({{changes}}); this is not the current state, paste `ethtool -k {{iface}}` for that',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    uname: {
      badLine: 'This line is not uname output.',
      noRelease: 'No kernel release found. Paste the output of `uname -r` or `uname -a`.',
      summary: 'kernel {{release}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'microk8s-inspect': {
      badLine: 'This line is not one `microk8s inspect` prints.',
      noReport:
        'No service check or warning of `microk8s inspect` found. Paste what `sudo microk8s inspect` prints.',
      summary: 'microk8s inspect: {{n}} service(s) running',
      summaryDown: 'microk8s inspect: not running: {{down}}',
      summaryForwardDrop:
        'microk8s inspect: {{n}} service(s) running; it warns that the FORWARD policy is DROP',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    lsmod: {
      badLine: 'This line is not an lsmod row ("module size used-by").',
      noModules: 'No kernel modules found. Paste the output of `lsmod`.',
      summary: 'lsmod, {{n}} module(s)',
      summaryNotable: 'lsmod, {{n}} module(s), including {{notable}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'ip-addr': {
      badLine: 'This line is not part of `ip addr` / `ip link` output.',
      noInterfaces: 'No network interfaces found. Paste the output of `ip addr` (or `ip -d link`).',
      summary: '{{n}} interface(s)',
      summaryTunnels: '{{n}} interface(s); tunnels: {{tunnels}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'ip-route': {
      badLine: 'This line is not a route.',
      noRoutes: 'No routes found. Paste the output of `ip route`.',
      summary: '{{n}} route(s), no default route',
      summaryDefault: '{{n}} route(s); default via {{gw}}',
      summaryRejected:
        'ip route get: the kernel refuses source {{from}} arriving on {{iif}} (Invalid cross-device link: reverse-path check)',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'ip-neigh': {
      badLine: 'This line is not a neighbour entry of `ip neigh show`.',
      noEntries: 'No neighbour entries found. Paste the output of `ip neigh show`.',
      summary:
        'ip neigh: {{n}} entries (IPv4 {{ipv4}}, IPv6 {{ipv6}}); FAILED {{failed}}, INCOMPLETE {{incomplete}}, STALE {{stale}}; most on {{devices}}',
      countSummary: 'neighbour entries counted by `{{command}}`: {{n}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'ping-mtu': {
      badLine: 'This line is not ping output.',
      noPing: 'No ping output found. Paste the output of `ping -M do -s 1472 -c 3 HOST`.',
      summary:
        'ping {{target}}: {{sent}} sent, {{received}} received, {{loss}}% packet loss ({{n}} run(s), {{ok}} with replies); no MTU reported',
      summaryMtu:
        'ping {{target}}: {{sent}} sent, {{received}} received, {{loss}}% packet loss; the path MTU reported is {{mtu}}',
      summaryUnreachable:
        'ping {{target}}: {{sent}} sent, {{received}} received, {{loss}}% packet loss; {{unreachable}} “Destination Unreachable” from {{from}} instead of replies',
      summaryNoStats:
        'ping {{target}}: {{n}} run(s), {{ok}} with replies, {{lost}} reported unanswered; no statistics line (interrupted before the end?)',
      summaryMtuNoStats:
        'ping {{target}}: {{n}} run(s); the path MTU reported is {{mtu}}; no statistics line',
      summaryUnreachableNoStats:
        'ping {{target}}: {{unreachable}} “Destination Unreachable” from {{from}} instead of replies; no statistics line',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    tcpdump: {
      badLine: 'This line is not a tcpdump packet line (it may be a wrapped one).',
      noPackets:
        'No packets found. Paste the text output of `tcpdump -nn -i any port PORT` (not a .pcap file).',
      summary:
        '{{n}} packet(s): {{syn}} SYN, {{synAck}} SYN-ACK, {{rst}} RST; {{unanswered}} flow(s) with SYNs and no answer',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    ss: {
      badLine: 'This line is not an ss socket row.',
      noSockets: 'No sockets found. Paste the output of `ss -tanp` (or `ss -ltnp`, `ss -s`).',
      summary: '{{n}} socket(s): {{top}}; {{listeners}} listening',
      summaryTotals:
        'ss -s: {{total}} sockets, {{estab}} TCP established, {{timewait}} in TIME-WAIT',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'firewall-cmd': {
      badLine: 'This line is not part of `firewall-cmd --list-all` output.',
      noZones: 'No firewalld zone found. Paste the output of `firewall-cmd --list-all`.',
      summary: '{{n}} firewalld zone(s); {{zone}}: target {{target}}, ports {{ports}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'resolv-conf': {
      badLine: 'This line is not a resolv.conf directive.',
      noDirectives:
        'No nameserver, search or options lines found. Paste the output of `cat /etc/resolv.conf`.',
      summary: 'resolv.conf: nameserver {{nameservers}}; search {{search}}; ndots {{ndots}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'dns-answer': {
      badLine: 'This line is not part of an nslookup, dig or host answer.',
      noAnswer: 'No DNS answer found. Paste the output of `nslookup NAME` or `dig NAME`.',
      summary: 'DNS answer from {{server}}: {{n}} record(s) {{answers}}',
      summaryFailed: 'DNS query to {{server}} failed: {{status}}',
      summaryNoServer: 'DNS answer: {{n}} record(s) {{answers}}',
      summaryNxdomainWithRecords:
        'DNS query to {{server}}: NXDOMAIN (the name does not exist), with {{n}} record(s) beside it {{answers}}',
      summaryFailedNoServer: 'DNS query failed: {{status}}',
      summaryNxdomainWithRecordsNoServer:
        'DNS query: NXDOMAIN (the name does not exist), with {{n}} record(s) beside it {{answers}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    deltas: {
      none: 'No counter changed between the two pastes.',
      summary: '{{changes}} between the two pastes ({{n}} counter(s) changed)',
      summaryTimed: '{{changes}} in {{seconds}} s ({{n}} counter(s) changed)',
    },
    'ingress-nginx-log': {
      notALogLine:
        'This line is not an ingress-nginx log line (nginx error, access or controller log).',
      noLines:
        'No ingress-nginx log lines found. Paste the output of `kubectl -n ingress-nginx logs <controller pod>`.',
      mostlyNotLog:
        'Only {{log}} of the lines are ingress-nginx log lines and {{other}} are something else. Paste the controller log on its own.',
      summary:
        'ingress-nginx log: no upstream errors; {{access}} access line(s), {{fiveXX}} with 5xx',
      summaryErrors:
        'ingress-nginx log: {{errors}} error(s) ({{counts}}); {{access}} access line(s), {{fiveXX}} with 5xx',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'proxy-log': {
      notALogLine:
        'This line is not a line of an Envoy (Istio, Contour) access log or a Traefik log.',
      noLines:
        'No Envoy or Traefik log lines found. Paste the output of `kubectl logs <gateway or traefik pod>`.',
      mostlyNotLog:
        'Only {{log}} of the lines are proxy log lines and {{other}} are something else. Paste the proxy log on its own.',
      summary:
        'Envoy/Traefik log: no upstream errors; {{access}} access line(s), {{fiveXX}} with 5xx',
      summaryErrors:
        'Envoy/Traefik log: {{errors}} upstream error(s) ({{counts}}); {{access}} access line(s), {{fiveXX}} with 5xx',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'cni-log': {
      notALogLine: 'This line is not a line of the CNI agent’s log (flannel, calico-node, cilium).',
      noLines:
        'No CNI agent log lines found. Paste the output of `kubectl -n kube-system logs <calico-node / kube-flannel / cilium pod>`.',
      mostlyNotLog:
        'Only {{log}} of the lines are CNI agent log lines and {{other}} are something else. Paste the agent’s log on its own.',
      summary: '{{cni}} log, {{n}} line(s), no warnings or errors',
      summaryErrors: '{{cni}} log, {{n}} line(s): {{counts}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'calico-bgp': {
      badLine:
        'This line is not part of `calicoctl node status` or `birdcl show protocols` output.',
      badRow:
        'This row of the BGP peer table does not have the five cells PEER ADDRESS, PEER TYPE, STATE, SINCE, INFO.',
      noStatus:
        'No Calico BGP status found. Paste the output of `sudo calicoctl node status` run on the node (or `birdcl -s /var/run/calico/bird.ctl show protocols` in its calico-node pod).',
      summary: '{{tool}}: {{n}} BGP peer(s), all Established',
      summaryDown: '{{tool}}: {{down}} of {{n}} BGP peer(s) not Established: {{peers}}',
      summaryNotRunning:
        'calicoctl node status: Calico process is not running (calicoctl found no calico-node process where it ran)',
      summaryNoPeers: '{{tool}}: no BGP peer listed ({{notes}})',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'cilium-status': {
      badLine: 'This line is not part of `cilium-dbg status` or `cilium status` output.',
      noStatus:
        'No Cilium status found. Paste the output of `kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg status --verbose` (or `cilium status` from the CLI).',
      summaryAgent:
        'cilium-dbg status: Cilium {{cilium}}, KubeProxyReplacement {{kpr}}, controllers {{controllers}} healthy, cluster health {{health}} reachable',
      summaryAgentFailing:
        'cilium-dbg status: Cilium {{cilium}}, KubeProxyReplacement {{kpr}}, controllers {{controllers}} healthy, cluster health {{health}} reachable; {{n}} failing: {{failing}}',
      summaryCli: 'cilium status: Cilium {{cilium}}, Operator {{operator}}; ready: {{workloads}}',
      summaryCliErrors:
        'cilium status: Cilium {{cilium}}, Operator {{operator}}; ready: {{workloads}}; {{n}} error(s): {{failing}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'cilium-service': {
      badLine: 'This line is not a row of `cilium-dbg service list`.',
      backendWithoutFrontend: 'A backend row without the frontend row above it.',
      noServices:
        'No service found. Paste the output of `kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg service list`.',
      summary:
        'cilium service list: {{n}} frontend(s), {{backends}} backend(s), every frontend has backends; {{inactive}} backend(s) not active',
      summaryEmpty:
        'cilium service list: {{n}} frontend(s), {{empty}} without backends ({{examples}}); {{inactive}} backend(s) not active',
      summaryNone: 'cilium service list: the table is empty (no service at all)',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'cilium-bpf-lb': {
      badLine: 'This line is not an entry of `cilium-dbg bpf lb list`.',
      entryWithoutFrontend: 'An entry without the service address row above it.',
      noFrontends:
        'No load-balancing entry found. Paste the output of `kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg bpf lb list`.',
      otherListing:
        'This is `bpf lb list` with `--frontends`, `--backends`, `--revnat` or `--source-ranges`: IDs without their services. Paste `cilium-dbg bpf lb list` without options instead.',
      summary:
        'cilium bpf lb list: {{n}} frontend(s), {{backends}} backend slot(s), every frontend has backends',
      summaryEmpty:
        'cilium bpf lb list: {{n}} frontend(s), {{empty}} without backends ({{examples}})',
      summaryNone: 'cilium bpf lb list: the map is empty',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'cilium-monitor': {
      badLine: 'This line is not an event of `cilium-dbg monitor` or a flow of `hubble observe`.',
      noEvents:
        'No drop or flow found. Paste the output of `kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg monitor --type drop` (stopped after the failing request) or `hubble observe --verdict DROPPED`.',
      summary: '{{tool}}: {{n}} drop(s): {{reasons}}',
      summaryNone: '{{tool}}: no drops among {{events}} event(s)',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'kubectl-get': {
      notARow: 'This line does not fit the columns of the table above it.',
      kubectlError: 'kubectl answered with an error: {{error}}',
      noHeader:
        'The table has no header line (filtered with grep?); the columns were taken from the command: {{columns}}.',
      noHeaderShape:
        'The table has no header line (filtered with grep?); its rows have the shape of {{resource}} rows: {{columns}}.',
      trailing: 'The table ends before this line; the text from here on was not read.',
      noRows:
        'No table rows found. Paste the output of `kubectl get pods -o wide` (or svc, ep, nodes) with its header line.',
      mostlyNotTable:
        'Only {{rows}} line(s) are rows of a kubectl table and {{other}} are something else. Paste the `kubectl get` output on its own.',
      summary: 'kubectl get: {{rows}} row(s) of {{kinds}}',
      summaryAttention:
        'kubectl get: {{rows}} row(s) of {{kinds}}; not ready: {{notReady}}; most restarts: {{restarts}}; without endpoints: {{noEndpoints}}',
      summaryNone: 'kubectl get: no resources found',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'k8s-object': {
      fragment:
        'Fields without their object (a grep of `-o yaml`): read as part of {{object}}. Paste the whole object for the rest of it.',
      tooLarge:
        'The paste is larger than {{max}} MB. Paste one object (`kubectl get KIND NAME -o yaml`) or filter with `-l`.',
      flattened:
        'The YAML lost its indentation (line {{line}}: `{{key}}:` has nothing nested under it), as blogs and chats do. Paste `kubectl get KIND NAME -o yaml` (or `-o json`) as the terminal shows it.',
      aliasBomb:
        'Line {{line}}: the YAML uses more than {{max}} aliases (`*name`). kubectl never writes aliases; this looks like an alias bomb and was not read.',
      tooDeep: 'Line {{line}}: the document nests deeper than {{max}} levels and was not read.',
      yamlTab: 'Line {{line}}: YAML cannot be indented with tabs.',
      yamlIndent: 'Line {{line}}: the indentation does not fit the lines above it.',
      yamlNotKey: 'Line {{line}}: expected a `key: value` line here.',
      yamlSyntax: 'Line {{line}}: this is not YAML that could be read.',
      jsonSyntax: 'Line {{line}}: this is not valid JSON.',
      trailing: 'The object ends before this line; the text from here on was not read.',
      noObjects:
        'No Kubernetes object (with `apiVersion` and `kind`) found. Paste `kubectl get KIND NAME -o yaml`.',
      summary: '{{n}} object(s): {{objects}}',
    },
    'kubectl-describe': {
      badLine: 'This line could not be read.',
      badEvent: 'This line of the Events table could not be read.',
      nothing:
        'Nothing of `kubectl describe` found (no Name, containers or events). Paste the whole `kubectl describe pod NAME` output.',
      summary:
        'kubectl describe {{object}} {{name}}: {{events}} event(s), {{warnings}} warning(s); most restarts {{restarts}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'nginx-tls': {
      notASetting: 'This line is neither an nginx directive nor a ConfigMap setting.',
      noTls:
        'No TLS setting found (ssl_protocols, ssl_ciphers, http2, use-http2) and no browser error. Paste the ingress-nginx ConfigMap data or the server block.',
      mostlyNotConfig:
        'Only {{config}} of the lines are nginx or ConfigMap settings and {{other}} are something else. Paste the settings on their own.',
      summary:
        'TLS settings: protocols {{protocols}}; {{ciphers}} cipher(s); HTTP/2 {{http2}}; browser error {{browser}}',
      summaryGoHttp2: 'The server refused HTTP/2 with its cipher list: {{error}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'curl-v': {
      nothing:
        'No curl output found. Paste the whole `curl -v URL` output together with the command line.',
      summary: 'curl {{target}}: {{outcome}}; HTTP status {{status}}; {{error}}',
      summaryRedirected:
        'curl {{target}} (after {{hops}} redirect(s) from {{first}}): {{outcome}}; HTTP status {{status}}; {{error}}',
    },
  },
};
