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

describe('ss', () => {
  it('`ss -s`: totals and the transport table', () => {
    const s = one(local('ss--s-troubleshooting-guide.txt'));
    const f = factsOf(s, 'ss');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('summary');
    expect(f.summary?.total).toMatchObject({ value: 470, line: 2 });
    expect(f.summary?.tcp?.value).toEqual({
      total: 220,
      estab: 47,
      closed: 150,
      orphaned: 0,
      timewait: 71,
    });
    expect(f.summary?.transports.TCP).toEqual({ total: 70, ip: 55, ipv6: 15, line: 8 });
  });

  it('old-style `ss -lnt`: a listener whose accept queue is full', () => {
    const f = factsOf(one(local('ss--lnt-accept-queue-full.txt')), 'ss');
    expect(f.listeners).toEqual([
      expect.objectContaining({ local: '*:80', port: '80', recvQ: 129, sendQ: 128, line: 3 }),
    ]);
  });

  it('`ss -tnlp` with processes, and `ss -tan` states', () => {
    const l = factsOf(
      one(
        '$ sudo ss -tnlp\nState      Recv-Q      Send-Q             Local Address:Port            Peer Address:Port     Process\nLISTEN     0           4096                     0.0.0.0:30749                0.0.0.0:*         users:(("kube-proxy",pid=2007,fd=13))',
      ),
      'ss',
    );
    expect(l.listeners[0]).toMatchObject({ port: '30749', process: 'kube-proxy', pid: 2007 });
    const t = factsOf(
      one(
        'State      Recv-Q Send-Q Local Address:Port               Peer Address:Port\nESTAB      0      0      10.10.9.68:65468              10.10.9.67:6443\nSYN-RECV   0      0      10.10.9.68:443                1.2.3.4:5000\nSYN-RECV   0      0      10.10.9.68:443                1.2.3.5:5000\nTIME-WAIT  0      0      10.10.9.68:80                 1.2.3.6:5000',
      ),
      'ss',
    );
    expect(t.states).toEqual({ ESTAB: 1, 'SYN-RECV': 2, 'TIME-WAIT': 1 });
    expect(t.examples['SYN-RECV']?.map((e) => e.line)).toEqual([3, 4]);
  });

  it("netstat's socket list: listeners with their programs (kubernetes#104875)", () => {
    const s = one(local('netstat-antp-grep-kube-proxy-listeners.txt'));
    const f = factsOf(s, 'ss');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('sockets');
    expect(f.states).toEqual({ LISTEN: 7 });
    expect(f.listeners.map((l) => l.port)).toEqual([
      '26032',
      '29488',
      '30000',
      '38000',
      '23091',
      '33140',
      '33493',
    ]);
    expect(f.listeners[0]).toMatchObject({
      netid: 'tcp',
      local: '0.0.0.0:26032',
      process: 'kube-proxy',
      pid: 949,
      line: 2,
    });
  });

  it("netstat run as a user: its notes read past, '-' is no program (kubernetes#11114)", () => {
    const s = one(local('netstat-vpln-not-root.txt'));
    expect(s.status).toBe('parsed');
    expect(s.problems).toEqual([]);
    const f = factsOf(s, 'ss');
    expect(f.listeners).toHaveLength(11);
    expect(f.listeners[3]).toMatchObject({ local: ':::22', port: '22', process: null, pid: null });
  });

  it('netstat -anp: TCP states in ss spelling, UDP without state, UNIX sockets read past', () => {
    const f = factsOf(
      one(
        [
          'Active Internet connections (servers and established)',
          'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ',
          'tcp        0      0 0.0.0.0:111             0.0.0.0:*               LISTEN      1/systemd',
          'tcp        0      0 10.21.45.8:48320        10.121.101.22:12002     TIME_WAIT   -                   ',
          'tcp6       0      0 :::30046                :::*                    LISTEN      9651/kube-proxy ',
          'tcp        0      0 10.0.0.5:22             10.0.0.9:51000          ESTABLISHED 0          23584      872/sshd: root@pts',
          'udp        0      0 200.4.30.128:68         0.0.0.0:*                           903/NetworkManager',
          'Active UNIX domain sockets (servers and established)',
          'Proto RefCnt Flags       Type       State         I-Node PID/Program name    Path',
          'unix  2      [ ACC ]     STREAM     LISTENING      18438 1/systemd           /run/lvm/lvmpolld.socket',
        ].join('\n'),
      ),
      'ss',
    );
    expect(f.states).toEqual({ LISTEN: 2, 'TIME-WAIT': 1, ESTAB: 1, UNCONN: 1 });
    expect(f.listeners.map((l) => [l.port, l.process, l.pid])).toEqual([
      ['111', 'systemd', 1],
      ['30046', 'kube-proxy', 9651],
    ]);
  });

  it('a `netstat | uniq -c` state histogram: netstat names in ss spelling', () => {
    const s = one(local('netstat-ant-uniq-c-fin-wait1-syn-recv.txt'));
    const f = factsOf(s, 'ss');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('histogram');
    expect(f.total).toBe(5780);
    expect(f.states).toMatchObject({
      'FIN-WAIT-1': 298,
      'SYN-RECV': 103,
      'LAST-ACK': 9,
      CLOSING: 16,
      'TIME-WAIT': 5204,
    });
    expect(f.examples['SYN-RECV']?.[0]?.line).toBe(8);
  });

  it("awk's `state count` form, blank lines between", () => {
    const f = factsOf(one(local('netstat-an-awk-state-count-healthy.txt')), 'ss');
    expect(f.states).toEqual({ LISTEN: 8, ESTAB: 2400, 'FIN-WAIT-1': 2, 'TIME-WAIT': 6000 });
  });

  it('a histogram with prose and a fence around it (ingress-nginx#6156)', () => {
    const rs = parsePaste(local('netstat-an-uniq-c-ingress-controller-healthy.txt'), 'x');
    const ss = rs.filter((r) => r.kind === 'ss');
    expect(ss).toHaveLength(1);
    expect(factsOf(ss[0]!, 'ss').states).toEqual({
      ESTAB: 245,
      LISTEN: 9,
      'SYN-RECV': 1,
      'TIME-WAIT': 24,
    });
  });

  it('leaves conntrack histograms to the conntrack parser', () => {
    const rs = parsePaste(
      "# conntrack -L | awk '{print $4}' | sort | uniq -c\n     92 FIN_WAIT\n    520 SYN_RECV\n  17738 ESTABLISHED",
      'x',
    );
    expect(rs.map((r) => r.kind)).toEqual(['conntrack']);
  });
});
