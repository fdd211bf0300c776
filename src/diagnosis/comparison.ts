import type { CauseId } from '../catalog/causes';
import { causeSummary, compareNodes, shown } from '../compare';
import type { Coverage, DiffKind, Difference, NodeDiff, Shared } from '../compare/types';
import type { SectionResult } from '../parsers/registry';

/**
 * This node against a node that works, as the page and the export show it: the differences
 * worth reading (explained ones first), how many were noise, what was pasted for one node only,
 * and the causes a shared setting argues against. Noise is counted, not carried: a 5,000-service
 * dump differs in thousands of counters.
 */
export interface Comparison {
  differences: Difference[];
  noise: number;
  coverage: Coverage[];
  against: { cause: CauseId; shared: Shared[] }[];
  /** The kinds read on both nodes; none: nothing could be set against the other. */
  compared: DiffKind[];
}

export function comparisonOf(diff: NodeDiff): Comparison {
  const differences = shown(diff);
  return {
    differences,
    noise: diff.differences.length - differences.length,
    coverage: diff.coverage,
    against: causeSummary(diff).against,
    compared: diff.compared ?? [],
  };
}

/** Both nodes' parsed outputs compared, or null without a node that works. */
export function compareWithGood(
  good: SectionResult[],
  bad: SectionResult[],
): { diff: NodeDiff; comparison: Comparison } | null {
  if (!good.some((s) => s.status !== 'rejected')) return null;
  const diff = compareNodes(good, bad);
  return { diff, comparison: comparisonOf(diff) };
}
