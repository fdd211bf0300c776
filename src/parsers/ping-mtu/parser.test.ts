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
});
