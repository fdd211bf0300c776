import type { CauseId } from '../catalog/causes';
import type { FactsByKind, Kind, SectionResult } from '../parsers/registry';
import type { Cited, Confidence, Evidence, Msg } from '../engine/types';
import type { NodeDiff } from '../compare/types';

/** The facts of one parsed paste of a kind, with the paste's name for citations. */
export interface Sourced<F> {
  source: string;
  facts: F;
  /** Every line of the paste was read (a `partial` one had lines its parser could not read). */
  complete?: boolean;
}

export interface RuleContext {
  /** Every parsed paste of a kind, in paste order. */
  of<K extends Kind>(kind: K): Sourced<FactsByKind[K]>[];
  /** Operator's answers by variable name (`port`, `node`, `mode`). */
  vars: Record<string, string>;
  /** This node against a node that works, when one was pasted (see rules/combine/compare). */
  compare?: NodeDiff;
}

export type RuleResult =
  | {
      type: 'finding';
      confidence: Confidence;
      evidence: Evidence[];
      why: Msg;
      vars?: Record<string, string>;
      /** More the evidence says of it (the packet walk that ends where this cause stops it). */
      also?: Msg[];
    }
  | { type: 'ruled-out'; because: Msg; evidence: Evidence[] }
  | { type: 'not-applicable'; because: Msg }
  | { type: 'no-evidence' };

export interface Fix {
  /** Shell templates with `{var}` placeholders (see fillTemplate). */
  now: string;
  persist: string;
  verify: string;
  rollback: string;
  /** Values used when neither the answers nor the finding supply one. */
  defaults?: Record<string, string>;
}

export interface Rule {
  cause: CauseId;
  /** Output kinds the rule reads; without any of them it has nothing to say. */
  needs: Kind[];
  check(ctx: RuleContext): RuleResult;
  fix: Fix;
}

export const defineRule = (r: Rule): Rule => r;

export const finding = (
  confidence: Confidence,
  why: Msg,
  evidence: Evidence[],
  vars?: Record<string, string>,
): RuleResult => ({ type: 'finding', confidence, why, evidence, ...(vars ? { vars } : {}) });
export const ruledOut = (because: Msg, evidence: Evidence[] = []): RuleResult => ({
  type: 'ruled-out',
  because,
  evidence,
});
export const notApplicable = (because: Msg): RuleResult => ({ type: 'not-applicable', because });
export const noEvidence: RuleResult = { type: 'no-evidence' };

/** A cited fact as an evidence line of its paste. */
export const cite = (source: string, c: Pick<Cited<unknown>, 'line' | 'text'>): Evidence => ({
  source,
  line: c.line,
  text: c.text,
});

export function contextOf(
  sections: SectionResult[],
  vars: Record<string, string>,
  compare?: NodeDiff,
): RuleContext {
  return {
    vars,
    ...(compare ? { compare } : {}),
    of<K extends Kind>(kind: K) {
      const out: Sourced<FactsByKind[K]>[] = [];
      for (const s of sections) {
        if (s.kind === kind && s.status !== 'rejected')
          out.push({
            source: s.source,
            facts: s.facts as FactsByKind[K],
            complete: s.status === 'parsed',
          });
      }
      return out;
    },
  };
}
