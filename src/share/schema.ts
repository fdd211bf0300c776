import { isCauseId } from '../catalog/causes';
import {
  GOOD_ALL,
  type GoodNode,
  type Step,
  type StepStatus,
  type WalkSpec,
} from '../engine/replay';
import { addrBits } from '../walk/addr';
import { parsePacket } from '../walk/packet';
import type { Msg } from '../engine/types';
import { isValid } from '../engine/validate';
import { isLang, type Lang } from '../i18n/resources';
import { TREES, isTreeId, type TreeId } from '../tree';
import type { Verdict, Verdicts } from '../diagnosis/judge';

/** What a share link carries (format v1). */
export interface SharePayload {
  tree: TreeId;
  /** The step the sender was at. */
  node: string;
  /** The sender's language; the receiver's own choice wins, so this is only informative. */
  lang: Lang;
  answers: Record<string, string>;
  /** Raw outputs by evidence step; `null` = skipped; `''` = pasted but left out (see `omitted`). */
  pastes: Record<string, string | null>;
  /** Addresses, host names, MACs and secrets were replaced by stand-ins. */
  redacted?: true;
  /** Raw output left out: the path and the diagnosis travel instead of the pastes. */
  omitted?: { steps: Step[]; diagnosis: Verdicts | null };
  /** Packets walked through evidence steps' rules: the receiver walks the same. */
  walks?: Record<string, WalkSpec>;
  /** The node that works, compared with: its name and outputs (none when raw output is left out). */
  good?: GoodNode;
}

export type Checked = { ok: true; payload: SharePayload } | { ok: false; why: string };

const STATUSES: StepStatus[] = [
  'answered',
  'pasted',
  'skipped',
  'auto-skipped',
  'current',
  'outcome',
];
const CONFIDENCES = ['high', 'medium', 'low'];
const MAX_TEXT = 20_000;
const SAFE_VAR = /^[A-Za-z0-9_.:/@%+=,-]{1,253}$/;

class Invalid extends Error {}
function fail(why: string): never {
  throw new Invalid(why);
}
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown, what: string) => (isObj(v) ? v : fail(`${what}: not an object`));
const arr = (v: unknown, what: string, max: number) =>
  Array.isArray(v) && v.length <= max ? (v as unknown[]) : fail(`${what}: not a list`);
const str = (v: unknown, what: string, max = MAX_TEXT) =>
  typeof v === 'string' && v.length <= max ? v : fail(`${what}: not a string`);
const int = (v: unknown, what: string) =>
  Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : fail(`${what}: not a number`);

/** Checks every field of a decoded link against the trees it names; never throws. */
export function validatePayload(json: unknown): Checked {
  try {
    return { ok: true, payload: payload(json) };
  } catch (e) {
    return { ok: false, why: e instanceof Invalid ? e.message : 'unreadable' };
  }
}

function payload(json: unknown): SharePayload {
  const p = obj(json, 'link');
  const tree = str(p.tree, 'tree', 100);
  if (!isTreeId(tree)) fail(`unknown symptom "${tree.slice(0, 40)}"`);
  const nodes = TREES[tree as TreeId].nodes;
  const nodeOf = (v: unknown, what: string) => {
    const id = str(v, what, 100);
    return Object.hasOwn(nodes, id) ? id : fail(`${what}: unknown step "${id.slice(0, 40)}"`);
  };
  const node = nodeOf(p.node, 'node');
  const lang = isLang(p.lang) ? p.lang : fail('lang: unknown language');

  const answers: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(p.answers, 'answers'))) {
    const spec = nodes[nodeOf(k, 'answers')]!;
    const value = str(v, `answers.${k}`, 256);
    if (spec.type !== 'question') fail(`answers.${k}: not a question`);
    else if (spec.input.kind === 'choice' && !Object.hasOwn(spec.input.options, value))
      fail(`answers.${k}: not an option`);
    else if (spec.input.kind === 'value' && !isValid(spec.input.validate, value))
      fail(`answers.${k}: not a valid answer`);
    answers[k] = value;
  }
  const pastes: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(obj(p.pastes, 'pastes'))) {
    if (nodes[nodeOf(k, 'pastes')]!.type !== 'evidence') fail(`pastes.${k}: not an evidence step`);
    pastes[k] = v === null ? null : str(v, `pastes.${k}`, Number.MAX_SAFE_INTEGER);
  }
  const out: SharePayload = { tree: tree as TreeId, node, lang, answers, pastes };
  if (p.walks !== undefined) {
    const walks: Record<string, WalkSpec> = {};
    for (const [k, v] of Object.entries(obj(p.walks, 'walks'))) {
      if (nodes[nodeOf(k, 'walks')]!.type !== 'evidence') fail(`walks.${k}: not an evidence step`);
      walks[k] = walkSpec(v, `walks.${k}`);
    }
    out.walks = walks;
  }
  if (p.good !== undefined) {
    const g = obj(p.good, 'good');
    const good: GoodNode = { pastes: {} };
    if (g.name !== undefined) good.name = str(g.name, 'good.name', 253);
    for (const [k, v] of Object.entries(obj(g.pastes, 'good.pastes'))) {
      if (k !== GOOD_ALL && nodes[nodeOf(k, 'good.pastes')]!.type !== 'evidence')
        fail(`good.pastes.${k}: not an evidence step`);
      good.pastes[k] = str(v, `good.pastes.${k}`, Number.MAX_SAFE_INTEGER);
    }
    out.good = good;
  }
  if (p.redacted !== undefined) {
    if (p.redacted !== true) fail('redacted: not true');
    out.redacted = true;
  }
  if (p.omitted !== undefined) {
    const o = obj(p.omitted, 'omitted');
    if (Object.values(pastes).some((v) => v !== null && v !== ''))
      fail('omitted: raw output present');
    if (Object.keys(out.good?.pastes ?? {}).length > 0) fail('omitted: raw output present');
    const steps = arr(o.steps, 'steps', Object.keys(nodes).length + 1).map((s, i) => {
      const step = obj(s, `steps.${i}`);
      const status = str(step.status, `steps.${i}.status`, 20) as StepStatus;
      if (!STATUSES.includes(status)) fail(`steps.${i}: unknown status`);
      return { node: nodeOf(step.node, `steps.${i}`), status };
    });
    out.omitted = { steps, diagnosis: o.diagnosis === null ? null : diagnosis(o.diagnosis) };
  }
  return out;
}

