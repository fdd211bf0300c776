import { defineTree, evidence, outcome, question } from '../engine/tree';

/**
 * A NodePort answers on other nodes but not on this one (seed 000). Order: what kube-proxy
 * did on this node, then whether its rules exist, then the kernel settings that drop SYNs.
 */
export const nodeportOneNode = defineTree('nodeport-one-node', {
  start: 'port',
  nodes: {
    port: question({ var: 'port', input: { kind: 'value', validate: 'nodeport', next: 'node' } }),
    node: question({ var: 'node', input: { kind: 'value', validate: 'host', next: 'mode' } }),
    mode: question({
      var: 'mode',
      input: {
        kind: 'choice',
        options: { iptables: 'proxy-log', ipvs: 'proxy-log', unknown: 'proxy-log' },
      },
    }),
    'proxy-log': evidence({
      wants: ['kube-proxy-log'],
      command: 'kube-proxy-log',
      where: 'kubectl',
      next: { branch: [{ if: 'proxy-mode-ipvs', go: 'kernel' }], otherwise: 'nat-rules' },
    }),
    'nat-rules': evidence({
      wants: ['iptables-save'],
      command: 'iptables-save',
      where: 'bad-node',
      next: 'kernel',
    }),
    kernel: evidence({
      wants: ['sysctl'],
      command: 'sysctl-nodeport',
      where: 'bad-node',
      next: 'counters',
    }),
    counters: evidence({
      wants: ['netstat-s'],
      command: 'netstat-s',
      where: 'bad-node',
      next: 'verdict',
    }),
    verdict: outcome({
      causes: [
        'kube-proxy-rules-missing',
        'etp-local-no-endpoint',
        'tcp-tw-recycle-nat',
        'forward-drop',
        'nodeport-port-range-clash',
      ],
      collect: ['tcpdump-nodeport', 'kubectl-endpoints', 'ipvsadm'],
    }),
  },
});
