import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { claimsOnly, survivesHostileInput, textsMatch } from '../../testing/parser-checks';
import { readTestData } from '../../testing/test-data';
import { parsePaste, type SectionResult } from '../registry';
import { netstatS } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');

function parsed(r: SectionResult | undefined) {
  if (r?.kind !== 'netstat-s' || r.status === 'rejected')
    throw new Error(`not parsed as netstat-s: ${JSON.stringify(r)}`);
  return r;
}
const value = (r: SectionResult | undefined, name: string) => parsed(r).facts.counters[name]?.value;

describe('netstat-s: real outputs', () => {
  const rhel7 = local('netstat-s--rhel7-insights.txt');

  it('fixture 27 (RHEL 7, full): every section, no PAWSPassive', () => {
    expect(rhel7).toBe(readTestData('fixtures/27-insights-netstat-s-healthy-rhel7/netstat-s.txt'));
    const [r] = parsePaste(rhel7, 'x');
    const p = parsed(r);
    expect(p.status).toBe('parsed');
    expect(p.facts.format).toBe('netstat');
    expect(p.facts.counters.TcpExtPAWSPassive).toBeUndefined();
    expect(p.facts.counters.TcpExtListenDrops).toBeUndefined();
    expect(p.facts.counters.TcpExtTCPDeferAcceptDrop).toMatchObject({
      value: 537,
      text: '    TCPDeferAcceptDrop: 537',
    });
    expect(value(r, 'TcpActiveOpens')).toBe(1648);
    expect(value(r, 'TcpPassiveOpens')).toBe(1525);
    expect(value(r, 'TcpAttemptFails')).toBe(105);
    expect(value(r, 'TcpEstabResets')).toBe(69);
    expect(value(r, 'TcpRetransSegs')).toBe(428);
    expect(value(r, 'TcpOutRsts')).toBe(212);
    expect(value(r, 'TcpExtTW')).toBe(1239);
    expect(value(r, 'TcpExtDelayedACKLost')).toBe(9);
    expect(value(r, 'TcpExtTCPLossProbes')).toBe(12);
    expect(value(r, 'TcpExtIPReversePathFilter')).toBe(1);
    expect(value(r, 'TcpExtTCPAbortOnData')).toBe(72);
    expect(value(r, 'IpExtInOctets')).toBe(865450302);
    expect(value(r, 'IcmpMsgInType3')).toBe(107);
    expect(value(r, 'IcmpInDestUnreachs')).toBe(107);
    expect(value(r, 'IcmpOutDestUnreachs')).toBe(254);
    expect(value(r, 'UdpNoPorts')).toBe(107);
    expect(value(r, 'IpOutDiscards')).toBe(456);
    expect(p.facts.counters.TcpRetransSegs?.line).toBe(38);
  });
});

