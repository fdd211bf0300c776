import { describe, expect, it } from 'vitest';
import { parsePaste } from '../parsers/registry';
import { EXAMPLES } from '../examples';
import { nodeportOneNode as tree } from '../tree/nodeport-one-node';
import { type WizardState } from './replay';
import { replay } from '../diagnosis/replay';

const start: WizardState = { tree: 'nodeport-one-node', answers: {}, pastes: {} };

describe('replay', () => {
  it('stops at the first unanswered node', () => {
    expect(replay(tree, start).current).toBe('port');
    const r = replay(tree, { ...start, answers: { port: '31710', node: 'k8s-node03' } });
    expect(r.current).toBe('mode');
    expect(r.vars).toEqual({ port: '31710', node: 'k8s-node03' });
  });

  it('does not accept an invalid answer (a port out of range, a shell metacharacter)', () => {
    expect(replay(tree, { ...start, answers: { port: '99999' } }).current).toBe('port');
    expect(replay(tree, { ...start, answers: { port: '31710', node: 'a;rm -rf /' } }).current).toBe(
      'node',
    );
  });

  it('walks the example to its diagnosis', () => {
    const ex = EXAMPLES['nodeport-one-node']!;
    const r = replay(tree, ex.state);
    expect(r.done).toBe(true);
    expect(r.steps.map((s) => s.node)).toEqual([
      'port',
      'node',
      'mode',
      'pods',
      'proxy-log',
      'nat-rules',
      'kernel',
      'counters',
      'kernel-log',
      'capture',
      'verdict',
    ]);
    expect(r.steps.find((s) => s.node === 'kernel-log')?.status).toBe('skipped');
  });

  it('routes on the kube-proxy log: IPVS skips the iptables step even when the operator said "unknown"', () => {
    const log = 'I0417 15:54:22.412025       1 server_others.go:189] Using ipvs Proxier.\n';
    const state = {
      ...start,
      answers: { port: '31710', node: 'n1', mode: 'unknown' },
      pastes: { pods: null, 'proxy-log': log },
    };
    expect(replay(tree, state).current).toBe('nat-rules'); // without the parsed facts
    expect(replay(tree, state, parsePaste(log, 'proxy-log')).current).toBe('ipvs-table');
  });

  it('follows a changed earlier answer and keeps later pastes', () => {
    const ex = EXAMPLES['nodeport-one-node']!.state;
    const changed = { ...ex, answers: { ...ex.answers, mode: 'ipvs' } };
    const r = replay(tree, changed);
    expect(r.steps.map((s) => s.node)).not.toContain('nat-rules');
    expect(r.current).toBe('ipvs-table');
    expect(changed.pastes['nat-rules']).toBeDefined(); // kept, for when the operator comes back
  });

  it('ends early when the rules paste already shows the cause (a fact route)', () => {
    const drop =
      '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:" -m tcp --dport 31610 -j KUBE-XLB-ABC\n' +
      '-A KUBE-XLB-ABC -m comment --comment "default/web: has no local endpoints" -j KUBE-MARK-DROP\n';
    const state = {
      ...start,
      answers: { port: '31610', node: 'n1', mode: 'iptables' },
      pastes: { pods: null, 'proxy-log': null, 'nat-rules': drop },
    };
    expect(replay(tree, state, parsePaste(drop, 'nat-rules')).current).toBe('verdict-rules');
    expect(replay(tree, state).current).toBe('kernel');
  });

  it('does not ask again for an output an earlier paste already held', () => {
    // The kube-proxy log and the sysctl values pasted together at the log step.
    const both =
      '$ kubectl -n kube-system logs kube-proxy-x\nI0417 15:54:22.412025       1 server_others.go:189] Using iptables Proxier.\n' +
      '$ sysctl net.ipv4.tcp_tw_recycle net.ipv4.ip_forward\nnet.ipv4.tcp_tw_recycle = 0\nnet.ipv4.ip_forward = 1\n';
    const state = {
      ...start,
      answers: { port: '31710', node: 'n1', mode: 'iptables' },
      pastes: { pods: null, 'proxy-log': both, 'nat-rules': null },
    };
    const r = replay(tree, state, parsePaste(both, 'proxy-log'));
    expect(r.steps.find((s) => s.node === 'kernel')?.status).toBe('auto-skipped');
    expect(r.current).toBe('counters');
    // A paste of a step off the path does not count.
    const off = { ...state, pastes: { pods: null, 'proxy-log': null, 'nat-rules': null } };
    expect(replay(tree, off, parsePaste(both, 'ipvs-table')).current).toBe('kernel');
  });

  it('a skipped step counts as passed', () => {
    const state = {
      ...start,
      answers: { port: '31710', node: 'n1', mode: 'iptables' },
      pastes: { pods: null, 'proxy-log': null },
    };
    const r = replay(tree, state);
    expect(r.steps.find((s) => s.node === 'proxy-log')?.status).toBe('skipped');
    expect(r.current).toBe('nat-rules');
  });
});
