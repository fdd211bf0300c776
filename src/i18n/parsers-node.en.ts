/** English texts of the node/kernel-side parsers' messages (`parse.<kind>.*`). */
export default {
  parse: {
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
        'IPVS table: {{services}} virtual service(s), {{reals}} real server(s); {{empty}} without any real server',
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
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'ping-mtu': {
      badLine: 'This line is not ping output.',
      noPing: 'No ping output found. Paste the output of `ping -M do -s 1472 -c 3 HOST`.',
      summary: '{{n}} ping run(s), {{ok}} with replies; no MTU reported',
      summaryMtu: '{{n}} ping run(s); the path MTU reported is {{mtu}}',
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
      badLine: 'This line is not part of an nslookup or dig answer.',
      noAnswer: 'No DNS answer found. Paste the output of `nslookup NAME` or `dig NAME`.',
      summary: 'DNS answer from {{server}}: {{n}} record(s) {{answers}}',
      summaryFailed: 'DNS query to {{server}} failed: {{status}}',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    deltas: {
      none: 'No counter changed between the two pastes.',
      summary: '{{changes}} between the two pastes ({{n}} counter(s) changed)',
      summaryTimed: '{{changes}} in {{seconds}} s ({{n}} counter(s) changed)',
    },
    nearMiss: {
      conntrackEvents:
        'This is `conntrack -E` (a stream of events). Paste the table, `conntrack -L`, or the statistics, `conntrack -S`.',
      conntrackRoot:
        'conntrack refused: it needs root (CAP_NET_ADMIN). Run it with sudo on the node, or in a privileged pod with hostNetwork.',
      ipvsUnavailable:
        'ipvsadm could not talk to IPVS: the ip_vs kernel module is not loaded on this node (or the command ran without root). Paste `lsmod | grep ip_vs` and the kube-proxy log.',
      dmesgDenied:
        'dmesg refused to read the kernel log (kernel.dmesg_restrict). Run `sudo dmesg -T`, or `journalctl -k`.',
      netstatSockets:
        'This is the socket list of `netstat -an`. Paste `ss -tanp` for sockets, or `netstat -s` for the kernel counters.',
      ethtoolOther:
        'This is `ethtool IFACE` (link settings) or `ethtool -S` (statistics). Paste `ethtool -k IFACE` for the offload features.',
      ifconfig:
        'This is `ifconfig`. Paste `ip -d addr` instead: it shows tunnel types and all addresses.',
      routeN: 'This is `route -n`. Paste `ip route` instead.',
    },
  },
};
