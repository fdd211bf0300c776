/** Why a rule found, ruled out or skipped its cause. */
export default {
  rule: {
    'tcp-tw-recycle-nat': {
      why: 'tcp_tw_recycle is on (with TCP timestamps): SYNs from clients sharing a NAT address are dropped.',
      countersOnly:
        'SYNs were rejected because of TCP timestamps (PAWS); paste the sysctl values to confirm tcp_tw_recycle.',
      off: 'tcp_tw_recycle is 0.',
      noTimestamps:
        'tcp_tw_recycle is 1 but TCP timestamps are off, so the per-peer check never runs.',
      absent: 'The kernel has no tcp_tw_recycle (removed in 4.12).',
      noPawsRejects: 'No connection was rejected because of a timestamp (no PAWSPassive counter).',
    },
    'kube-proxy-rules-missing': {
      present: "kube-proxy's KUBE-NODEPORTS rule for port {{port}} is present.",
      portMissing:
        "The nat table has kube-proxy's chains but no KUBE-NODEPORTS rule for port {{port}}.",
      noKubeChains:
        'The nat table has no KUBE-* chains at all: kube-proxy has not programmed this node (or writes to the other iptables backend).',
      logErrors: 'kube-proxy logs errors that stop it from syncing its rules.',
    },
    'etp-local-no-endpoint': {
      why: 'kube-proxy drops this NodePort\'s traffic on this node: "has no local endpoints".',
      hasLocal: 'The NodePort {{port}} chain sends traffic to endpoints on this node.',
    },
    'forward-drop': {
      ipForwardOff: 'net.ipv4.ip_forward is 0: the node does not route packets to pods.',
      policyDropNoAccept:
        'The FORWARD policy is DROP and nothing (no KUBE-FORWARD, no ACCEPT) lets pod traffic through.',
      policyDropCounting:
        'The FORWARD policy is DROP and its counter shows dropped packets despite the accept rules.',
      forwarding:
        'Forwarding is on: the lines show ip_forward = 1 or a FORWARD policy that accepts.',
    },
    'nodeport-port-range-clash': {
      bindFailed:
        'kube-proxy could not open the NodePort: another process holds it ("address already in use").',
      overlap:
        'The local port range overlaps the NodePort range and the NodePorts are not reserved.',
      noOverlap: 'The local port range does not overlap the NodePort range.',
      reserved: 'The NodePort range is reserved (ip_local_reserved_ports).',
    },
  },
};
