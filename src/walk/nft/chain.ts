import type { NftChain, NftFacts, NftRule } from '../../parsers/nft/facts';
import { addrBits } from '../addr';
import type { Chain, Rule } from '../program';
import { unknownMatch } from './matches';
import type { RuleContext } from './context';
import { compileRule } from './rule';

/**
 * One chain of the program whose rules are compiled when the walk first reads them: a
 * 5,000-service ruleset has some 15,000 chains, and one packet enters a handful.
 */
export class LazyChain implements Chain {
  readonly table: string;
  readonly name: string;
  private compiled: Rule[] | null = null;

  constructor(
    private readonly chain: NftChain,
    private readonly nftRules: NftRule[],
    readonly base: Chain['base'],
    readonly policyCite: Chain['policyCite'],
    private readonly ctx: RuleContext,
    private readonly facts: NftFacts,
    private readonly paste: string,
  ) {
    this.table = ctx.tableKey;
    this.name = chain.name;
  }

  get rules(): Rule[] {
    this.compiled ??= [
      ...familyGuard(this.chain, this.base !== null, this.facts, this.paste),
      ...this.nftRules.map((r) => compileNftRule(r, this.ctx, this.paste)),
    ];
    return this.compiled;
  }
}

export function compileNftRule(r: NftRule, ctx: RuleContext, source: string): Rule {
  const compiled = compileRule(r.body, ctx);
  // Older nft writes a match it cannot translate as a comment (`# xt_tcp`), which the parser
  // leaves out of the body: what it matched is unknown, so the rule cannot be said to match.
  const untranslated = [...r.text.matchAll(/#\s*xt_([a-z]\w*)/g)].map((m) => `xt_${m[1]!}`);
  const matches = untranslated.length
    ? [
        ...compiled.matches,
        ...untranslated.map((x) => unknownMatch(x, 'iptables match not translated by nft')),
      ]
    : compiled.matches;
  return {
    matches,
    actions: compiled.actions,
    cite: { source, line: r.line, rule: r.text.trim(), packets: r.packets },
  };
}

/**
 * An ip table never sees IPv6 packets (nor ip6 IPv4): its base chains accept them at once, so
 * the chain has no say, as in the kernel where the other family's hook never runs it.
 */
function familyGuard(chain: NftChain, isBase: boolean, facts: NftFacts, source: string): Rule[] {
  if (!isBase || chain.family === 'inet') return [];
  const want = chain.family === 'ip' ? 32 : 128;
  const table = facts.tables.find((t) => t.family === chain.family && t.name === chain.table);
  const text = `table ${chain.family} ${chain.table} sees ${want === 32 ? 'IPv4' : 'IPv6'} packets only`;
  return [
    {
      matches: [{ text, test: (p) => addrBits(p.dst)?.width !== want }],
      actions: [{ kind: 'accept' }],
      cite: { source, line: table?.line ?? chain.line, rule: text, packets: null },
    },
  ];
}
