/** English texts of the Kubernetes- and ingress-side parsers (`parse.<kind>.*`, their near misses). */
export default {
  parse: {
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
    'kubectl-get': {
      notARow: 'This line does not fit the columns of the table above it.',
      kubectlError: 'kubectl answered with an error: {{error}}',
      noHeader:
        'The table has no header line (filtered with grep?); the columns were taken from the command: {{columns}}.',
      trailing: 'The table ends before this line; the text from here on was not read.',
      noRows:
        'No table rows found. Paste the output of `kubectl get pods -o wide` (or svc, ep, nodes) with its header line.',
      mostlyNotTable:
        'Only {{rows}} line(s) are rows of a kubectl table and {{other}} are something else. Paste the `kubectl get` output on its own.',
      summary: 'kubectl get: {{rows}} row(s) of {{kinds}}',
      summaryNone: 'kubectl get: no resources found',
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'k8s-object': {
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
      moreProblems: '…and {{n}} more lines that could not be read.',
    },
    'curl-v': {
      nothing:
        'No curl output found. Paste the whole `curl -v URL` output together with the command line.',
      summary: 'curl {{target}}: {{outcome}}; HTTP status {{status}}; {{error}}',
    },
    nearMiss: {
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
    },
  },
};
