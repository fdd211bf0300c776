import type { CauseId } from '../catalog/causes';
import type { ConditionId, ConditionName } from '../catalog/conditions';
import type { SectionResult } from '../parsers/registry';
import { contextOf } from '../rules/rule';
import { finds } from './judge';

export interface ConditionContext {
  /** Answers of question nodes that declare a `var`, by that name. */
  vars: Record<string, string>;
  sections: SectionResult[];
}

const CONDITIONS: Record<ConditionName, (c: ConditionContext) => boolean> = {
  'proxy-mode-ipvs': (c) => (proxier(c) ?? c.vars.mode) === 'ipvs',
};

/** Whether a tree's condition holds on the pastes so far; `found:<cause>` asks that cause's rule. */
export function evaluate(id: ConditionId, c: ConditionContext): boolean {
  if (!id.startsWith('found:')) return CONDITIONS[id as ConditionName](c);
  return finds(id.slice(6) as CauseId, contextOf(c.sections, c.vars));
}

function proxier(c: ConditionContext): string | null {
  let found: string | null = null;
  for (const s of c.sections) {
    if (s.kind === 'kube-proxy-log' && s.status !== 'rejected' && s.facts.proxier)
      found = s.facts.proxier.value;
  }
  return found;
}
