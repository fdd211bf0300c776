/** `iptables-save` / `iptables -S` facts compiled into a Program. */
import type { IptablesFacts, IptablesRule } from '../../parsers/iptables-save/facts';
import type { Program } from '../program';
import type { PastedChain, RuleReader } from './build';
import { buildProgram } from './build';
import { cutEnds } from './cut';
import { impliedRules } from './fragment';
import { readSaveRule } from './save-rule';
import type { IpSets } from './sets';
import { NO_SETS } from './sets';
import { msg, type Msg } from '../msg';

/**
 * Compiled programs by facts, ipsets and source: the panel walks packet after packet through the
 * same paste, and a program's lazily read rules do not depend on the packet.
 */
const compiled = new WeakMap<IptablesFacts, WeakMap<IpSets, Map<string, Program>>>();

export function compileIptablesSave(
  facts: IptablesFacts,
  source: string,
  sets: IpSets = NO_SETS,
): Program {
  const bySets = compiled.get(facts) ?? new WeakMap<IpSets, Map<string, Program>>();
  compiled.set(facts, bySets);
  const bySource = bySets.get(sets) ?? new Map<string, Program>();
  bySets.set(sets, bySource);
  let program = bySource.get(source);
  if (!program) {
    program = compile(facts, source, sets);
    bySource.set(source, program);
  }
  return program;
}

function compile(facts: IptablesFacts, source: string, sets: IpSets): Program {
  const notes: Msg[] = [];
  const unplaced = facts.rules.filter((r) => r.table === 'unknown').length;
  if (unplaced > 0) notes.push(msg('walk.note.unplacedRules', { n: unplaced }));
  const chains: PastedChain[] = facts.chains
    .filter((c) => c.table !== 'unknown')
    .map((c) => ({
      table: c.table,
      name: c.name,
      policy: c.policy,
      // Only a built-in chain's policy line is ever cited.
      cite: c.policy ? { source, line: c.line, rule: c.text, packets: c.policyPackets } : null,
    }));
  const rules = facts.rules.filter((r) => r.table !== 'unknown');
  const reader: RuleReader<IptablesRule> = {
    read: (r) => readSaveRule(r.text, sets),
    cite: (r) => ({ source, line: r.line, rule: r.text, packets: r.packets }),
    destination: (r) => plainDestination(r.text),
  };
  const tables = facts.tables.filter((t) => t !== 'unknown');
  // A grep of the dump: kube-proxy's chains without the built-in rules that lead to them.
  const fragment = impliedRules(facts.chains, rules, source, sets);
  notes.push(...fragment.notes);
  const cut = cutEnds(facts.cut, facts.chains, rules);
  for (const table of facts.cut) notes.push(msg('walk.note.cutTable', { source, table }));
  return buildProgram(tables, chains, rules, reader, notes, false, [...fragment.implied, ...cut]);
}

/**
 * The `-d ADDRESS[/full]` of a rule without `!` before it, read without tokenizing (iptables
 * prints `-d` early and once); null when the rule has none or negates it.
 */
function plainDestination(text: string): string | null {
  const m = /\s(!\s+)?-d\s+(\S+)/.exec(text);
  // Inside a quoted comment it would be words, not the match: leave such a rule unindexed.
  const quote = text.indexOf('"');
  return m && !m[1] && (quote < 0 || quote > m.index) ? m[2]! : null;
}
