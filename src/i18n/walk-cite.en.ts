/** What a finding says of the packet walk that corroborates or rules out its cause. */
export default {
  walkCite: {
    drop: 'A packet from outside the cluster to {{target}} is dropped by line {{line}}: `{{rule}}`',
    reject:
      'A packet from outside the cluster to {{target}} is rejected ({{with}}) by line {{line}}: `{{rule}}`',
    untranslated:
      'A packet from outside the cluster to {{target}} passes kube-proxy’s Service rules without being translated: no rule sends it to a Pod, and the node itself takes it (line {{line}}: `{{rule}}`).',
    dnat: 'A packet from outside the cluster to {{target}} is sent to {{endpoints}} (line {{line}}: `{{rule}}`): kube-proxy’s rules for it are there and have endpoints.',
  },
};
