import { causesOf } from '../catalog/causes';
import { defineTree, evidence, outcome, question } from '../engine/tree';

/**
 * Pods reach an outside service only sometimes (seeds 002 and 004). If the node itself
 * fails too, the fault is on the target (often tcp_tw_recycle on an old kernel: SYNs from
 * SNAT'd pods dropped); else walk the node's pod path: CNI, bridge netfilter, conntrack,
 * DNS, MTU, and finally the target anyway.
 */
export const podExternalIntermittent = defineTree('pod-external-intermittent', {
  start: 'target',
  compares: true,
  nodes: {
    target: question({ var: 'target', input: { kind: 'value', validate: 'host', next: 'tport' } }),
    tport: question({
      var: 'tport',
      input: { kind: 'value', validate: 'port', next: 'from-node' },
    }),
    'from-node': question({
      var: 'fromNode',
      input: { kind: 'choice', options: { fails: 'target-sysctl', works: 'cni', untested: 'cni' } },
    }),
    cni: evidence({
      wants: ['kubectl-get', 'cni-log'],
      command: 'kube-system-pods',
      where: 'kubectl',
      next: {
        branch: [{ if: 'found:cni-unhealthy', go: 'verdict-cni' }],
        otherwise: 'node-sysctl',
      },
    }),
    'node-sysctl': evidence({
      wants: ['sysctl'],
      command: 'sysctl-pod-node',
      where: 'bad-node',
      next: 'ct-stats',
    }),
    'ct-stats': evidence({
      wants: ['conntrack-S'],
      command: 'conntrack-S',
      where: 'bad-node',
      next: 'kernel-log',
    }),
    'kernel-log': evidence({
      wants: ['kernel-log'],
      command: 'dmesg',
      where: 'bad-node',
      next: 'by-name',
    }),
    'by-name': question({
      var: 'byName',
      input: { kind: 'choice', options: { yes: 'ns', no: 'mtu' } },
    }),
    ns: question({ var: 'ns', input: { kind: 'value', validate: 'name', next: 'pod' } }),
    pod: question({ var: 'pod', input: { kind: 'value', validate: 'name', next: 'resolv' } }),
    resolv: evidence({
      wants: ['resolv-conf'],
      command: 'resolv-in-pod',
      where: 'in-pod',
      next: 'lookup',
    }),
    lookup: evidence({
      wants: ['dns-answer'],
      command: 'nslookup-in-pod',
      where: 'in-pod',
      next: 'mtu',
    }),
    mtu: evidence({
      wants: ['ping-mtu', 'ip-addr'],
      command: 'ping-mtu',
      where: 'bad-node',
      next: 'target-sysctl',
    }),
    'target-sysctl': evidence({
      wants: ['sysctl', 'uname'],
      command: 'sysctl-target',
      where: 'target-server',
      next: 'target-capture',
    }),
    'target-capture': evidence({
      wants: ['tcpdump'],
      command: 'tcpdump-target',
      where: 'target-server',
      next: 'verdict',
    }),
    'verdict-cni': outcome({
      causes: ['cni-unhealthy', 'br-netfilter-off'],
      collect: ['kube-system-pods', 'sysctl-pod-node'],
    }),
    verdict: outcome({
      causes: causesOf('pod-external-intermittent'),
      collect: ['tcpdump-target', 'conntrack-S', 'ip-route'],
    }),
  },
});
