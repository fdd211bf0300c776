import type { Line, Msg, Problem } from '../engine/types';
import { HEAD_LINES, type ParseContext, type Parser } from './define';
import { splitPaste, type Section } from './split';
import { nearMiss } from './near-miss';
import { sysctl } from './sysctl/parser';
import { netstatS } from './netstat-s/parser';
import { iptablesSave } from './iptables-save/parser';
import { iptablesList } from './iptables-L/parser';
import { kubeProxyLog } from './kube-proxy-log/parser';
import type { SysctlFacts } from './sysctl/facts';
import type { NetstatFacts } from './netstat-s/facts';
import type { IptablesFacts } from './iptables-save/facts';
import type { IptablesListFacts } from './iptables-L/facts';
import type { KubeProxyLogFacts } from './kube-proxy-log/facts';
import { NODE_PARSERS, type NodeFactsByKind } from './node-shared/parsers';
import { K8S_PARSERS, type K8sFactsByKind } from './k8s-common/parsers';

/** Facts each output kind yields. Adding a kind: its folder, `KINDS`, this map, and `PARSERS`. */
export interface FactsByKind
  extends
    Omit<Record<Kind, unknown>, keyof NodeFactsByKind | keyof K8sFactsByKind>,
    NodeFactsByKind,
    K8sFactsByKind {
  sysctl: SysctlFacts;
  'netstat-s': NetstatFacts;
  'iptables-save': IptablesFacts;
  'iptables-L': IptablesListFacts;
  'kube-proxy-log': KubeProxyLogFacts;
}
export type { Kind } from '../catalog/kinds';
import type { Kind } from '../catalog/kinds';

/** Asked in this order; the first whose `detect` says yes parses the section. */
export const PARSERS: { [K in Kind]: Parser<K, FactsByKind[K]> }[Kind][] = [
  iptablesSave,
  iptablesList,
  kubeProxyLog,
  ...NODE_PARSERS,
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
  const ctx = { command: section.command };
  for (const parser of PARSERS) {
    if (!parser.detect(head, ctx)) continue;
    const parts = parser.split?.(section.lines) ?? [];
    if (parts.length < 2) return [parseWith(parser, section, ctx)];
    const sep = section.source.includes('#') ? '.' : '#';
    const results = parts.map((lines, k) =>
      parseWith(parser, { ...section, source: `${section.source}${sep}${k + 1}`, lines }, ctx),
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
  return { key: 'parse.unknown', params: { first } };
}

/** Splits a paste into its outputs and parses each. */
export function parsePaste(
  raw: string,
  source: string,
  onProgress?: (done: number, total: number) => void,
): SectionResult[] {
  const sections = splitPaste(raw, source);
  return sections.flatMap((s, i) => {
    const out = parseSection(s);
    onProgress?.(i + 1, sections.length);
    return out;
  });
}
