import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { parsePaste } from '../registry';
import type { NftFacts } from './facts';

/**
 * The real kernel as the oracle: each ruleset is loaded into a fresh network namespace, and what
 * our parser reads from `nft list ruleset` must agree with nft's own JSON of the same ruleset
 * (read here with JSON.parse, not with our reader). Needs root, `ip netns` and nft; CI has them.
 */
const fixture = (p: string) => new URL(`./fixtures/${p}`, import.meta.url);
const NS = `net-triage-oracle-${process.pid}`;

function run(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 30_000 });
  return {
    ok: r.status === 0,
    out: r.stdout ?? '',
    err: (r.stderr ?? '') + (r.error?.message ?? ''),
  };
}
const inNs = (args: string[], input?: string) => run('ip', ['netns', 'exec', NS, ...args], input);

const made = run('ip', ['netns', 'add', NS]);
const why = made.ok ? null : `network namespaces are not available here: ${made.err.trim()}`;
afterAll(() => {
  if (made.ok) run('ip', ['netns', 'del', NS]);
});

interface Model {
  tables: string[];
  chains: string[];
  rulesPerChain: Record<string, number>;
  elementsPerSet: Record<string, number>;
  verdicts: string[];
}

const VERDICT_KEYS = [
  'accept',
  'drop',
  'reject',
  'return',
  'continue',
  'jump',
  'goto',
  'queue',
  'vmap',
  'dnat',
  'snat',
  'masquerade',
  'redirect',
];

// An iptables-nft target nft cannot translate is `{"xt": {"type": "target", "name": "DNAT"}}`.
const XT_TARGETS = ['DNAT', 'SNAT', 'MASQUERADE', 'REJECT', 'REDIRECT'];
function verdictKey(e: Record<string, unknown>): string {
  const [k, v] = Object.entries(e)[0]!;
  const xt = v as { type?: string; name?: string } | null;
  if (k === 'xt' && xt?.type === 'target' && XT_TARGETS.includes(xt.name ?? ''))
    return xt.name!.toLowerCase();
  return k;
}

/** What nft's JSON says, read without our code. */
function fromKernelJson(json: string): Model {
  const items = (JSON.parse(json) as { nftables: Record<string, Record<string, unknown>>[] })
    .nftables;
  const m: Model = { tables: [], chains: [], rulesPerChain: {}, elementsPerSet: {}, verdicts: [] };
  for (const item of items) {
    const [kind, o] = Object.entries(item)[0]!;
    const where = `${o.family as string} ${(o.table ?? o.name) as string}`;
    if (kind === 'table') m.tables.push(where);
    if (kind === 'chain') {
      const c = `${where} ${o.name as string} ${(o.hook as string) ?? '-'} ${(o.policy as string) ?? '-'}`;
      m.chains.push(c);
    }
    if (kind === 'rule') {
      const key = `${where} ${o.chain as string}`;
      m.rulesPerChain[key] = (m.rulesPerChain[key] ?? 0) + 1;
      const expr = o.expr as Record<string, { target?: string } | null>[];
      const last = [...expr].reverse().find((e) => VERDICT_KEYS.includes(verdictKey(e)));
      const k = last ? verdictKey(last) : '-';
      m.verdicts.push(`${key}: ${k} ${last?.[k]?.target ?? ''}`.trim());
    }
    if (kind === 'set' || kind === 'map')
      m.elementsPerSet[`${where} ${o.name as string}`] = Array.isArray(o.elem) ? o.elem.length : 0;
  }
  return m;
}

/** What our parser reads from the kernel's text listing. */
function fromOurParse(f: NftFacts): Model {
  const m: Model = { tables: [], chains: [], rulesPerChain: {}, elementsPerSet: {}, verdicts: [] };
  for (const t of f.tables) m.tables.push(`${t.family} ${t.name}`);
  for (const c of f.chains)
    m.chains.push(
      `${c.family} ${c.table} ${c.name} ${c.hook ?? '-'} ${c.policy ?? (c.hook ? 'accept' : '-')}`,
    );
  for (const r of f.rules) {
    const key = `${r.family} ${r.table} ${r.chain}`;
    m.rulesPerChain[key] = (m.rulesPerChain[key] ?? 0) + 1;
    const v = r.verdict;
    const target = v && (v.kind === 'jump' || v.kind === 'goto') ? ` ${v.target}` : '';
    m.verdicts.push(`${key}: ${v?.kind ?? '-'}${target}`);
  }
  for (const s of f.sets) m.elementsPerSet[`${s.family} ${s.table} ${s.name}`] = s.elements.length;
  return m;
}

