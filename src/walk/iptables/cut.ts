/**
 * An `iptables-save` cut before a table's COMMIT (a chat's length limit, a terminal's scrollback):
 * iptables-save prints a table's rules chain by chain, so the chain of the last pasted rule may go
 * on past the cut, and a declared chain with no rule pasted may have had its rules after it. Their
 * ends are unknown, never the policy or a return: the walk must not accept what it has not seen.
 */
import type { IptablesChain, IptablesRule } from '../../parsers/iptables-save/facts';
import { msg } from '../msg';
import { unknownEnd, type ImpliedRule } from './fragment';

export function cutEnds(
  cut: readonly string[],
  chains: readonly IptablesChain[],
  rules: readonly IptablesRule[],
): ImpliedRule[] {
  const out: ImpliedRule[] = [];
  for (const table of new Set(cut)) {
    const inTable = rules.filter((r) => r.table === table);
    const withRules = new Set(inTable.map((r) => r.chain));
    const open = new Set(
      chains.filter((c) => c.table === table && !withRules.has(c.name)).map((c) => c.name),
    );
    const last = inTable.reduce<IptablesRule | null>(
      (a, r) => (a && a.line > r.line ? a : r),
      null,
    );
    if (last) open.add(last.chain);
    for (const chain of open)
      out.push(unknownEnd(table, chain, msg('walk.unknown.cutRest', { table, chain })));
  }
  return out;
}
