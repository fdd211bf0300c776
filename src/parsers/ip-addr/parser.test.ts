import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { parsePaste } from '../registry';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('ip-addr', () => {
  it('`ip addr` of a Vagrant host: MTU, state, addresses, veth peer', () => {
    const s = one(local('ip-addr--serverfault1047365-vagrant-host.txt'));
    const f = factsOf(s, 'ip-addr');
    expect(s.status).toBe('parsed');
    expect(s.command).toBe('ip addr');
    expect(Object.keys(f.interfaces)).toEqual(['lo', 'eth0', 'eth1', 'vetha8400046']);
    expect(f.interfaces.eth1).toMatchObject({ mtu: 1500, state: 'UP', link: 'ether', line: 14 });
    expect(f.interfaces.eth1!.addresses[0]).toEqual({
      address: '192.168.33.2/24',
      family: 'inet',
      scope: 'global',
      line: 16,
    });
    expect(f.interfaces.vetha8400046).toMatchObject({ peer: 'if2', type: 'veth' });
  });

  it('`ip -d link` of flannel.1 and a grep-filtered `ip link` with a cut line', () => {
    const d = factsOf(
      one(
        '4: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default\n    link/ether 8e:3b:52:1a:0c:77 brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 65535\n    vxlan id 1 local 192.168.0.21 dev eth0 srcport 0 0 dstport 8472 nolearning ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535',
      ),
      'ip-addr',
    );
    expect(d.interfaces['flannel.1']).toMatchObject({
      type: 'vxlan',
      mtu: 1450,
      vxlan: { id: 1, dev: 'eth0', dstport: 8472 },
    });
    const g = factsOf(
      one(
        "$ ip link show | grep -E '^[0-9]+:|mtu'\n2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP\n4: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN\n5: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP\n7: vethb31a4f2@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 ...",
      ),
      'ip-addr',
    );
    expect(Object.values(g.interfaces).map((i) => [i.name, i.mtu, i.type])).toEqual([
      ['eth0', 1500, null],
      ['flannel.1', 1450, 'vxlan'],
      ['cni0', 1500, 'bridge'],
      ['vethb31a4f2', 1500, 'veth'],
    ]);
  });

  it('`ip -br addr`', () => {
    const f = factsOf(
      one(
        'lo               UNKNOWN        127.0.0.1/8 ::1/128 \neth0             UP             10.0.2.15/24 fe80::a00:27ff:febe:4ae8/64 \ntunl0@NONE       UNKNOWN        10.244.1.0/32 ',
      ),
      'ip-addr',
    );
    expect(f.format).toBe('brief');
    expect(f.interfaces.eth0!.addresses.map((a) => a.family)).toEqual(['inet', 'inet6']);
    expect(f.interfaces.tunl0).toMatchObject({ type: 'ipip', state: 'UNKNOWN' });
  });

  it('names the WireGuard devices of each CNI, and no look-alike', () => {
    const rows = [
      'flannel-wg       UNKNOWN        10.42.0.0/32',
      'flannel-wg-v6    UNKNOWN        fd00:42::/128',
      'antrea-wg0       UNKNOWN        10.10.0.1/32',
      'kubespan         UNKNOWN        fd83:b1f9:f8d3:3102:1234::1/128',
      'wg-v6.cali       UNKNOWN        fd00:10:244::1/128',
      'flannel-v6.1     UNKNOWN        fd00:10:244::/128',
      'wgx              UNKNOWN        10.9.9.9/32',
    ];
    const f = factsOf(one(rows.join('\n')), 'ip-addr');
    expect(Object.values(f.interfaces).map((i) => [i.name, i.type])).toEqual([
      ['flannel-wg', 'wireguard'],
      ['flannel-wg-v6', 'wireguard'],
      ['antrea-wg0', 'wireguard'],
      ['kubespan', 'wireguard'],
      ['wg-v6.cali', 'wireguard'],
      ['flannel-v6.1', 'vxlan'],
      ['wgx', null],
    ]);
  });

  it('heads whose `N: ` index the poster dropped or replaced by a list number (calico 3895)', () => {
    const f = factsOf(
      one(
        '## Steps to Reproduce (for bugs)\n\n1.cali34d45bc515f@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT\n2.tunl0@NONE: <NOARP> mtu 1440 qdisc noop state DOWN group default qlen 1\n3.\n4.\n',
      ),
      'ip-addr',
    );
    expect(Object.values(f.interfaces).map((i) => [i.name, i.index, i.mtu, i.state])).toEqual([
      ['cali34d45bc515f', null, 1500, 'UP'],
      ['tunl0', null, 1440, 'DOWN'],
    ]);
    expect(f.interfaces.tunl0).toMatchObject({ type: 'ipip', flags: ['NOARP'], line: 4 });
    const bare = factsOf(
      one('- eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9001 qdisc mq state UP'),
      'ip-addr',
    );
    expect(bare.interfaces.eth0?.mtu).toBe(9001);
    // Prose naming an interface, or flags without the `mtu N` that follows them, is no head.
    const none = (t: string) => parsePaste(t, 'x').every((r) => r.kind !== 'ip-addr');
    expect(none('eth0: <BROADCAST,MULTICAST,UP> is what the docs show')).toBe(true);
    expect(none('note: <b>mtu 1500</b> here')).toBe(true);
  });
});

