import type { FactsByKind, Kind, SectionResult } from '../parsers/registry';

/** The facts of a section parsed as `kind`; throws (failing the test) for anything else. */
export function factsOf<K extends Kind>(s: SectionResult | undefined, kind: K): FactsByKind[K] {
  if (!s || s.status === 'rejected' || s.kind !== kind) {
    throw new Error(`expected ${kind}, got ${s?.kind ?? 'nothing'} (${s?.status ?? 'no section'})`);
  }
  return s.facts as FactsByKind[K];
}
