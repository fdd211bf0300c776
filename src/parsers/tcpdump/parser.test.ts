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

describe('tcpdump', () => {
  it('a whole handshake and close, with a wrapped line', () => {
    const s = one(local('tcpdump--keepalive-blog-handshake.txt'));
    const f = factsOf(s, 'tcpdump');
    expect(s.command).toBe('sudo tcpdump host 8.8.8.8 port 53 -ni eth0');
    expect(f.packets).toBe(6);
    expect(f.tcp).toEqual({ syn: 1, synAck: 1, rst: 0, fin: 2 });
    expect(f.unanswered).toEqual([]);
    expect(f.interfaces).toEqual(['any']);
    expect(s.status).toBe('partial');
    expect(s.problems.map((p) => p.line)).toEqual([6]);
  });

  it('SYNs to a NodePort with no SYN-ACK, retransmitted (seed 000 / 004 signal)', () => {
    const text = [
      'tcpdump: verbose output suppressed, use -v or -vv for full protocol decode',
      'listening on eth0, link-type EN10MB (Ethernet), capture size 262144 bytes',
      '10:01:02.100000 IP 10.10.10.10.51544 > 10.10.20.10.31710: Flags [S], seq 1234567, win 64240, length 0',
      '10:01:03.130000 IP 10.10.10.10.51544 > 10.10.20.10.31710: Flags [S], seq 1234567, win 64240, length 0',
      '10:01:05.150000 IP 10.10.10.10.51544 > 10.10.20.10.31710: Flags [S], seq 1234567, win 64240, length 0',
      '10:01:06.000000 IP 10.10.10.11.40000 > 10.10.20.10.31710: Flags [S], seq 7, win 64240, length 0',
      '10:01:06.000100 IP 10.10.20.10.31710 > 10.10.10.11.40000: Flags [R.], seq 0, ack 8, win 0, length 0',
      '3 packets captured',
      '5 packets received by filter',
      '0 packets dropped by kernel',
    ].join('\n');
    const f = factsOf(one(text), 'tcpdump');
    expect(f.tcp).toMatchObject({ syn: 4, synAck: 0, rst: 1 });
    expect(f.unanswered).toEqual([
      expect.objectContaining({
        client: '10.10.10.10.51544',
        server: '10.10.20.10.31710',
        syns: 3,
      }),
    ]);
    expect(f.unanswered[0]!.examples.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(f.retransmittedSyns).toBe(1);
    expect(f.captured).toMatchObject({ value: 3, line: 8 });
    expect(f.droppedByKernel?.value).toBe(0);
  });

  it('-vv with bad udp checksums to the VXLAN port, -e and -i any prefixes', () => {
    const text = [
      '12:00:00.000001 IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 100)',
      '    172.16.9.99.27503 > 172.16.80.252.8472: [bad udp cksum 0x1234 -> 0x5678!] OTV, flags [I] (0x08), overlay 0, instance 1',
      '12:00:00.000002 eth0  In  IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 1, win 1, length 0',
      '20:44:28.224875 lo    In  ifindex 1 00:00:00:00:00:00 ethertype IPv4 (0x0800), length 80: 127.0.0.1.53906 > 127.0.0.1.80: Flags [S.], seq 1, ack 2, win 1, length 0',
    ].join('\n');
    const f = factsOf(one(text), 'tcpdump');
    expect(f.packets).toBe(3);
    expect(f.badChecksum).toMatchObject({ count: 1, ports: { '8472': 1 } });
    expect(f.tcp).toMatchObject({ syn: 1, synAck: 1 });
  });
});

describe('tcpdump -v / -vv: packets over two lines, VXLAN and what it carries', () => {
  const read = (f: string) => {
    const rs = parsePaste(local(f), 'x');
    expect(rs).toHaveLength(1);
    return rs[0]!;
  };

  it('on the sending node, names for addresses, the inner packet decoded (flannel 1863)', () => {
    const s = read('tcpdump--flannel1863-vv-bad-udp-cksum-otv.txt');
    expect(s.status).toBe('parsed');
    const f = factsOf(s, 'tcpdump');
    expect(f.packets).toBe(1); // the ICMP packet inside the VXLAN one is not a second
    expect(f.interfaces).toEqual(['ens192']);
    expect(f.badChecksum).toMatchObject({ count: 1, ports: { otv: 1 } });
  });

  it('on the receiving node, with -e and no stamp (calico 4865)', () => {
    const f = factsOf(read('tcpdump--calico4865-e-bad-udp-cksum-4789.txt'), 'tcpdump');
    expect(f.packets).toBe(1);
    expect(f.badChecksum.ports).toEqual({ '4789': 1 });
    expect(f.badChecksum.tooShortForTunnel).toEqual({}); // IP length 129: a VXLAN packet
  });

  it('tells a probe sent to the VXLAN port from tunnelled traffic by its size (zgz kylin)', () => {
    const f = factsOf(
      read('tcpdump--zgz-kylin-vv-bad-udp-cksum-8472-probe-31-bytes.txt'),
      'tcpdump',
    );
    expect(f.badChecksum).toMatchObject({ count: 1, ports: { '8472': 1 } });
    // IP length 31: a 3-byte payload, no room for a VXLAN header and an inner Ethernet frame.
    expect(f.badChecksum.tooShortForTunnel).toEqual({ '8472': 1 });
    const sent = factsOf(read('tcpdump--flannel1863-vv-bad-udp-cksum-otv.txt'), 'tcpdump');
    expect(sent.badChecksum.tooShortForTunnel).toEqual({});
  });

  it('reads the size from an IPv6 header or a plain `UDP, length N`; no size, no verdict', () => {
    const f = factsOf(
      one(
        [
          '12:00:00.000001 IP6 (flowlabel 0x1, hlim 64, next-header UDP (17) payload length: 12) fd00::1.40000 > fd00::2.4789: [bad udp cksum 0x1 -> 0x2!] UDP, length 4',
          '12:00:00.000002 IP6 (flowlabel 0x1, hlim 64, next-header UDP (17) payload length: 120)',
          '    fd00::1.40001 > fd00::2.4789: [bad udp cksum 0x1 -> 0x2!] VXLAN, flags [I] (0x08), vni 1',
          '12:00:00.000003 IP 10.0.0.1.40002 > 10.0.0.2.8472: [bad udp cksum 0x1 -> 0x2!] UDP, length 5',
          '12:00:00.000004 IP 10.0.0.1.40003 > 10.0.0.2.8472: [bad udp cksum 0x1 -> 0x2!] OTV, flags [I] (0x08), overlay 0, instance 1',
        ].join('\n'),
      ),
      'tcpdump',
    );
    expect(f.badChecksum.ports).toEqual({ '4789': 2, '8472': 2 });
    // The one-line IPv6 packet: its `UDP, length 4`; the two-line one carries 112 bytes;
    // the last IPv4 one gives no size and is not called a probe.
    expect(f.badChecksum.tooShortForTunnel).toEqual({ '4789': 1, '8472': 1 });
  });
});

describe('tcpdump: ICMP fragmentation needed', () => {
  it('reads "need to frag (mtu 1440)" in a padded capture with a wrapped line (calico 2334)', () => {
    const s = one(local('tcpdump--calico2334-need-to-frag-1440.txt'));
    const f = factsOf(s, 'tcpdump');
    expect(f.fragNeeded.count).toBe(1);
    expect(f.fragNeeded.mtu).toBe(1440);
    expect(f.fragNeeded.examples[0]!.line).toBe(11);
    expect(f.icmp).toBe(1);
    expect(f.fragNeeded.obeyed).toBe(0); // the capture stops at the ICMP
    // The command typed bare above the capture is its command; the wrapped `length 0` is no
    // packet line.
    expect(s.command).toBe('tcpdump -nli eth0 host 151.101.128.70');
    expect(s.problems.map((p) => p.line)).toEqual([5]);
  });

  it('reads ICMPv6 packet too big; a plain capture has none', () => {
    const f = factsOf(
      one(
        '12:00:00.000001 IP6 fd00::1 > fd00::2: ICMP6, packet too big, mtu 1280, length 1240\n12:00:00.000002 IP6 fd00::1 > fd00::2: ICMP6, packet too big, mtu 1400, length 1240\n',
      ),
      'tcpdump',
    );
    expect(f.fragNeeded).toMatchObject({ count: 2, mtu: 1280 });
    const plain = factsOf(one(local('tcpdump--keepalive-blog-handshake.txt')), 'tcpdump');
    expect(plain.fragNeeded.count).toBe(0);
  });

  it('counts a message as obeyed when the sender re-sends to that destination in segments that fit (xcluster)', () => {
    const text = local('tcpdump--xcluster-need-to-frag-obeyed-1400.txt');
    const f = factsOf(one(text), 'tcpdump');
    expect(f.fragNeeded).toMatchObject({ count: 2, mtu: 1400, obeyed: 2 });
    // Re-sent still too big, or only by another sender, or a bare ACK: not obeyed.
    const big = factsOf(one(text.replace(/length 1348: HTTP/g, 'length 1388: HTTP')), 'tcpdump');
    expect(big.fragNeeded.obeyed).toBe(0);
    const other = factsOf(
      one(text.replace(/ICMP 192\.168\.2\.221 unreachable/g, 'ICMP 192.168.2.99 unreachable')),
      'tcpdump',
    );
    expect(other.fragNeeded.obeyed).toBe(0);
  });

  it('hostile need-to-frag lines: no addresses, huge or missing MTU, IPv6', () => {
    const f = factsOf(
      one(
        [
          '12:00:00.000001 IP 10.0.0.1 > 10.0.0.2: ICMP unreachable - need to frag (mtu 99999999999999999999), length 556',
          '12:00:00.000002 IP 10.0.0.1 > 10.0.0.2: ICMP 10.0.0.9 unreachable - need to frag (mtu ), length 556',
          '12:00:00.000003 IP 10.0.0.2.80 > 10.0.0.9.5000: Flags [.], seq 1:11, ack 1, win 5, length 10',
          '12:00:00.000004 IP6 fd00::1 > fd00::2: ICMP6, packet too big, mtu 1280, length 1240',
          '12:00:00.000005 IP6 fd00::2.80 > fd00::9.5000: Flags [.], seq 1:11, ack 1, win 5, length 10',
        ].join('\n'),
      ),
      'tcpdump',
    );
    expect(f.fragNeeded.count).toBe(2);
    expect(f.fragNeeded.obeyed).toBe(0);
  });
});
