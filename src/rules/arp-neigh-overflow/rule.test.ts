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
    const quiet = Array.from({ length: 10 }, (_, i) => `[${i}.0] eth0: link up\n`).join('');
    expect(verdictOf(diagnoseTexts({ k: quiet }), cause)).toBe('ruled-out');
    // One grepped line says nothing of the messages not shown.
    expect(
      verdictOf(diagnoseTexts({ k: '[1.0] nf_conntrack: table full, dropping packet\n' }), cause),
    ).toBe('no-evidence');
    expect(verdictOf(diagnoseTexts({ s: thresholds(128, 512, 1024) }), cause)).toBe('no-evidence');
    // A log with lines that could not be read (a typed command, `...`) proves no absence.
    const cut =
      '# journal -k -f\n...\nDec 09 06:46:20 node0 kernel: IPv4: martian source 10.0.0.253 from 10.0.0.113, on dev lxc1\n...\n';
    expect(verdictOf(diagnoseTexts({ k: cut }), cause)).toBe('no-evidence');
  });

  describe('with `ip neigh show`', () => {
    const entries = (n: number, state = 'STALE') =>
      Array.from(
        { length: n },
        (_, i) =>
          `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} dev eth0 lladdr 52:54:00:00:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')} ${state}`,
      ).join('\n') + '\n';

    it('a table as full as the pasted gc_thresh3 is a finding, medium, citing both', () => {
      const d = diagnoseTexts({
        n: entries(1022) + '10.9.0.1 dev eth0  FAILED\n10.9.0.2 dev eth0  INCOMPLETE\n',
        s: thresholds(128, 512, 1024),
      });
      expect(verdictOf(d, cause)).toBe('found:medium');
      const f = d.findings.find((x) => x.cause === cause)!;
      expect(f.evidence.map((e) => e.text)).toEqual([
        'net.ipv4.neigh.default.gc_thresh3 = 1024',
        '10.9.0.1 dev eth0  FAILED',
        '10.9.0.2 dev eth0  INCOMPLETE',
        '10.0.0.0 dev eth0 lladdr 52:54:00:00:00:00 STALE',
      ]);
    });

    it('without the limit pasted, a big table is no finding (it may have been raised)', () => {
      expect(verdictOf(diagnoseTexts({ n: entries(1100) }), cause)).not.toMatch(/^found/);
    });

    it('PERMANENT entries are not counted against the limit', () => {
      const d = diagnoseTexts({ n: entries(1024, 'PERMANENT'), s: thresholds(128, 512, 1024) });
      expect(verdictOf(d, cause)).not.toMatch(/^found/);
    });

    it('a roomy table rules it out; a logged overflow cites the unresolved peers', () => {
      const roomy = diagnoseTexts({ n: entries(40) });
      expect(verdictOf(roomy, cause)).toBe('ruled-out');
      const d = diagnoseTexts({
        k: overflow,
        n: '10.9.0.1 dev eth0  FAILED\n',
        p: 'PING 10.9.0.1 (10.9.0.1) 56(84) bytes of data.\nFrom 10.9.0.254 icmp_seq=1 Destination Host Unreachable\n',
      });
      expect(verdictOf(d, cause)).toBe('found:high');
      const texts = d.findings.find((x) => x.cause === cause)!.evidence.map((e) => e.text);
      expect(texts).toContain('10.9.0.1 dev eth0  FAILED');
      expect(texts).toContain('From 10.9.0.254 icmp_seq=1 Destination Host Unreachable');
    });
  });

  describe('with `ping: sendmsg: Invalid argument`', () => {
    const einval =
      'root@node:~# ping localhost\nping: sendmsg: Invalid argument\nping: sendmsg: Invalid argument\n';

    it('beside gc_thresh3 at its default: found, medium (chezhang/clusrun, 1000 peers)', () => {
      const d = diagnoseTexts({ p: einval, s: thresholds(128, 512, 1024) });
      expect(verdictOf(d, cause)).toBe('found:medium');
      expect(d.findings.find((x) => x.cause === cause)!.evidence.map((e) => e.text)).toEqual([
        'ping: sendmsg: Invalid argument',
        'net.ipv4.neigh.default.gc_thresh3 = 1024',
      ]);
    });

    it('beside a count as large as the default limit: found, medium (mozillazg blog)', () => {
      const d = diagnoseTexts({
        p: einval,
        a: '$ arp -an|wc -l\n1108\n',
        b: '$ ip -4 neigh show nud all | wc -l\n1112\n',
      });
      expect(verdictOf(d, cause)).toBe('found:medium');
      expect(d.findings.find((x) => x.cause === cause)!.evidence.map((e) => e.text)).toEqual([
        'ping: sendmsg: Invalid argument',
        '1112',
      ]);
    });

    it('alone, or beside rate-limited kernel lines, it is low (crowbar-openstack#989)', () => {
      expect(verdictOf(diagnoseTexts({ p: einval }), cause)).toBe('found:low');
      expect(
        verdictOf(
          diagnoseTexts({
            k: '    net_ratelimit: 26 callbacks suppressed\n',
            p: '    ping: sendmsg: Invalid argument\n',
          }),
          cause,
        ),
      ).toBe('found:low');
    });

    it('with the limit raised, or with a small table it is no finding', () => {
      expect(
        verdictOf(diagnoseTexts({ p: einval, s: thresholds(80000, 90000, 100000) }), cause),
      ).toBe('ruled-out');
      expect(
        verdictOf(
          diagnoseTexts({ p: einval, s: thresholds(128, 512, 1024), a: '$ arp -an | wc -l\n37\n' }),
          cause,
        ),
      ).not.toMatch(/^found/);
    });

    it('ping6 to a link-local address says the same and is no neighbour sign', () => {
      const d = diagnoseTexts({
        p: 'PING fe80::1(fe80::1) 56 data bytes\nping6: sendmsg: Invalid argument\n',
        s: thresholds(128, 512, 1024),
      });
      expect(verdictOf(d, cause)).not.toMatch(/^found/);
    });
  });

  describe('a logged overflow beside a listing far below the limit', () => {
    // A Kubernetes node on a 5.0-rc7 kernel (Chinese write-up, case 1363): the kernel refuses
    // entries while `arp -v` reads 72 of them; its gc count leaked.
    const dmesg =
      '# dmesg | head -10\n[529566.514220] neighbour: arp_cache: neighbor table overflow!\n[529566.514292] neighbour: arp_cache: neighbor table overflow!\n[529571.395311] net_ratelimit: 143 callbacks suppressed\n[529571.395313] neighbour: arp_cache: neighbor table overflow!\n';
    const arpV =
      '# arp -v\nAddress                  HWtype  HWaddress           Flags Mask            Iface\n10.244.26.98             ether   02:42:0a:f4:1a:62   C                     docker0\n10.244.26.71             ether   02:42:0a:f4:1a:47   C                     docker0\n.....\nEntries: 72 Skipped: 0  Found: 72\n';

    it('is still found, high, but says the listing is far below the limit and cites it', () => {
      const d = diagnoseTexts({ k: dmesg, a: arpV });
      expect(verdictOf(d, cause)).toBe('found:high');
      const f = d.findings.find((x) => x.cause === cause)!;
      expect(f.why.key).toBe('cause.arp-neigh-overflow.verdict.overflowRoomy');
      expect(f.why.params).toMatchObject({ entries: 72, n: 1024 });
      expect(f.evidence.map((e) => e.text)).toContain(
        '10.244.26.98             ether   02:42:0a:f4:1a:62   C                     docker0',
      );
    });

    it('a listing near the limit, or a raised limit, keeps the plain wording', () => {
      const near = diagnoseTexts({ k: overflow, a: '$ arp -an | wc -l\n1000\n' });
      expect(near.findings.find((x) => x.cause === cause)!.why.key).toBe(
        'cause.arp-neigh-overflow.verdict.overflow',
      );
      const raised = diagnoseTexts({ k: dmesg, a: arpV, s: thresholds(80000, 90000, 100000) });
      expect(raised.findings.find((x) => x.cause === cause)!.why.key).toBe(
        'cause.arp-neigh-overflow.verdict.overflowRaised',
      );
    });
  });

  it('a count (`arp -an | wc -l`) past the pasted gc_thresh3 is a full table; without the limit it is not', () => {
    expect(
      verdictOf(
        diagnoseTexts({ a: '$ arp -an | wc -l\n1335\n', s: thresholds(128, 512, 1024) }),
        cause,
      ),
    ).toBe('found:medium');
    expect(verdictOf(diagnoseTexts({ a: '$ arp -an | wc -l\n1335\n' }), cause)).not.toMatch(
      /^found/,
    );
    expect(
      verdictOf(
        diagnoseTexts({ a: '$ ip neigh | wc -l\n1335\n', s: thresholds(128, 512, 1024) }),
        cause,
      ),
    ).not.toMatch(/^found/);
  });
});
