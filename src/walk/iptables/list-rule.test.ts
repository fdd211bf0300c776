import { describe, expect, it } from 'vitest';
import type { IptablesListFacts, ListedRule } from '../../parsers/iptables-L/facts';
import { parsePaste } from '../../parsers/registry';
import { factsOf } from '../../testing/facts';
import type { PacketState } from '../program';
import { readPaste } from './fixtures/load';
import { readListedRule } from './list-rule';
import { NO_SETS } from './sets';
import { tMsg } from '../../i18n/translate';
import type { Msg } from '../msg';

/**
 * `iptables -L` rules read back from their columns and extension words, on the listings the
 * real iptables printed (`-n`, `-n -v`, `-v --line-numbers` without `-n`).
 */

const listing = (path: string): IptablesListFacts =>
  factsOf(parsePaste(readPaste(path), path)[0], 'iptables-L');
const NAT_V = listing('src/rules/combine/fixtures/netns-iptables-L-nat-v.txt');
const NAT = listing('src/rules/combine/fixtures/netns-iptables-L-nat.txt');
const QIFANGSU = listing('qifangsu-nat-L-nv.txt');
const RKE = listing('src/rules/forward-drop/fixtures/broken--rke485-policy-drop-counting.txt');

const ruleAt = (facts: IptablesListFacts, line: number): ListedRule =>
  facts.rules.find((r) => r.line === line)!;

const state = (over: Partial<PacketState> = {}): PacketState => ({
  proto: 'tcp',
  src: '192.168.1.20',
  sport: 40000,
  dst: '192.168.10.21',
  dport: 31657,
  iif: 'eth0',
  oif: 'eth1',
  mark: 0,
  ctmark: 0,
  ctstate: 'NEW',
  local: false,
  nodeAddresses: ['192.168.10.21'],
  ...over,
});

type Decided = boolean | { probability: number } | { unknown: string };

/** `unknown` in English, as the expectations read it. */
function decide(facts: IptablesListFacts, line: number, p: PacketState): Decided {
  let prob = 1;
  let unknown: Msg | null = null;
  for (const m of readListedRule(ruleAt(facts, line), facts.verbose, NO_SETS).matches) {
    const r = m.test(p);
    if (r === false) return false;
    if (r === true) continue;
    if ('probability' in r) prob *= r.probability;
    else unknown ??= r.unknown;
  }
  if (unknown !== null) return { unknown: tMsg('en', unknown) };
  return prob === 1 ? true : { probability: prob };
}

describe('columns', () => {
  it('reads -n and -n -v listings of the same rule alike (numeric protocol, negated source)', () => {
    // `MASQUERADE 0 -- !10.244.0.0/16 10.244.0.0/16 /* flanneld masq */ random-fully`
    const plain = NAT.rules.find((r) => r.text.includes('!10.244.0.0/16        10.244.0.0/16 '))!;
    const verbose = NAT_V.rules.find((r) =>
      r.text.includes('!10.244.0.0/16        10.244.0.0/16 '),
    )!;
    for (const [facts, r] of [
      [NAT, plain],
      [NAT_V, verbose],
    ] as const) {
      expect(decide(facts, r.line, state({ src: '192.168.1.20', dst: '10.244.3.3' }))).toBe(true);
      expect(decide(facts, r.line, state({ src: '10.244.1.1', dst: '10.244.3.3' }))).toBe(false);
      expect(readListedRule(r, facts.verbose, NO_SETS).targetText).toBe('MASQUERADE');
    }
  });

  it('reads interfaces with !, and `any` (without -n) as none; line numbers and K/M counters', () => {
    // `6 0 0 ACCEPT all -- docker0 !docker0 anywhere anywhere`
    const six = RKE.rules.find((r) => /^6\s/.test(r.text))!;
    expect(decide(RKE, six.line, state({ iif: 'docker0', oif: 'eth0' }))).toBe(true);
    expect(decide(RKE, six.line, state({ iif: 'docker0', oif: 'docker0' }))).toBe(false);
    const first = RKE.rules.find((r) => /^1\s/.test(r.text))!;
    expect(decide(RKE, first.line, state({ iif: null, oif: null }))).toBe(true);
    expect(first.packets).toBe(76887);
  });
});

describe('extension words', () => {
  it('tcp dpt, ADDRTYPE, statistic, mark match, MARK or, to:', () => {
    const find = (re: RegExp) => QIFANGSU.rules.find((r) => re.test(r.text))!.line;
    expect(decide(QIFANGSU, find(/KUBE-MARK-MASQ .*tcp dpt:30080/), state({ dport: 30080 }))).toBe(
      true,
    );
    expect(decide(QIFANGSU, find(/KUBE-MARK-MASQ .*tcp dpt:30080/), state({ dport: 30081 }))).toBe(
      false,
    );
    expect(
      decide(QIFANGSU, find(/ADDRTYPE match dst-type LOCAL/), state({ dst: '192.168.10.21' })),
    ).toBe(true);
    expect(
      decide(QIFANGSU, find(/ADDRTYPE match dst-type LOCAL/), state({ dst: '10.96.0.1' })),
    ).toBe(false);
    expect(decide(QIFANGSU, find(/KUBE-SEP-X5LPZOF2HZFMFFC2 .*probability 0.5/), state())).toEqual({
      probability: 0.5,
    });
    expect(
      decide(QIFANGSU, find(/MASQUERADE .*mark match 0x4000\/0x4000/), state({ mark: 0x4000 })),
    ).toBe(true);
    expect(
      decide(QIFANGSU, find(/MASQUERADE .*mark match 0x4000\/0x4000/), state({ mark: 0 })),
    ).toBe(false);
    const dnat = readListedRule(ruleAt(QIFANGSU, find(/to:10.244.1.3:80/)), true, NO_SETS);
    expect(dnat.options.get('--to-destination')).toEqual(['10.244.1.3:80']);
    expect(dnat.targetText).toBe('DNAT to:10.244.1.3:80');
    const mark = readListedRule(ruleAt(QIFANGSU, find(/MARK or 0x4000/)), true, NO_SETS);
    expect(mark.options.get('--or-mark')).toEqual(['0x4000']);
    expect(mark.targetText).toBe('MARK or 0x4000');
  });

  it('reject-with, named ports and ctstate negation (iptables -L without -n)', () => {
    const names = listing('inquisitivefrog-filter-L-names.txt');
    const reject = names.rules.find((r) => r.text.includes('dns-tcp has no endpoints'))!;
    expect(decide(names, reject.line, state({ dst: '10.96.0.10', dport: 53 }))).toBe(true);
    expect(readListedRule(reject, false, NO_SETS).options.get('--reject-with')).toEqual([
      'icmp-port-unreachable',
    ]);
    const localnet = names.rules.find((r) => r.text.includes('block incoming localnet'))!;
    expect(decide(names, localnet.line, state())).toMatchObject({
      unknown: expect.stringMatching(/localhost\/8/),
    });
  });

  it('answers unknown with the words it cannot read', () => {
    const r = {
      ...ruleAt(QIFANGSU, QIFANGSU.rules[0]!.line),
      text: '    0     0 ACCEPT     all  --  *      *       0.0.0.0/0            0.0.0.0/0            PHYSDEV match --physdev-is-in',
      target: 'ACCEPT',
    };
    const read = readListedRule(r, true, NO_SETS);
    const results = read.matches.map((m) => m.test(state()));
    expect(results).toContainEqual({
      unknown: {
        key: 'walk.unknown.notModelled',
        params: { text: 'PHYSDEV match --physdev-is-in' },
      },
    });
  });
});
