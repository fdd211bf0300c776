import { CAUSE_IDS, causesOf, type CauseId, type SymptomId } from '../catalog/causes';
import type { Confidence, Evidence, Msg } from '../engine/types';
import type { SectionResult } from '../parsers/registry';
import { RULES } from '../rules';
import { contextOf } from '../rules/rule';

/** One rule's say on the evidence: language-neutral (messages are i18n keys, no fix text). */
export type Verdict =
  | {
      cause: CauseId;
      type: 'finding';
      confidence: Confidence;
      why: Msg;
      evidence: Evidence[];
      vars?: Record<string, string>;
    }
  | { cause: CauseId; type: 'ruled-out'; because: Msg; evidence: Evidence[] }
  | { cause: CauseId; type: 'not-applicable'; because: Msg };

export interface Verdicts {
  /** Causes with something to say, in catalog order; the others were not examined. */
  results: Verdict[];
  inputs: { source: string; kind: string | null; ok: boolean }[];
}

/**
 * The only place rules run: each rule of the symptom class (every rule when `symptom` is
 * null) whose kinds were pasted, over all the evidence so far. `render` turns the verdicts
 * into text in a language; changing language renders again and judges nothing.
 */
export function judge(
  symptom: SymptomId | null,
  sections: SectionResult[],
  vars: Record<string, string>,
): Verdicts {
  const ctx = contextOf(sections, vars);
  const kinds = new Set(sections.filter((s) => s.status !== 'rejected').map((s) => s.kind));
  const results: Verdict[] = [];
  for (const cause of symptom ? causesOf(symptom) : CAUSE_IDS) {
    const rule = RULES[cause];
    if (!rule || !rule.needs.some((k) => kinds.has(k))) continue;
    const r = rule.check(ctx);
    if (r.type === 'finding')
      results.push({
        cause,
        type: r.type,
        confidence: r.confidence,
        why: r.why,
        evidence: r.evidence,
        ...(r.vars ? { vars: r.vars } : {}),
      });
    else if (r.type === 'ruled-out')
      results.push({ cause, type: r.type, because: r.because, evidence: r.evidence });
    else if (r.type === 'not-applicable') results.push({ cause, type: r.type, because: r.because });
  }
  return {
    results,
    inputs: sections.map((s) => ({ source: s.source, kind: s.kind, ok: s.status !== 'rejected' })),
  };
}
