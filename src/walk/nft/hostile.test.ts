import { describe, expect, it } from 'vitest';
import { emptyNft, type NftFacts } from '../../parsers/nft/facts';
import { parsePaste } from '../../parsers/registry';
import { factsOf } from '../../testing/facts';
import { runPrograms } from '../engine';
import { parsePacket } from '../packet';
import { compileNft } from '.';
import { ElementIndex } from './sets';
import { tMsg } from '../../i18n/translate';
import type { Msg } from '../msg';

/** A walk message as the English reader sees it. */
const en = (m: Msg | null | undefined) => (m ? tMsg('en', m) : null);

/** Rulesets that try to break the compiler: empty, looping, missing sets, huge maps. */
const programOf = (raw: string) => compileNft(factsOf(parsePaste(raw, 'paste')[0], 'nft'), 'paste');
const packet = (s: string) => parsePacket(s, { inIface: 'eth0' })!;
const NODE = { addresses: ['192.168.0.2'] };

/**
 * A ruleset's facts built directly (as the nft reader would give them), so the timing tests
 * measure the compiler and the walk, not the reading of a 2 MB paste.
 */
class RulesetFacts {
  private readonly built = emptyNft('text');
  private line = 1;

  constructor(
    private readonly family: string,
    private readonly table: string,
  ) {
    this.built.tables.push({ family, name: table, comment: null, line: this.line++, text: '' });
  }

  /**
   * The facts with flat strings, as the reader's are (cut from the paste): the names built here
   * are template-literal concatenations, which V8 hashes far slower as map keys.
   */
  get facts(): NftFacts {
    return JSON.parse(JSON.stringify(this.built)) as NftFacts;
  }

  map(name: string, type: string, elements: { key: string[]; value: string }[]) {
    this.built.sets.push({
      family: this.family,
      table: this.table,
      name,
      kind: 'map',
      type,
      comment: null,
      elements: elements.map((e) => ({ ...e, comment: null, line: this.line, text: '' })),
      line: this.line++,
      text: `map ${name} {`,
    });
  }

  chain(name: string, bodies: string[], base?: { type: string; hook: string; priority: string }) {
    const where = { family: this.family, table: this.table };
    this.built.chains.push({
      ...where,
      name,
      type: base?.type ?? null,
      hook: base?.hook ?? null,
      priority: base?.priority ?? null,
      policy: base ? 'accept' : null,
      handle: null,
      line: this.line++,
      text: `chain ${name} {`,
    });
    for (const body of bodies)
      this.built.rules.push({
        ...where,
        chain: name,
        body,
        verdict: null,
        dport: null,
        proto: null,
        daddr: null,
        comment: null,
        packets: null,
        handle: null,
        line: this.line++,
        text: body,
      });
  }
}

/** kube-proxy's layout for `n` ClusterIP services with two endpoints each. */
function kubeProxyFacts(n: number) {
  const ip = (i: number) => `172.30.${(i >> 8) & 255}.${i & 255}`;
  const ep = (i: number, k: number) => `10.${100 + k}.${(i >> 8) & 255}.${i & 255}`;
  const r = new RulesetFacts('ip', 'kube-proxy');
  const svc = (i: number) => `service-${i}-ns/svc${i}/tcp/p80`;
  r.map(
    'service-ips',
    'ipv4_addr . inet_proto . inet_service : verdict',
    Array.from({ length: n }, (_, i) => ({ key: [ip(i), 'tcp', '80'], value: `goto ${svc(i)}` })),
  );
  r.chain('nat-prerouting', ['jump services'], {
    type: 'nat',
    hook: 'prerouting',
    priority: 'dstnat',
  });
  r.chain('services', ['ip daddr . meta l4proto . th dport vmap @service-ips']);
  r.chain('mark-for-masquerade', ['meta mark set meta mark | 0x00004000']);
  for (let i = 0; i < n; i++) {
    const endpoint = (k: number) => `endpoint-${i}${k}-ns/svc${i}/tcp/p80__${ep(i, k)}/80`;
    r.chain(svc(i), [
      `ip daddr ${ip(i)} tcp dport 80 ip saddr != 10.0.0.0/8 jump mark-for-masquerade`,
      `numgen random mod 2 vmap { 0 : goto ${endpoint(0)}, 1 : goto ${endpoint(1)} }`,
    ]);
    for (const k of [0, 1])
      r.chain(endpoint(k), [
        `ip saddr ${ep(i, k)} jump mark-for-masquerade`,
        `meta l4proto tcp dnat to ${ep(i, k)}:80`,
      ]);
  }
  return r.facts;
}

