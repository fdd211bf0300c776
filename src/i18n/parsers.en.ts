/** English texts of the output parsers' messages (`parse.*`: every kind, and the registry's own). */
export default {
  parse: {
    collectorNote: 'The collector could not run this on the node ({{note}}).',
    empty: 'The paste is empty.',
    unknown:
      'Not a command output the wizard knows (it starts with “{{first}}”). Paste the output of the command shown above.',
    tooBig: 'The paste is larger than {{max}} MB; paste a filtered part.',
    failed: 'The paste could not be read: {{error}}',
    'iptables-L': {
      notARule: 'Not a rule line of `iptables -L`.',
      noChains: 'No `Chain NAME (policy ...)` line: not `iptables -L` output.',
      summary: 'iptables -L: {{chains}} chain(s), {{rules}} rule(s)',
      summaryForward:
        'iptables -L: {{chains}} chain(s), {{rules}} rule(s); FORWARD policy {{policy}} ({{packets}} packets)',
    },
    nearMiss: {
      nft: 'This is `nft list ruleset`. Paste `iptables-save` (iptables-nft-save on nft hosts) instead.',
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
      moreProblems: '…and {{n}} more lines that could not be read.',
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
      summary:
        '{{format}} output, {{rules}} rule(s) in {{chains}} chain declaration(s); tables: {{tables}}',
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
  },
};
