import type { TreeAssessment } from '../diagnosis/assess';
import type { Verdict, Verdicts } from '../diagnosis/judge';
import { GOOD_ALL, type GoodNode, type WalkSpec, type WizardState } from '../engine/replay';
import { parsePacket } from '../walk/packet';
import type { QuestionNode } from '../engine/tree';
import type { Msg } from '../engine/types';
import { isValid } from '../engine/validate';
import type { Lang } from '../i18n/resources';
import { TREES, type TreeId } from '../tree';
import { createRedactor, type Replacement } from './redact';
import type { SharePayload } from './schema';

export interface ShareOptions {
  /** Leave the raw output out: carry the path and the diagnosis (its evidence lines) instead. */
  omitRaw: boolean;
  /** Replace addresses, host names, MACs and secrets by consistent stand-ins. */
  redact: boolean;
}

export interface Built {
  payload: SharePayload;
  /** What redaction replaced, for the sender's eyes only (never in the link). */
  replacements: Replacement[];
}

/** The part of a wizard state the tree knows: a stale answer or paste never makes an invalid link. */
export function shareableState(tree: TreeId, state: WizardState): WizardState {
  const nodes = TREES[tree].nodes;
  const answers: Record<string, string> = {};
  for (const [id, value] of Object.entries(state.answers)) {
    const spec = nodes[id];
    if (spec?.type === 'question' && answerOk(spec.input, value)) answers[id] = value;
  }
  const pastes: Record<string, string | null> = {};
  for (const [id, text] of Object.entries(state.pastes))
    if (nodes[id]?.type === 'evidence') pastes[id] = text;
  const walks = Object.fromEntries(
    Object.entries(state.walks ?? {}).filter(
      ([id, w]) => nodes[id]?.type === 'evidence' && parsePacket(w.packet),
    ),
  );
  const out: WizardState = { tree, answers, pastes };
  if (Object.keys(walks).length > 0) out.walks = walks;
  const good = goodOf(state.good, (id) => id === GOOD_ALL || nodes[id]?.type === 'evidence');
  if (good && TREES[tree].compares) out.good = good;
  return out;
}

/** The node that works with its pastes at steps the tree knows, or undefined when none is left. */
function goodOf(good: GoodNode | undefined, known: (step: string) => boolean) {
  if (!good) return undefined;
  const pastes = Object.fromEntries(
    Object.entries(good.pastes).filter(([id, text]) => known(id) && /\S/.test(text)),
  );
  if (Object.keys(pastes).length === 0) return undefined;
  return { ...(good.name ? { name: good.name } : {}), pastes };
}

/**
 * The payload of a share link for `state` (a `shareableState`) of `tree`, at step `node`.
 * With `omitRaw` it carries the path and the judge's verdicts instead of the pastes: `assessed`
 * is the worker's assessment of `state`, the same the sender's wizard shows.
 */
export function buildPayload(
  tree: TreeId,
  node: string,
  state: WizardState,
  lang: Lang,
  options: ShareOptions,
  assessed: Pick<TreeAssessment, 'steps' | 'verdicts'> | null = null,
): Built {
  const { answers, pastes, walks, good } = shareableState(tree, state);
  const nodes = TREES[tree].nodes;
  const at = Object.hasOwn(nodes, node) ? node : TREES[tree].start;
  let payload: SharePayload = { tree, node: at, lang, answers, pastes };
  if (walks) payload.walks = walks;
  if (good) payload.good = good;

  if (options.omitRaw) {
    if (!assessed) throw new Error('a link without raw output needs the assessment of its state');
    const end = nodes[at]!;
    const diagnosis = end.type === 'outcome' && !end.route ? assessed.verdicts : null;
    payload = {
      ...payload,
      pastes: Object.fromEntries(
        Object.entries(pastes).map(([k, v]) => [k, v === null ? null : '']),
      ),
      // The node that works is named; its outputs stay behind with the rest of the raw output.
      ...(good ? { good: { ...(good.name ? { name: good.name } : {}), pastes: {} } } : {}),
      omitted: { steps: assessed.steps, diagnosis },
    };
  }
  if (!options.redact) return { payload, replacements: [] };
  return redactPayload(payload);
}

function answerOk(input: QuestionNode['input'], value: string): boolean {
  return input.kind === 'choice'
    ? Object.hasOwn(input.options, value)
    : isValid(input.validate, value);
}

