import { assessTree, type TreeAssessment } from '../diagnosis/assess';
import type { WizardState } from '../engine/replay';
import type { TreeId } from '../tree';
import { analysePaste } from '../worker/analyse';

/** What the worker answers for a tree's state: each paste read under its step's id, then assessed. */
export function assessState(tree: TreeId, state: WizardState): TreeAssessment {
  const byNode = Object.fromEntries(
    Object.entries(state.pastes).flatMap(([n, t]) => (t === null ? [] : [[n, analysePaste(t, n)]])),
  );
  return assessTree(tree, state, byNode);
}
