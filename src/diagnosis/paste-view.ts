import {
  viewOf,
  type ParsedSection,
  type SectionResult,
  type SectionView,
} from '../parsers/registry';
import { counterDeltas, type CounterDeltas } from '../rules/combine/counter-deltas';

/** What the page shows of one paste: each part read (no facts), and what grew between parts. */
export interface PasteView {
  sections: SectionView[];
  /** Two pastes of the same counters, one after the other: what grew between them. */
  deltas: CounterDeltas[];
}

export function pasteView(sections: SectionResult[]): PasteView {
  const deltas: CounterDeltas[] = [];
  const parsed = sections.filter((s): s is ParsedSection => s.status !== 'rejected');
  for (let i = 1; i < parsed.length; i++) {
    const d = counterDeltas(parsed[i - 1]!, parsed[i]!);
    if (d && d.deltas.length > 0) deltas.push(d);
  }
  return { sections: sections.map(viewOf), deltas };
}
