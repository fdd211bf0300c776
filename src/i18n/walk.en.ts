/** The packet walk: its panel in the wizard, its diagram and `triage walk`'s listing. */
export default {
  walk: {
    title: 'Walk a packet through these rules',
    intro:
      'Follows one packet through the rules pasted here, in the order the kernel runs them, and shows where it goes and which line decides.',
    packet: 'Packet',
    packetHint: 'protocol, source and destination: `tcp 192.168.1.20:40000 -> 10.0.0.5:31610`',
    packetInvalid:
      'Not a packet. Write it as `tcp SOURCE:PORT -> DESTINATION:PORT` (udp, sctp and icmp too).',
    nodeAddresses: 'Node addresses',
    nodeAddressesHint:
      'The node’s own addresses, comma-separated: they decide `addrtype LOCAL`. Taken from a pasted `ip addr` when there is one.',
    nodeAddressesInvalid: 'Not a list of addresses.',
    inIface: 'Arrives on interface (optional)',
    local: 'Sent from the node itself',
    run: 'Walk it',
    walking: 'Walking the packet…',
    failed: 'The walk could not run: {{error}}',
    noRules:
      'No rules to walk in these pastes: paste `iptables-save`, `iptables -L -n -v`, `nft list ruleset` or `ipvsadm -Ln`.',
    verdictLabel: 'Verdict',
    verdict: {
      dnat: 'translated (DNAT) to the endpoints below',
      accept: 'accepted on the node',
      forward: 'forwarded by the node',
      drop: 'dropped',
      reject: 'rejected',
      unknown: 'cannot be told from these rules',
    },
    headline: {
      dnat: 'A packet {{packet}} is sent to {{endpoints}}.',
      accept: 'A packet {{packet}} is accepted on the node.',
      forward: 'A packet {{packet}} is forwarded by the node unchanged.',
      drop: 'A packet {{packet}} is dropped by line {{line}} ({{source}}): `{{rule}}`',
      reject: 'A packet {{packet}} is rejected by line {{line}} ({{source}}): `{{rule}}`',
      unknown: 'Where a packet {{packet}} goes cannot be told from these rules.',
      split: 'A packet {{packet}} goes different ways: see each branch.',
    },
    endpoints: 'Endpoints',
    branch: 'Branch {{n}} ({{p}})',
    masquerade: 'source masqueraded',
    unknownAt: 'Not decidable here: {{why}}',
    hops: 'Rules it passed',
    hop: '{{table}} {{chain}}, line {{line}}: {{action}}',
    decided: 'decides',
    diagram: 'As a diagram',
    list: 'As a list',
    notes: 'Notes',
    redacted:
      'The addresses here are stand-ins (the link was redacted): each stands for one real address, but not for its place in a range, so a rule on a range such as 10.0.0.0/8 may match differently than on the sender’s node.',
    packets: '{{n}} packet(s) counted',
  },
};
