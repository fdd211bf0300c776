import { CAUSE_IDS, type CauseId } from '../catalog/causes';
import type { Confidence, Evidence, Msg } from '../engine/types';
import type { SectionResult } from '../parsers/registry';
import { RULES } from '../rules';
import type { NodeDiff } from '../compare/types';
import { contextOf, type RuleContext, type RuleResult } from '../rules/rule';

/** One rule's say on the evidence: language-neutral (messages are i18n keys, no fix text). */
export type Verdict =
  | {
      cause: CauseId;
      type: 'finding';
      confidence: Confidence;
      why: Msg;
      evidence: Evidence[];
      vars?: Record<string, string>;
      also?: Msg[];
    }
  | { cause: CauseId; type: 'ruled-out'; because: Msg; evidence: Evidence[] }
  | { cause: CauseId; type: 'not-applicable'; because: Msg };

export interface Verdicts {
  /** Causes with something to say, in catalog order; the others were not examined. */
  results: Verdict[];
  inputs: { source: string; kind: string | null; ok: boolean }[];
}

/**
 * The only place rules run: every rule whose kinds were pasted, over all the evidence so far,
 * whatever symptom was picked (a proven cause is reported anyway; `render` puts the symptom's
 * causes in their place). Language-neutral: changing language renders again, judges nothing.
 */
export function judge(
  sections: SectionResult[],
  vars: Record<string, string>,
  compare?: NodeDiff,
): Verdicts {
  const ctx = contextOf(sections, vars, compare);
  const kinds = new Set(sections.filter((s) => s.status !== 'rejected').map((s) => s.kind));
  const results: Verdict[] = [];
  for (const cause of CAUSE_IDS) {
    const rule = RULES[cause];
    if (!rule || !rule.needs.some((k) => kinds.has(k))) continue;
    const v = verdictOf(cause, rule.check(ctx));
    if (v) results.push(v);
  }
  return {
    results,
    inputs: sections.map((s) => ({ source: s.source, kind: s.kind, ok: s.status !== 'rejected' })),
  };
}

/** Whether the rule of `cause` finds it: the tree's `found:<cause>` fact routes ask this. */
export function finds(cause: CauseId, ctx: RuleContext): boolean {
  return RULES[cause]?.check(ctx).type === 'finding';
}

function verdictOf(cause: CauseId, r: RuleResult): Verdict | null {
  if (r.type === 'finding')
    return {
      cause,
      type: r.type,
      confidence: r.confidence,
      why: r.why,
      evidence: r.evidence,
      ...(r.vars ? { vars: r.vars } : {}),
      ...(r.also?.length ? { also: r.also } : {}),
    };
  if (r.type === 'ruled-out')
    return { cause, type: r.type, because: r.because, evidence: r.evidence };
  if (r.type === 'not-applicable') return { cause, type: r.type, because: r.because };
  return null;
}
