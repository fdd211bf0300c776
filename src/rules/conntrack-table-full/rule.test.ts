import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';

const cause = 'conntrack-table-full';
const dmesg = readTestData('fixtures/01-k8s18604-dmesg-conntrack-full/dmesg.txt');
const stats = readTestData(
  'fixtures/04-k8s56903-conntrack-S-old-format-no-insert-failed/conntrack-S.txt',
);
const sysctl = (count: number, max: number) =>
  `net.netfilter.nf_conntrack_count = ${count}\nnet.netfilter.nf_conntrack_max = ${max}\n`;

describe(cause, () => {
  it('finds the kernel saying the table is full (fixture 01), high', () => {
    const d = diagnoseTexts({ 'dmesg.txt': dmesg });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.line)).toContain(14);
  });

  it('grades the count against the maximum: ≥ 90 % high, ≥ 75 % medium, less ruled out', () => {
    expect(verdictOf(diagnoseTexts({ s: sysctl(250000, 262144) }), cause)).toBe('found:high');
    expect(verdictOf(diagnoseTexts({ s: sysctl(200000, 262144) }), cause)).toBe('found:medium');
    expect(verdictOf(diagnoseTexts({ s: sysctl(58418, 262144) }), cause)).toBe('ruled-out');
  });

  it('takes the maximum from the kube-proxy log when sysctl only shows the count (seed 001)', () => {
    const d = diagnoseTexts({
      'kp.log':
        'I1120 15:18:19.757786   26448 conntrack.go:52] Setting nf_conntrack_max to 786432\n',
      's.txt': 'net.netfilter.nf_conntrack_count = 760000\n',
    });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.source)).toEqual(['s.txt', 'kp.log']);
    // The fix doubles the limit kube-proxy set and keeps the old one for the rollback.
    expect(f.fix.now).toContain('nf_conntrack_max=1572864');
    expect(f.fix.rollback).toContain('nf_conntrack_max=786432');
    expect(f.fix.persist).toContain('min: 1572864');
  });

  it('reads the pre-2.6.15 limit path /proc/sys/net/ipv4/ip_conntrack_max (case 744)', () => {
    const max = '# cat /proc/sys/net/ipv4/ip_conntrack_max\n65536\n';
    const d = diagnoseTexts({
      'dmesg.txt': 'ip_conntrack: table full, dropping packet\n',
      'max.txt': max,
    });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.source)).toEqual(['dmesg.txt', 'max.txt']);
    expect(f.fix.now).toContain('nf_conntrack_max=131072');
    expect(f.fix.rollback).toContain('nf_conntrack_max=65536');
    // With the count on the old path too, the ratio is graded, and a roomy table rules it out.
    const count = '# cat /proc/sys/net/ipv4/netfilter/ip_conntrack_count\n';
    expect(verdictOf(diagnoseTexts({ 'c.txt': `${count}65530\n`, 'max.txt': max }), cause)).toBe(
      'found:high',
    );
    expect(verdictOf(diagnoseTexts({ 'c.txt': `${count}812\n`, 'max.txt': max }), cause)).toBe(
      'ruled-out',
    );
  });

  it('counts early drops and drops, but not the drops of the insertion race', () => {
    const early =
      'cpu=0 found=1 invalid=0 ignore=0 insert=0 insert_failed=0 drop=0 early_drop=12 error=0 search_restart=0\ncpu=1 found=1 invalid=0 ignore=0 insert=0 insert_failed=0 drop=0 early_drop=3 error=0 search_restart=0\n';
    expect(verdictOf(diagnoseTexts({ s: early }), cause)).toBe('found:medium');
    const raced =
      'cpu=0 found=1 invalid=0 ignore=0 insert=0 insert_failed=7 drop=7 early_drop=0 error=0 search_restart=0\ncpu=1 found=1 invalid=0 ignore=0 insert=0 insert_failed=2 drop=2 early_drop=0 error=0 search_restart=0\n';
    expect(verdictOf(diagnoseTexts({ s: raced }), cause)).not.toMatch(/^found/);
  });

  it('rules it out on conntrack -S without drops (fixture 04)', () => {
    expect(verdictOf(diagnoseTexts({ s: stats }), cause)).toBe('ruled-out');
  });

  it('fills the LB VIP only from its own answer, never from a Service ClusterIP', () => {
    const d = diagnoseTexts({ 'dmesg.txt': dmesg }, { vip: '10.96.0.10' });
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.fix.persist).toContain('<LBVIP>');
    expect(f.fix.persist).not.toContain('10.96.0.10');
  });
});