describe('netstat-s: formats', () => {
  it('grep-filtered sentences without a header are TcpExt, old and new wording', () => {
    const [r] = parsePaste(
      '$ netstat -s | grep -i listen\n    214 times the listen queue of a socket overflowed\n    214 SYNs to LISTEN sockets dropped\n',
      'x',
    );
    expect(value(r, 'TcpExtListenDrops')).toBe(214);
    expect(value(r, 'TcpExtListenOverflows')).toBe(214);
    expect(parsed(r).summary).toMatchObject({ key: 'parse.netstat-s.summaryNotable' });
    expect(String(parsed(r).summary.params?.notable)).toContain('ListenDrops = 214');
    const [old] = parsePaste('438798 SYNs to LISTEN sockets ignored', 'x');
    expect(value(old, 'TcpExtListenDrops')).toBe(438798);
    // Published in a blog post about tcp_tw_recycle (`netstat -s | grep reject`).
    const [paws] = parsePaste(
      '416177 passive connections rejected because of time stamp\n    13 packets rejects in established connections because of timestamp',
      'x',
    );
    expect(value(paws, 'TcpExtPAWSPassive')).toBe(416177);
    expect(value(paws, 'TcpExtPAWSEstab')).toBe(13);
    expect(String(parsed(paws).summary.params?.notable)).toContain('PAWSPassive = 416177');
  });

  it("skips the operator's note after a counter (`# ...`, `<--`), never a value", () => {
    // A Chinese write-up (test-data/cases/105): `netstat -st | egrep ...`, one line annotated.
    const [r] = parsePaste(
      '# netstat -st | egrep -i "drop|reject|overflowed|listen|filter" \n\n    826164 passive connections rejected because of time stamp  # 由于 timestamp 丢弃的数据包\n\n    826963 SYNs to LISTEN sockets dropped \n',
      'x',
    );
    expect(value(r, 'TcpExtPAWSPassive')).toBe(826164);
    expect(value(r, 'TcpExtListenDrops')).toBe(826963);
    expect(parsed(r).problems).toEqual([]);
    // the cited line stays as pasted, note included
    expect(parsed(r).facts.counters.TcpExtPAWSPassive?.text).toContain('# 由于');
    const [arrow] = parsePaste('    12 SYNs to LISTEN sockets dropped <-- this one', 'x');
    expect(value(arrow, 'TcpExtListenDrops')).toBe(12);
    const [nstat] = parsePaste('TcpExtPAWSPassive    7    0.0   # rejected SYNs', 'x');
    expect(value(nstat, 'TcpExtPAWSPassive')).toBe(7);
    // a `#` with nothing before it is no note to strip: the nstat header stays a header
    const [hdr] = parsePaste('#kernel\nTcpExtListenDrops 3 0.0', 'x');
    expect(value(hdr, 'TcpExtListenDrops')).toBe(3);
    // a note alone is not a counter
    expect(netstatS.detect(toLines('# 由于 timestamp 丢弃的数据包'), { command: null })).toBe(
      false,
    );
  });

  it('reads newer net-tools wording and the MPTcpExt section', () => {
    const text =
      'Tcp:\n    12 active connection openings\n    3 segments retransmitted\n    7 segments sent out\n    InCsumErrors: 2\nMPTcpExt:\n    MPCapableSYNRX: 4\n';
    const [r] = parsePaste(text, 'x');
    expect(value(r, 'TcpActiveOpens')).toBe(12);
    expect(value(r, 'TcpRetransSegs')).toBe(3);
    expect(value(r, 'TcpOutSegs')).toBe(7);
    expect(value(r, 'TcpInCsumErrors')).toBe(2);
    expect(value(r, 'MPTcpExtMPCapableSYNRX')).toBe(4);
  });

  it('reads nstat and nstat -az', () => {
    const text =
      '#kernel\nIpInReceives                    3405107            0.0\nTcpExtListenDrops               214                0.0\nTcpExtPAWSPassive               3                  0.0\n';
    const [r] = parsePaste(text, 'x');
    expect(parsed(r).facts.format).toBe('nstat');
    expect(parsed(r).facts.counters.TcpExtPAWSPassive).toMatchObject({ value: 3, line: 4 });
    expect(value(r, 'IpInReceives')).toBe(3405107);
    const [bare] = parsePaste('TcpExtListenOverflows 9 0.0\nTcpExtListenDrops 9 0.0', 'x');
    expect(value(bare, 'TcpExtListenDrops')).toBe(9);
  });

  it('reports a named counter with no section, and rejects what has no counters', () => {
    const out = netstatS.parse(toLines('InOctets: 5\nTCPLossProbes: 3'), { command: null });
    expect(out.status).toBe('partial');
    if (out.status !== 'rejected') expect(out.facts.counters.TcpExtTCPLossProbes?.value).toBe(3);
    expect(netstatS.parse(toLines('hello\nworld'), { command: null }).status).toBe('rejected');
  });

  it('does not claim look-alikes', () => {
    const no = (text: string) =>
      expect(netstatS.detect(toLines(text), { command: null })).toBe(false);
    no(
      'PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.\n3 packets transmitted, 3 received, 0% packet loss, time 2003ms',
    );
    no('Total: 190\nTCP:   7 (estab 2, closed 0, orphaned 0, timewait 0)');
    no('entries   \t\t90\nsearched  \t\t2228\nfound     \t\t3774748');
    no('3 forwarded\nsomething else\nand more\nand more');
  });
});

describe('netstat-s: only netstat outputs are claimed', () => {
  claimsOnly(netstatS, ['27-insights-netstat-s-healthy-rhel7/netstat-s.txt']);
});

describe('netstat-s: texts', () => {
  textsMatch('netstat-s', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('netstat-s: hostile input', () => {
  survivesHostileInput(
    netstatS,
    [
      'Tcp:',
      'TcpExt:',
      '    214 SYNs to LISTEN sockets dropped',
      '    3 passive connections rejected because of time stamp',
      '    Quick ack mode was activated 9 times',
      '    TCPLossProbes: 12',
      'ICMP input histogram:',
      '        destination unreachable: 107',
      '#kernel',
      'TcpExtListenDrops               214                0.0',
      '[root@node ~]# netstat -s',
    ],
    {
      mutations: [(s) => `\x1b[32m${s}\x1b[0m`],
      longLines: ['Tcp:\n    1' + ' active'.repeat(700_000)],
    },
  );
});
