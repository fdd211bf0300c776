/** `iptables -L -n [-v] [--line-numbers]` facts compiled into a Program. */
import type { IptablesListFacts, ListedRule } from '../../parsers/iptables-L/facts';
import type { Program } from '../program';
import type { PastedChain, RuleReader } from './build';
import { buildProgram } from './build';
import { readListedRule } from './list-rule';
import type { IpSets } from './sets';
import { NO_SETS } from './sets';
import { msg } from '../msg';

/**
 * The listing's table: the echoed `-t TABLE` when shown, else told by its built-in chains
 * (nat has PREROUTING and POSTROUTING but no FORWARD), else filter, iptables' default.
 */
function tableOf(facts: IptablesListFacts): { table: string; guessed: boolean } {
  if (facts.table) return { table: facts.table.value, guessed: false };
  const names = new Set(facts.chains.map((c) => c.name));
  const has = (n: string) => names.has(n);
  if (has('PREROUTING') && has('POSTROUTING') && has('FORWARD'))
    return { table: 'mangle', guessed: true };
  if (has('PREROUTING') && has('POSTROUTING')) return { table: 'nat', guessed: true };
  if (has('PREROUTING') && has('OUTPUT') && !has('INPUT')) return { table: 'raw', guessed: true };
  return { table: 'filter', guessed: true };
}

export function compileIptablesList(
  facts: IptablesListFacts,
  source: string,
  sets: IpSets = NO_SETS,
): Program {
  const { table, guessed } = tableOf(facts);
  const notes = guessed ? [msg('walk.note.listTableGuessed', { source, table })] : [];
  const chains: PastedChain[] = facts.chains.map((c) => ({
    table,
    name: c.name,
    policy: c.policy,
    cite: { source, line: c.line, rule: c.text, packets: c.policyPackets },
  }));
  const rules = facts.rules.map((r) => ({ ...r, table }));
  const reader: RuleReader<ListedRule & { table: string }> = {
    read: (r) => readListedRule(r, facts.verbose, sets),
    cite: (r) => ({ source, line: r.line, rule: r.text, packets: r.packets }),
    // Listings are read whole (they are short): no index.
    destination: () => null,
  };
  // A listing of one table says nothing about the others: no "no nat table" note for them.
  return buildProgram([table], chains, rules, reader, notes, true);
}