/** The same payload with every value a person or a network could be identified by replaced. */
export function redactPayload(p: SharePayload): Built {
  const nodes = TREES[p.tree].nodes;
  const valueAnswers = Object.entries(p.answers).filter(([id]) => {
    const spec = nodes[id];
    return spec?.type === 'question' && spec.input.kind === 'value';
  });
  const hostAnswers = valueAnswers
    .filter(([id]) => {
      const spec = nodes[id];
      return (
        spec?.type === 'question' && spec.input.kind === 'value' && spec.input.validate === 'host'
      );
    })
    .map(([, v]) => v);
  const d = p.omitted?.diagnosis ?? null;
  const walkTexts = Object.values(p.walks ?? {}).flatMap((w) => [w.packet, w.addresses ?? '']);
  const goodTexts = p.good ? [...Object.values(p.good.pastes), p.good.name ?? ''] : [];
  const texts = [
    ...walkTexts,
    ...goodTexts,
    ...valueAnswers.map(([, v]) => v),
    ...Object.values(p.pastes).filter((v): v is string => typeof v === 'string'),
    ...(d ? diagnosisTexts(d) : []),
  ];
  const r = createRedactor(texts, p.good?.name ? [...hostAnswers, p.good.name] : hostAnswers);

  const answers = { ...p.answers };
  for (const [id, v] of valueAnswers) {
    const spec = nodes[id]!;
    const to = r.text(v);
    if (spec.type === 'question' && spec.input.kind === 'value' && isValid(spec.input.validate, to))
      answers[id] = to;
    else delete answers[id]; // no stand-in of the right shape: leave the answer out
  }
  const pastes = Object.fromEntries(
    Object.entries(p.pastes).map(([k, v]) => [k, v === null ? null : r.text(v)]),
  );
  const out: SharePayload = { ...p, answers, pastes, redacted: true };
  if (p.good) {
    // The same stand-ins as this node's outputs: an address both nodes show stays one address.
    out.good = {
      ...(p.good.name ? { name: r.text(p.good.name) } : {}),
      pastes: Object.fromEntries(Object.entries(p.good.pastes).map(([k, v]) => [k, r.text(v)])),
    };
  }
  if (p.walks) {
    // The packet's addresses get the stand-ins the rules got, so the receiver's walk matches.
    const walks: Record<string, WalkSpec> = {};
    for (const [id, w] of Object.entries(p.walks)) {
      const packet = r.text(w.packet);
      if (!parsePacket(packet)) continue;
      walks[id] = { ...w, packet, ...(w.addresses ? { addresses: r.text(w.addresses) } : {}) };
    }
    out.walks = walks;
  }
  if (p.omitted) out.omitted = { ...p.omitted, diagnosis: d ? redactDiagnosis(d, r.text) : null };
  return { payload: out, replacements: r.replacements() };
}

function diagnosisTexts(d: Verdicts): string[] {
  const msgTexts = (m: Msg) => Object.values(m.params ?? {}).filter((v) => typeof v === 'string');
  return d.results.flatMap((r) => [
    ...(r.type === 'not-applicable' ? [] : r.evidence.map((e) => e.text)),
    ...msgTexts(r.type === 'finding' ? r.why : r.because),
    ...(r.type === 'finding' ? Object.values(r.vars ?? {}) : []),
  ]);
}

function redactDiagnosis(d: Verdicts, text: (s: string) => string): Verdicts {
  const msg = (m: Msg): Msg =>
    m.params
      ? {
          ...m,
          params: Object.fromEntries(
            Object.entries(m.params).map(([k, v]) => [k, typeof v === 'string' ? text(v) : v]),
          ),
        }
      : m;
  const results = d.results.map((r): Verdict => {
    if (r.type === 'not-applicable') return { ...r, because: msg(r.because) };
    const evidence = r.evidence.map((e) => ({ ...e, text: text(e.text) }));
    if (r.type === 'ruled-out') return { ...r, because: msg(r.because), evidence };
    const vars = r.vars
      ? Object.fromEntries(Object.entries(r.vars).map(([k, v]) => [k, text(v)]))
      : undefined;
    return { ...r, why: msg(r.why), evidence, ...(vars ? { vars } : {}) };
  });
  return { ...d, results };
}
