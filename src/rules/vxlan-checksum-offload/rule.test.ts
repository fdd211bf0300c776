import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';

const cause = 'vxlan-checksum-offload';
const before = readRules('vxlan-checksum-offload/fixtures/broken--seed003-grep-before.txt');
const after = readRules('vxlan-checksum-offload/fixtures/fixed--seed003-grep-after.txt');
const session = readRules('vxlan-checksum-offload/fixtures/broken--flannel1279-dmesg-and-fix.txt');
const changes = readRules('../parsers/ethtool-k/fixtures/ethtool-k--seed003-actual-changes.txt');
const uname = (release: string) =>
  `Linux node1 ${release} #1 SMP Mon Sep 30 14:19:46 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux\n`;
const verdict = (pastes: Record<string, string>, vars = {}) =>
  verdictOf(diagnoseTexts(pastes, vars), cause);

describe(cause, () => {
  it('finds the offload on flannel.1 (seed 003), surer on a kernel before 5.7', () => {
    expect(verdict({ before })).toBe('found:medium');
    expect(verdict({ before, u: uname('3.10.0-1062.1.2.el7.x86_64') })).toBe('found:high');
    expect(verdict({ before, u: uname('5.15.0-91-generic') })).toBe('found:low');
  });

  it('is sure with the bad checksums to 8472 and fills the device into the fix (fixture 30)', () => {
    const d = diagnoseTexts({ s: session });
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('high');
    expect(f.evidence.some((e) => e.text.includes(':8472'))).toBe(true);
    expect(f.fix.now).toBe('sudo ethtool -K flannel.1 tx-checksum-ip-generic off');
    expect(f.fix.persist).toContain('WantedBy=sys-devices-virtual-net-flannel.1.device');
  });

  it('an `ethtool -K` change alone shows the fix applied, not the broken state: no finding', () => {
    const d = diagnoseTexts({ changes });
    expect(verdictOf(d, cause)).toBe('ruled-out');
    expect(d.ruledOut.find((r) => r.cause === cause)!.because.key).toMatch(/fixApplied$/);
    // With the kernel's bad checksums beside it, the broken state is shown after all.
    expect(verdict({ changes, s: session })).toMatch(/^found:/);
  });

  it('rules it out once the device shows it off (seed 003 after the fix)', () => {
    expect(verdict({ after })).toBe('ruled-out');
  });

  it('keeps the finding when the same session shows it on, then off', () => {
    const d = diagnoseTexts({ a: before, b: changes, c: after });
    expect(verdictOf(d, cause)).toBe('found:medium');
    expect(d.findings.find((x) => x.cause === cause)!.why.key).toMatch(/fixedInSession$/);
  });

  it('takes the device from the answer when the grep hid it', () => {
    const bare = 'tx-checksumming: on\ntx-checksum-ipv4: off [fixed]\ntx-checksum-ip-generic: on\n';
    const d = diagnoseTexts({ e: bare }, { iface: 'vxlan.calico' });
    expect(d.findings.find((x) => x.cause === cause)?.fix.now).toContain('vxlan.calico');
    expect(verdict({ e: bare })).toBe('found:low');
  });

  it('ignores a physical NIC and bad checksums on other ports', () => {
    const eth0 =
      'Features for eth0:\nrx-checksumming: on\ntx-checksumming: on\n\ttx-checksum-ip-generic: on\n';
    expect(verdict({ eth0 })).toBe('no-evidence');
    const dns = '[ 12.000001] UDP: bad checksum. From 10.0.0.9:5353 to 10.0.0.1:53 ulen 40\n';
    expect(verdict({ dns })).toBe('no-evidence');
  });
});

describe('vxlan-checksum-offload from a capture', () => {
  const capture = (f: string) => readRules(`../parsers/tcpdump/fixtures/${f}`);

  it('bad UDP checksums on the VXLAN port are a finding, at most medium (which side is unknown)', () => {
    for (const f of [
      'tcpdump--flannel1863-vv-bad-udp-cksum-otv.txt',
      'tcpdump--calico4865-e-bad-udp-cksum-4789.txt',
    ]) {
      const d = diagnoseTexts({ c: capture(f) });
      expect(verdictOf(d, cause), f).toBe('found:medium');
      expect(d.findings[0]!.evidence[0]!.text).toMatch(/bad udp cksum/);
    }
  });

  it('cites only captures whose bad checksums are on a VXLAN port', () => {
    const other =
      '12:00:01.000001 IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 36)\n' +
      '    10.0.0.1.5353 > 10.0.0.2.53: [bad udp cksum 0x1 -> 0x2!] 1+ A? x. (28)\n';
    // The VXLAN capture first: the other one must not ride on its count.
    const d = diagnoseTexts({
      b: capture('tcpdump--calico4865-e-bad-udp-cksum-4789.txt'),
      a: other,
    });
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.source)).toEqual(['b']);
  });

  it('a capture of the broken checksums beside the `ethtool -K` that fixed them is the bug, not a fix applied', () => {
    // lyyao09's post: bad udp cksum 0xffff to 4789 on the receiving node, then the offload off.
    const c = capture('tcpdump--calico4865-e-bad-udp-cksum-4789.txt');
    const d = diagnoseTexts({ changes, c });
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.why.key).toMatch(/justTurnedOff$/);
    expect(f.evidence.some((e) => e.source === 'c' && /bad udp cksum/.test(e.text))).toBe(true);
    // Bad checksums on another port do not show the broken state: the change stays a fix applied.
    const dns =
      '12:00:01.000001 IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 36)\n' +
      '    10.0.0.1.5353 > 10.0.0.2.53: [bad udp cksum 0x1 -> 0x2!] 1+ A? x. (28)\n';
    expect(verdict({ changes, dns })).toBe('ruled-out');
  });

  it('bad checksums on datagrams too small to be VXLAN are probes of the port, no finding (zgz kylin)', () => {
    const probe = capture('tcpdump--zgz-kylin-vv-bad-udp-cksum-8472-probe-31-bytes.txt');
    expect(verdict({ probe })).toBe('no-evidence');
    // Beside a real VXLAN packet with a bad checksum, the finding stays.
    const vxlan = capture('tcpdump--calico4865-e-bad-udp-cksum-4789.txt');
    expect(verdict({ probe, vxlan })).toBe('found:medium');
    // And a probe does not make an `ethtool -K ... off` the broken state: still a fix applied.
    expect(verdict({ changes, probe })).toBe('ruled-out');
  });

  it('on a kernel with the fix, a capture alone says little', () => {
    const d = diagnoseTexts({
      c: capture('tcpdump--calico4865-e-bad-udp-cksum-4789.txt'),
      u: uname('5.15.0-91-generic'),
    });
    expect(verdictOf(d, cause)).toBe('found:low');
  });
});
