import type { CauseId } from '../catalog/causes';
import type { Difference } from './types';

/** Differences under one cause, in the order the diff holds them (explained ones first). */
export interface DifferenceGroup {
  /** Null for the unexplained ones, and for noise. */
  cause: CauseId | null;
  items: Difference[];
}

/**
 * Consecutive differences under the same cause form a group; with `byKind` the unexplained ones
 * are grouped by kind too (a table per topic), else they form one group.
 */
export function groupDifferences(list: Difference[], byKind = false): DifferenceGroup[] {
  const out: DifferenceGroup[] = [];
  for (const d of list) {
    const last = out.at(-1);
    const cause = d.noise ? null : d.explainedBy;
    const together =
      last && last.cause === cause && (cause !== null || !byKind || last.items[0]!.kind === d.kind);
    if (together) last.items.push(d);
    else out.push({ cause, items: [d] });
  }
  return out;
}