describe('hostile rulesets', () => {
  it('an empty ruleset compiles to no chains and walks without a verdict from nft', () => {
    const p = compileNft(emptyNft('text'), 'empty');
    expect(p.chains.size).toBe(0);
    expect(p.datapath).toBe('nftables');
    const r = runPrograms([p], packet('tcp 10.0.0.9:40000 -> 192.168.0.2:22'), NODE);
    expect(r.hops).toEqual([]);
  });

  it('a chain jumping to itself compiles, and the walk stops it as a loop', () => {
    const p = programOf(
      'table inet t {\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n\t\tjump again\n\t}\n\tchain again {\n\t\tjump again\n\t}\n}\n',
    );
    expect(p.chains.get('inet t\u0000again')!.rules[0]!.actions).toEqual([
      { kind: 'jump', chain: 'again' },
    ]);
    const r = runPrograms([p], packet('tcp 10.0.0.9:40000 -> 192.168.0.2:22'), NODE);
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toMatch(/loop/);
  });

  it('a jump to a chain the paste does not hold answers unknown', () => {
    const p = programOf(
      'table inet t {\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n\t\ttcp dport 22 jump elsewhere\n\t}\n}\n',
    );
    const r = runPrograms([p], packet('tcp 10.0.0.9:40000 -> 192.168.0.2:22'), NODE);
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toMatch(/elsewhere is not in the paste/);
    expect(runPrograms([p], packet('tcp 10.0.0.9:40000 -> 192.168.0.2:23'), NODE).verdict).toBe(
      'accept',
    );
  });

  it('a verdict map that is not in the paste answers unknown, not a pass', () => {
    const p = programOf(
      'table ip t {\n\tchain pre {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n\t\tip daddr . meta l4proto . th dport vmap @missing\n\t}\n}\n',
    );
    const r = runPrograms([p], packet('tcp 10.0.0.9:40000 -> 172.30.0.1:80'), NODE);
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toMatch(/@missing is not in the paste/);
  });

  it('statements nobody models answer unknown with their own text', () => {
    const p = programOf(
      'table inet t {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n\t\tsocket transparent 1 accept\n\t}\n}\n',
    );
    // Accepted if the match holds, dropped by the policy if not: the walk cannot say which.
    const r = runPrograms([p], packet('tcp 10.0.0.9:40000 -> 192.168.0.2:22'), NODE);
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toMatch(/socket transparent 1$/);
  });

  it("a policy verdict cites the chain's own `type … policy …;` line as printed", () => {
    const p = programOf(
      'table inet t {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n\t\ttcp dport 22 accept\n\t}\n}\n',
    );
    const r = runPrograms([p], packet('tcp 10.0.0.9:40000 -> 192.168.0.2:80'), NODE);
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy).toMatchObject({
      line: 3,
      rule: 'type filter hook input priority filter; policy drop;',
    });
  });

  it('ingress hooks and bridge tables are left out with a note', () => {
    const p = programOf(
      'table netdev n {\n\tchain in {\n\t\ttype filter hook ingress device "eth0" priority 0; policy accept;\n\t\tdrop\n\t}\n}\ntable inet t {\n\tchain i {\n\t\ttype filter hook ingress priority 0; policy accept;\n\t}\n\tchain o {\n\t\ttype filter hook output priority filter + 10; policy accept;\n\t}\n}\n',
    );
    expect([...p.chains.keys()]).toEqual(['inet t\u0000o']);
    expect(p.chains.get('inet t\u0000o')!.base).toEqual({
      hook: 'output',
      priority: 10,
      type: 'filter',
      policy: 'accept',
    });
    expect(p.notes.map(en).join('\n')).toMatch(/netdev n not walked/);
    expect(p.notes.map(en).join('\n')).toMatch(/hooks ingress/);
  });

  it('looks a key up among 10,000 map elements without scanning them per packet', () => {
    const r = new RulesetFacts('ip', 't');
    r.map(
      'big',
      'ipv4_addr . inet_proto . inet_service : verdict',
      Array.from({ length: 10_000 }, (_, i) => ({
        key: [`10.${i >> 8}.${i & 255}.1`, 'tcp', '80'],
        value: 'drop',
      })),
    );
    r.chain('pre', ['ip daddr . meta l4proto . th dport vmap @big'], {
      type: 'filter',
      hook: 'prerouting',
      priority: 'raw',
    });
    const p = compileNft(r.facts, 'big');
    expect(runPrograms([p], packet('tcp 1.1.1.1:40000 -> 10.39.15.1:80'), NODE).verdict).toBe(
      'drop',
    );
    // Exact keys are hashed: a lookup among 10,000 elements is one Map lookup, not a scan.
    const index = new ElementIndex(
      Array.from({ length: 10_000 }, (_, i) => ({
        parts: [`10.${i >> 8}.${i & 255}.1`, 'tcp', '80'],
        value: 'drop',
        text: '',
      })),
      ['ipv4', 'proto', 'port'],
    );
    expect(index.hashed).toBe(10_000);
    for (const i of [0, 4_321, 9_999]) {
      const found = index.lookup([
        { value: BigInt(0x0a000001 + (i << 8)) },
        { value: 6n },
        { value: 80n },
      ]);
      expect(found && 'element' in found, `element ${i}`).toBe(true);
    }
    expect(runPrograms([p], packet('tcp 1.1.1.1:40000 -> 10.39.15.1:81'), NODE).verdict).not.toBe(
      'drop',
    );
  });

  // Its time is measured by `npm run bench` (src/bench/walk.ts), not here.
  it('compiles and walks a 5,000-service kube-proxy ruleset to its endpoints', () => {
    const facts = kubeProxyFacts(5000);
    expect([facts.chains.length, facts.rules.length]).toEqual([3 + 5000 * 3, 3 + 5000 * 6]);
    const p = compileNft(facts, 'big');
    const r = runPrograms([p], packet('tcp 192.168.0.50:40000 -> 172.30.19.99:80'), NODE);
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints.map((e) => [e.address, e.probability])).toEqual([
      ['10.100.19.99', 0.5],
      ['10.101.19.99', 0.5],
    ]);
  });
});
