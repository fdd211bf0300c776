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
  },
};
