import { unframe } from '../engine/framing';
import type { Line, Msg, Problem } from '../engine/types';
import { HEAD_LINES, msg, type ParseContext, type Parser } from './define';
import { splitPaste, type Section } from './split';
import { nearMiss } from './near-miss';
import { logLineRuns } from './log-lines';
import { sysctl } from './sysctl/parser';
import { netstatS } from './netstat-s/parser';
import { iptablesSave } from './iptables-save/parser';
import { iptablesList } from './iptables-L/parser';
import { kubeProxyLog } from './kube-proxy-log/parser';
import { nft } from './nft/parser';
import { iptablesVersion } from './iptables-version/parser';
import type { SysctlFacts } from './sysctl/facts';
import type { NetstatFacts } from './netstat-s/facts';
import type { IptablesFacts } from './iptables-save/facts';
import type { IptablesListFacts } from './iptables-L/facts';
import type { KubeProxyLogFacts } from './kube-proxy-log/facts';
import type { NftFacts } from './nft/facts';
import type { IptablesVersionFacts } from './iptables-version/facts';
import { calicoBgp } from './calico-bgp/parser';
import type { CalicoBgpFacts } from './calico-bgp/facts';
import { NODE_PARSERS, type NodeFactsByKind } from './node-shared/parsers';
import { K8S_PARSERS, type K8sFactsByKind } from './k8s-common/parsers';
import { CILIUM_PARSERS, type CiliumFactsByKind } from './cilium-shared/parsers';

/** Facts each output kind yields. Adding a kind: its folder, `KINDS`, this map, and `PARSERS`. */
export interface FactsByKind
  extends
    Omit<
      Record<Kind, unknown>,
      keyof NodeFactsByKind | keyof K8sFactsByKind | keyof CiliumFactsByKind
    >,
    NodeFactsByKind,
    K8sFactsByKind,
    CiliumFactsByKind {
  sysctl: SysctlFacts;
  'netstat-s': NetstatFacts;
  'iptables-save': IptablesFacts;
  'iptables-L': IptablesListFacts;
  'kube-proxy-log': KubeProxyLogFacts;
  nft: NftFacts;
  'iptables-version': IptablesVersionFacts;
  'calico-bgp': CalicoBgpFacts;
}
export type { Kind } from '../catalog/kinds';
import type { Kind } from '../catalog/kinds';

/** Asked in this order; the first whose `detect` says yes parses the section. */
export const PARSERS: { [K in Kind]: Parser<K, FactsByKind[K]> }[Kind][] = [
  iptablesSave,
  iptablesList,
  nft,
  iptablesVersion,
  kubeProxyLog,
  ...CILIUM_PARSERS,
  ...NODE_PARSERS,
  // Before the kubectl parsers: a pod table pasted above the status, without a prompt, is
  // then read as a part of its own instead of taking the status's lines as trailing text.
  calicoBgp,
  ...K8S_PARSERS,
  netstatS,
  sysctl,
];

export type ParsedSection = {
  [K in Kind]: {
    source: string;
    command: string | null;
    kind: K;
    status: 'parsed' | 'partial';
    facts: FactsByKind[K];
    summary: Msg;
    problems: Problem[];
    tables?: string[];
    lineCount: number;
    /** First and last line of the section in its paste (a bundle's part). */
    span?: [number, number];
  };
}[Kind];

export interface RejectedSection {
  source: string;
  command: string | null;
  /** The kind it resembles (a near miss), or null. */
  kind: string | null;
  status: 'rejected';
  problems: Problem[];
  lineCount: number;
  span?: [number, number];
}

export type SectionResult = ParsedSection | RejectedSection;

/** What the page sees of a parsed section: all but its facts, which stay where it was parsed. */
export interface ParsedView {
  source: string;
  command: string | null;
  kind: Kind;
  status: 'parsed' | 'partial';
  summary: Msg;
  problems: Problem[];
  /** The netfilter tables an iptables output holds. */
  tables?: string[];
  lineCount: number;
  span?: [number, number];
}

export type SectionView = ParsedView | RejectedSection;

/** The section without its facts (a 6 MB iptables-save's facts are never copied to the page). */
export function viewOf(s: SectionResult): SectionView {
  if (s.status === 'rejected') return s;
  const { facts: _facts, ...view } = s;
  return view;
}

/** How collect.sh marks a command it could not run. */
export const COLLECTOR_NOTE = '# net-triage:';

