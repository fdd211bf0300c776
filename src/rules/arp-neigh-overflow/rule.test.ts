import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';

const cause = 'arp-neigh-overflow';
const overflow =
  '[843041.359054] neighbour: arp_cache: neighbor table overflow!\n[843041.364702] neighbour: arp_cache: neighbor table overflow!\n';
const thresholds = (t1: number, t2: number, t3: number) =>
  `net.ipv4.neigh.default.gc_thresh1 = ${t1}\nnet.ipv4.neigh.default.gc_thresh2 = ${t2}\nnet.ipv4.neigh.default.gc_thresh3 = ${t3}\n`;

describe(cause, () => {
  it('finds the overflow in the kernel log, citing gc_thresh3 at its default', () => {
    const d = diagnoseTexts({ k: overflow, s: thresholds(128, 512, 1024) });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.text)).toContain('net.ipv4.neigh.default.gc_thresh3 = 1024');
    expect(f.fix.now).toContain('net.ipv4.neigh.default.gc_thresh3=100000');
  });

  it('is medium when the thresholds were already raised (the lines may be old)', () => {
    expect(
      verdictOf(diagnoseTexts({ k: overflow, s: thresholds(80000, 90000, 100000) }), cause),
    ).toBe('found:medium');
  });

  it('fixes the IPv6 table for ndisc_cache overflows', () => {
    const d = diagnoseTexts({
      k: '[12.5] neighbour: ndisc_cache: neighbor table overflow!\n[12.6] neighbour: ndisc_cache: neighbor table overflow!\n',
    });
    expect(d.findings.find((x) => x.cause === cause)!.fix.now).toContain(
      'net.ipv6.neigh.default.gc_thresh3',
    );
  });

  it('rules it out once raised, or when the kernel log is quiet; gc_thresh3 = 1024 alone says nothing', () => {
    expect(verdictOf(diagnoseTexts({ s: thresholds(80000, 90000, 100000) }), cause)).toBe(
      'ruled-out',
    );
    expect(
      verdictOf(diagnoseTexts({ k: '[1.0] nf_conntrack: table full, dropping packet\n' }), cause),
    ).toBe('ruled-out');
    expect(verdictOf(diagnoseTexts({ s: thresholds(128, 512, 1024) }), cause)).toBe('no-evidence');
  });
});
