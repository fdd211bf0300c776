import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';

const cause = 'conntrack-snat-race';
const row = (cpu: number, failed: number) =>
  `cpu=${cpu} found=10 invalid=0 ignore=0 insert=0 insert_failed=${failed} drop=${failed} early_drop=0 error=0 search_restart=0`;
const stats = (a: number, b: number) => `${row(0, a)}\n${row(1, b)}\n`;
const podResolv =
  'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';

describe(cause, () => {
  it('rules it out when insert_failed is 0 (fixture 04)', () => {
    const s = readTestData(
      'fixtures/04-k8s56903-conntrack-S-old-format-no-insert-failed/conntrack-S.txt',
    );
    expect(verdictOf(diagnoseTexts({ s }), cause)).toBe('ruled-out');
  });

  it('finds failed insertions: medium, citing the CPU rows; a handful since boot is noise', () => {
    const d = diagnoseTexts({ s: stats(92, 107) });
    expect(verdictOf(d, cause)).toBe('found:medium');
    expect(d.findings.find((x) => x.cause === cause)!.evidence).toHaveLength(2);
    // A handful since boot is noise, not the race.
    expect(verdictOf(diagnoseTexts({ s: stats(1, 2) }), cause)).toBe('ruled-out');
  });

  it('is high when insert_failed grows between two pastes, and cites the pod resolv.conf', () => {
    const d = diagnoseTexts({ a: stats(92, 107), b: stats(95, 131), r: podResolv });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.source)).toEqual(['b', 'r', 'r']);
  });

  it('rules it out when insert_failed does not move between the pastes', () => {
    expect(verdictOf(diagnoseTexts({ a: stats(92, 107), b: stats(92, 107) }), cause)).toBe(
      'ruled-out',
    );
  });

  it('never fires on a resolv.conf alone (ndots:5 is every pod)', () => {
    expect(verdictOf(diagnoseTexts({ r: podResolv }), cause)).toBe('no-evidence');
  });
});
