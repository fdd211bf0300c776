import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import {
  claimsOnly,
  direct,
  only,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { parsePaste } from '../registry';
import { ipNeigh } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const source = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};
const FIXTURE = local('ip-neigh--insights-core-bond-vlans.txt');

describe('ip-neigh', () => {
  it('a host on bonded VLANs: entries per family, state and device', () => {
    const s = only(FIXTURE, 'ip-neigh');
    const f = s.facts;
    expect(s.status).toBe('parsed');
    expect(f).toMatchObject({
      total: 14,
      inet: { entries: 7, counted: 7 },
      inet6: { entries: 7, counted: 7 },
      states: { REACHABLE: 6, STALE: 5, DELAY: 1, INCOMPLETE: 2 },
      failed: 0,
      incomplete: 2,
      stale: 5,
    });
    expect(f.devices).toEqual({
      'bond0.104': { REACHABLE: 5, STALE: 2 },
      'bond0.101': { STALE: 2, REACHABLE: 1 },
      'bond0.102': { STALE: 1, DELAY: 1, INCOMPLETE: 2 },
    });
    expect(f.examples.INCOMPLETE!.map((c) => c.line)).toEqual([13, 14]);
    expect(s.summary).toEqual({
      key: 'parse.ip-neigh.summary',
      params: {
        n: 14,
        ipv4: 7,
        ipv6: 7,
        failed: 0,
        incomplete: 2,
        stale: 5,
        devices: 'bond0.104 7, bond0.102 4, bond0.101 3',
      },
    });
  });

  it('is not taken for `ip route`, though its lines have a `dev`', () => {
    expect(one('10.244.1.5 dev cni0 lladdr 0a:58:0a:f4:01:05 STALE').kind).toBe('ip-neigh');
    expect(one('10.0.0.9 dev eth0  FAILED\n10.0.0.7 dev eth0  INCOMPLETE').kind).toBe('ip-neigh');
    expect(one('default via 10.0.0.1 dev eth0 proto dhcp metric 100').kind).toBe('ip-route');
  });

  it('reads -s counters, flags and one-device listings; PERMANENT is not counted against gc_thresh', () => {
    const f = factsOf(
      one(
        [
          '10.0.0.1 dev eth0 lladdr 52:54:00:12:34:56 ref 1 used 9/9/6 probes 1 REACHABLE',
          'fe80::1 dev eth0 lladdr 52:54:00:12:34:57 router STALE',
          '10.0.0.2 dev eth0 lladdr 52:54:00:12:34:58 PERMANENT',
          '10.0.0.3 dev vxlan0 lladdr 52:54:00:12:34:59 extern_learn NOARP proto zebra',
          '10.0.0.4 lladdr 52:54:00:12:34:5a REACHABLE',
        ].join('\n'),
      ),
      'ip-neigh',
    );
    expect(f.inet).toEqual({ entries: 4, counted: 2 });
    expect(f.inet6).toEqual({ entries: 1, counted: 1 });
    expect(f.devices['-']).toEqual({ REACHABLE: 1 });
  });

  it('reports the lines it cannot read', () => {
    const out = direct(
      ipNeigh,
      '10.0.0.1 dev eth0 lladdr 52:54:00:12:34:56 REACHABLE\n172.17.42.2 dev lo lladdr\n10.0.0.2 dev eth0 lladdr 52:54:00:12:34:57 SOMETHING',
    );
    expect(out.status).toBe('partial');
    expect(out.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(direct(ipNeigh, '/usr/sbin/ip: bad command or file name').status).toBe('rejected');
  });

  it('a device named __proto__ is a device like any other', () => {
    const f = factsOf(one('10.0.0.1 dev __proto__ lladdr 52:54:00:12:34:56 FAILED'), 'ip-neigh');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.keys(f.devices)).toEqual(['__proto__']);
  });

  describe('a count of the listing (`arp -an | wc -l`)', () => {
    it('counts against the family the command names (imroc and mozillazg pastes)', () => {
      const arp = factsOf(one('``` bash\n$ arp -an | wc -l\n1335\n```\n'), 'ip-neigh');
      expect(arp.listed).toMatchObject({ value: 1335, family: 'inet', command: 'arp -an | wc -l' });
      expect(arp.inet).toEqual({ entries: 1335, counted: 1335 });
      expect(arp.first?.text).toBe('1335');
      const ip4 = factsOf(one('    $ ip -4 neigh show nud all | wc -l\n    1112\n'), 'ip-neigh');
      expect(ip4.inet.counted).toBe(1112);
      const ip6 = factsOf(one('$ ip -6 neigh show | wc -l\n12\n'), 'ip-neigh');
      expect([ip6.inet.counted, ip6.inet6.counted]).toEqual([0, 12]);
    });

    it('`ip neigh | wc -l` mixes both families: the number is kept, no family counted', () => {
      const f = factsOf(one('$ ip neigh | wc -l\n1500\n'), 'ip-neigh');
      expect(f.listed).toMatchObject({ value: 1500, family: null });
      expect([f.inet.entries, f.inet6.entries, f.first]).toEqual([0, 0, null]);
    });

    it('a filtered count, a second line, or no number is not a count of the table', () => {
      for (const text of [
        '$ arp -an | grep -v incomplete | wc -l\n300\n',
        '$ arp -an | wc -l\n1335\n1336\n',
        '$ arp -an | wc -l\narp: command not found\n',
        '$ wc -l /proc/net/nf_conntrack\n34775 /proc/net/nf_conntrack\n',
      ])
        expect(parsePaste(text, 'x').map((r) => r.kind)).not.toContain('ip-neigh');
    });
  });

  describe('net-tools `arp` listings', () => {
    it("`arp -v` with elided rows: the trailer's count is the table (kernel-5.0 write-up, case 1363)", () => {
      const f = factsOf(
        one(
          "```shell\n'# arp -v\nAddress                  HWtype  HWaddress           Flags Mask            Iface\n10.244.26.98             ether   02:42:0a:f4:1a:62   C                     docker0\n10.244.26.71             ether   02:42:0a:f4:1a:47   C                     docker0\n.....\nEntries: 72 Skipped: 0  Found: 72\n```\n",
        ),
        'ip-neigh',
      );
      expect([f.total, f.inet.entries, f.inet.counted, f.inet6.entries]).toEqual([72, 72, 72, 0]);
      expect(f.states).toEqual({ COMPLETE: 2 });
      expect(f.first?.text).toBe(
        '10.244.26.98             ether   02:42:0a:f4:1a:62   C                     docker0',
      );
    });

    it('`arp -n` with an unresolved peer and a bridge device (Chinese notes, CentOS host)', () => {
      const f = factsOf(
        one(
          '[root@localhost ~]# arp -n\nAddress                  HWtype  HWaddress           Flags Mask            Iface\n172.16.1.20              ether   28:6e:d4:8a:02:c0   C                     eth0\n172.16.1.25              ether   28:6e:d4:8a:15:61   C                     eth0\n172.18.0.9               ether   02:42:ac:12:00:09   C                     br-7f15bb750845\n172.16.1.254                     (incomplete)                              eth0\n172.16.1.22              ether   28:6e:d4:89:e0:09   C                     eth0\n172.16.1.24              ether   28:6e:d4:88:eb:3d   C                     eth0\n',
        ),
        'ip-neigh',
      );
      expect([f.total, f.inet.counted, f.incomplete]).toEqual([6, 6, 1]);
      expect(f.devices['br-7f15bb750845']).toEqual({ COMPLETE: 1 });
      expect(f.examples.INCOMPLETE?.[0]?.text).toBe(
        '172.16.1.254                     (incomplete)                              eth0',
      );
    });

    it('`arp -e` names hosts; `arp -an` (BSD style) lists <incomplete> peers (kops#4533)', () => {
      const e = factsOf(
        one(
          '$ arp -e\nAddress                  HWtype  HWaddress           Flags Mask            Iface\ngolkonda                 ether   b8:27:eb:f9:77:f4   C                     eth0\nLAB-Bruteforce                   (incomplete)                              eth0\n192.168.1.3              ether   c4:71:30:41:b7:4f   C                     eth0\nmy.router                ether   bc:ae:c5:e6:db:2c   C                     eth0\n',
        ),
        'ip-neigh',
      );
      expect([e.inet.entries, e.incomplete]).toEqual([4, 1]);
      const a = factsOf(
        one(
          'admin@ip-172-20-152-253:~$ sudo arp -an\n? (172.20.129.120) at <incomplete> on eth0\n? (172.20.147.224) at <incomplete> on eth0\n? (172.20.133.77) at 0e:c4:88:17:6e:66 [ether] on eth0\n? (172.20.157.124) at <incomplete> on eth0\n',
        ),
        'ip-neigh',
      );
      expect([a.inet.entries, a.inet.counted, a.incomplete, a.states.COMPLETE]).toEqual([
        4, 4, 3, 1,
      ]);
    });

    it('/proc/net/arp and a BSD-style `arp -a` naming its gateway (jc corpus, CentOS 7.7)', () => {
      const proc = factsOf(
        one(
          'IP address       HW type     Flags       HW address            Mask     Device\n192.168.71.254   0x1         0x2         00:50:56:f3:2f:ae     *        ens33\n192.168.71.2     0x1         0x2         00:50:56:f7:4a:fc     *        ens33\n192.168.71.1     0x1         0x2         a6:83:e7:d2:a9:65     *        ens33\n',
        ),
        'ip-neigh',
      );
      expect([proc.inet.entries, proc.inet.counted, proc.devices]).toEqual([
        3,
        3,
        { ens33: { COMPLETE: 3 } },
      ]);
      const a = factsOf(
        one(
          'gateway (192.168.71.2) at 00:50:56:f7:4a:fc [ether] on ens33\n? (192.168.71.1) at 00:50:56:c0:00:08 [ether] on ens33\n? (192.168.71.254) at 00:50:56:fe:7a:b4 [ether] on ens33\n',
        ),
        'ip-neigh',
      );
      expect([a.inet.entries, a.states]).toEqual([3, { COMPLETE: 3 }]);
    });

    it('a lone header is still refused with the hint to paste `ip neigh show`', () => {
      const [r] = parsePaste(
        '$ arp -n\nAddress                  HWtype  HWaddress           Flags Mask            Iface\n',
        'x',
      );
      expect(r?.status).toBe('rejected');
      expect(r?.problems[0]?.msg.key).toBe('parse.nearMiss.arp');
    });

    it('permanent entries (flag M, PERM) are listed but not counted against gc_thresh', () => {
      const f = factsOf(
        one(
          '$ arp -an\n? (10.0.0.1) at 52:54:00:12:34:56 [ether] PERM on eth0\n? (10.0.0.2) at 52:54:00:12:34:57 [ether] on eth0\n',
        ),
        'ip-neigh',
      );
      expect([f.inet.entries, f.inet.counted]).toEqual([2, 1]);
      const m = factsOf(
        one(
          '$ arp -n\nAddress                  HWtype  HWaddress           Flags Mask            Iface\n10.0.0.1                 ether   52:54:00:12:34:56   CM                    eth0\n10.0.0.2                 ether   52:54:00:12:34:57   C                     eth0\n',
        ),
        'ip-neigh',
      );
      expect([m.inet.entries, m.inet.counted]).toEqual([2, 1]);
    });

    it('is not read from `route -n`, or prose that mentions an address', () => {
      for (const text of [
        '$ route -n\nKernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n0.0.0.0         10.0.0.8        0.0.0.0         UG    100    0        0 eth0\n10.0.0.0        0.0.0.0         255.255.255.0   U     100    0        0 eth0\n',
        'the gateway (10.0.0.1) at the edge answers on eth0\n',
      ])
        expect(
          parsePaste(text, 'x').filter((r) => r.kind === 'ip-neigh' && r.status !== 'rejected'),
        ).toEqual([]);
    });
  });

  describe('claims no shared fixture', () => claimsOnly(ipNeigh, []));
  textsMatch('ip-neigh', [source('./parser.ts')]);
  describe('hostile input', () =>
    survivesHostileInput(ipNeigh, FIXTURE.split('\n').filter(Boolean), {
      longLines: [`10.0.0.1 dev eth0 ${'lladdr '.repeat(500_000)}STALE`],
    }));
});
