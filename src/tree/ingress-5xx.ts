import { causesOf } from '../catalog/causes';
import { defineTree, evidence, outcome, question } from '../engine/tree';

/**
 * Requests through ingress-nginx fail (seed 001). The status code picks the search: a
 * browser refusal is TLS/HTTP2 configuration, 502/503/504 are the upstream as nginx saw it
 * (its error log names the reason), and a flapping entry point is the controller being
 * restarted, usually by packet loss on its node (conntrack).
 */
export const ingress5xx = defineTree('ingress-5xx', {
  start: 'ingressns',
  nodes: {
    ingressns: question({
      var: 'ingressns',
      input: { kind: 'value', validate: 'name', next: 'status' },
    }),
    status: question({
      var: 'status',
      input: {
        kind: 'choice',
        options: {
          '502': 'log',
          '503': 'log',
          '504': 'log',
          browser: 'host',
          flapping: 'describe',
        },
      },
    }),
    host: question({ var: 'host', input: { kind: 'value', validate: 'host', next: 'tls' } }),
    tls: evidence({
      wants: ['nginx-tls', 'k8s-object'],
      command: 'ingress-configmap',
      where: 'kubectl',
      next: {
        branch: [{ if: 'found:ingress-http2-bad-ciphers', go: 'verdict-tls' }],
        otherwise: 'curl',
      },
    }),
    curl: evidence({
      wants: ['curl-v'],
      command: 'curl-https',
      where: 'client',
      next: 'verdict-tls',
    }),
    log: evidence({
      wants: ['ingress-nginx-log', 'proxy-log'],
      command: 'ingress-log',
      where: 'kubectl',
      // The error log usually names the reason; refused and header problems need nothing more.
      next: {
        branch: [
          { if: 'found:upstream-refused', go: 'verdict-upstream' },
          { if: 'found:ingress-upstream-header-too-big', go: 'verdict-upstream' },
        ],
        otherwise: 'endpoints',
      },
    }),
    endpoints: evidence({
      wants: ['kubectl-get'],
      command: 'ingress-endpoints',
      where: 'kubectl',
      next: 'spec',
    }),
    spec: evidence({
      wants: ['k8s-object'],
      command: 'ingress-pod-yaml',
      where: 'kubectl',
      next: 'verdict-upstream',
    }),
    describe: evidence({
      wants: ['kubectl-describe'],
      command: 'ingress-describe',
      where: 'kubectl',
      next: 'node-log',
    }),
    'node-log': evidence({
      wants: ['kernel-log'],
      command: 'dmesg',
      where: 'bad-node',
      next: 'ct-sysctl',
    }),
    'ct-sysctl': evidence({
      wants: ['sysctl'],
      command: 'sysctl-conntrack',
      where: 'bad-node',
      next: 'ct-table',
    }),
    'ct-table': evidence({
      wants: ['conntrack', 'ss'],
      command: 'conntrack-L',
      where: 'bad-node',
      next: 'verdict',
    }),
    'verdict-tls': outcome({
      causes: ['ingress-http2-bad-ciphers'],
      collect: ['ingress-configmap', 'curl-https'],
    }),
    'verdict-upstream': outcome({
      causes: [
        'upstream-no-endpoints',
        'upstream-timeout',
        'upstream-refused',
        'ingress-upstream-keepalive-mismatch',
        'ingress-upstream-header-too-big',
        'ingress-hostnetwork-dns',
        'conntrack-table-full',
      ],
      collect: ['ingress-describe', 'conntrack-S'],
    }),
    verdict: outcome({ causes: causesOf('ingress-5xx'), collect: ['ingress-log', 'ss-tan'] }),
  },
});
