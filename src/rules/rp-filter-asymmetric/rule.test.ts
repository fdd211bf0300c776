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

  describe('the kernel refusing `ip route get ... iif DEV` (Invalid cross-device link)', () => {
    // lyft/cni-ipvlan-vpc-k8s#38 (NodePort DNATed to a local pod behind its own veth).
    const get =
      '$ ip route get 172.30.182.212 from 172.21.51.75 iif ens3\nRTNETLINK answers: Invalid cross-device link\n';
    const martian =
      '[912228.409488] IPv4: martian source 172.30.182.212 from 172.21.51.75, on dev ens3\n[912228.409534] ll header: 00000000: 0e d8 07 a0 c0 0c 0e f0 4b 50 fd 5c 08 00        ........KP.\\..\n';

    it('is the cause without sysctl: medium alone, high with the martian source logged', () => {
      expect(verdictOf(diagnoseTexts({ r: get }), cause)).toBe('found:medium');
      const d = diagnoseTexts({ r: get, k: martian });
      expect(verdictOf(d, cause)).toBe('found:high');
      const f = d.findings.find((x) => x.cause === cause)!;
      expect(f.fix.now).toContain('net.ipv4.conf.ens3.rp_filter=2');
      expect(f.why.params).toMatchObject({ from: '172.21.51.75', iif: 'ens3' });
    });

    it('defers to sysctl when it says the device does not filter strictly', () => {
      const off = 'net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.ens3.rp_filter = 0\n';
      expect(verdictOf(diagnoseTexts({ r: get, s: off }), cause)).not.toMatch(/^found/);
      const strict = 'net.ipv4.conf.all.rp_filter = 1\n';
      expect(verdictOf(diagnoseTexts({ r: get, s: strict }), cause)).toBe('found:medium');
    });

    it('says nothing from an answered `ip route get` or a martian line alone', () => {
      const answered =
        '$ ip route get 10.1.1.1 from 10.2.2.2 iif eth0\n10.1.1.1 from 10.2.2.2 dev cni0\n';
      expect(verdictOf(diagnoseTexts({ r: answered }), cause)).not.toMatch(/^found/);
      expect(verdictOf(diagnoseTexts({ k: martian }), cause)).not.toMatch(/^found/);
    });
  });

  describe("a martian source on Cilium's pod device, where any rp_filter drops", () => {
    // haruband/codebook k8s/rpfilter (systemd-sysctl set 2 on a new lxc device; cilium#10645).
    const journal = [
      'Dec 09 06:46:20 node0 kernel: IPv4: martian source 10.0.0.253 from 10.0.0.113, on dev lxc3c160d6c7aa0',
      'Dec 09 06:46:20 node0 kernel: ll header: 00000000: 8a 95 96 c7 1f 85 0a 50 d2 29 32 ba 08 00',
    ].join('\n');
    const loose = 'net.ipv4.conf.lxc3c160d6c7aa0.rp_filter = 2\n';

    it("is found high with the device's own key, medium from conf.default, with the turn-off fix", () => {
      const d = diagnoseTexts({ k: journal, s: loose });
      expect(verdictOf(d, cause)).toBe('found:high');
      const f = d.findings.find((x) => x.cause === cause)!;
      expect(f.fix.now).toContain('net.ipv4.conf.lxc3c160d6c7aa0.rp_filter=0');
      expect(f.fix.now).not.toContain('rp_filter=2');
      expect(f.fix.persist).toContain("'net.ipv4.conf.lxc*.rp_filter = 0'");
      const inherited = 'net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.default.rp_filter = 2\n';
      expect(verdictOf(diagnoseTexts({ k: journal, s: inherited }), cause)).toBe('found:medium');
    });

    it('says nothing once the device is at 0 (the fix), for a bogus source, or off Cilium', () => {
      const fixed =
        'net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.lxc3c160d6c7aa0.rp_filter = 0\n';
      expect(verdictOf(diagnoseTexts({ k: journal, s: fixed }), cause)).not.toMatch(/^found/);
      const bogus = journal.replace('from 10.0.0.113', 'from 127.0.0.1');
      const inheritedOnly = 'net.ipv4.conf.default.rp_filter = 2\n';
      expect(verdictOf(diagnoseTexts({ k: bogus, s: inheritedOnly }), cause)).not.toMatch(/^found/);
      // The device's own key still shows the filtering (low), but the bogus line adds nothing.
      expect(verdictOf(diagnoseTexts({ k: bogus, s: loose }), cause)).toBe('found:low');
      // Calico keeps rp_filter = 1 on its workload devices on purpose (anti-spoofing).
      const calico = journal.replace(/lxc3c160d6c7aa0/g, 'cali12d4a061371');
      const caliRp = 'net.ipv4.conf.cali12d4a061371.rp_filter = 1\n';
      expect(verdictOf(diagnoseTexts({ k: calico, s: caliRp }), cause)).not.toMatch(/^found/);
      // LXC's own bridge carries an address: the kernel's check works there as on any bridge.
      const lxcbr = journal.replace(/lxc3c160d6c7aa0/g, 'lxcbr0');
      const lxcbrRp = 'net.ipv4.conf.lxcbr0.rp_filter = 1\n';
      expect(verdictOf(diagnoseTexts({ k: lxcbr, s: lxcbrRp }), cause)).not.toMatch(/^found/);
      // Without sysctl the device's mode is unknown.
      expect(verdictOf(diagnoseTexts({ k: journal }), cause)).not.toMatch(/^found/);
    });
  });

  describe("sysctl alone showing filtering on one of Cilium's pod devices", () => {
    // cilium/cilium#10645 (nberlee): systemd 245 set 2 on the lxc devices; pods lost egress.
    const systemd245 = [
      '$ sysctl net.ipv4.conf.lxc4d36398ebb25.rp_filter',
      'net.ipv4.conf.lxc4d36398ebb25.rp_filter = 2',
      '$ sysctl net.ipv4.conf.all.rp_filter',
      'net.ipv4.conf.all.rp_filter = 0',
      '$ sysctl net.ipv4.conf.cilium_host.rp_filter',
      'net.ipv4.conf.cilium_host.rp_filter = 2',
      '',
    ].join('\n');

    it('is found low, quoting the device key, with the turn-off fix', () => {
      const d = diagnoseTexts({ s: systemd245 });
      expect(verdictOf(d, cause)).toBe('found:low');
      const f = d.findings.find((x) => x.cause === cause)!;
      expect(f.why.params).toMatchObject({ dev: 'lxc4d36398ebb25', mode: '2' });
      expect(f.fix.now).toContain('net.ipv4.conf.lxc4d36398ebb25.rp_filter=0');
      expect(f.fix.persist).toContain("'net.ipv4.conf.lxc*.rp_filter = 0'");
    });

    it('counts conf.all: a pod device at 0 under all = 2 still filters (cilium#19761)', () => {
      const s = 'net.ipv4.conf.all.rp_filter = 2\nnet.ipv4.conf.lxc94a9b8960b75.rp_filter = 0\n';
      const d = diagnoseTexts({ s });
      expect(verdictOf(d, cause)).toBe('found:low');
      expect(d.findings.find((x) => x.cause === cause)!.why.params).toMatchObject({
        key: 'net.ipv4.conf.all.rp_filter',
      });
    });

    it('says nothing when the pod devices are at 0, for LXC bridges, or off Cilium', () => {
      // cilium#19761, the working state.
      const working = [
        'net.ipv4.conf.all.rp_filter = 0',
        'net.ipv4.conf.cilium_host.rp_filter = 0',
        'net.ipv4.conf.default.rp_filter = 0',
        'net.ipv4.conf.eth0.rp_filter = 0',
        'net.ipv4.conf.lxc94a9b8960b75.rp_filter = 0',
        'net.ipv4.conf.lxc_health.rp_filter = 0',
        '',
      ].join('\n');
      expect(verdictOf(diagnoseTexts({ s: working }), cause)).not.toMatch(/^found/);
      const lxcBridge = 'net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.lxcbr0.rp_filter = 1\n';
      expect(verdictOf(diagnoseTexts({ s: lxcBridge }), cause)).not.toMatch(/^found/);
      const calico =
        'net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.cali12d4a061371.rp_filter = 1\n';
      expect(verdictOf(diagnoseTexts({ s: calico }), cause)).not.toMatch(/^found/);
      // cilium_host alone has an address: not this evidence.
      const hostOnly = 'net.ipv4.conf.cilium_host.rp_filter = 2\n';
      expect(verdictOf(diagnoseTexts({ s: hostOnly }), cause)).not.toMatch(/^found/);
    });
  });
});
