import { describe, expect, it } from 'vitest';
import { MAX_ASSUMPTIONS, MAX_BRANCHES, runPrograms } from './engine';
import { parsePacket } from './packet';
import type { Action, Chain, Hook, Match, Program, Rule } from './program';
import { chainKey } from './program';
import type { Packet } from './types';
import { tMsg } from '../i18n/translate';
import type { Msg } from './msg';

/** A walk message as the English reader sees it. */
const en = (m: Msg | null | undefined) => (m ? tMsg('en', m) : null);

/**
 * The engine's kernel semantics on small programs built by hand: each test sets up only the
 * chains its rule of netfilter needs, so a failure names the rule that broke.
 */

let line = 0;
const rule = (matches: Match[], ...actions: Action[]): Rule => ({
  matches,
  actions,
  cite: { source: 'test', line: ++line, rule: `rule ${line}`, packets: null },
});
const when = (text: string, test: Match['test']): Match => ({ text, test });
const dstPort = (port: number) => when(`dport ${port}`, (p) => p.dport === port);
const always = when('any', () => true);

function chain(
  table: string,
  name: string,
  rules: Rule[],
  base?: { hook: Hook; priority: number; type?: 'filter' | 'nat'; policy?: 'accept' | 'drop' },
): Chain {
  return {
    table,
    name,
    rules,
    base: base
      ? {
          hook: base.hook,
          priority: base.priority,
          type: base.type ?? 'filter',
          policy: base.policy ?? 'accept',
        }
      : null,
    policyCite: base
      ? { source: 'test', line: ++line, rule: `:${name} policy`, packets: null }
      : null,
  };
}

const program = (datapath: string, ...chains: Chain[]): Program => ({
  datapath,
  chains: new Map(chains.map((c) => [chainKey(c.table, c.name), c])),
  notes: [],
});

const node = { addresses: ['10.0.0.5'] };
const inbound = (text: string, opts: Partial<Packet> = {}): Packet => ({
  ...parsePacket(text, { inIface: 'eth0' })!,
  ...opts,
});

