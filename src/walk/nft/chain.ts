import type { NftChain, NftRule } from '../../parsers/nft/facts';
import type { Chain, Rule } from '../program';
import { unknownMatch } from './matches';
import type { RuleContext } from './context';
import { compileRule } from './rule';
import { msg } from '../msg';

/**
 * One chain of the program whose rules are compiled when the walk first reads them: a
 * 5,000-service ruleset has some 15,000 chains, and one packet enters a handful.
 */
export class LazyChain implements Chain {
  readonly table: string;
  readonly name: string;
  private compiled: Rule[] | null = null;

  constructor(
    chain: NftChain,
    private readonly nftRules: NftRule[],
    readonly base: Chain['base'],
    readonly policyCite: Chain['policyCite'],
    private readonly ctx: RuleContext,
    private readonly paste: string,
  ) {
    this.table = ctx.tableKey;
    this.name = chain.name;
  }

  get rules(): Rule[] {
    // An ip (ip6) table's base chains never see IPv6 (IPv4) packets: the engine skips them.
    this.compiled ??= this.nftRules.map((r) => compileNftRule(r, this.ctx, this.paste));
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
        ...untranslated.map((x) => unknownMatch(x, msg('walk.unknown.nftXtMatch'))),
      ]
    : compiled.matches;
  return {
    matches,
    actions: compiled.actions,
    cite: { source, line: r.line, rule: r.text.trim(), packets: r.packets },
  };
}
