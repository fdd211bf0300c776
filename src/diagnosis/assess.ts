import type { SymptomId } from '../catalog/causes';
import type { Replay, WizardState } from '../engine/replay';
import { viewOf, type SectionResult, type SectionView } from '../parsers/registry';
import { TREES, type TreeId } from '../tree';
import { suggestSymptom } from './bundle';
import { judge, type Verdicts } from './judge';
import { pasteView, type PasteView } from './paste-view';
import { replay } from './replay';
import { compareWithGood, type Comparison } from './comparison';

/**
 * Where a tree's state stands: the replayed path, what each paste was read as (no facts), and,
 * at a diagnosis, the verdicts on the pastes of the path taken. Every screen of a tree (the
 * wizard, its "Paste everything", the share link) asks for this and nothing else.
 */
export interface TreeAssessment extends Replay {
  views: Record<string, SectionView[]>;
  /** Null unless the path ends in a diagnosis (an outcome that hands over to no other tree). */
  verdicts: Verdicts | null;
  /** What each paste of the node that works was read as, by step (`*`: pasted at once). */
  goodViews: Record<string, SectionView[]>;
  /** At a diagnosis, this node against the node that works, when one was pasted. */
  comparison: Comparison | null;
}

export function assessTree(
  tree: TreeId,
  state: WizardState,
  byNode: Record<string, SectionResult[]>,
  good: Record<string, SectionResult[]> = {},
): TreeAssessment {
  const rp = replay(TREES[tree], state, Object.values(byNode).flat());
  const end = TREES[tree].nodes[rp.current];
  // A paste on a branch the operator has left is kept, but does not count.
  const onPath = rp.steps.filter((s) => s.status === 'pasted').flatMap((s) => byNode[s.node] ?? []);
  const diagnosed = end?.type === 'outcome' && !end.route;
  const compared =
    diagnosed && TREES[tree].compares ? compareWithGood(Object.values(good).flat(), onPath) : null;
  const views = (by: Record<string, SectionResult[]>) =>
    Object.fromEntries(Object.entries(by).map(([n, s]) => [n, s.map(viewOf)]));
  return {
    ...rp,
    views: views(byNode),
    verdicts: diagnosed ? judge(onPath, rp.vars, compared?.diff) : null,
    goodViews: views(good),
    comparison: compared?.comparison ?? null,
  };
}

/** "Paste everything": what each part was read as, every rule over all of them, the likely class. */
export interface BundleAssessment {
  paste: PasteView;
  verdicts: Verdicts;
  suggested: SymptomId | null;
}

export function assessBundle(sections: SectionResult[]): BundleAssessment {
  const verdicts = judge(sections, {});
  return { paste: pasteView(sections), verdicts, suggested: suggestSymptom(sections, verdicts) };
}
