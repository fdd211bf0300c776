import type { Tree } from '../engine/tree';
import { walkTree, type Assumptions, type Replay, type WizardState } from '../engine/replay';
import type { Kind, SectionResult } from '../parsers/registry';
import { evaluate } from './conditions';

/**
 * Replays a wizard state over its parsed pastes: fact routes are decided by what the pastes
 * show (`assume` fixes some, as path enumeration does).
 */
export function replay(
  tree: Tree,
  state: WizardState,
  sections: SectionResult[] = [],
  assume: Assumptions = {},
): Replay {
  // A step whose output an earlier step's paste already holds (two outputs pasted at once)
  // is not asked again.
  const answered = (wants: Kind[], pasted: string[]) =>
    sections.some(
      (s) =>
        s.status !== 'rejected' &&
        wants.includes(s.kind) &&
        pasted.includes(s.source.split('#')[0]!),
    );
  return walkTree(tree, state, (c, vars) => assume[c] ?? evaluate(c, { vars, sections }), answered);
}
