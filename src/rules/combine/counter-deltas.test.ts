import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { parsePaste, type ParsedSection, type SectionResult } from '../../parsers/registry';
import { readTestData } from '../../testing/test-data';
import { counterDeltas } from './counter-deltas';

const parsed = (text: string): ParsedSection => {
  const [s] = parsePaste(text, 'x');
  if (!s || s.status === 'rejected') throw new Error(`not parsed: ${JSON.stringify(s)}`);
  return s;
};
const NETSTAT = readTestData('fixtures/27-insights-netstat-s-healthy-rhel7/netstat-s.txt');
const CONNTRACK_S = readTestData(
  'fixtures/04-k8s56903-conntrack-S-old-format-no-insert-failed/conntrack-S.txt',
);
const IPT_L = readTestData(
  'fixtures/48-rke485-forward-policy-drop-counter-nodeport/iptables-L-FORWARD.txt',
);

describe('counterDeltas', () => {
  it('fixture 27 and a later paste of it: only the changed counters, the telling ones first', () => {
    // The same node a while later: SYNs dropped at the listen queue appeared, traffic went on.
    const later = NETSTAT.replace('2886370 segments received', '2886970 segments received')
      .replace('428 segments retransmited', '431 segments retransmited')
      .replace('TcpExt:\n', 'TcpExt:\n    214 SYNs to LISTEN sockets dropped\n');
    const first = parsed(
      NETSTAT.replace('TcpExt:\n', 'TcpExt:\n    0 SYNs to LISTEN sockets dropped\n'),
    );
    const d = counterDeltas(first, parsed(later));
    expect(d?.kind).toBe('netstat-s');
    expect(d!.deltas.map((x) => [x.name, x.before, x.after, x.delta])).toEqual([
      ['TcpExtListenDrops', 0, 214, 214],
      ['TcpRetransSegs', 428, 431, 3],
      ['TcpInSegs', 2886370, 2886970, 600],
    ]);
    expect(d!.deltas[0]).toMatchObject({ label: 'ListenDrops', line: 50 });
    expect(d!.summary.key).toBe('parse.deltas.summary');
    expect(translate('en', d!.summary.key, d!.summary.params)).toBe(
      'ListenDrops +214, TcpRetransSegs +3, TcpInSegs +600 between the two pastes (3 counters changed)',
    );
    const timed = counterDeltas(first, parsed(later), { seconds: 40 });
    expect(translate('en', timed!.summary.key, timed!.summary.params)).toMatch(
      /^ListenDrops \+214, .* in 40 s/,
    );
  });

  it('fixture 04: insert_failed growing between two `conntrack -S`', () => {
    const later = CONNTRACK_S.replace('insert_failed\t\t0', 'insert_failed\t\t37').replace(
      'found     \t\t3774748',
      'found     \t\t3775000',
    );
    const d = counterDeltas(parsed(CONNTRACK_S), parsed(later));
    expect(d!.deltas.map((x) => `${x.label} ${x.delta}`)).toEqual([
      'insert_failed 37',
      'found 252',
    ]);
    expect(d!.deltas[0]!.text).toBe('insert_failed\t\t37');
  });

  it('fixture 48: the FORWARD policy drop counter and rule counters of `iptables -L -v`', () => {
    const later = IPT_L.replace('policy DROP 3 packets', 'policy DROP 40 packets').replace(
      '2       15   936 KUBE-FORWARD',
      '2       19  1200 KUBE-FORWARD',
    );
    const d = counterDeltas(parsed(IPT_L), parsed(later));
    expect(d!.deltas.map((x) => [x.label, x.delta])).toEqual([
      ['FORWARD policy DROP', 37],
      ['FORWARD #2 → KUBE-FORWARD', 4],
    ]);
  });

  it('iptables-save -c: rule counters keyed by the rule', () => {
    const save = (n: number) =>
      `*nat\n:PREROUTING ACCEPT [10:600]\n[${n}:${n * 60}] -A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:http" -m tcp --dport 31710 -j KUBE-EXT-X\n[5:300] -A KUBE-SERVICES -j KUBE-NODEPORTS\nCOMMIT`;
    const d = counterDeltas(parsed(save(7)), parsed(save(9)));
    expect(d!.deltas).toEqual([
      expect.objectContaining({ before: 7, after: 9, delta: 2, line: 3 }),
    ]);
    expect(d!.deltas[0]!.label).toContain('KUBE-NODEPORTS → KUBE-EXT-X');
  });

  it('nothing changed, different kinds, or no counters', () => {
    const same = counterDeltas(parsed(CONNTRACK_S), parsed(CONNTRACK_S));
    expect(same).toMatchObject({ deltas: [], summary: { key: 'parse.deltas.none' } });
    expect(counterDeltas(parsed(CONNTRACK_S), parsed(NETSTAT))).toBeNull();
    const sysctl = parsed('net.ipv4.ip_forward = 1\nnet.ipv4.tcp_tw_recycle = 1');
    expect(counterDeltas(sysctl, sysctl)).toBeNull();
    const rejected: SectionResult = parsePaste('hello', 'x')[0]!;
    expect(rejected.status).toBe('rejected');
  });
});
