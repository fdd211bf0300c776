import { CAUSE_IDS, causesOf, type CauseId, type SymptomId } from '../catalog/causes';
import { fillTemplate } from '../engine/shell';
import type { Confidence, Evidence, Msg } from '../engine/types';
import type { Lang } from '../i18n/resources';
import { translate } from '../i18n/translate';
import { RULES } from '../rules';
import type { Verdicts } from './judge';

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
  /** More the evidence says of it (the packet walk's sentence). */
  also: Msg[];
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
  /** The node that fails, as the operator named it: fix blocks say where they run. */
  node?: string;
}

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/**
 * The diagnosis `verdicts` stand for, findings strongest first (the symptom's causes before
 * the others at the same confidence), fix snippets filled with the operator's values and their
 * comments in `lang`. Runs no rule.
 */
export function render(
  symptom: SymptomId | null,
  verdicts: Verdicts,
  vars: Record<string, string>,
  lang: Lang,
): Diagnosis {
  const out: Diagnosis = {
    symptom,
    findings: [],
    ruledOut: [],
    notApplicable: [],
    unexamined: [],
    inputs: verdicts.inputs,
    ...(vars.node ? { node: vars.node } : {}),
  };
  const byCause = new Map(verdicts.results.map((r) => [r.cause, r]));
  const mine = new Set<CauseId>(symptom ? causesOf(symptom) : CAUSE_IDS);
  // Every finding counts, in the class or not; what was ruled out or not examined is the class's.
  for (const cause of [...mine, ...CAUSE_IDS.filter((c) => !mine.has(c))]) {
    const r = byCause.get(cause);
    const rule = RULES[cause];
    if (r?.type === 'finding' && rule) {
      // A node answered by its address is the address fix commands ask for.
      const nodeip: Record<string, string> =
        vars.node && /^\d{1,3}(?:\.\d{1,3}){3}$/.test(vars.node) ? { nodeip: vars.node } : {};
      const values: Record<string, string | undefined> = {
        ...rule.fix.defaults,
        ...nodeip,
        ...vars,
        ...r.vars,
      };
      // Comments first (`# @{key}`, the cause's `fix.key`), so values inside a translated
      // comment get filled too.
      const fill = (t: string) =>
        fillTemplate(
          forVariant(forDatapath(t, values.datapath), values).replace(
            /@\{([\w.-]+)\}/g,
            (_, k: string) => translate(lang, `cause.${cause}.fix.${k}`),
          ),
          values,
        );
      out.findings.push({
        cause,
        confidence: r.confidence,
        why: r.why,
        also: r.also ?? [],
        evidence: r.evidence,
        fix: {
          now: fill(rule.fix.now),
          persist: fill(rule.fix.persist),
          verify: fill(rule.fix.verify),
          rollback: fill(rule.fix.rollback),
        },
      });
    } else if (!mine.has(cause)) continue;
    else if (r?.type === 'ruled-out')
      out.ruledOut.push({ cause, because: r.because, evidence: r.evidence });
    else if (r?.type === 'not-applicable') out.notApplicable.push({ cause, because: r.because });
    else out.unexamined.push(cause);
  }
  out.findings.sort((a, b) => RANK[a.confidence] - RANK[b.confidence]);
  return out;
}

/**
 * `[nftables] sudo nft list map …`: a fix line for one datapath. Kept (without its tag) when the
 * finding names that datapath or names none; dropped when it names another.
 */
export function forDatapath(template: string, datapath: string | undefined): string {
  return template
    .split('\n')
    .flatMap((line) => {
      const m = /^\[(iptables|ipvs|nftables|cilium)\] /.exec(line);
      if (!m) return [line];
      return !datapath || datapath === m[1] ? [line.slice(m[0].length)] : [];
    })
    .join('\n');
}

/**
 * `[gateway=istio,contour] kubectl …`: a fix line for some values of one variable (the product
 * the evidence came from). Kept (without its tag) when the value is one of those listed or the
 * variable has no value; dropped otherwise. The rule's defaults give the usual value.
 */
export function forVariant(template: string, values: Record<string, string | undefined>): string {
  return template
    .split('\n')
    .flatMap((line) => {
      const m = /^\[(\w+)=([\w,-]+)\] /.exec(line);
      if (!m) return [line];
      const value = values[m[1]!];
      return value === undefined || m[2]!.split(',').includes(value)
        ? [line.slice(m[0].length)]
        : [];
    })
    .join('\n');
}
