import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';

const cause = 'tcp-tw-recycle-nat';
const broken = readTestData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
const healthyNetstat = readTestData('fixtures/27-insights-netstat-s-healthy-rhel7/netstat-s.txt');

describe(cause, () => {
  it('finds tcp_tw_recycle=1 with timestamps (fixture 07), citing both lines', () => {
    const d = diagnoseTexts({ 'sysctl.txt': broken });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.line).sort()).toEqual([1, 2]);
    expect(f.fix.now).toContain('tcp_tw_recycle=0');
  });

  it('adds the PAWS counters of netstat -s as evidence', () => {
    const netstat =
      'TcpExt:\n    1287 passive connections rejected because of time stamp\n    1287 SYNs to LISTEN sockets dropped\n';
    const d = diagnoseTexts({ 'sysctl.txt': broken, 'netstat.txt': netstat });
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.source)).toContain('netstat.txt');
  });

  it('is medium without the timestamps line, low with counters only', () => {
    expect(
      verdictOf(
        diagnoseTexts({ s: 'net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.ip_forward = 1\n' }),
        cause,
      ),
    ).toBe('found:medium');
    const countersOnly = 'TcpExt:\n    12 passive connections rejected because of time stamp\n';
    expect(verdictOf(diagnoseTexts({ n: countersOnly }), cause)).toBe('found:low');
  });

  it('rules it out once fixed (tcp_tw_recycle = 0), or when timestamps are off', () => {
    expect(
      verdictOf(
        diagnoseTexts({ s: broken.replace('tcp_tw_recycle = 1', 'tcp_tw_recycle = 0') }),
        cause,
      ),
    ).toBe('ruled-out');
    expect(
      verdictOf(
        diagnoseTexts({ s: broken.replace('tcp_timestamps = 1', 'tcp_timestamps = 0') }),
        cause,
      ),
    ).toBe('ruled-out');
  });

  it('does not apply on kernels without the knob (4.12+)', () => {
    const modern =
      'sysctl: cannot stat /proc/sys/net/ipv4/tcp_tw_recycle: No such file or directory\nnet.ipv4.tcp_timestamps = 1\n';
    expect(verdictOf(diagnoseTexts({ s: modern }), cause)).toBe('not-applicable');
  });

  it('rules it out on a healthy full netstat -s (fixture 27)', () => {
    expect(verdictOf(diagnoseTexts({ n: healthyNetstat }), cause)).toBe('ruled-out');
  });
});
