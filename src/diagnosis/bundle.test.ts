import { describe, expect, it } from 'vitest';
import { parsePaste } from '../parsers/registry';
import { readTestData } from '../testing/test-data';
import { TREES } from '../tree';
import { assessState } from '../testing/assess';
import { assessBundle } from './assess';
import { fillFromBundle, sectionParts } from './bundle';

const bundle = [
  '==> sysctl net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps <==',
  readTestData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt').trimEnd(),
  '==> netstat -s <==',
  readTestData('fixtures/27-insights-netstat-s-healthy-rhel7/netstat-s.txt').trimEnd(),
  '==> iptables-save <==',
  readTestData('fixtures/13-charmed489-etp-local-no-local-endpoints/iptables-save.txt').trimEnd(),
  '',
].join('\n');

describe('paste everything', () => {
  const sections = parsePaste(bundle, 'bundle');
  const parts = sectionParts(bundle, sections);

  it('cuts each part out with its command as a header, re-read as the same kind', () => {
    // Fixture 13 keeps its own prompt line, so its header's part is empty and the prompt's part follows.
    expect(parts.map((p) => p.section.kind)).toEqual([
      'sysctl',
      'netstat-s',
      null,
      'iptables-save',
    ]);
    for (const p of parts.filter((x) => x.section.status !== 'rejected')) {
      const again = parsePaste(p.text, 'x');
      expect(again).toHaveLength(1);
      expect(again[0]!.kind).toBe(p.section.kind);
      expect(again[0]!.command).toBe(p.section.command);
    }
  });

  it('fills the steps of a tree that ask for those kinds, and only empty ones', () => {
    const tree = TREES['nodeport-one-node'];
    const start = { tree: tree.id, answers: {}, pastes: { kernel: 'kept' } };
    const { state, filled } = fillFromBundle(tree, start, parts);
    expect(filled.sort()).toEqual(['counters', 'nat-rules']);
    expect(state.pastes.kernel).toBe('kept');
    const fresh = fillFromBundle(tree, { tree: tree.id, answers: {}, pastes: {} }, parts);
    expect(fresh.filled.sort()).toEqual(['counters', 'kernel', 'nat-rules']);
    // With the questions answered, the replay passes the filled steps by itself.
    const answered = {
      ...fresh.state,
      answers: { port: '31610', node: 'n1', mode: 'iptables' },
      pastes: { ...fresh.state.pastes, pods: null, 'proxy-log': null },
    };
    const r = assessState('nodeport-one-node', answered);
    expect(r.current).toBe('verdict-rules'); // fixture 13's drop for 31610 settles it
  });

  it('suggests the symptom class from what the outputs show', () => {
    expect(assessBundle(sections).suggested).toBe('nodeport-one-node');
    const ingress = parsePaste(
      readTestData('fixtures/21-ingressnginx8731-502-refused/ingress-controller.log'),
      'x',
    );
    expect(assessBundle(ingress).suggested).toBe('ingress-5xx');
    expect(assessBundle(parsePaste('hello\n', 'x')).suggested).toBeNull();
  });
});
