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

describe('ip-route', () => {
  it('`ip r` of a Vagrant host: one default route, devices', () => {
    const s = one(local('ip-route--serverfault1047365-vagrant-host.txt'));
    const f = factsOf(s, 'ip-route');
    expect(s.status).toBe('parsed');
    expect(f.routes).toHaveLength(5);
    expect(f.defaults).toEqual([
      expect.objectContaining({
        via: '10.0.2.2',
        dev: 'eth0',
        proto: 'dhcp',
        src: '10.0.2.15',
        metric: 100,
        line: 1,
      }),
    ]);
    expect(f.devices).toEqual(['eth0', 'eth1', 'vetha8400046']);
    expect(f.routes[4]).toMatchObject({ destination: '192.168.33.11', scope: 'link', via: null });
  });

  it('CentOS 7.7: a linkdown route', () => {
    const f = factsOf(one(local('ip-route--centos77-jc.txt')), 'ip-route');
    expect(f.routes[3]).toMatchObject({ dev: 'docker0', flags: ['linkdown'] });
  });

  it('calico and flannel routes: blackhole, onlink, two defaults', () => {
    const f = factsOf(
      one(
        'default via 10.0.0.1 dev eth0 proto static metric 100\ndefault via 10.1.0.1 dev eth1 proto static metric 200\nblackhole 10.244.0.0/26 proto bird\n10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink',
      ),
      'ip-route',
    );
    expect(f.defaults.map((d) => d.dev)).toEqual(['eth0', 'eth1']);
    expect(f.routes[2]).toMatchObject({ type: 'blackhole', destination: '10.244.0.0/26' });
    expect(f.routes[3]!.flags).toEqual(['onlink']);
  });
});

describe('ip-route: table all', () => {
  it('`unreachable ... error -101` routes are read, and are no default route', () => {
    const s = one(local('ip-route--insights-core-table-all-ipv6.txt'));
    const f = factsOf(s, 'ip-route');
    expect(s.status).toBe('parsed');
    expect(f.routes).toHaveLength(46);
    expect(f.routes.find((r) => r.destination === '::ffff:0.0.0.0/96')).toMatchObject({
      type: 'unreachable',
      dev: 'lo',
      metric: 1024,
      flags: [],
    });
    expect(f.defaults.map((d) => [d.via, d.dev])).toEqual([
      ['192.168.23.250', 'enp0s25'],
      ['fe80::a96:d7ff:fe38:d757', 'enp0s25'],
    ]);
  });
});

describe('ip-route: `ip route get ... iif DEV` refused (EXDEV)', () => {
  // lyft/cni-ipvlan-vpc-k8s#38: the three `ip route get` of the issue, as posted (fenced).
  const posted = [
    '```',
    '$ ip route get 172.30.182.212 from 172.21.51.75 iif ens3',
    'RTNETLINK answers: Invalid cross-device link',
    '',
    '$ ip route get 172.30.182.212',
    '172.30.182.212 dev veth3b59a300  src 172.30.183.34',
    '',
    '$ ip route get 172.21.51.75 from 172.30.182.212 iif veth3b59a300',
    '172.21.51.75 from 172.30.182.212 via 172.30.182.212 dev veth3b59a300',
    '``` ',
  ].join('\n');

  it('reads the refusal with the addresses and the input device of the command', () => {
    const rs = parsePaste(posted, 'x').filter((s) => s.kind === 'ip-route');
    expect(rs).toHaveLength(3);
    const f = factsOf(rs[0]!, 'ip-route');
    expect(f.routes).toEqual([]);
    expect(f.sourceRejected).toEqual([
      {
        to: '172.30.182.212',
        from: '172.21.51.75',
        iif: 'ens3',
        line: 3,
        text: 'RTNETLINK answers: Invalid cross-device link',
      },
    ]);
    // The answered ones are routes, and the closing fence (with a trailing blank) is no problem.
    expect(rs.map((s) => s.status)).toEqual(['parsed', 'parsed', 'parsed']);
    expect(factsOf(rs[2]!, 'ip-route').routes[0]).toMatchObject({ dev: 'veth3b59a300' });
  });

  it('takes EXDEV for a reverse-path refusal only under `ip route get`', () => {
    const add =
      '# ip route add 10.0.0.0/8 via 192.168.1.1 dev eth1\nRTNETLINK answers: Invalid cross-device link\n';
    expect(parsePaste(add, 'x').some((s) => s.kind === 'ip-route')).toBe(false);
    // Without the command nothing says which call failed.
    const bare = 'RTNETLINK answers: Invalid cross-device link\n';
    expect(parsePaste(bare, 'x')[0]!.kind).toBeNull();
    // `mv` says the same words for another EXDEV.
    const mv =
      "$ ip r g 10.1.1.1 from 10.2.2.2 iif eth0\nmv: cannot move 'a' to 'b': Invalid cross-device link\n";
    expect(parsePaste(mv, 'x').some((s) => s.kind === 'ip-route')).toBe(false);
  });

  it('reads the short and sudo spellings of the command', () => {
    const f = factsOf(
      one(
        '$ sudo ip -4 r g to 10.0.0.6 iif eth1 from 10.19.16.45 mark 0x1\nRTNETLINK answers: Invalid cross-device link\n',
      ),
      'ip-route',
    );
    expect(f.sourceRejected[0]).toMatchObject({ to: '10.0.0.6', from: '10.19.16.45', iif: 'eth1' });
  });
});

describe('ip-route: multipath routes', () => {
  it('reads a default route whose paths are on `nexthop` lines (cilium#12317)', () => {
    const f = factsOf(one(local('ip-route--cilium12317-exabgp-multipath-default.txt')), 'ip-route');
    expect(f.defaults).toEqual([
      expect.objectContaining({
        proto: 'exabgp',
        src: '10.189.20.54',
        metric: 500,
        via: '10.129.119.2',
        dev: 'eth0',
        nexthops: [
          { via: '10.129.119.2', dev: 'eth0' },
          { via: '10.129.119.1', dev: 'eth0' },
        ],
      }),
    ]);
    expect(f.devices).toEqual(['eth0']);
  });

  it('keeps a route of its own gateway, and lists every path device', () => {
    const f = factsOf(
      one(
        'default via 10.0.0.1 dev eth0 proto static\n10.9.0.0/16 proto bird metric 20\n\tnexthop via 10.1.0.1 dev eth1 weight 1\n\tnexthop via 10.2.0.1 dev eth2 weight 1\n',
      ),
      'ip-route',
    );
    expect(f.defaults[0]).toMatchObject({ via: '10.0.0.1', dev: 'eth0' });
    expect(f.defaults[0]!.nexthops).toBeUndefined();
    expect(f.routes[1]).toMatchObject({ via: '10.1.0.1', dev: 'eth1' });
    expect(f.devices).toEqual(['eth0', 'eth1', 'eth2']);
  });

  it('does not take stray `nexthop` prose, or nexthop lines alone among text, for routes', () => {
    const prose = 'the nexthop was wrong\nwe changed it\nthen it worked\n';
    expect(parsePaste(prose, 'x').some((s) => s.kind === 'ip-route')).toBe(false);
    const hostile = `default proto bgp metric 20\n\tnexthop via ${'9'.repeat(3000)} dev eth0\n`;
    expect(() => parsePaste(hostile, 'x')).not.toThrow();
  });
});
