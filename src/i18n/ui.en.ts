/** Interface text, symptom classes, tree steps, output kinds and generic parse messages. */
export default {
  app: {
    name: 'net-triage',
    tagline: 'Kubernetes network incident triage',
    language: 'Language',
    startOver: 'Start over',
    skipToContent: 'Skip to content',
    privacy: 'Everything you paste stays in this browser.',
  },
  start: {
    title: 'What do you see?',
    intro:
      'Pick the symptom. Each step says what to run and where; paste the output and the wizard reads it.',
    example: 'Try an example',
    exampleHint:
      'A real NodePort incident (tcp_tw_recycle on a 3.10 kernel), walked to its diagnosis.',
    pasteTitle: 'Paste everything',
    pasteHint:
      'Several command outputs at once, with their prompts or `==> COMMAND <==` headers: each part is recognised and diagnosed.',
    pasteLabel: 'Command outputs',
    analyse: 'Analyse',
    guided: 'Guided steps',
    evidenceOnly: 'Paste and diagnose',
  },
  symptom: {
    'nodeport-one-node': {
      title: 'A NodePort works on other nodes but not on this one',
      detail: 'curl or telnet to nodeIP:nodePort hangs or is reset on one node only.',
    },
    'clusterip-ipvs-timeout': {
      title: 'ClusterIP times out in IPVS mode, pod IP works',
      detail: 'curl ClusterIP:port times out while curl podIP:targetPort answers.',
    },
    'pod-external-intermittent': {
      title: 'Pods reach an outside service only sometimes',
      detail:
        'A database, VM, registry or the internet answers pods intermittently, or not at all.',
    },
    'ingress-5xx': {
      title: 'The ingress returns 5xx or the browser refuses the site',
      detail: 'Requests through ingress-nginx get 502/503/504, or HTTPS fails in the browser.',
    },
  },
  step: {
    of: 'Step {{n}}',
    continue: 'Continue',
    back: 'Back',
    change: 'Change',
    skip: 'Skip, I can’t run this',
    skipped: 'skipped',
    autoSkipped: 'already answered by earlier evidence',
    trail: 'So far',
    runOn: 'Run on {{where}}',
    copy: 'Copy',
    copied: 'Copied',
    pasteLabel: 'Paste the output here',
    pastePlaceholder:
      'Paste the whole output, prompt included if you like. You can also drop a file here.',
    parsing: 'Reading the output…',
    recognised: 'Recognised: {{kind}}',
    partial: 'Partly read: {{kind}}',
    rejected: 'Not understood',
    problems: '{{count}} line(s) could not be read',
    wantedOther: 'This step asks for {{wanted}}; the paste still counts as evidence.',
    invalid: {
      nodeport: 'Enter a port number between 1 and 65535.',
      port: 'Enter a port number between 1 and 65535.',
      ipv4: 'Enter an IPv4 address such as 10.0.0.12.',
      host: 'Enter a node name as `kubectl get nodes` shows it.',
      name: 'Enter a lower-case Kubernetes name.',
    },
    outsideRange:
      'This port is outside the default NodePort range 30000–32767: fine if your cluster uses a custom range.',
  },
  where: {
    'bad-node': 'the node that fails',
    'good-node': 'a node that works',
    client: 'the client',
    'target-server': 'the target server',
    'in-pod': 'a pod that fails',
    kubectl: 'any machine with kubectl',
  },
  kind: {
    sysctl: 'sysctl output',
    'netstat-s': 'netstat -s / nstat counters',
    'iptables-save': 'iptables-save / iptables -S',
    'kube-proxy-log': 'kube-proxy log',
    'iptables-L': 'iptables -L',
    nft: 'nft list ruleset',
  },
  tree: {
    'nodeport-one-node': {
      port: {
        title: 'Which NodePort fails?',
        help: 'The port after the colon in `kubectl get svc` (for example 80:31710/TCP).',
      },
      node: {
        title: 'Which node does not answer?',
        help: 'Its name as `kubectl get nodes` shows it; commands below are filled in with it.',
      },
      mode: {
        title: 'Which mode does kube-proxy run in?',
        help: '`kubectl -n kube-system get cm kube-proxy -o yaml | grep mode` tells; an empty mode means iptables. Not sure? The kube-proxy log in the next step says it.',
        options: { iptables: 'iptables', ipvs: 'IPVS', unknown: 'I don’t know' },
      },
      'proxy-log': {
        title: 'What does kube-proxy on that node say?',
        help: 'Errors here mean the node’s rules may be missing or stale; the log also tells the proxy mode.',
      },
      'nat-rules': {
        title: 'Are the NodePort’s rules on the node?',
        help: 'The whole dump, not a grep: the wizard looks for KUBE-NODEPORTS, externalTrafficPolicy drops and the FORWARD policy.',
      },
      kernel: {
        title: 'Which kernel settings drop connections?',
        help: 'tcp_tw_recycle drops SYNs from clients behind NAT; ip_forward=0 stops forwarding; the local port range can steal NodePorts. A key the kernel lacks is fine.',
      },
      counters: {
        title: 'Is the kernel dropping SYNs?',
        help: 'Run it while a client retries. “passive connections rejected because of time stamp” and “SYNs to LISTEN sockets dropped” growing confirm SYN drops.',
      },
      verdict: { title: 'Diagnosis' },
    },
    generic: {
      evidence: {
        title: 'Paste what you have collected',
        help: 'Any outputs the wizard knows (sysctl, netstat -s, iptables-save, kube-proxy logs…), one after another with their prompts. Guided steps for this symptom are on the way.',
      },
      verdict: { title: 'Diagnosis' },
    },
  },
  cond: {
    found: 'found: {{cause}}',
    otherwise: 'otherwise',
    'proxy-mode-ipvs': 'kube-proxy runs IPVS',
  },
  flowchart: {
    show: 'Show the flowchart',
    hide: 'Hide the flowchart',
    title: 'Flowchart of this investigation',
    loading: 'Drawing the flowchart…',
    failed: 'The flowchart could not be drawn: {{error}}',
    legend: 'Blue: the path taken (click a step to go back to it). Yellow: where you are.',
  },
  diagnosis: {
    title: 'Diagnosis',
    findings: 'Findings',
    none: 'None of the causes this path checks is supported by what you pasted.',
    confidence: { high: 'High confidence', medium: 'Medium confidence', low: 'Low confidence' },
    evidence: 'Evidence',
    line: 'line {{n}}',
    why: 'Why it matters',
    fix: 'Fix',
    fixPart: {
      now: 'Apply now',
      persist: 'Make it persistent',
      verify: 'Verify',
      rollback: 'Roll back',
    },
    risk: 'Risk',
    notTheCause: 'Not the cause:',
    copyMarkdown: 'Copy as Markdown',
    downloadMarkdown: 'Download .md',
    healthy: 'Checked and healthy',
    notApplicable: 'Does not apply here',
    unexamined: 'Not examined (no evidence pasted for it)',
    collect: 'What to collect next',
    skippedNote: 'You skipped {{count}} step(s): this diagnosis rests on less evidence.',
    inputs: 'What was read',
    running: 'Diagnosing…',
  },
  parse: {
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
  },
  notFound: { title: 'Page not found', back: 'Back to the start' },
};
