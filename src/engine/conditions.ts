import type { SectionResult } from '../parsers/registry';

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
  /** The pastes so far already include a sysctl dump with tcp_tw_recycle in it. */
  'have-tw-recycle-sysctl': (c: ConditionContext) =>
    c.sections.some(
      (s) =>
        s.kind === 'sysctl' &&
        s.status !== 'rejected' &&
        'net.ipv4.tcp_tw_recycle' in s.facts.values,
    ),
} satisfies Record<string, (c: ConditionContext) => boolean>;

export type ConditionId = keyof typeof CONDITIONS;

function proxier(c: ConditionContext): string | null {
  let found: string | null = null;
  for (const s of c.sections) {
    if (s.kind === 'kube-proxy-log' && s.status !== 'rejected' && s.facts.proxier)
      found = s.facts.proxier.value;
  }
  return found;
}