describe('chains and verdicts', () => {
  it('accept ends its base chain only: the next base chain of the hook still runs', () => {
    const p = program(
      'iptables',
      chain('mangle', 'INPUT', [rule([always], { kind: 'accept' })], {
        hook: 'input',
        priority: -150,
      }),
      chain('filter', 'INPUT', [rule([dstPort(22)], { kind: 'drop' })], {
        hook: 'input',
        priority: 0,
      }),
    );
    const r = runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy).toMatchObject({
      table: 'filter',
      chain: 'INPUT',
      action: 'DROP',
    });
  });

  it('drop ends everything: later base chains do not run', () => {
    const p = program(
      'iptables',
      chain('raw', 'PREROUTING', [rule([always], { kind: 'drop' })], {
        hook: 'prerouting',
        priority: -300,
      }),
      chain('filter', 'INPUT', [rule([always], { kind: 'reject', with: 'tcp-reset' })], {
        hook: 'input',
        priority: 0,
      }),
    );
    const r = runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(r.verdict).toBe('drop');
    expect(r.hops.map((h) => h.chain)).toEqual(['PREROUTING']);
  });

  it('return from a base chain and falling off its end both meet its policy', () => {
    const viaReturn = program(
      'iptables',
      chain(
        'filter',
        'INPUT',
        [rule([always], { kind: 'return' }), rule([always], { kind: 'accept' })],
        {
          hook: 'input',
          priority: 0,
          policy: 'drop',
        },
      ),
    );
    const r = runPrograms([viaReturn], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy!.action).toBe('policy DROP');
  });

  it('a user chain falls back to its caller; a goto does not come back', () => {
    const jumped = program(
      'iptables',
      chain(
        'filter',
        'INPUT',
        [rule([always], { kind: 'jump', chain: 'SUB' }), rule([always], { kind: 'drop' })],
        {
          hook: 'input',
          priority: 0,
        },
      ),
      chain('filter', 'SUB', [rule([dstPort(80)], { kind: 'accept' })]),
    );
    expect(runPrograms([jumped], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node).verdict).toBe(
      'drop',
    );
    expect(runPrograms([jumped], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:80'), node).verdict).toBe(
      'accept',
    );

    const gone = program(
      'iptables',
      chain(
        'filter',
        'INPUT',
        [rule([always], { kind: 'goto', chain: 'SUB' }), rule([always], { kind: 'drop' })],
        {
          hook: 'input',
          priority: 0,
        },
      ),
      chain('filter', 'SUB', [rule([dstPort(80)], { kind: 'drop' })]),
    );
    // Back from SUB after a goto means back past INPUT's own rules: the policy, not the drop.
    const r = runPrograms([gone], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(r.verdict).toBe('accept');
    expect(r.branches[0]!.decidedBy!.action).toBe('policy ACCEPT');
  });

  it('nat chains see only the first packet of a connection', () => {
    const p = program(
      'iptables',
      chain(
        'nat',
        'PREROUTING',
        [rule([always], { kind: 'dnat', address: '10.244.1.5', port: 8080 })],
        {
          hook: 'prerouting',
          priority: -100,
          type: 'nat',
        },
      ),
    );
    const first = runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:80'), node);
    expect(first.verdict).toBe('dnat');
    expect(first.endpoints).toEqual([{ address: '10.244.1.5', port: 8080, probability: 1 }]);
    const later = runPrograms(
      [p],
      inbound('tcp 1.2.3.4:5 -> 10.0.0.5:80', { ctstate: 'ESTABLISHED' }),
      node,
    );
    expect(later.verdict).toBe('accept');
    expect(later.notes.map(en).join(' ')).toMatch(/ESTABLISHED/);
  });
});

describe('order of base chains', () => {
  const marker = (name: string) => rule([always], { kind: 'continue', text: name });
  it('runs lower priorities first; on a tie iptables before nft, then as given', () => {
    const nft = program(
      'nftables',
      chain('ip t', 'in0', [marker('nft 0')], { hook: 'input', priority: 0 }),
      chain('ip t', 'in-200', [marker('nft -200')], { hook: 'input', priority: -200 }),
    );
    const ipt = program(
      'iptables',
      chain('filter', 'INPUT', [marker('iptables 0')], { hook: 'input', priority: 0 }),
    );
    const r = runPrograms([nft, ipt], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(r.hops.filter((h) => !h.action.startsWith('policy')).map((h) => h.action)).toEqual([
      'nft -200',
      'iptables 0',
      'nft 0',
    ]);
  });
});

describe('routing and the local path', () => {
  const seen: Hook[] = ['prerouting', 'input', 'forward', 'output', 'postrouting'];
  const tracer = program(
    'iptables',
    ...seen.map((hook) =>
      chain('mangle', hook.toUpperCase(), [rule([always], { kind: 'continue', text: hook })], {
        hook,
        priority: -150,
      }),
    ),
  );
  const path = (pkt: Packet) =>
    runPrograms([tracer], pkt, node)
      .hops.filter((h) => !h.action.startsWith('policy'))
      .map((h) => h.action);

  it('a packet for the node goes to INPUT, one for elsewhere through FORWARD and POSTROUTING', () => {
    expect(path(inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'))).toEqual(['prerouting', 'input']);
    expect(path(inbound('tcp 1.2.3.4:5 -> 10.244.1.5:22'))).toEqual([
      'prerouting',
      'forward',
      'postrouting',
    ]);
  });

  it('a local packet runs OUTPUT and POSTROUTING, and comes back in through lo when for the node', () => {
    const local = { ...parsePacket('tcp 10.0.0.5:40000 -> 10.0.0.5:22', { local: true })! };
    expect(path(local)).toEqual(['output', 'postrouting', 'prerouting', 'input']);
    const out = { ...parsePacket('tcp 10.0.0.5:40000 -> 8.8.8.8:53', { local: true })! };
    expect(path(out)).toEqual(['output', 'postrouting']);
  });

  it('without the node addresses a packet that is not translated cannot be routed', () => {
    const r = runPrograms([tracer], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), { addresses: [] });
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toMatch(/addresses are not given/);
  });
});

describe('splits, marks, masquerade', () => {
  it('a probability splits the packet; the endpoints sum to 1', () => {
    const p = program(
      'iptables',
      chain(
        'nat',
        'PREROUTING',
        [
          rule([when('p 1/3', () => ({ probability: 1 / 3 }))], {
            kind: 'dnat',
            address: '10.244.1.1',
            port: 80,
          }),
          rule([when('p 1/2', () => ({ probability: 0.5 }))], {
            kind: 'dnat',
            address: '10.244.1.2',
            port: 80,
          }),
          rule([always], { kind: 'dnat', address: '10.244.1.3', port: 80 }),
        ],
        { hook: 'prerouting', priority: -100, type: 'nat' },
      ),
    );
    const r = runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:30080'), node);
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints.map((e) => e.probability)).toEqual(
      [1 / 3, 1 / 3, 1 / 3].map((x) => expect.closeTo(x, 9)),
    );
    expect(r.endpoints.reduce((s, e) => s + e.probability, 0)).toBeCloseTo(1, 9);
  });

  it('marks set on the way decide later matches; masquerade marks the branch', () => {
    const marked = when('mark 0x4000', (p) => (p.mark & 0x4000) !== 0);
    const p = program(
      'iptables',
      chain(
        'nat',
        'PREROUTING',
        [
          rule([always], {
            kind: 'mark',
            target: 'packet',
            set: (m) => m | 0x4000,
            text: 'MARK or 0x4000',
          }),
          rule([always], { kind: 'dnat', address: '10.244.1.5', port: 80 }),
        ],
        { hook: 'prerouting', priority: -100, type: 'nat' },
      ),
      chain('nat', 'POSTROUTING', [rule([marked], { kind: 'masquerade' })], {
        hook: 'postrouting',
        priority: 100,
        type: 'nat',
      }),
    );
    const r = runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:30080'), node);
    expect(r.branches[0]).toMatchObject({ verdict: 'dnat', masquerade: true });
    expect(r.branches[0]!.final).toEqual({
      src: '1.2.3.4',
      sport: 5,
      dst: '10.244.1.5',
      dport: 80,
    });
    expect(r.hops.map((h) => h.action)).toContain('MARK or 0x4000');
  });

  it('an unknown match is never a silent pass; a match of the rule that surely fails still rules it out', () => {
    const unsure = when('-m recent', () => ({
      unknown: { key: 'walk.unknown.module.recent', params: { text: '-m recent' } },
    }));
    const p = program(
      'iptables',
      chain(
        'filter',
        'INPUT',
        [
          rule([dstPort(443), unsure], { kind: 'drop' }),
          rule([unsure, dstPort(22)], { kind: 'drop' }),
        ],
        { hook: 'input', priority: 0 },
      ),
    );
    const r = runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toBe(
      '-m recent: the recent-list state of the source is not in the paste',
    );
    expect(r.branches[0]!.decidedBy!.line).toBe(
      p.chains.get(chainKey('filter', 'INPUT'))!.rules[1]!.cite.line,
    );
    expect(runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:80'), node).verdict).toBe('accept');
  });

  it('follows an unknown match both ways and keeps the verdict only when both end alike', () => {
    const outIface = { key: 'walk.unknown.outIface', params: { text: '-o docker0' } };
    const unsure = when('-o docker0', () => ({ unknown: outIface }));
    const sameEitherWay = program(
      'iptables',
      chain('filter', 'FORWARD', [rule([unsure], { kind: 'jump', chain: 'EMPTY' })], {
        hook: 'forward',
        priority: 0,
        policy: 'drop',
      }),
      chain('filter', 'EMPTY', []),
    );
    const r = runPrograms([sameEitherWay], inbound('tcp 1.2.3.4:5 -> 10.244.1.5:80'), node);
    expect(r.verdict).toBe('drop');
    expect(r.branches).toHaveLength(1);
    expect(r.notes.map(en).join(' ')).toMatch(
      /-o docker0 \(line \d+, .*\) cannot be told from the paste: the walk followed both ways/,
    );

    const differs = program(
      'iptables',
      chain('filter', 'FORWARD', [rule([unsure], { kind: 'accept' })], {
        hook: 'forward',
        priority: 0,
        policy: 'drop',
      }),
    );
    const d = runPrograms([differs], inbound('tcp 1.2.3.4:5 -> 10.244.1.5:80'), node);
    expect(d.verdict).toBe('unknown');
    expect(d.branches).toEqual([expect.objectContaining({ probability: 1, unknown: outIface })]);
  });

  it('stops following both ways after a few undecidable matches', () => {
    const unsure = when('?', () => ({
      unknown: { key: 'walk.unknown.notModelled', params: { text: '?' } },
    }));
    const p = program(
      'iptables',
      chain(
        'filter',
        'INPUT',
        Array.from({ length: MAX_ASSUMPTIONS + 1 }, () =>
          rule([unsure], { kind: 'continue', text: 'log' }),
        ),
        { hook: 'input', priority: 0 },
      ),
    );
    const r = runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(r.verdict).toBe('unknown');
  });

  it('cuts the branches at the cap and says so', () => {
    const split = rule([when('p 1/2', () => ({ probability: 0.5 }))], {
      kind: 'continue',
      text: 'split',
    });
    const p = program(
      'iptables',
      chain(
        'filter',
        'INPUT',
        Array.from({ length: 10 }, () => split),
        { hook: 'input', priority: 0 },
      ),
    );
    const r = runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(r.branches.length).toBeLessThanOrEqual(MAX_BRANCHES);
    expect(r.notes.map(en).join(' ')).toMatch(/256 branches/);
  });
});

describe('hostile programs', () => {
  it('a chain jumping into itself ends as unknown with the reason', () => {
    const p = program(
      'iptables',
      chain('filter', 'INPUT', [rule([always], { kind: 'jump', chain: 'LOOP' })], {
        hook: 'input',
        priority: 0,
      }),
      chain('filter', 'LOOP', [rule([always], { kind: 'jump', chain: 'LOOP' })]),
    );
    const r = runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toMatch(/nested jumps at LOOP → LOOP: the chains loop/);
  });

  it('a jump to a chain that is not there is unknown, naming it', () => {
    const p = program(
      'iptables',
      chain('filter', 'INPUT', [rule([always], { kind: 'jump', chain: 'cali-INPUT' })], {
        hook: 'input',
        priority: 0,
      }),
    );
    const r = runPrograms([p], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(en(r.branches[0]!.unknown)).toBe(
      'jump to chain cali-INPUT, which the paste does not hold',
    );
  });

  it('no programs at all: the packet is just delivered, with nothing cited', () => {
    const r = runPrograms([], inbound('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node);
    expect(r).toMatchObject({ verdict: 'accept', hops: [], datapaths: [] });
  });
});
