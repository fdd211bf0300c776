import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { readTestData } from '../../testing/test-data';
import { direct, only } from '../../testing/parser-checks';
import { parsePaste } from '../registry';
import { pingMtu } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('ping-mtu', () => {
  it('IPsec tunnel: the local stack refuses, mtu=1438', () => {
    const s = one(local('ping-mtu--algo-ipsec-local-error.txt'));
    const f = factsOf(s, 'ping-mtu');
    expect(s.status).toBe('parsed');
    expect(f.dontFragment).toBe(true);
    expect(f.mtu).toMatchObject({ value: 1438, line: 3 });
    expect(f.runs).toEqual([
      expect.objectContaining({
        target: 'www.google.com',
        size: 1500,
        packet: 1528,
        localErrors: 1,
      }),
    ]);
    expect(f.smallestFailed).toBe(1500);
  });

  it('PPPoE path with statistics: 100% loss, 3 errors', () => {
    const f = factsOf(one(local('ping-mtu--pppoe-1492-stats.txt')), 'ping-mtu');
    expect(f.runs[0]).toMatchObject({
      size: 1465,
      packet: 1493,
      localErrors: 3,
      mtu: 1492,
      sent: 3,
      received: 0,
      loss: 100,
    });
  });

  it('a router says Frag needed; a smaller size gets replies', () => {
    const f = factsOf(
      one(
        'PING 172.16.1.3 (172.16.1.3) 1472(1500) bytes of data.\nFrom 172.16.0.3 icmp_seq=1 Frag needed and DF set (mtu = 1400)\nping: local error: message too long, mtu=1400\n\n--- 172.16.1.3 ping statistics ---\n2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1007ms\nPING 172.16.1.3 (172.16.1.3) 1372(1400) bytes of data.\n1380 bytes from 172.16.1.3: icmp_seq=1 ttl=63 time=0.131 ms',
      ),
      'ping-mtu',
    );
    expect(f.runs.map((r) => [r.size, r.fragNeeded, r.localErrors, r.replies])).toEqual([
      [1472, 1, 1, 0],
      [1372, 0, 0, 1],
    ]);
    expect(f).toMatchObject({ largestOk: 1372, smallestFailed: 1472, dontFragment: null });
    expect(f.mtu?.value).toBe(1400);
  });

  it('BSD/macOS ping6: `PING6(56=40+8+8 bytes) SRC --> DST`, replies with `, icmp_seq=`', () => {
    const s = only(readTestData('peer/jc/osx-10.14.6/ping6-hostname-p.out'), 'ping-mtu');
    const f = factsOf(s, 'ping-mtu');
    expect(s.status).toBe('parsed');
    expect(f.runs).toEqual([
      expect.objectContaining({
        target: '2a04:4e42:200::323',
        source: '2600:1700:bab0:d40:2595:8c97:ad16:749a',
        size: 8,
        packet: 56,
        replies: 3,
        sent: 3,
        received: 3,
        loss: 0,
      }),
    ]);
    expect(s.summary).toMatchObject({ key: 'parse.ping-mtu.summary', params: { loss: 0 } });
  });

  it('`ping -D`: the `[epoch.usec]` stamps are ping, not a kernel log', () => {
    const rs = parsePaste(readTestData('peer/jc/pi/ping-ip-O-D.out'), 'x');
    expect(rs.map((r) => [r.kind, r.status])).toEqual([['ping-mtu', 'parsed']]);
    const f = factsOf(rs[0], 'ping-mtu');
    // `no answer yet for icmp_seq=N` (-O): four packets reported lost before the statistics.
    expect(f.runs[0]).toMatchObject({ timeouts: 4, replies: 0, sent: 5, received: 0, loss: 100 });
  });

  it('PATTERN, WARNING: pinging broadcast, `pipe N` and duplicates are ping’s own lines', () => {
    for (const file of [
      'centos-7.7/ping-hostname-O-D-p-s.out',
      'centos-7.7/ping-ip-dup.out',
      'ubuntu-22.04/ping-dest-unreachable.out',
      'osx-10.14.6/ping-ip-unreachable.out',
    ])
      expect(one(readTestData(`peer/jc/${file}`)).status, file).toBe('parsed');
    const dup = factsOf(one(readTestData('peer/jc/centos-7.7/ping-ip-dup.out')), 'ping-mtu');
    expect(dup.runs[0]).toMatchObject({ sent: 2, received: 2, duplicates: 19, loss: 0 });
  });

  it('`PING x (ip) from SRC IFACE:` (ping -I): the source is read', () => {
    const f = factsOf(
      one(readTestData('peer/jc/ubuntu-22.04/ping-hostname-source-ip.out')),
      'ping-mtu',
    );
    expect(f.runs[0]).toMatchObject({ target: 'example.com', source: '10.0.0.2', size: 56 });
    expect(f).toMatchObject({ sent: 3, received: 3, loss: 0 });
  });

  it('Destination Host Unreachable is a loss, not a reply, and the summary says so', () => {
    const s = only(readTestData('peer/jc/ubuntu-22.04/ping-dest-unreachable.out'), 'ping-mtu');
    const f = factsOf(s, 'ping-mtu');
    expect(f.runs[0]).toMatchObject({
      replies: 0,
      unreachable: 3,
      unreachableFrom: '10.0.0.1',
      sent: 3,
      received: 0,
      errors: 3,
      loss: 100,
    });
    expect(f.unreachable).toMatchObject({ value: '10.0.0.1', line: 2 });
    expect(s.summary).toEqual({
      key: 'parse.ping-mtu.summaryUnreachable',
      params: expect.objectContaining({ loss: 100, unreachable: 3, from: '10.0.0.1' }),
    });
    // An unreachable target says nothing about packet sizes.
    expect(f.smallestFailed).toBeNull();
    const bsd = factsOf(
      one(readTestData('peer/jc/osx-10.14.6/ping-ip-unreachable.out')),
      'ping-mtu',
    );
    expect(bsd.runs[0]).toMatchObject({ replies: 0, unreachable: 6, timeouts: 7, loss: 100 });
    expect(bsd.unreachable?.value).toBe('192.168.1.220');
  });

  it("a prohibited answer is a firewall's, kept apart from a plain unreachable", () => {
    // goodliving/smarthome notes: a pod behind a node whose FORWARD ends in iptables-services'
    // REJECT; the node's flannel address answers (the author's trailing '=' kept).
    const real = [
      'PING 10.244.7.2 (10.244.7.2) 56(84) bytes of data.',
      'From 10.244.7.0 icmp_seq=1 Destination Host Prohibited=',
    ].join('\n');
    const f = factsOf(one(real), 'ping-mtu');
    expect(f.runs[0]).toMatchObject({ unreachable: 1, unreachableFrom: '10.244.7.0' });
    expect(f.prohibited).toMatchObject({ value: '10.244.7.0', line: 2 });
    // BSD and admin-prohibited wordings.
    const bsd = '92 bytes from 10.0.0.1: Communication prohibited by filter\n';
    expect(
      factsOf(one(`PING 10.0.0.9 (10.0.0.9): 56 data bytes\n${bsd}`), 'ping-mtu').prohibited?.value,
    ).toBe('10.0.0.1');
    const filtered =
      'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.\nFrom 10.0.0.1 icmp_seq=1 Packet filtered\n';
    expect(factsOf(one(filtered), 'ping-mtu').prohibited?.value).toBe('10.0.0.1');
    // An unreachable host (no ARP answer) is no filter; nor is prose that names the words.
    const down = factsOf(
      only(readTestData('peer/jc/ubuntu-22.04/ping-dest-unreachable.out'), 'ping-mtu'),
      'ping-mtu',
    );
    expect(down.prohibited).toBeNull();
    const prose =
      'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.\nthe answer was Destination Host Prohibited\n';
    expect(factsOf(one(prose), 'ping-mtu').prohibited).toBeNull();
  });

  it('several runs: loss over all of them', () => {
    const f = factsOf(
      one(
        'PING 10.0.0.2 (10.0.0.2) 1472(1500) bytes of data.\n\n--- 10.0.0.2 ping statistics ---\n3 packets transmitted, 0 received, 100% packet loss, time 2041ms\nPING 10.0.0.2 (10.0.0.2) 1372(1400) bytes of data.\n1380 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.3 ms\n\n--- 10.0.0.2 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms',
      ),
      'ping-mtu',
    );
    expect(f).toMatchObject({
      sent: 4,
      received: 1,
      loss: 75,
      largestOk: 1372,
      smallestFailed: 1472,
    });
  });

  it('reports lines it cannot read, stays linear on long hostile lines', () => {
    const out = direct(
      pingMtu,
      'PING a (10.0.0.1) 56(84) bytes of data.\n64 bytes from 10.0.0.1: error - weird\n' +
        `64 bytes from ${'1'.repeat(1_900)}\n` +
        `From ${' '.repeat(1_900)}x\n` +
        `[${'1'.repeat(1_000)}.${'2'.repeat(900)}`,
    );
    expect(out.status).toBe('partial');
    expect(out.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    const t0 = performance.now();
    direct(
      pingMtu,
      `PING a (10.0.0.1) 56(84) bytes of data.\n${'1 bytes from x: '.repeat(100_000)}`,
    );
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('ping-mtu: the name asked and the name resolved', () => {
  it('records `PING resolved (address)` and the host of the echoed command', () => {
    const rs = parsePaste(
      'root@nginx:/# ping coredns.kube-system.svc.cluster.local\nPING coredns.kube-system.svc.cluster.local.corp.emc.com (220.250.64.225): 48 data bytes\n4 packets transmitted, 0 packets received, 100% packet loss',
      'x',
    );
    const f = factsOf(rs[0]!, 'ping-mtu');
    expect(f.runs[0]).toMatchObject({
      asked: 'coredns.kube-system.svc.cluster.local',
      resolved: 'coredns.kube-system.svc.cluster.local.corp.emc.com',
      address: '220.250.64.225',
    });
  });
});

describe('ping-mtu: sends the kernel refused with EINVAL', () => {
  it('`ping localhost` printing only `sendmsg: Invalid argument` (chezhang/clusrun README)', () => {
    const f = factsOf(
      one(
        '    ```Bash\n    root@ubuntu1804:~# ping localhost\n    ping: sendmsg: Invalid argument\n    ping: sendmsg: Invalid argument\n    ping: sendmsg: Invalid argument\n    ...\n    ```\n',
      ),
      'ping-mtu',
    );
    expect(f.sendInvalid?.text).toBe('ping: sendmsg: Invalid argument');
    expect(f.runs[0]).toMatchObject({ invalid: 3, asked: 'localhost', target: 'localhost' });
    expect(one('$ ping localhost\nping: sendmsg: Invalid argument\n')).toMatchObject({
      summary: { params: { target: 'localhost' } },
    });
  });

  it('EINVAL among replies, no PING header (mozillazg blog); busybox says sendto', () => {
    const f = factsOf(
      one(
        '64 bytes from 127.0.0.1: icmp_seq=150 ttl=64 time=0.050 ms\nping: sendmsg: Invalid argument\nping: sendmsg: Invalid argument\n64 bytes from 127.0.0.1: icmp_seq=158 ttl=64 time=0.962 ms\n',
      ),
      'ping-mtu',
    );
    expect(f.runs[0]).toMatchObject({ replies: 2, invalid: 2 });
    expect(f.sendInvalid?.line).toBe(2);
    const busybox = factsOf(
      one('PING 10.0.0.7 (10.0.0.7): 56 data bytes\nping: sendto: Invalid argument\n'),
      'ping-mtu',
    );
    expect(busybox.sendInvalid?.text).toBe('ping: sendto: Invalid argument');
  });

  it('an IPv6 target (link-local without its interface) is no neighbour sign', () => {
    const f = factsOf(
      one(
        'PING fe80::1865:50ff:fe96:df40(fe80::1865:50ff:fe96:df40) 56 data bytes\nping6: sendmsg: Invalid argument\n\n--- fe80::1865:50ff:fe96:df40 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n',
      ),
      'ping-mtu',
    );
    expect(f.runs[0]!.invalid).toBe(1);
    expect(f.sendInvalid).toBeNull();
    const six = factsOf(one('$ ping -6 web\nping: sendmsg: Invalid argument\n'), 'ping-mtu');
    expect(six.sendInvalid).toBeNull();
  });

  it('other errnos and the message inside prose are not EINVAL sends', () => {
    const f = factsOf(
      one(
        'PING 10.0.0.7 (10.0.0.7) 56(84) bytes of data.\nping: sendmsg: Operation not permitted\n',
      ),
      'ping-mtu',
    );
    expect(f.sendInvalid).toBeNull();
    expect(direct(pingMtu, 'we saw ping: sendmsg: Invalid argument on the node').status).toBe(
      'rejected',
    );
  });
});
