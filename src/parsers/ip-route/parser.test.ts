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
