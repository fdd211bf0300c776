import { CAUSE_IDS, causesOf, type CauseId, type SymptomId } from '../catalog/causes';
import type { SectionResult } from '../parsers/registry';
import { RULES } from '../rules';
import { contextOf, type RuleResult } from '../rules/rule';
import { fillTemplate } from '../engine/shell';
import type { Confidence, Evidence, Msg } from '../engine/types';
import { translate } from '../i18n/translate';
import type { Lang } from '../i18n/resources';

export interface RenderedFix {
  now: string;
  persist: string;
  verify: string;
  rollback: string;
}

export interface Finding {
  cause: CauseId;
  confidence: Confidence;
  why: Msg;
  evidence: Evidence[];
  fix: RenderedFix;
}

export interface Diagnosis {
  symptom: SymptomId | null;
  findings: Finding[];
  ruledOut: { cause: CauseId; because: Msg; evidence: Evidence[] }[];
  notApplicable: { cause: CauseId; because: Msg }[];
  /** Causes of the class that no paste spoke to. */
  unexamined: CauseId[];
  inputs: { source: string; kind: string | null; ok: boolean }[];
}

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/**
 * Runs the rules of a symptom class (every rule when `symptom` is null) over parsed pastes.
 * Fix snippets come out with the operator's values and their comments in `lang`.
 */
export function diagnose(
  symptom: SymptomId | null,
  sections: SectionResult[],
  vars: Record<string, string> = {},
  lang: Lang = 'en',
): Diagnosis {
  const causes = symptom ? causesOf(symptom) : CAUSE_IDS;
  const ctx = contextOf(sections, vars);
  const kinds = new Set(sections.filter((s) => s.status !== 'rejected').map((s) => s.kind));
  const out: Diagnosis = {
    symptom,
    findings: [],
    ruledOut: [],
    notApplicable: [],
    unexamined: [],
    inputs: sections.map((s) => ({ source: s.source, kind: s.kind, ok: s.status !== 'rejected' })),
  };
  for (const cause of causes) {
    const rule = RULES[cause];
    const result: RuleResult =
      rule && rule.needs.some((k) => kinds.has(k)) ? rule.check(ctx) : { type: 'no-evidence' };
    if (result.type === 'finding' && rule) {
      const values = { ...rule.fix.defaults, ...vars, ...result.vars };
      // Comments first (`# @{key}`), so values inside a translated comment get filled too.
      const fill = (t: string) =>
        fillTemplate(
          t.replace(/@\{([\w.-]+)\}/g, (_, k: string) => translate(lang, `fix.${k}`)),
          values,
        );
      out.findings.push({
        cause,
        confidence: result.confidence,
        why: result.why,
        evidence: result.evidence,
        fix: {
          now: fill(rule.fix.now),
          persist: fill(rule.fix.persist),
          verify: fill(rule.fix.verify),
          rollback: fill(rule.fix.rollback),
        },
      });
    } else if (result.type === 'ruled-out')
      out.ruledOut.push({ cause, because: result.because, evidence: result.evidence });
    else if (result.type === 'not-applicable')
      out.notApplicable.push({ cause, because: result.because });
    else out.unexamined.push(cause);
  }
  out.findings.sort((a, b) => RANK[a.confidence] - RANK[b.confidence]);
  return out;
}
