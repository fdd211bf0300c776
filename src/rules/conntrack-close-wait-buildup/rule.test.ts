import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';

const cause = 'conntrack-close-wait-buildup';
const histogram = (closeWait: number, established: number) =>
  `# conntrack -L | awk '{print $4}' | sort | uniq -c\n  ${established} ESTABLISHED\n   2000 TIME_WAIT\n  ${closeWait} CLOSE_WAIT\n`;

describe(cause, () => {
  it('finds a table dominated by CLOSE_WAIT (seed 001 shape), high', () => {
    expect(verdictOf(diagnoseTexts({ h: histogram(120770, 17738) }), cause)).toBe('found:high');
  });

  it('is medium for a quarter of the table, high once kube-proxy’s 1 h timeout is shown', () => {
    const h = histogram(3000, 5000);
    expect(verdictOf(diagnoseTexts({ h }), cause)).toBe('found:medium');
    const timeout = 'net.netfilter.nf_conntrack_tcp_timeout_close_wait = 3600\n';
    const d = diagnoseTexts({ h, s: timeout });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.evidence.map((e) => e.source)).toContain('s');
  });

  it('is low between 10 and 25 %, ruled out below', () => {
    expect(verdictOf(diagnoseTexts({ h: histogram(1500, 8000) }), cause)).toBe('found:low');
    expect(verdictOf(diagnoseTexts({ h: histogram(50, 9000) }), cause)).toBe('ruled-out');
  });

  it('says nothing about a handful of entries', () => {
    expect(
      verdictOf(
        diagnoseTexts({ h: '      3 ESTABLISHED\n      2 CLOSE_WAIT\n      1 TIME_WAIT\n' }),
        cause,
      ),
    ).toBe('no-evidence');
  });

  it('rules it out once the timeout is back at the kernel default', () => {
    const s = 'net.netfilter.nf_conntrack_tcp_timeout_close_wait = 60\n';
    expect(verdictOf(diagnoseTexts({ s }), cause)).toBe('ruled-out');
  });

  it('does not call kube-proxy’s 3600 s alone a fault', () => {
    const log =
      "I0329 01:29:47.138906       5 conntrack.go:81] Set sysctl 'net/netfilter/nf_conntrack_tcp_timeout_close_wait' to 3600\n";
    expect(verdictOf(diagnoseTexts({ log }), cause)).toBe('no-evidence');
  });
});
