import type { FactsByKind, Kind, SectionResult } from '../parsers/registry';
import type { Cited, Evidence } from '../engine/types';

/** The facts of one parsed paste of a kind, with the paste's name for citations. */
export interface Pasted<F> {
  source: string;
  facts: F;
}

/** One node's parsed outputs, by kind (rejected sections left out). */
export interface Side {
  of<K extends Kind>(kind: K): Pasted<FactsByKind[K]>[];
}

export function sideOf(sections: SectionResult[]): Side {
  const byKind = new Map<Kind, Pasted<unknown>[]>();
  for (const s of sections) {
    if (s.status === 'rejected') continue;
    const list = byKind.get(s.kind) ?? [];
    list.push({ source: s.source, facts: s.facts });
    byKind.set(s.kind, list);
  }
  return {
    of<K extends Kind>(kind: K) {
      return (byKind.get(kind) ?? []) as Pasted<FactsByKind[K]>[];
    },
  };
}

/** A cited fact as an evidence line of its paste. */
export const cite = (source: string, c: Pick<Cited<unknown>, 'line' | 'text'>): Evidence => ({
  source,
  line: c.line,
  text: c.text,
});