function loaded(load: () => { ok: boolean; err: string }): { text: string; json: string } {
  expect(inNs(['nft', 'flush', 'ruleset']).ok).toBe(true);
  const r = load();
  expect(r.ok, r.err).toBe(true);
  return {
    text: inNs(['nft', 'list', 'ruleset']).out,
    json: inNs(['nft', '-j', 'list', 'ruleset']).out,
  };
}

function agree(listing: { text: string; json: string }) {
  const [section, ...rest] = parsePaste(listing.text, 'nft.txt');
  expect(rest).toEqual([]);
  expect(section!.status).toBe('parsed');
  const ours = fromOurParse(factsOf(section, 'nft'));
  expect(ours).toEqual(fromKernelJson(listing.json));
  // nft's JSON read by our JSON reader gives the same model too.
  const json = fromOurParse(factsOf(parsePaste(listing.json, 'nft.json')[0], 'nft'));
  expect(json).toEqual(ours);
  return ours;
}

// Real listings people posted (fixtures/nft--*.txt) that nft loads back as they are.
const REAL = readdirSync(fixture('')).filter((f) => /^nft--.*\.txt$/.test(f));

describe.skipIf(why !== null)('nft: our model of a ruleset agrees with the kernel', () => {
  it("kube-proxy's nftables mode (its own test expectation, loaded with nft -f)", () => {
    const m = agree(loaded(() => inNs(['nft', '-f', fixture('netns/kube-proxy.nft').pathname])));
    expect(m.tables).toEqual(['ip kube-proxy']);
    expect(m.elementsPerSet['ip kube-proxy no-endpoint-services']).toBe(3);
  });

  it('kube-proxy in iptables mode on iptables-nft (loaded with iptables-nft-restore)', () => {
    const rules = readFileSync(
      new URL('../../rules/combine/fixtures/netns-ruleset.txt', import.meta.url),
      'utf8',
    );
    const m = agree(loaded(() => inNs(['iptables-nft-restore'], rules)));
    expect(m.tables).toEqual(['ip mangle', 'ip filter', 'ip nat']);
  });

  it('published listings, loaded back with nft -f where nft accepts them', () => {
    const agreed: string[] = [];
    for (const name of REAL) {
      const text = readFileSync(fixture(name), 'utf8');
      expect(inNs(['nft', 'flush', 'ruleset']).ok).toBe(true);
      // Posted listings can hold what this kernel lacks (interfaces, xt matches) or be cut.
      const load = inNs(['nft', '-f', '-'], text.replace(/^#?\s*(?:sudo\s+)?nft .*$/m, ''));
      if (!load.ok) continue;
      agree({
        text: inNs(['nft', 'list', 'ruleset']).out,
        json: inNs(['nft', '-j', 'list', 'ruleset']).out,
      });
      agreed.push(name);
    }
    // Among them a real kube-proxy nftables table and a real firewalld ruleset.
    expect(agreed).toEqual(
      expect.arrayContaining([
        'nft--latencyk8s-k3s-kube-proxy-nftables-reject-chain.txt',
        'nft--insights2022-rhel8-firewalld-libvirt.txt',
        'nft--temach-flannel-ipv4-table.txt',
      ]),
    );
  });
});

describe('the kernel oracle runs where it must', () => {
  it('runs in CI, or says why not', () => {
    if (why !== null && process.env.CI === 'true') throw new Error(why);
    if (why !== null) console.warn(`kernel oracle not run: ${why}`);
    expect(why === null || process.env.CI !== 'true').toBe(true);
  });
});
