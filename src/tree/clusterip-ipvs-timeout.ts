import { causesOf } from '../catalog/causes';
import { defineTree, evidence, outcome, question } from '../engine/tree';
import { ciliumSteps, rulesStep } from './steps';

/**
 * ClusterIP:port times out while podIP:targetPort works (seed 003: IPVS mode; iptables and
 * nftables modes take their own rule check). Order: pod IP first (a broken pod network is
 * another search), then kube-proxy's mode and modules, its table for the Service, and only for
 * "remote pods only" the VXLAN offload bug.
 */
export const clusteripIpvsTimeout = defineTree('clusterip-ipvs-timeout', {
  start: 'vip',
  compares: true,
  nodes: {
    vip: question({ var: 'vip', input: { kind: 'value', validate: 'ipv4', next: 'vport' } }),
    vport: question({ var: 'vport', input: { kind: 'value', validate: 'port', next: 'podip' } }),
    podip: question({
      var: 'podip',
      input: { kind: 'choice', options: { works: 'node', fails: 'cni-pods', untested: 'node' } },
    }),
    'cni-pods': evidence({
      wants: ['kubectl-get', 'cni-log'],
      command: 'kube-system-pods',
      where: 'kubectl',
      next: { branch: [{ if: 'found:cni-unhealthy', go: 'verdict-podnet' }], otherwise: 'pod-net' },
    }),
    'pod-net': evidence({
      wants: ['sysctl', 'ip-addr'],
      command: 'sysctl-ipvs',
      where: 'bad-node',
      next: 'verdict-podnet',
    }),
    node: question({ var: 'node', input: { kind: 'value', validate: 'host', next: 'mode' } }),
    mode: question({
      var: 'mode',
      input: {
        kind: 'choice',
        options: {
          ipvs: 'proxy-log',
          iptables: 'proxy-log',
          nftables: 'proxy-log',
          replaced: 'cilium-status',
          unknown: 'proxy-log',
        },
      },
    }),
    'proxy-log': evidence({
      wants: ['kube-proxy-log'],
      command: 'kube-proxy-log',
      where: 'kubectl',
      // No IPVS at all: the fallback to iptables explains it, the IPVS checks would not.
      next: {
        branch: [
          { if: 'found:ipvs-modules-missing', go: 'verdict-proxy' },
          { if: 'proxy-mode-nftables', go: 'nft-rules' },
          { if: 'proxy-mode-iptables', go: 'nat-rules' },
        ],
        otherwise: 'ipvs-table',
      },
    }),
    'nat-rules': rulesStep(
      ['iptables-save', 'iptables-L', 'nft'],
      'iptables-save',
      ['service-no-endpoints', 'kube-proxy-rules-missing'],
      'verdict-endpoints',
      'pattern',
    ),
    'nft-rules': rulesStep(
      ['nft'],
      'nft-ruleset',
      ['service-no-endpoints', 'kube-proxy-rules-missing'],
      'verdict-endpoints',
      'pattern',
    ),
    ...ciliumSteps('verdict-endpoints', 'pattern'),
    'ipvs-table': evidence({
      wants: ['ipvsadm'],
      command: 'ipvsadm',
      where: 'bad-node',
      next: {
        branch: [
          { if: 'found:ipvs-no-real-servers', go: 'verdict-endpoints' },
          { if: 'found:kube-proxy-rules-missing', go: 'verdict-endpoints' },
        ],
        otherwise: 'pattern',
      },
    }),
    pattern: question({
      var: 'pattern',
      input: {
        kind: 'choice',
        options: {
          remote: 'overlay',
          always: 'kernel',
          'after-idle': 'timeouts',
          unknown: 'kernel',
        },
      },
    }),
    overlay: question({
      var: 'iface',
      input: {
        kind: 'choice',
        options: { 'flannel.1': 'offload', 'vxlan.calico': 'offload', other: 'kernel' },
      },
    }),
    offload: evidence({
      wants: ['ethtool-k'],
      command: 'ethtool-overlay',
      where: 'bad-node',
      next: 'vxlan-log',
    }),
    'vxlan-log': evidence({
      wants: ['kernel-log'],
      command: 'dmesg',
      where: 'receiving-node',
      next: 'kernel',
    }),
    timeouts: evidence({
      wants: ['ipvsadm'],
      command: 'ipvsadm-timeout',
      where: 'bad-node',
      // Only IPVS forgets idle connections on its own timer.
      skipIf: 'proxy-mode-not-ipvs',
      next: 'kernel',
    }),
    kernel: evidence({
      wants: ['sysctl'],
      command: 'sysctl-ipvs',
      where: 'bad-node',
      next: 'kver',
    }),
    kver: evidence({
      wants: ['uname', 'lsmod'],
      command: 'uname',
      where: 'bad-node',
      next: 'ct-stats',
    }),
    'ct-stats': evidence({
      wants: ['conntrack-S'],
      command: 'conntrack-S',
      where: 'bad-node',
      next: 'verdict',
    }),
    'verdict-proxy': outcome({
      causes: ['ipvs-modules-missing', 'kube-proxy-rules-missing', 'iptables-backend-mismatch'],
      collect: ['lsmod-ipvs', 'uname'],
    }),
    'verdict-endpoints': outcome({
      causes: [
        'ipvs-no-real-servers',
        'ipvs-stale-realserver',
        'kube-proxy-rules-missing',
        'service-no-endpoints',
        'cilium-kpr-frontend-missing',
        'cilium-policy-drop',
      ],
      collect: ['endpoints-vip', 'kube-proxy-log'],
    }),
    'verdict-podnet': outcome({
      causes: [
        'cni-unhealthy',
        'mtu-mismatch',
        'br-netfilter-off',
        'forward-drop',
        'host-firewall-blocks',
      ],
      collect: ['ip-addr', 'kube-system-pods'],
    }),
    verdict: outcome({
      causes: causesOf('clusterip-ipvs-timeout'),
      collect: ['tcpdump-vxlan', 'ipvsadm-timeout', 'lsmod-ipvs'],
    }),
  },
});
