import { CAUSE_IDS, CAUSES, SYMPTOMS, isSymptomId, type SymptomId } from '../catalog/causes';
import { diagnose } from '../diagnosis/diagnose';
import { diagnosisToMarkdown } from '../diagnosis/markdown';
import { treeToMermaid } from '../engine/mermaid';
import { isValid } from '../engine/validate';
import { translate, tMsg } from '../i18n/translate';
import { edgeText, nodeKey, TREES } from '../tree';
import { langOf, oneOf, UsageError, type Args } from './args';
import { parseInputs, type Input } from './inputs';

const json = (v: unknown) => JSON.stringify(v, null, 2);

export async function diagnoseCmd(args: Args, inputs: Input[]): Promise<string> {
  const format = oneOf('format', args.options.format, ['json', 'md'] as const, 'json');
  const lang = langOf(args);
  const symptom = symptomOf(args, false);
  const vars = varsOf(args);
  const d = diagnose(symptom, await parseInputs(inputs), vars, lang);
  if (format === 'md') return diagnosisToMarkdown(d, lang);
  return json({
    symptom: d.symptom,
    findings: d.findings.map((f) => ({
      cause: f.cause,
      confidence: f.confidence,
      title: translate(lang, `cause.${f.cause}.title`),
      why: tMsg(lang, f.why),
      ...(f.also.length > 0 ? { also: f.also.map((m) => tMsg(lang, m)) } : {}),
      evidence: f.evidence,
      fix: { ...f.fix, risk: translate(lang, `cause.${f.cause}.risk`) },
    })),
    ruledOut: d.ruledOut.map((r) => ({
      cause: r.cause,
      because: tMsg(lang, r.because),
      evidence: r.evidence,
    })),
    notApplicable: d.notApplicable.map((r) => ({ cause: r.cause, because: tMsg(lang, r.because) })),
    unexamined: d.unexamined,
    inputs: d.inputs,
  });
}

export function treeCmd(args: Args): string {
  const format = oneOf('format', args.options.format, ['json', 'mermaid'] as const, 'json');
  const symptom = symptomOf(args, true)!;
  const tree = TREES[symptom];
  if (format === 'json') return json(tree);
  const lang = langOf(args);
  return treeToMermaid(tree, {
    label: (n) => translate(lang, `${nodeKey(symptom, n)}.title`),
    edgeLabel: (from, e) => edgeText(lang, symptom, from, e),
  });
}

export function causesCmd(args: Args): string {
  const format = oneOf('format', args.options.format, ['json', 'text'] as const, 'text');
  const lang = langOf(args);
  const rows = CAUSE_IDS.map((id) => ({
    id,
    symptoms: [...CAUSES[id]],
    title: translate(lang, `cause.${id}.title`),
  }));
  return format === 'json'
    ? json(rows)
    : rows.map((r) => `${r.id}\t${r.symptoms.join(',')}\t${r.title}`).join('\n');
}

function symptomOf(args: Args, required: boolean): SymptomId | null {
  const s = args.options.symptom;
  if (s === undefined) {
    if (required) throw new UsageError('--symptom is required');
    return null;
  }
  if (!isSymptomId(s))
    throw new UsageError(`unknown symptom "${s}"; one of ${SYMPTOMS.join(', ')}`);
  return s;
}

/**
 * The answers a tree would ask for, from `--port`, `--node` and `--var NAME=VALUE`, each
 * checked as the wizard checks it (a port, an address, one of a choice's options).
 */
function varsOf(args: Args): Record<string, string> {
  const given = [
    ...(args.options.port !== undefined ? [`port=${args.options.port}`] : []),
    ...(args.options.node !== undefined ? [`node=${args.options.node}`] : []),
    ...(args.options.var?.split('\0') ?? []),
  ];
  const specs = new Map<string, (v: string) => boolean>();
  for (const tree of Object.values(TREES))
    for (const node of Object.values(tree.nodes)) {
      if (node.type !== 'question' || !node.var) continue;
      const input = node.input;
      specs.set(
        node.var,
        input.kind === 'value'
          ? (v) => isValid(input.validate, v)
          : (v) => Object.hasOwn(input.options, v),
      );
    }
  const vars: Record<string, string> = {};
  for (const pair of given) {
    const [name, value] = pair.split(/=(.*)/s, 2) as [string, string | undefined];
    const ok = specs.get(name);
    if (!ok)
      throw new UsageError(
        `unknown answer "${name}"; one of ${[...specs.keys()].sort().join(', ')}`,
      );
    if (value === undefined || !ok(value))
      throw new UsageError(`"${value ?? ''}" is not a valid ${name}`);
    vars[name] = value;
  }
  return vars;
}
