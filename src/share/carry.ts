import { CAUSE_IDS, causesOf, type CauseId, type SymptomId } from '../catalog/causes';
import type { Diagnosis } from '../diagnosis/diagnose';
import { contextOf } from '../rules/rule';
import { fillTemplate } from '../engine/shell';
import type { Confidence, Evidence, Msg } from '../engine/types';
import type { Lang } from '../i18n/resources';
import { translate } from '../i18n/translate';
import type { SectionResult } from '../parsers/registry';
import { RULES } from '../rules';

/**
 * A diagnosis as a link carries it when the raw output is left out: each rule's verdict with
 * the lines it cites, language-neutral (messages are i18n keys, fixes are rendered by the
 * receiver in their language). Mirrors `diagnose()`; carry.test.ts proves
 * `restoreDiagnosis(carryDiagnosis(x))` equals `diagnose(x)`.
 */
export type CarriedResult =
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

export interface CarriedDiagnosis {
  /** Causes with something to say, in catalog order; the others were not examined. */
  results: CarriedResult[];
  inputs: Diagnosis['inputs'];
}

export function carryDiagnosis(
  symptom: SymptomId | null,
  sections: SectionResult[],
  vars: Record<string, string>,
): CarriedDiagnosis {
  const ctx = contextOf(sections, vars);
  const kinds = new Set(sections.filter((s) => s.status !== 'rejected').map((s) => s.kind));
  const results: CarriedResult[] = [];
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

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/** The diagnosis a carried one stands for, with fixes in `lang` and the operator's values. */
export function restoreDiagnosis(
  symptom: SymptomId | null,
  carried: CarriedDiagnosis,
  vars: Record<string, string>,
  lang: Lang,
): Diagnosis {
  const out: Diagnosis = {
    symptom,
    findings: [],
    ruledOut: [],
    notApplicable: [],
    unexamined: [],
    inputs: carried.inputs,
  };
  const byCause = new Map(carried.results.map((r) => [r.cause, r]));
  for (const cause of symptom ? causesOf(symptom) : CAUSE_IDS) {
    const r = byCause.get(cause);
    const rule = RULES[cause];
    if (r?.type === 'finding' && rule) {
      const values = { ...rule.fix.defaults, ...vars, ...r.vars };
      const fill = (t: string) =>
        fillTemplate(
          t.replace(/@\{([\w.-]+)\}/g, (_, k: string) => translate(lang, `fix.${k}`)),
          values,
        );
      out.findings.push({
        cause,
        confidence: r.confidence,
        why: r.why,
        evidence: r.evidence,
        fix: {
          now: fill(rule.fix.now),
          persist: fill(rule.fix.persist),
          verify: fill(rule.fix.verify),
          rollback: fill(rule.fix.rollback),
        },
      });
    } else if (r?.type === 'ruled-out')
      out.ruledOut.push({ cause, because: r.because, evidence: r.evidence });
    else if (r?.type === 'not-applicable') out.notApplicable.push({ cause, because: r.because });
    else out.unexamined.push(cause);
  }
  out.findings.sort((a, b) => RANK[a.confidence] - RANK[b.confidence]);
  return out;
}
