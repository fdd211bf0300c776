import { isCauseId, type CauseId } from '../causes/catalog';
import type { SectionResult } from '../parsers/registry';
import { RULES } from '../rules';
import { contextOf } from './rule';

export interface ConditionContext {
  /** Answers of question nodes that declare a `var`, by that name. */
  vars: Record<string, string>;
  sections: SectionResult[];
}

/**
 * Named routes on facts: a tree branches or skips a step on what a paste showed, not only on
 * what the operator clicked. Trees refer to these by name so the trees stay data.
 */
export const CONDITIONS = {
  /** kube-proxy runs in IPVS mode: its log says so, or the operator said so and no log contradicts. */
  'proxy-mode-ipvs': (c: ConditionContext) => (proxier(c) ?? c.vars.mode) === 'ipvs',
} satisfies Record<string, (c: ConditionContext) => boolean>;

/**
 * A named condition, or `found:<cause>`: the evidence so far already establishes that cause
 * (its rule returns a finding), so the tree can go straight to the verdict. Routing reuses
 * the rules instead of repeating their logic.
 */
export type ConditionId = keyof typeof CONDITIONS | `found:${CauseId}`;

export function isConditionId(id: string): id is ConditionId {
  if (Object.hasOwn(CONDITIONS, id)) return true;
  return (
    id.startsWith('found:') && isCauseId(id.slice(6)) && RULES[id.slice(6) as CauseId] !== undefined
  );
}

export function evaluate(id: ConditionId, c: ConditionContext): boolean {
  if (!id.startsWith('found:')) return CONDITIONS[id as keyof typeof CONDITIONS](c);
  const rule = RULES[id.slice(6) as CauseId];
  return rule !== undefined && rule.check(contextOf(c.sections, c.vars)).type === 'finding';
}

function proxier(c: ConditionContext): string | null {
  let found: string | null = null;
  for (const s of c.sections) {
    if (s.kind === 'kube-proxy-log' && s.status !== 'rejected' && s.facts.proxier)
      found = s.facts.proxier.value;
  }
  return found;
}
