import { counterDeltas, type CounterDelta } from './counter-deltas';
import type { RuleContext } from '../rule';
import type { ParsedSection } from '../../parsers/registry';
import type { ConntrackStatFacts } from '../../parsers/conntrack-S/facts';

/** How counters of `conntrack -S` moved between the first and the last paste, when there are two. */
export interface ConntrackGrowth {
  source: string;
  /** Changed counters by name (`insert_failed`, `invalid`...). */
  byName: Record<string, CounterDelta>;
}

/** Growth between the first and last `conntrack -S` pastes; null with fewer than two. */
export function conntrackGrowth(ctx: RuleContext): ConntrackGrowth | null {
  const pastes = ctx.of('conntrack-S');
  if (pastes.length < 2) return null;
  const first = pastes[0]!;
  const last = pastes.at(-1)!;
  const d = counterDeltas(section(first.source, first.facts), section(last.source, last.facts));
  if (!d) return null;
  return { source: last.source, byName: Object.fromEntries(d.deltas.map((x) => [x.name, x])) };
}

/** The minimal parsed section counterDeltas reads (kind and facts). */
function section(source: string, facts: ConntrackStatFacts): ParsedSection {
  return {
    source,
    command: null,
    kind: 'conntrack-S',
    status: 'parsed',
    facts,
    summary: { key: 'parse.conntrack-S.summary' },
    problems: [],
    lineCount: 0,
  } as ParsedSection;
}
