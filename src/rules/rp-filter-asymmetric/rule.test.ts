import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';

const cause = 'rp-filter-asymmetric';
const ipAddr = `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000
    link/ether 08:00:27:be:4a:e8 brd ff:ff:ff:ff:ff:ff
    inet 10.0.2.15/24 brd 10.0.2.255 scope global dynamic eth0
       valid_lft 76347sec preferred_lft 76347sec
3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000
    link/ether 08:00:27:65:e6:28 brd ff:ff:ff:ff:ff:ff
    inet 192.168.33.2/24 brd 192.168.33.255 scope global eth1
       valid_lft forever preferred_lft forever
`;
const oneNic = ipAddr.slice(0, ipAddr.indexOf('3: eth1'));
const rp = (all: number, dflt: number) =>
  `net.ipv4.conf.all.rp_filter = ${all}\nnet.ipv4.conf.default.rp_filter = ${dflt}\n`;

describe(cause, () => {
  it('finds strict filtering on a two-NIC node (medium), high with martian sources logged', () => {
    expect(verdictOf(diagnoseTexts({ s: rp(1, 1), a: ipAddr }), cause)).toBe('found:medium');
    const martian = '[32198.726538] IPv4: martian source 10.0.0.6 from 10.19.16.45, on dev eth1\n';
    const d = diagnoseTexts({ s: rp(1, 1), a: ipAddr, k: martian });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.fix.now).toMatch(
      /net\.ipv4\.conf\.all\.rp_filter=2 .*net\.ipv4\.conf\.eth[01]\.rp_filter=2/,
    );
  });

  it('uses the larger of conf.all and conf.<dev>: a device at 0 under all = 1 is strict', () => {
    const s = `${rp(1, 0)}net.ipv4.conf.eth1.rp_filter = 0\n`;
    expect(verdictOf(diagnoseTexts({ s, a: ipAddr }), cause)).toMatch(/^found/);
    const loose = `${rp(2, 1)}net.ipv4.conf.eth1.rp_filter = 1\n`;
    expect(verdictOf(diagnoseTexts({ s: loose, a: ipAddr }), cause)).toBe('ruled-out');
  });

  it('rules it out on one uplink, or when loose (the fix)', () => {
    expect(verdictOf(diagnoseTexts({ s: rp(1, 1), a: oneNic }), cause)).toBe('ruled-out');
    expect(verdictOf(diagnoseTexts({ s: rp(2, 2), a: ipAddr }), cause)).toBe('ruled-out');
  });

  it('needs the topology: strict filtering alone is the RHEL default, not a fault', () => {
    expect(verdictOf(diagnoseTexts({ s: rp(1, 1) }), cause)).toBe('no-evidence');
  });

  it('quotes VLAN devices the way sysctl spells them (eth0.100 → eth0/100)', () => {
    const vlan = ipAddr.replace(/eth1/g, 'eth0.100');
    const route =
      'default via 10.0.2.2 dev eth0 proto dhcp src 10.0.2.15 metric 100\n10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15\n';
    const d = diagnoseTexts({ s: rp(1, 1), a: vlan, r: route });
    expect(d.findings.find((x) => x.cause === cause)!.fix.now).toContain(
      'net.ipv4.conf.eth0/100.rp_filter=2',
    );
  });
});
