import type { Line, Problem } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { isNoise, withLeadingCommand } from '../k8s-common/text';
import { objectsOf } from './extract';
import type { K8sObjectFacts } from './facts';
import { readJson } from './json';
import { ReadError, type Node } from './tree';
import { readYaml } from './yaml';
import { fragmentOf } from './fragment';

const K = 'parse.k8s-object';
/** A single object or a filtered list is far below this; a whole cluster dump is not what to paste. */
const MAX_CHARS = 4_000_000;
const API_VERSION =
  /^\s*(?:- +)?(?:apiVersion:\s*["']?[\w.-]+(?:\/[\w.-]+)?["']?\s*$|"apiVersion"\s*:)/;
const KIND = /^\s*(?:- +)?(?:kind:\s*["']?[A-Z]\w*["']?\s*(?:#.*)?$|"kind"\s*:\s*"[A-Z])/;
/** Keys that always hold a nested block in a Kubernetes object. */
const NESTING = new Set([
  'metadata',
  'spec',
  'status',
  'template',
  'selector',
  'matchLabels',
  'labels',
  'annotations',
  'containers',
  'ports',
  'data',
  'subsets',
  'addresses',
  'livenessProbe',
  'readinessProbe',
  'httpGet',
  'resources',
  'env',
]);

const NEVER_EMPTY = new Set(['metadata', 'spec', 'template', 'containers']);

/** `kubectl get KIND NAME -o yaml|json`, a `kind: List`, or a manifest (`cat x.yaml`). */
export const k8sObject = withLeadingCommand(
  defineParser<'k8s-object', K8sObjectFacts>({
    kind: 'k8s-object',
    detect(head, ctx) {
      const body = head.filter((l) => !isNoise(l.text));
      const first = body[0]?.text.trim() ?? '';
      const probe = body.slice(0, 12);
      if (first.startsWith('{'))
        return head.some((l) => /"(?:apiVersion|kind)"\s*:/.test(l.text.slice(0, 2000)));
      if (probe.some((l) => API_VERSION.test(l.text)) && probe.some((l) => KIND.test(l.text)))
        return true;
      return fragmentOf(body, ctx) !== null;
    },
    parse(lines, ctx) {
      const fragment = fragmentOf(trimNoise(lines), ctx);
      if (fragment) {
        const objects = readYaml(fragment.lines)
          .docs.flatMap((d) => objectsOf(d, lineText(lines)))
          .map((o) => ({ ...o, fragment: true as const }));
        const what = `${fragment.kind}/${fragment.name ?? '?'}`;
        return accept(
          { format: 'yaml', objects },
          [{ msg: msg(`${K}.fragment`, { object: what }) }],
          msg(`${K}.summary`, { n: objects.length, objects: what }),
        );
      }
      let size = 0;
      for (const l of lines) size += l.text.length + 1;
      if (size > MAX_CHARS) return reject(msg(`${K}.tooLarge`, { max: MAX_CHARS / 1_000_000 }));
      const body = trimNoise(lines);
      const json = body[0]?.text.trim().startsWith('{') ?? false;
      if (!json) {
        const flat = flattened(body);
        if (flat) return reject(msg(`${K}.flattened`, flat));
      }
      const problems: Problem[] = [];
      let docs: Node[];
      try {
        const read = readWithTrailer(body, json);
        docs = read.docs;
        if (read.trailer) problems.push({ line: read.trailer, msg: msg(`${K}.trailing`) });
        const flat = read.flattened;
        if (flat) return reject(msg(`${K}.flattened`, flat));
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        return reject(msg(`${K}.${e.key}`, { line: e.line ?? 0, ...e.params }));
      }
      const textOf = lineText(lines);
      const objects = docs.flatMap((d) => objectsOf(d, textOf));
      if (objects.length === 0) return reject(msg(`${K}.noObjects`));
      const names = objects
        .slice(0, 4)
        .map((o) => `${o.kind}/${o.name ?? '?'}`)
        .join(', ');
      const more = objects.length > 4 ? ` …` : '';
      return accept(
        { format: json ? 'json' : 'yaml', objects },
        problems,
        msg(`${K}.summary`, { n: objects.length, objects: names + more }),
      );
    },
  }),
);

function trimNoise(lines: Line[]): Line[] {
  let a = 0;
  let b = lines.length;
  while (a < b && isNoise(lines[a]!.text)) a += 1;
  while (b > a && isNoise(lines[b - 1]!.text)) b -= 1;
  return lines.slice(a, b);
}

interface Read {
  docs: Node[];
  /** First line of text after the object that is not part of it (a blog's prose). */
  trailer: number | null;
  flattened: { line: number; key: string } | null;
}

/** Reads the paste; when it fails after a blank line, reads what came before it alone. */
function readWithTrailer(body: Line[], json: boolean): Read {
  try {
    return readAll(body, json);
  } catch (e) {
    if (!(e instanceof ReadError) || e.line === null) throw e;
    const at = body.findIndex((l) => l.n === e.line);
    let cut = -1;
    if (json) cut = body.findIndex((l, i) => i < at && /^[}\]]\s*$/.test(l.text)) + 1;
    else for (let i = at - 1; i > 0 && cut < 0; i--) if (body[i]!.text.trim() === '') cut = i;
    if (cut <= 0) throw e;
    const rest = body.slice(cut).find((l) => l.text.trim() !== '');
    try {
      return { ...readAll(body.slice(0, cut), json), trailer: rest?.n ?? null };
    } catch {
      throw e;
    }
  }
}

function readAll(body: Line[], json: boolean): Read {
  if (json) return { docs: [readJson(body)], trailer: null, flattened: null };
  const y = readYaml(body);
  // Only keys no real object leaves empty: a trimmed paste may well show `annotations:` alone.
  const empty = y.emptyKeys.find((k) => NEVER_EMPTY.has(k.key));
  const dup = y.duplicates.find((k) => NEVER_EMPTY.has(k.key));
  const flat = empty ?? dup ?? null;
  return {
    docs: y.docs,
    trailer: null,
    flattened: flat ? { line: flat.line, key: flat.key } : null,
  };
}

/**
 * YAML whose indentation was lost (a blog or chat put every line at column 0): `metadata:` with
 * `name:` right below it at the same column. Reading it would give wrong facts.
 */
function flattened(body: Line[]): { line: number; key: string } | null {
  const content = body.filter((l) => l.text.trim() !== '' && !l.text.trimStart().startsWith('#'));
  if (content.length < 4 || content.some((l) => /^\s/.test(l.text))) return null;
  for (let i = 0; i + 1 < content.length; i++) {
    const m = /^([\w.-]+):\s*(?:#.*)?$/.exec(content[i]!.text);
    if (m && NESTING.has(m[1]!) && /^[\w.-]+:\s/.test(content[i + 1]!.text))
      return { line: content[i]!.n, key: m[1]! };
  }
  return null;
}

/** Citation text by line number; very long lines (minified JSON) are cut. */
function lineText(lines: Line[]): (n: number) => string {
  const byNumber = new Map<number, string>();
  for (const l of lines) byNumber.set(l.n, l.text);
  return (n) => {
    const t = byNumber.get(n) ?? '';
    return t.length > 1000 ? t.slice(0, 1000) + '…' : t;
  };
}