/**
 * An author's caption: a line of prose ending in a colon, several words or CJK text
 * (`Output 2 from the node:`, `kube-proxy 日志：`), set apart from what follows by a blank
 * line or a Markdown fence. A format's own headings are one word (`Tcp:`, `Events:`) or sit
 * right above their lines (`Private flags for eth0:`).
 */
const CAPTION = /^\s*(?:\S+\s+\S+.*|.*[\u3400-\u9fff].*)[:：]\s*$/;
const MAX_CAPTION_LINES = 2;

/**
 * The head without the caption lines it starts with, or the caption of the next output it ends
 * with (set apart above), or null when it has neither.
 */
function withoutCaption(head: Line[]): Line[] | null {
  const apart = (a: Line, b: Line) => b.n > a.n + 1;
  let k = 0;
  while (
    k < MAX_CAPTION_LINES &&
    k < head.length - 1 &&
    CAPTION.test(head[k]!.text) &&
    apart(head[k]!, head[k + 1]!)
  )
    k++;
  let end = head.length;
  if (end - k >= 2 && CAPTION.test(head[end - 1]!.text) && apart(head[end - 2]!, head[end - 1]!))
    end--;
  return k > 0 || end < head.length ? head.slice(k, end) : null;
}

/** What every result of a section says about where it comes from. */
function baseOf(section: Section) {
  return {
    source: section.source,
    command: section.command,
    lineCount: section.lines.length,
    span: [section.lines[0]?.n ?? 0, section.lines.at(-1)?.n ?? 0] as [number, number],
  };
}

/**
 * Parses one output: usually one result; one per object when the output holds several
 * (`kubectl describe pods` of a whole deployment), named `source#1`, `source#2`...
 */
export function parseSection(section: Section): SectionResult[] {
  // The first non-empty lines only: a section can be 250,000 lines long.
  const head: Line[] = [];
  for (const l of section.lines) {
    if (head.length >= HEAD_LINES) break;
    if (l.text.trim() !== '') head.push(l);
  }
  const base = baseOf(section);
  if (head.length === 0) {
    return [
      { ...base, kind: null, status: 'rejected', problems: [{ msg: { key: 'parse.empty' } }] },
    ];
  }
  // The collector's own notes (`# net-triage: tool missing: ipvsadm`) stand for an output.
  if (head.every((l) => l.text.startsWith(COLLECTOR_NOTE))) {
    const note = head.map((l) => l.text.slice(COLLECTOR_NOTE.length).trim()).join('; ');
    return [
      {
        ...base,
        kind: null,
        status: 'rejected',
        problems: [{ msg: { key: 'parse.collectorNote', params: { note } } }],
      },
    ];
  }
  const ctx = { command: section.command, within: section.within ?? null };
  // Nothing claims the head: the author's caption above the output (`Output of the node:`) may
  // be all that stands in the way. It is prose, not output, and is left out like a fence.
  let claimed = PARSERS.find((p) => p.detect(head, ctx));
  const uncaptioned = claimed ? null : withoutCaption(head);
  if (uncaptioned) {
    claimed = PARSERS.find((p) => p.detect(uncaptioned, ctx));
    const kept = new Set(uncaptioned.map((l) => l.n));
    const captions = new Set(head.filter((l) => !kept.has(l.n)).map((l) => l.n));
    if (claimed) section = { ...section, lines: section.lines.filter((l) => !captions.has(l.n)) };
  }
  for (const parser of claimed ? [claimed] : []) {
    const parts = parser.split?.(section.lines) ?? [];
    if (parts.length < 2) return [parseWith(parser, section, ctx)];
    const results = numbered(
      section,
      parts.map((lines) => parseWith(parser, { ...section, lines }, ctx)),
    );
    // The command on the first part's first line printed them all.
    const command = results[0]!.command;
    return results.map((r) => ({ ...r, command: r.command ?? command }));
  }
  const miss = nearMiss(head, section.command);
  return [
    {
      ...base,
      kind: miss?.kind ?? null,
      status: 'rejected',
      problems: [{ msg: miss?.msg ?? unknownMsg(head) }],
    },
  ];
}

function parseWith(parser: Parser, section: Section, ctx: ParseContext): SectionResult {
  const base = baseOf(section);
  const out = parser.parse(section.lines, ctx);
  if (out.status === 'rejected') {
    return {
      ...base,
      command: out.command ?? base.command,
      kind: out.nearMiss ?? parser.kind,
      status: 'rejected',
      problems: out.problems,
    };
  }
  return { ...base, kind: parser.kind, ...out } as ParsedSection;
}

