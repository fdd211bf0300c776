import { CAUSE_IDS, type CauseId } from '../catalog/causes';
import type { SectionResult } from '../parsers/registry';
import { sideOf, type Side } from './side';
import { compareSysctl } from './sysctl';
import { compareModules } from './modules';
import { compareKubeProxy } from './kube-proxy';
import { compareServices } from './services';
import { comparePolicies } from './policies';
import { compareMtu, compareOffload } from './links';
import { compareRoutes } from './routes';
import { compareConntrack } from './conntrack';
import { compareKernel } from './kernel';
import { comparePods } from './pods';
import {
  DIFF_KINDS,
  type Compared,
  type Coverage,
  type DiffKind,
  type Difference,
  type NodeDiff,
  type Shared,
} from './types';

export * from './types';
export { groupDifferences, type DifferenceGroup } from './groups';

const COMPARERS: Record<DiffKind, (good: Side, bad: Side) => Compared> = {
  sysctl: compareSysctl,
  modules: compareModules,
  'kube-proxy': compareKubeProxy,
  services: compareServices,
  policies: comparePolicies,
  mtu: compareMtu,
  offload: compareOffload,
  routes: compareRoutes,
  conntrack: compareConntrack,
  kernel: compareKernel,
  pods: comparePods,
};

const causeRank = (c: CauseId | null) => (c === null ? CAUSE_IDS.length : CAUSE_IDS.indexOf(c));
const kindRank = (k: DiffKind) => DIFF_KINDS.indexOf(k);

/** Explained first (by cause, in catalog order), then the rest by kind; noise last. */
function order(a: Difference, b: Difference): number {
  return (
    Number(a.noise) - Number(b.noise) ||
    causeRank(a.explainedBy) - causeRank(b.explainedBy) ||
    kindRank(a.kind) - kindRank(b.kind)
  );
}

/**
 * A node that works against one that does not, from their parsed outputs: what differs (each
 * with the lines that show it on both nodes), what they share, and what was pasted for one only.
 */
export function compareNodes(good: SectionResult[], bad: SectionResult[]): NodeDiff {
  const g = sideOf(good);
  const b = sideOf(bad);
  const differences: Difference[] = [];
  const same: Shared[] = [];
  const coverage: Coverage[] = [];
  const compared: DiffKind[] = [];
  for (const kind of DIFF_KINDS) {
    const r = COMPARERS[kind](g, b);
    if (r.present.good && r.present.bad) {
      compared.push(kind);
      differences.push(...r.differences);
      same.push(...r.same);
    } else if (r.present.good !== r.present.bad)
      coverage.push({ kind, missingOn: r.present.good ? 'bad' : 'good' });
  }
  // Array#sort is stable: within a group, the comparers' own order stays.
  differences.sort(order);
  return { differences, same, coverage, compared };
}

/** The differences of the default report: noise left out unless asked for. */
export const shown = (diff: NodeDiff, all = false): Difference[] =>
  all ? diff.differences : diff.differences.filter((d) => !d.noise);

/** Whether both nodes showed the same value for the key: a shared setting explains no difference. */
export function sameOnBothNodes(diff: NodeDiff, kind: DiffKind, key: string): boolean {
  return diff.same.some((s) => s.kind === kind && s.key === key);
}

/** The difference on the key, or null when the nodes agree or it was not compared. */
export function differs(diff: NodeDiff, kind: DiffKind, key: string): Difference | null {
  return diff.differences.find((d) => d.kind === kind && d.key === key) ?? null;
}

/** The causes a list of differences explains, each with its differences' indexes in the list. */
export function explained(list: Difference[]): { cause: CauseId; differences: number[] }[] {
  const by = new Map<CauseId, number[]>();
  list.forEach((d, i) => {
    if (d.explainedBy !== null && !d.noise)
      by.set(d.explainedBy, [...(by.get(d.explainedBy) ?? []), i]);
  });
  return [...by].map(([cause, differences]) => ({ cause, differences }));
}

export interface CauseSummary {
  /** "Differs from the node that works": a difference on the bad node is its evidence. */
  supports: { cause: CauseId; differences: Difference[] }[];
  /** "The same on the node that works": the setting is shared, so it cannot be why one fails. */
  against: { cause: CauseId; shared: Shared[] }[];
}

/** Which catalog causes the comparison supports, and which it argues against. */
export function causeSummary(diff: NodeDiff): CauseSummary {
  const supports = new Map<CauseId, Difference[]>();
  for (const d of diff.differences)
    if (d.explainedBy !== null && !d.noise)
      supports.set(d.explainedBy, [...(supports.get(d.explainedBy) ?? []), d]);
  const against = new Map<CauseId, Shared[]>();
  for (const s of diff.same)
    if (s.wouldExplain !== null && !supports.has(s.wouldExplain))
      against.set(s.wouldExplain, [...(against.get(s.wouldExplain) ?? []), s]);
  const byCatalog = <T>(m: Map<CauseId, T>) =>
    [...m].sort(([a], [b]) => causeRank(a) - causeRank(b));
  return {
    supports: byCatalog(supports).map(([cause, differences]) => ({ cause, differences })),
    against: byCatalog(against).map(([cause, shared]) => ({ cause, shared })),
  };
}