describe('ip-addr: ip -d -s link', () => {
  it('a bond: `bond_slave` details and counters are read, not refused', () => {
    const s = one(local('ip-addr--insights-core-d-s-link-bond.txt'));
    const f = factsOf(s, 'ip-addr');
    expect(s.status).toBe('parsed');
    expect(Object.keys(f.interfaces)).toEqual(['lo', 'enp1s0', 'enp2s0', 'bond0']);
    expect(f.interfaces.enp1s0).toMatchObject({ master: 'bond0', mtu: 1500, type: null });
    expect(f.interfaces.bond0).toMatchObject({ type: 'bond', state: 'UP' });
  });

  it('SR-IOV virtual functions and switch members are detail lines too', () => {
    const s = one(
      [
        '7: ens1f1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000',
        '    link/ether b4:96:91:e5:c8:a9 brd ff:ff:ff:ff:ff:ff promiscuity 0',
        '    openvswitch_slave addrgenmode eui64 numtxqueues 8 numrxqueues 8',
        '    RX: bytes  packets  errors  dropped missed  mcast',
        '    17496609   257835   0       67      0       792',
        '    vf 0     link/ether 6e:cc:c3:fe:ad:7f brd ff:ff:ff:ff:ff:ff, spoof checking on, link-state auto, trust off',
        '    RX: bytes  packets  mcast   bcast   dropped',
        '    14069717   192865   0       192865  192865',
      ].join('\n'),
    );
    expect(s.status).toBe('parsed');
  });
});