/** A walk as the link carries it: a packet the walk reads, addresses, an interface name. */
function walkSpec(v: unknown, what: string): WalkSpec {
  const w = obj(v, what);
  const packet = str(w.packet, `${what}.packet`, 200);
  if (!parsePacket(packet)) fail(`${what}.packet: not a packet`);
  const out: WalkSpec = { packet };
  if (w.addresses !== undefined) {
    const a = str(w.addresses, `${what}.addresses`, 2000);
    if (a.split(/[\s,]+/).some((x) => x !== '' && !addrBits(x)))
      fail(`${what}.addresses: not addresses`);
    out.addresses = a;
  }
  if (w.iface !== undefined) {
    const i = str(w.iface, `${what}.iface`, 15);
    if (!/^[\w.@+:-]*$/.test(i)) fail(`${what}.iface: not an interface name`);
    out.iface = i;
  }
  if (w.local !== undefined) {
    if (w.local !== true) fail(`${what}.local: not true`);
    out.local = true;
  }
  return out;
}

function diagnosis(v: unknown): Verdicts {
  const d = obj(v, 'diagnosis');
  const results = arr(d.results, 'results', 200).map(result);
  const inputs = arr(d.inputs, 'inputs', 200).map((x, i) => {
    const input = obj(x, `inputs.${i}`);
    if (typeof input.ok !== 'boolean') fail(`inputs.${i}.ok: not a boolean`);
    return {
      source: str(input.source, `inputs.${i}.source`, 200),
      kind: input.kind === null ? null : str(input.kind, `inputs.${i}.kind`, 100),
      ok: input.ok as boolean,
    };
  });
  return { results, inputs };
}

function result(v: unknown, i: number): Verdict {
  const r = obj(v, `results.${i}`);
  const cause = str(r.cause, `results.${i}.cause`, 100);
  if (!isCauseId(cause)) fail(`results.${i}: unknown cause`);
  const evidence = () =>
    arr(r.evidence, `results.${i}.evidence`, 500).map((e, j) => {
      const ev = obj(e, `results.${i}.evidence.${j}`);
      return {
        source: str(ev.source, 'evidence.source', 200),
        line: int(ev.line, 'evidence.line'),
        text: str(ev.text, 'evidence.text'),
      };
    });
  switch (r.type) {
    case 'finding': {
      const confidence = str(r.confidence, 'confidence', 10);
      if (!CONFIDENCES.includes(confidence)) fail(`results.${i}: unknown confidence`);
      const out: Verdict = {
        cause,
        type: 'finding',
        confidence: confidence as 'high' | 'medium' | 'low',
        why: msg(r.why),
        evidence: evidence(),
      };
      if (r.also !== undefined) out.also = arr(r.also, 'also', 10).map(msg);
      if (r.vars !== undefined) {
        const vars: Record<string, string> = {};
        for (const [k, val] of Object.entries(obj(r.vars, 'vars'))) {
          if (!/^[a-zA-Z]\w{0,40}$/.test(k)) fail('vars: bad name');
          const s = str(val, `vars.${k}`, 253);
          vars[k] = SAFE_VAR.test(s) ? s : fail(`vars.${k}: unsafe value`);
        }
        out.vars = vars;
      }
      return out;
    }
    case 'ruled-out':
      return { cause, type: 'ruled-out', because: msg(r.because), evidence: evidence() };
    case 'not-applicable':
      return { cause, type: 'not-applicable', because: msg(r.because) };
    default:
      return fail(`results.${i}: unknown type`);
  }
}

/** Links made before the dictionaries were split by namespace say `rule.<cause>.<word>`. */
const currentKey = (key: string): string => key.replace(/^rule\.([\w-]+)\./, 'cause.$1.verdict.');

function msg(v: unknown): Msg {
  const m = obj(v, 'message');
  const key = currentKey(str(m.key, 'message.key', 120));
  if (!/^[a-z][\w-]*(?:\.[\w-]+)+$/.test(key)) fail('message.key: malformed');
  if (m.params === undefined) return { key };
  const params: Record<string, string | number> = {};
  const entries = Object.entries(obj(m.params, 'message.params'));
  if (entries.length > 20) fail('message.params: too many');
  for (const [k, val] of entries) {
    if (!/^\w{1,40}$/.test(k)) fail('message.params: bad name');
    params[k] = typeof val === 'number' && Number.isFinite(val) ? val : str(val, k, 2000);
  }
  return { key, params };
}
