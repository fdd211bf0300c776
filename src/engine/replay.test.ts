import { describe, expect, it } from 'vitest';
import { parsePaste } from '../parsers/registry';
import { EXAMPLES } from '../examples';
import { nodeportOneNode as tree } from '../tree/nodeport-one-node';
import { replay, type WizardState } from './replay';

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
    const ex = EXAMPLES['nodeport-tw-recycle'];
    const r = replay(tree, ex.state);
    expect(r.done).toBe(true);
    expect(r.steps.map((s) => s.node)).toEqual([
      'port',
      'node',
      'mode',
      'proxy-log',
      'nat-rules',
      'kernel',
      'counters',
      'verdict',
    ]);
  });

  it('routes on the kube-proxy log: IPVS skips the iptables step even when the operator said "unknown"', () => {
    const log = 'I0417 15:54:22.412025       1 server_others.go:189] Using ipvs Proxier.\n';
    const state = {
      ...start,
      answers: { port: '31710', node: 'n1', mode: 'unknown' },
      pastes: { 'proxy-log': log },
    };
    expect(replay(tree, state).current).toBe('nat-rules'); // without the parsed facts
    expect(replay(tree, state, parsePaste(log, 'proxy-log')).current).toBe('kernel');
  });

  it('follows a changed earlier answer and keeps later pastes', () => {
    const ex = EXAMPLES['nodeport-tw-recycle'].state;
    const changed = { ...ex, answers: { ...ex.answers, mode: 'ipvs' } };
    const r = replay(tree, changed);
    expect(r.steps.map((s) => s.node)).not.toContain('nat-rules');
    expect(r.done).toBe(true);
  });

  it('a skipped step counts as passed', () => {
    const state = {
      ...start,
      answers: { port: '31710', node: 'n1', mode: 'iptables' },
      pastes: { 'proxy-log': null },
    };
    const r = replay(tree, state);
    expect(r.steps.find((s) => s.node === 'proxy-log')?.status).toBe('skipped');
    expect(r.current).toBe('nat-rules');
  });
});
