/** Comments inside fix snippets (`# @{key}` in a rule's fix), so a Chinese screen gets Chinese comments. */
export default {
  fix: {
    tw: {
      removeOld:
        "also remove any 'net.ipv4.tcp_tw_recycle = 1' line from /etc/sysctl.conf and /etc/sysctl.d/*.conf",
      runTwice: 'run it twice; the counters must stop growing',
      never: 'never set it back to 1 on a host that NATed clients reach',
    },
    forward: {
      docker:
        "Docker sets FORWARD to DROP when it starts: keep kube-proxy's KUBE-FORWARD and the CNI's accept rules in place",
      counter: 'the policy counter must stop growing',
    },
    kubeProxy: {
      why: 'find out why it stopped syncing, before it happens again:',
      noRollback: 'nothing to roll back: restarting kube-proxy only re-creates the rules it owns',
    },
    etp: {
      where: 'where do the ready pods of the service run? this node needs one:',
      either:
        'either run a ready pod on every node the load balancer sends to (DaemonSet, topology spread), or let every node forward:',
      orPool: 'or take nodes without a local pod out of the pool with the health-check node port:',
      empty: 'must print nothing',
    },
    clash: { who: 'who holds the port? restart that process, then kube-proxy' },
  },
};