describe('ip-addr: ifconfig', () => {
  it('net-tools 2.10 `ifconfig` of a flannel node: MTUs, flags, addresses as prefixes', () => {
    const s = one(local('ip-addr--flannel1764-ifconfig-healthy.txt'));
    const f = factsOf(s, 'ip-addr');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('ifconfig');
    expect(Object.values(f.interfaces).map((i) => [i.name, i.mtu, i.type, i.state])).toEqual([
      ['cni0', 1450, 'bridge', 'UP'],
      ['eth0', 1500, null, 'UP'],
      ['flannel.1', 1450, 'vxlan', 'UP'],
    ]);
    expect(f.interfaces.eth0!.addresses[0]).toEqual({
      address: '192.168.128.17/24',
      family: 'inet',
      scope: null,
      line: 11,
    });
    expect(f.interfaces['flannel.1']!.addresses.map((a) => [a.address, a.scope])).toEqual([
      ['10.244.1.0/32', null],
      ['fe80::2c59:f8ff:fe70:1b09/64', 'link'],
      ['fe80::6201:9897:17ff:7c19/64', 'link'],
    ]);
  });

  it('net-tools 1.60 `Link encap` form: MTU and flags from the `UP ... MTU:` line', () => {
    const f = factsOf(
      one(
        [
          'docker0   Link encap:Ethernet  HWaddr 02:42:1f:23:ae:78  ',
          '          inet addr:10.2.52.1  Bcast:10.2.52.255  Mask:255.255.255.0',
          '          UP BROADCAST MULTICAST  MTU:1500  Metric:1',
          '          RX packets:0 errors:0 dropped:0 overruns:0 frame:0',
          '          collisions:0 txqueuelen:0 ',
          '          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)',
          '',
          'flannel.1 Link encap:Ethernet  HWaddr ae:c2:97:b6:27:bd  ',
          '          inet addr:10.2.52.0  Bcast:0.0.0.0  Mask:255.255.255.255',
          '          inet6 addr: fe80::acc2:97ff:feb6:27bd/64 Scope:Link',
          '          UP BROADCAST RUNNING MULTICAST  MTU:1450  Metric:1',
          '          TX packets:0 errors:0 dropped:8 overruns:0 carrier:0',
          '',
          'lo        Link encap:Local Loopback  ',
          '          inet addr:127.0.0.1  Mask:255.0.0.0',
          '          UP LOOPBACK RUNNING  MTU:65536  Metric:1',
        ].join('\n'),
      ),
      'ip-addr',
    );
    expect(Object.values(f.interfaces).map((i) => [i.name, i.mtu, i.state, i.link])).toEqual([
      ['docker0', 1500, 'DOWN', 'ether'],
      ['flannel.1', 1450, 'UP', 'ether'],
      ['lo', 65536, 'UP', 'loopback'],
    ]);
    expect(f.interfaces['flannel.1']!.addresses.map((a) => a.address)).toEqual([
      '10.2.52.0/32',
      'fe80::acc2:97ff:feb6:27bd/64',
    ]);
  });

  it('`ifconfig | grep mtu` and `| grep -B1 inet` (with `--` separators)', () => {
    const f = factsOf(
      one(
        'cni0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1450\n        inet 10.244.0.1  netmask 255.255.255.0  broadcast 10.244.0.255\n--\nens3: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet 135.125.174.14  netmask 255.255.255.255  broadcast 0.0.0.0',
      ),
      'ip-addr',
    );
    expect(Object.keys(f.interfaces)).toEqual(['cni0', 'ens3']);
  });
});

