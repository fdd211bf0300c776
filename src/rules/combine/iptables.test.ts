import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { parsePaste } from '../../parsers/registry';
import { iptablesDumps } from './iptables';
import { contextOf } from '../rule';

// The same ruleset as the kernel printed it three ways (see fixtures/SOURCES.md).
const fixture = (f: string) => readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8');
const FORMS = {
  'iptables-save -t nat': fixture('netns-iptables-save-nat.txt'),
  'iptables -t nat -L -n': fixture('netns-iptables-L-nat.txt'),
  'iptables -t nat -L -n -v': fixture('netns-iptables-L-nat-v.txt'),
};
const CAUSES = ['kube-proxy-rules-missing', 'etp-local-no-endpoint'] as const;

describe('a listing of the rules judges as their dump does', () => {
  // 31610: charmed 489's ETP-Local drop; 30673: a NodePort the dump has; 31999: one it lacks.
  it.each(['31610', '30673', '31999'])('NodePort %s', (port) => {
    const verdicts = Object.values(FORMS).map((text) => {
      const d = diagnoseTexts({ 'rules.txt': text }, { port }, 'nodeport-one-node');
      return CAUSES.map((c) => verdictOf(d, c));
    });
    expect(verdicts[1]).toEqual(verdicts[0]);
    expect(verdicts[2]).toEqual(verdicts[0]);
    const expected = {
      '31610': ['ruled-out', 'found:high'],
      // The packet walk takes 30673 to its endpoints: no Local-policy drop stops it.
      '30673': ['ruled-out', 'ruled-out'],
      '31999': ['found:high', 'no-evidence'],
    }[port];
    expect(verdicts[0]).toEqual(expected);
  });

  it('reads a listing as the rules of its table, protocol numbers named', () => {
    const sections = parsePaste(FORMS['iptables -t nat -L -n'], 'l');
    const [dump] = iptablesDumps(contextOf(sections, {}));
    expect(dump!.facts.tables).toEqual(['nat']);
    const entry = dump!.facts.rules.find(
      (r) => r.chain === 'KUBE-NODEPORTS' && r.dport === '31610',
    );
    expect(entry).toMatchObject({ target: 'KUBE-XLB-NLDKPDYL22EOGGDT', proto: 'tcp' });
    const save = iptablesDumps(contextOf(parsePaste(FORMS['iptables-save -t nat'], 's'), {}))[0]!;
    expect(dump!.facts.rules).toHaveLength(save.facts.rules.length);
  });

  it('never takes a nat listing for the host firewall', () => {
    const d = diagnoseTexts({ l: FORMS['iptables -t nat -L -n'] }, { port: '31610' });
    expect(verdictOf(d, 'host-firewall-blocks')).toBe('no-evidence');
  });
});