function unknownMsg(head: Line[]): Msg {
  const first = head[0]?.text.trim().slice(0, 60) ?? '';
  // Binary or mis-decoded bytes are not echoed back: they would only garble the message.
  if (/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/.test(first))
    return { key: 'parse.unknownBinary' };
  return { key: 'parse.unknown', params: { first } };
}

/** Splits a paste into its outputs and parses each. */
export function parsePaste(
  raw: string,
  source: string,
  onProgress?: (done: number, total: number) => void,
): SectionResult[] {
  const sections = splitPaste(raw, source);
  // Earlier parts by a cheap fingerprint, so 20,000 parts are not each compared with all before.
  const seen = new Map<string, Section[]>();
  return sections.flatMap((s, i) => {
    onProgress?.(i + 1, sections.length);
    // The same output pasted twice is read once: counted twice, it would lie (8 packets for 4).
    const print = `${s.command}\u0000${s.lines.length}\u0000${s.lines[0]?.text}\u0000${s.lines.at(-1)?.text}`;
    const alike = seen.get(print) ?? [];
    const earlier = alike.find((e) => sameLines(e.lines, s.lines));
    if (earlier && substantial(s.lines)) return [repeated(s, earlier)];
    if (!earlier) seen.set(print, [...alike, s]);
    const half = repeatedHalf(s.lines);
    const lines = half ? s.lines.slice(0, half) : s.lines;
    const out = parseSection(half ? { ...s, lines } : s);
    const read = out.length === 1 ? withOtherOutputs({ ...s, lines }, out[0]!) : out;
    if (!half) return read;
    const note = { line: s.lines[half]!.n, msg: msg('parse.repeatedHalf') };
    return read.map((r) =>
      r.status === 'rejected' ? r : { ...r, problems: [...r.problems, note] },
    );
  });
}

function sameLines(a: Line[], b: Line[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.text !== b[i]!.text) return false;
  return true;
}

/**
 * A short answer run twice (`curl: (7) Failed to connect` each time) is two results, not a
 * paste repeated: only an output of three or more different lines counts as one pasted again.
 */
function substantial(lines: Line[]): boolean {
  const texts = new Set<string>();
  for (const l of lines) {
    const t = l.text.trim();
    if (t !== '') texts.add(t);
    if (texts.size >= 3) return true;
  }
  return false;
}

/** Where the second copy starts when the lines are one output twice over (blank lines aside). */
function repeatedHalf(lines: Line[]): number | null {
  const filled = lines.filter((l) => l.text.trim() !== '');
  if (filled.length < 2 || filled.length % 2 !== 0) return null;
  const k = filled.length / 2;
  for (let i = 0; i < k; i++)
    if (filled[i]!.text.trim() !== filled[k + i]!.text.trim()) return null;
  // A log repeats its few messages (`table full, dropping packet` ×6): not a second copy.
  if (!substantial(filled.slice(0, k))) return null;
  return lines.indexOf(filled[k]!);
}

function repeated(section: Section, earlier: Section): RejectedSection {
  return {
    ...baseOf(section),
    kind: null,
    status: 'rejected',
    problems: [{ msg: msg('parse.repeated', { line: earlier.lines[0]?.n ?? 1 }) }],
  };
}

/**
 * This many lines in a row that the section's parser could not read may be another output;
 * a single line only when another parser reads it without a problem.
 */
const OTHER_OUTPUT_LINES = 2;
/** How many outputs deep a run of unread lines is searched for yet another one. */
const MAX_OUTPUTS_DEEP = 3;

/**
 * Two outputs pasted one after the other with no prompt between them (a grep across a log and
 * a rule dump): the first detector claims the whole, and the lines it cannot read come back as
 * problems. Each run of such lines that another parser reads becomes a part of its own, and
 * the rest is parsed again without it.
 */
