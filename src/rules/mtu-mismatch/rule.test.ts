import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';

const cause = 'mtu-mismatch';
const link = (flannel: number, eth0: number) => `$ ip -d link show
2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${eth0} qdisc mq state UP mode DEFAULT group default qlen 1000
    link/ether 0a:1b:aa:f3:64:00 brd ff:ff:ff:ff:ff:ff promiscuity 0
6: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${flannel} qdisc noqueue state UNKNOWN mode DEFAULT group default
    link/ether 8e:23:05:4d:c8:af brd ff:ff:ff:ff:ff:ff promiscuity 0
    vxlan id 1 local 172.31.12.123 dev eth0 srcport 0 0 dstport 8472 nolearning ageing 300
`;

describe(cause, () => {
  it('finds a VXLAN device too large for its uplink (50 bytes of header), medium', () => {
    const d = diagnoseTexts({ l: link(1450, 1450) });
    expect(verdictOf(d, cause)).toBe('found:medium');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.fix.now).toContain('"mtu":1400');
    expect(f.fix.verify).toContain('ip -d link show flannel.1');
  });

  it('rules it out when the overlay fits (flannel/flannel#841: 1500 over 9001)', () => {
    expect(verdictOf(diagnoseTexts({ l: link(1500, 9001) }), cause)).toBe('ruled-out');
    expect(verdictOf(diagnoseTexts({ l: link(1450, 1500) }), cause)).toBe('ruled-out');
  });

  it('finds pod veths larger than the only tunnel (Calico IP-in-IP)', () => {
    const l = `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP group default qlen 1000
5: cali217c693643a@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default
7: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN group default qlen 1
`;
    expect(verdictOf(diagnoseTexts({ l }), cause)).toBe('found:medium');
    const f = diagnoseTexts({ l }).findings.find((x) => x.cause === cause)!;
    expect(f.why.key).toMatch(/vethTooBig$/);
    expect(f.why.params).toMatchObject({ veth: 'cali217c693643a', iface: 'tunl0', mtu: 1500 });
    // A tunnel that is down is not in use: the veths may keep 1500.
    const down = l.replace(
      '<NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN',
      '<NOARP> mtu 1440 qdisc noop state DOWN',
    );
    expect(verdictOf(diagnoseTexts({ l: down }), cause)).not.toMatch(/^found/);
  });

  describe('netstat -i (kubernetes 45022: flannel.1 cut to `flannel.`, veths on docker0)', () => {
    const table = readRules('mtu-mismatch/fixtures/healthy--k8s45022-netstat-i-docker-veths.txt');

    it('rules it out: 1450 fits ens192 at 1500, and the 1500 veths may be Docker’s own', () => {
      const d = diagnoseTexts({ table });
      expect(verdictOf(d, cause)).toBe('ruled-out');
    });

    it('finds the tunnel too big when the uplink is smaller (the same table, ens192 at 1400)', () => {
      const small = table.replace(/^ens192 {4}1500/m, 'ens192    1400');
      const d = diagnoseTexts({ table: small });
      // ens192 is the only uplink-like device in the table: medium.
      expect(verdictOf(d, cause)).toBe('found:medium');
      expect(d.findings.find((x) => x.cause === cause)!.why.key).toMatch(/overlayTooBig$/);
    });

    it('finds the veths too big when no up Docker bridge can hold them (docker0 down)', () => {
      const down = table.replace(/^(docker0 .*) BMRU$/m, '$1 BMU');
      const d = diagnoseTexts({ table: down });
      expect(verdictOf(d, cause)).toBe('found:medium');
      expect(d.findings.find((x) => x.cause === cause)!.why.params).toMatchObject({
        veth: 'veth1640',
        iface: 'flannel.',
      });
    });
  });

  it('a veth whose master is docker0 is Docker’s, not a pod’s (ip link)', () => {
    const l = `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP
3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP
4: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN
7: veth3b1c2d4@if6: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP
`;
    expect(verdictOf(diagnoseTexts({ l }), cause)).toBe('ruled-out');
    const onCni = l.replace('master docker0', 'master cni0');
    expect(verdictOf(diagnoseTexts({ l: onCni }), cause)).toBe('found:medium');
  });

  it('is high when a router on the path also reports a smaller MTU', () => {
    const ping = `$ ping -M do -s 1472 -c 1 10.0.0.8
PING 10.0.0.8 (10.0.0.8) 1472(1500) bytes of data.
From 10.0.0.1 icmp_seq=1 Frag needed and DF set (mtu = 1450)

--- 10.0.0.8 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms
`;
    expect(verdictOf(diagnoseTexts({ l: link(1450, 1450), p: ping }), cause)).toBe('found:high');
    expect(verdictOf(diagnoseTexts({ p: ping }), cause)).toBe('found:medium');
  });

  it('a "Frag needed" the sender acted on is path MTU discovery working (incus 2405)', () => {
    const p = readRules('mtu-mismatch/fixtures/healthy--incus2405-ping-frag-needed-acted-on.txt');
    expect(verdictOf(diagnoseTexts({ p }), cause)).toBe('no-evidence');
    // The first block alone: the kernel stored the 1440 and refuses the next send itself.
    const first = p.slice(0, p.indexOf('```\n```') + 4);
    expect(verdictOf(diagnoseTexts({ p: first }), cause)).toBe('no-evidence');
    // Without the local refusal and without the smaller run: nothing shows it was acted on.
    const bare = first.replace('ping: sendmsg: Message too long\n', '');
    expect(verdictOf(diagnoseTexts({ p: bare }), cause)).toBe('found:medium');
    // A smaller run that still exceeds the announced MTU, unanswered: no proof either.
    const tooBig =
      bare + p.slice(p.indexOf('```\n```') + 4).replace(/1420 bytes from[^\n]*\n/g, '');
    expect(verdictOf(diagnoseTexts({ p: tooBig }), cause)).toBe('found:medium');
    // An overlay too big for its uplink is still found, whatever the ping shows.
    expect(verdictOf(diagnoseTexts({ l: link(1450, 1450), p }), cause)).toBe('found:medium');
  });

  it('does not call a local "message too long" a mismatch: that is the host’s own MTU at work', () => {
    const local = `$ ping -M do -s 1500 www.google.com
PING www.google.com (74.125.22.147) 1500(1528) bytes of data.
ping: local error: Message too long, mtu=1438
`;
    expect(verdictOf(diagnoseTexts({ p: local }), cause)).not.toMatch(/^found/);
  });

  describe('ping loss', () => {
    const run = (size: number, body: string, stats: string) =>
      `PING 10.0.0.2 (10.0.0.2) ${size}(${size + 28}) bytes of data.\n${body}\n--- 10.0.0.2 ping statistics ---\n${stats}\n`;
    const ok = run(
      1372,
      '1380 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.3 ms',
      '1 packets transmitted, 1 received, 0% packet loss, time 0ms',
    );

    it('big packets lost whole while small ones pass: a black hole', () => {
      const lost = run(
        1472,
        '',
        '3 packets transmitted, 0 received, 100% packet loss, time 2041ms',
      );
      expect(
        verdictOf(diagnoseTexts({ p: `$ ping -M do -s 1472 -c 3 10.0.0.2\n${lost}${ok}` }), cause),
      ).toBe('found:medium');
    });

    it('big packets answered "Destination Host Unreachable": the host is unreachable, no MTU finding', () => {
      const unreachable = run(
        1472,
        'From 10.0.0.1 icmp_seq=1 Destination Host Unreachable',
        '3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2041ms',
      );
      expect(verdictOf(diagnoseTexts({ p: `${unreachable}${ok}` }), cause)).not.toMatch(/^found/);
    });

    it('sizes to different targets are not compared', () => {
      const other = run(
        1472,
        '',
        '3 packets transmitted, 0 received, 100% packet loss, time 2041ms',
      ).replace(/10\.0\.0\.2/g, '10.0.0.3');
      expect(verdictOf(diagnoseTexts({ p: `${other}${ok}` }), cause)).not.toMatch(/^found/);
    });
  });
  it('a capture of ICMP "need to frag (mtu 1440)" is medium, the fix sized from it (calico 2334)', () => {
    const cap = readRules('mtu-mismatch/fixtures/broken--calico2334-tcpdump-need-to-frag.txt');
    const d = diagnoseTexts({ cap });
    expect(verdictOf(d, cause)).toBe('found:medium');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.line)).toEqual([11]);
    expect(f.fix.now).toContain('1390');
  });
  it('need to frag acted on (re-sent in segments that fit) is path MTU discovery working (xcluster)', () => {
    const cap = readRules(
      'mtu-mismatch/fixtures/healthy--xcluster-tcpdump-need-to-frag-obeyed.txt',
    );
    expect(verdictOf(diagnoseTexts({ cap }), cause)).not.toMatch(/^found/);
    // The same capture where the re-sends are still too big (1388 + 40 > 1400): not acted on.
    const ignored = cap.replace(/length 1348: HTTP/g, 'length 1388: HTTP');
    expect(verdictOf(diagnoseTexts({ cap: ignored }), cause)).toBe('found:medium');
    // Two messages, one acted on and one (another destination) not: still the black-hole sign.
    const mixed = cap.replace(
      /(15:22:09\.792478 IP 192\.168\.0\.5 > 11\.0\.40\.65: ICMP) 192\.168\.2\.221/,
      '$1 192.168.2.222',
    );
    expect(verdictOf(diagnoseTexts({ cap: mixed }), cause)).toBe('found:medium');
  });
});
