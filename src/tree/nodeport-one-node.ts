import { causesOf } from '../catalog/causes';
import { defineTree, evidence, outcome, question } from '../engine/tree';
import { ciliumSteps, rulesStep } from './steps';

/**
 * A NodePort answers on other nodes but not on this one (seed 000). Order: is kube-proxy
 * there and what did it do on this node, are its rules there (missing rules end the search
 * early), then the kernel settings and counters that drop SYNs, then what the wire shows.
 */
export const nodeportOneNode = defineTree('nodeport-one-node', {
  start: 'port',
  compares: true,
  nodes: {
    port: question({ var: 'port', input: { kind: 'value', validate: 'nodeport', next: 'node' } }),
    node: question({ var: 'node', input: { kind: 'value', validate: 'host', next: 'mode' } }),
    mode: question({
      var: 'mode',
      input: {
        kind: 'choice',
        options: {
          iptables: 'pods',
          ipvs: 'pods',
          nftables: 'pods',
          replaced: 'pods',
          unknown: 'pods',
        },
      },
    }),
    pods: evidence({
      wants: ['kubectl-get'],
      command: 'kube-system-pods-node',
      where: 'kubectl',
      // No kube-proxy under Cilium's replacement: its agent holds the Service frontends.
      next: { branch: [{ if: 'proxy-replaced', go: 'cilium-status' }], otherwise: 'proxy-log' },
    }),
    'proxy-log': evidence({
      wants: ['kube-proxy-log'],
      command: 'kube-proxy-log',
      where: 'kubectl',
      next: {
        branch: [
          { if: 'proxy-mode-ipvs', go: 'ipvs-table' },
          { if: 'proxy-mode-nftables', go: 'nft-rules' },
        ],
        otherwise: 'nat-rules',
      },
    }),
    // On iptables-nft hosts `nft list ruleset` shows the same tables.
    'nat-rules': rulesStep(
      ['iptables-save', 'iptables-L', 'nft'],
      'iptables-save',
      ['kube-proxy-rules-missing', 'etp-local-no-endpoint'],
      'verdict-rules',
      'kernel',
    ),
    'nft-rules': rulesStep(
      ['nft'],
      'nft-ruleset',
      ['kube-proxy-rules-missing', 'etp-local-no-endpoint', 'service-no-endpoints'],
      'verdict-rules',
      'kernel',
    ),
    ...ciliumSteps('verdict-rules', 'kernel'),
    'ipvs-table': evidence({
      wants: ['ipvsadm'],
      command: 'ipvsadm',
      where: 'bad-node',
      next: {
        branch: [{ if: 'found:kube-proxy-rules-missing', go: 'verdict-rules' }],
        otherwise: 'kernel',
      },
    }),
    kernel: evidence({
      wants: ['sysctl', 'uname'],
      command: 'sysctl-nodeport',
      where: 'bad-node',
      next: 'counters',
    }),
    counters: evidence({
      wants: ['netstat-s'],
      command: 'netstat-s',
      where: 'bad-node',
      next: 'kernel-log',
    }),
    'kernel-log': evidence({
      wants: ['kernel-log'],
      command: 'dmesg',
      where: 'bad-node',
      next: 'capture',
    }),
    capture: evidence({
      wants: ['tcpdump'],
      command: 'tcpdump-nodeport',
      where: 'bad-node',
      next: 'verdict',
    }),
    'verdict-rules': outcome({
      causes: [
        'kube-proxy-rules-missing',
        'etp-local-no-endpoint',
        'service-no-endpoints',
        'iptables-backend-mismatch',
        'nodeport-port-range-clash',
        'forward-drop',
        'host-firewall-blocks',
        'cilium-kpr-frontend-missing',
        'cilium-policy-drop',
      ],
      collect: ['kube-proxy-log', 'kubectl-endpoints'],
    }),
    verdict: outcome({
      causes: causesOf('nodeport-one-node'),
      collect: ['ip-addr', 'firewall-cmd', 'conntrack-L'],
    }),
  },
});
