import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';

const cause = 'conntrack-invalid-rst';
const row = (cpu: number, invalid: number) =>
  `cpu=${cpu} found=0 invalid=${invalid} insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0`;
const stats = (a: number, b: number) => `${row(0, a)}\n${row(1, b)}\n`;
const strict = 'net.netfilter.nf_conntrack_tcp_be_liberal = 0\nnet.ipv4.ip_forward = 1\n';
const filterNoDrop =
  '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:KUBE-FORWARD - [0:0]\n-A FORWARD -j KUBE-FORWARD\n-A KUBE-FORWARD -m mark --mark 0x4000/0x4000 -j ACCEPT\nCOMMIT\n';
const filterDrop = filterNoDrop.replace(
  '-A KUBE-FORWARD -m mark',
  '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP\n-A KUBE-FORWARD -m mark',
);

describe(cause, () => {
  it('needs all three for high: invalid growing, strict tracking, nothing dropping INVALID', () => {
    const d = diagnoseTexts({ a: stats(100, 100), b: stats(400, 380), s: strict, f: filterNoDrop });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(verdictOf(diagnoseTexts({ a: stats(100, 100), b: stats(400, 380) }), cause)).toBe(
      'found:medium',
    );
  });

  it('is low for a since-boot count next to strict tracking, and ignores a few among millions of lookups', () => {
    expect(verdictOf(diagnoseTexts({ a: stats(300, 249), s: strict }), cause)).toBe('found:low');
    expect(
      verdictOf(diagnoseTexts({ a: stats(300, 249), s: strict, f: filterNoDrop }), cause),
    ).toBe('found:medium');
    const busy =
      'cpu=0 searched=1 found=15093196 new=1346365 invalid=108 ignore=0 delete=0 delete_list=0 insert=1 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0\n';
    expect(verdictOf(diagnoseTexts({ a: busy }), cause)).not.toMatch(/^found/);
  });

  it('does not report a since-boot count alone: every node collects some INVALID packets', () => {
    // fedoramagazine 'the conntrack tool' (LCTT zh translation): a laptop's conntrack -S.
    const laptop =
      '# sudo conntrack -S\ncpu=0 found=0 invalid=130 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=10\ncpu=1 found=0 invalid=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0\n';
    expect(verdictOf(diagnoseTexts({ a: laptop }), cause)).toBe('ruled-out');
    expect(verdictOf(diagnoseTexts({ a: stats(30_000, 29_000) }), cause)).toBe('ruled-out');
    // Hostile: the counter on one CPU only, the others cut: still a since-boot count.
    expect(verdictOf(diagnoseTexts({ a: `${row(3, 5000)}\n` }), cause)).toBe('ruled-out');
  });

  it('rules it out with be_liberal = 1 (the fix) or an INVALID drop rule', () => {
    const growing = { a: stats(100, 100), b: stats(400, 380) };
    expect(
      verdictOf(
        diagnoseTexts({ ...growing, s: 'net.netfilter.nf_conntrack_tcp_be_liberal = 1\n' }),
        cause,
      ),
    ).toBe('ruled-out');
    expect(verdictOf(diagnoseTexts({ ...growing, f: filterDrop }), cause)).toBe('ruled-out');
  });

  it('does not let the FORWARD drop rule it out in IPVS mode (traffic goes through INPUT)', () => {
    const d = diagnoseTexts(
      { a: stats(100, 100), b: stats(400, 380), f: filterDrop },
      { mode: 'ipvs' },
    );
    expect(verdictOf(d, cause)).toMatch(/^found/);
  });

  it('rules it out when the counter does not grow', () => {
    expect(verdictOf(diagnoseTexts({ a: stats(300, 249), b: stats(300, 249) }), cause)).toBe(
      'ruled-out',
    );
  });
});