describe('ip-addr: netstat -i', () => {
  it('CentOS 7 (names cut to 8): MTUs, state from the flags, `flannel.` is the VXLAN device', () => {
    const s = one(local('ip-addr--k8s45022-netstat-i-centos7.txt'));
    const f = factsOf(s, 'ip-addr');
    expect(s.status).toBe('parsed');
    expect(s.command).toBe('netstat -i');
    expect(f.format).toBe('netstat-i');
    expect(Object.values(f.interfaces).map((i) => [i.name, i.mtu, i.type, i.state])).toEqual([
      ['docker0', 1500, 'bridge', 'UP'],
      ['ens192', 1500, null, 'UP'],
      ['flannel.', 1450, 'vxlan', 'UP'],
      ['lo', 65536, null, 'UP'],
      ['veth1640', 1500, 'veth', 'UP'],
      ['veth6537', 1500, 'veth', 'UP'],
      ['vetha631', 1500, 'veth', 'UP'],
      ['vethb57a', 1500, 'veth', 'UP'],
    ]);
    expect(f.interfaces.lo).toMatchObject({
      flags: ['LOOPBACK', 'RUNNING', 'UP'],
      link: 'loopback',
    });
    expect(f.interfaces['flannel.']).toMatchObject({ line: 6, addresses: [] });
  });

  it('net-tools 2.10 (wide names), 1.60 (a `Met` column), no statistics, a down bridge', () => {
    const wide = factsOf(
      one(
        [
          'Kernel Interface table',
          'Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg',
          'docker0          1500        0      0      0 0             0      0      0      0 BMU',
          'ens33            1500      476      0      0 0           312      0      0      0 BMRU',
          'cali07fc6177437  1500 45550476      0      0 0      45550476      0      0      0 BMRU',
          'vxlan.calico     1450     1207      0      0 0          1414      0      0      0 BMRU',
          'tun0            1400        6      0      0 0            16      0      0      0 PRU',
          'dummy0           1500     - no statistics available -                        BO',
        ].join('\n'),
      ),
      'ip-addr',
    );
    expect(Object.values(wide.interfaces).map((i) => [i.name, i.mtu, i.type, i.state])).toEqual([
      ['docker0', 1500, 'bridge', 'DOWN'],
      ['ens33', 1500, null, 'UP'],
      ['cali07fc6177437', 1500, 'veth', 'UP'],
      ['vxlan.calico', 1450, 'vxlan', 'UP'],
      ['tun0', 1400, null, 'UP'],
      ['dummy0', 1500, null, 'DOWN'],
    ]);
    const met = one(
      'v@v:~$ netstat -i\nKernel Interface table\nIface   MTU Met   RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\neth0       1500 0      7870      0      0 0          3749      0      0      0 BMRU\nlo        65536 0       443      0      0 0           443      0      0      0 LRU',
    );
    expect(met.status).toBe('parsed');
    expect(Object.values(factsOf(met, 'ip-addr').interfaces).map((i) => i.mtu)).toEqual([
      1500, 65536,
    ]);
  });

  it('a cut name is a tunnel only when one known tunnel name starts with it', () => {
    const f = factsOf(
      one(
        'Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\nvxlan.ca  1450        0      0      0 0             0      0      0      0 BMRU\nflannel-  1420        0      0      0 0             0      0      0      0 ORU\ncilium_h  1500        0      0      0 0             0      0      0      0 BMRU\nwireguar  1440        0      0      0 0             0      0      0      0 ORU',
      ),
      'ip-addr',
    );
    expect(Object.values(f.interfaces).map((i) => [i.name, i.type])).toEqual([
      ['vxlan.ca', 'vxlan'],
      ['flannel-', null], // flannel-wg or flannel-v6.1
      ['cilium_h', null], // cilium_host is no tunnel
      ['wireguar', 'wireguard'],
    ]);
  });

  it('`netstat -ie` (ifconfig blocks under the title) is read as ifconfig', () => {
    const s = one(
      '$ netstat -ie\nKernel Interface table\nenp6s0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet 192.168.1.150  netmask 255.255.255.0  broadcast 192.168.1.255\n        ether e0:69:95:c7:ad:84  txqueuelen 1000  (Ethernet)\n        RX packets 2655739  bytes 3500246197 (3.5 GB)',
    );
    expect(s.status).toBe('parsed');
    expect(factsOf(s, 'ip-addr')).toMatchObject({ format: 'ifconfig' });
  });

  it('hostile: rows without the header, prose under it, a word for flags', () => {
    // Without the header a row of numbers is nobody's.
    const bare = parsePaste(
      'eth0      1500   938806      0      0 0        971740      0      0      0 BMRU',
      'x',
    );
    expect(bare.every((r) => r.kind !== 'ip-addr' || r.status === 'rejected')).toBe(true);
    const s = one(
      'Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\neth0      1500   938806      0      0 0        971740      0      0      0 BMRU\nnote      1500 1 2 3 4 5 6 7 8 hello\nthe MTU above is fine',
    );
    expect(s.status).toBe('partial');
    expect(Object.keys(factsOf(s, 'ip-addr').interfaces)).toEqual(['eth0']);
  });
});