function withOtherOutputs(section: Section, first: SectionResult, depth = 0): SectionResult[] {
  if (first.status === 'rejected') return splitInTwo(section) ?? logLinesIn(section, first);
  if (first.problems.length === 0) return [first];
  const unread = new Set(first.problems.flatMap((p) => (p.line === undefined ? [] : [p.line])));
  // Past its cap a parser lists no more lines: those after the last one listed may be unread too.
  const cited = [...unread];
  const capped =
    cited.length > 0 && first.problems.some((p) => p.msg.key.endsWith('.moreProblems'));
  const lastCited = capped ? Math.max(...cited) : Infinity;
  for (const l of section.lines) if (l.n > lastCited) unread.add(l.n);
  const runs: Line[][] = [];
  let run: Line[] = [];
  const close = () => {
    if (run.some((l) => l.text.trim() !== '')) runs.push(run);
    run = [];
  };
  for (const l of section.lines) {
    // Lines left out between two (a Markdown fence the framing removed) end a block of output.
    if (run.length > 0 && l.n > run[run.length - 1]!.n + 1) close();
    if (unread.has(l.n)) run.push(l);
    else if (l.text.trim() === '' && run.length > 0) run.push(l);
    else close();
  }
  close();
  const others: SectionResult[] = [];
  const taken = new Set<number>();
  for (const lines of runs) {
    // A part may carry framing of its own (quoted on its own, indented).
    const run: Section = { source: '', command: null, lines: unframe(lines) };
    const part = parseSection(run);
    const filled = lines.filter((l) => l.text.trim() !== '').length;
    const status = part.length === 1 ? part[0]!.status : 'rejected';
    if (status === 'rejected' || (filled < OTHER_OUTPUT_LINES && status !== 'parsed')) continue;
    // Lines of the same kind the parser found wanting are its problems, not another output.
    if (part[0]!.kind === first.kind) continue;
    // The run may hold a third output after the second (three fenced blocks between prose).
    others.push(...(depth < MAX_OUTPUTS_DEEP ? withOtherOutputs(run, part[0]!, depth + 1) : part));
    for (const l of lines) taken.add(l.n);
  }
  if (others.length === 0) return [first];
  const rest = section.lines.filter((l) => !taken.has(l.n));
  const parts = [parseSection({ ...section, lines: rest }), ...others.map((o) => [o])].flat();
  // Named in the order their lines come in the paste.
  parts.sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0));
  return numbered(section, parts);
}

/** Parts of one section named `source#1`, `#2`... (`.1`, `.2` under a name that has a `#`). */
function numbered(section: Section, parts: SectionResult[]): SectionResult[] {
  const sep = section.source.includes('#') ? '.' : '#';
  return parts.map((r, k) => ({ ...r, source: `${section.source}${sep}${k + 1}` }));
}

/** Above this many lines a paste no parser reads is not searched for two outputs in it. */
const SPLIT_SEARCH_LINES = 400;

/**
 * A paste no parser reads that quotes log lines amid its prose (an issue's text with the error
 * it got): each run of them that a parser reads whole, then the paste itself, still unread.
 */
function logLinesIn(section: Section, rejected: SectionResult): SectionResult[] {
  const found = logLineRuns(section.lines).flatMap((lines) => {
    const part = parseSection({ source: '', command: null, lines });
    return part.length === 1 && part[0]!.status === 'parsed' ? part : [];
  });
  return found.length > 0 ? numbered(section, [...found, rejected]) : [rejected];
}

/**
 * A paste no parser reads as a whole may be two outputs one after the other, whose mixed head
 * no detector claims: the cut where both halves are read best (cleanly read first, then fewest
 * problems), or null when there is none.
 */
function splitInTwo(section: Section): SectionResult[] | null {
  const lines = section.lines;
  if (lines.length < 2 || lines.length > SPLIT_SEARCH_LINES) return null;
  let best: { score: number; parts: SectionResult[]; halves: Section[] } | null = null;
  for (let k = 1; k < lines.length; k++) {
    if (lines[k]!.text.trim() === '') continue; // cut before a line with text
    const halves = [lines.slice(0, k), lines.slice(k)].map((h): Section => ({
      source: '',
      command: null,
      lines: unframe(h),
    }));
    const parts = halves.map((h) => parseSection(h));
    if (parts.some((p) => p.length !== 1 || p[0]!.status === 'rejected')) continue;
    const results = parts.map((p) => p[0]!);
    const score =
      results.filter((r) => r.status === 'parsed').length * 1000 -
      results.reduce((n, r) => n + r.problems.length, 0);
    if (!best || score > best.score) best = { score, parts: results, halves };
  }
  if (!best) return null;
  const [head, tail] = best.parts;
  // Either half may hold a third output its parser could not read (a short one between two).
  const found = [{ ...head!, command: section.command }, tail!].flatMap((r, i) =>
    withOtherOutputs(best.halves[i]!, r, 1),
  );
  return numbered(section, found);
}
