import type { Cited, Line, ParseOutcome } from '../../engine/types';
import { accept, defineParser, msg, reject, type ParseContext } from '../define';
import { ProblemList, cite, content } from '../node-shared/util';
import type { ConntrackFacts } from './facts';
import { ConntrackScan, TCP_STATES } from './scan';

const K = 'parse.conntrack';
/** `tcp      6 119 TIME_WAIT src=...`, `ipv4     2 udp      17 28 src=...`: sniff only. */
const ENTRY =
  /^\s*(?:ipv[46]\s+\d+\s+)?(?:tcp|udp|icmp|icmpv6|sctp|dccp|gre|udplite|unknown)\s+\d+\s+\d+\s+(?:[A-Z_0-9]+\s+)?src=\S/;
/** `conntrack v1.4.6 (conntrack-tools): 250000 flow entries have been shown.` */
const SHOWN =
  /^\s*conntrack v([\d.]+) \(conntrack-tools\): (\d+) flow entries have been shown\.?\s*$/;
/** Any other message of the tool: `conntrack v1.4.4 (conntrack-tools): Operation failed: ...`. */
const TOOL_MESSAGE = /^\s*conntrack v[\d.]+ \(conntrack-tools\): /;
/** `uniq -c` of the state column: `  120770 CLOSE_WAIT`. */
const HIST = /^\s*(\d+)\s+([A-Z][A-Z_0-9]*)\s*$/;
const CONNTRACK_STATES = new Set<string>(TCP_STATES);
/** States only `netstat`/`ss` print: a histogram with these counts sockets, not conntrack entries. */
const SOCKET_ONLY = /^(?:FIN_WAIT[12]|CLOSING|LISTEN|ESTAB|UNCONN|TIME-WAIT|CLOSE-WAIT)$/;
const MAX_LINE = 10_000;

/** `conntrack -L`, `/proc/net/nf_conntrack`, and its `awk | sort | uniq -c` state histogram → a summary. */
export const conntrack = defineParser<'conntrack', ConntrackFacts>({
  kind: 'conntrack',
  detect(head, ctx) {
    let entries = 0;
    let tool = 0;
    for (const l of head) {
      if (l.text.length > MAX_LINE) continue;
      if (ENTRY.test(l.text)) entries += 1;
      else if (TOOL_MESSAGE.test(l.text)) tool += 1;
    }
    if (entries >= 1 && (entries + tool) * 2 >= head.length) return true;
    if (head.length === 1 && SHOWN.test(head[0]!.text)) return true;
    return isHistogram(head, ctx);
  },
  parse(lines, ctx) {
    const head = content(lines.slice(0, 200)).slice(0, 40);
    if (isHistogram(head, ctx)) return parseHistogram(lines);
    const reader = new EntryReader();
    for (const l of lines) {
      const t = l.text;
      if (t.length === 0) continue;
      if (t.length <= MAX_LINE && reader.scan.add(l)) continue;
      if (t.trim() === '') continue;
      if (!reader.closingLine(t, l.n)) reader.otherLine(t, l.n);
    }
    return reader.outcome();
  },
});

/**
 * The entries of one `conntrack -L` output, fed line by line (by the parser above, or straight
 * from a paste's bytes by `./bytes.ts`), and the summary they make.
 */
export class EntryReader {
  readonly scan = new ConntrackScan();
  private readonly problems = new ProblemList(K);
  private shown: Cited<number> | null = null;
  private version: string | null = null;

  /** `conntrack v1.4.6 (conntrack-tools): 250000 flow entries have been shown.`? */
  closingLine(t: string, n: number): boolean {
    const m = t.length <= MAX_LINE ? SHOWN.exec(t) : null;
    if (!m) return false;
    this.shown = { value: Number(m[2]), line: n, text: t };
    this.version = m[1]!;
    return true;
  }

  /** A line that is neither an entry nor the closing line: the tool's error, or a bad line. */
  otherLine(t: string, n: number): void {
    if (t.length <= MAX_LINE && TOOL_MESSAGE.test(t))
      this.problems.add(n, 'toolError', { text: t.trim().slice(0, 200) });
    else this.problems.add(n, 'badLine');
  }

  outcome(): ParseOutcome<ConntrackFacts> {
    const { scan, shown, problems } = this;
    if (scan.total === 0 && !shown) return reject(msg(`${K}.noEntries`));
    if (shown && scan.total > 0 && shown.value !== scan.total)
      problems.add(shown.line, 'countMismatch', { shown: shown.value, read: scan.total });
    const facts: ConntrackFacts = {
      format: scan.proc ? 'proc' : 'conntrack',
      total: scan.total,
      states: scan.states(),
      protocols: scan.protocols(),
      unreplied: scan.unreplied,
      topSources: scan.topSources(),
      topDestinations: scan.topDestinations(),
      topDestinationPorts: scan.topPorts(),
      examples: scan.exampleLines(),
      shown,
      version: this.version,
    };
    return accept(facts, problems.done(), summary(facts));
  }
}

function isHistogram(head: Line[], ctx: ParseContext): boolean {
  const command = ctx.command ?? '';
  if (/\b(?:netstat|ss)\b/.test(command)) return false;
  let rows = 0;
  for (const l of head) {
    const m = l.text.length < 200 ? HIST.exec(l.text) : null;
    if (!m) continue;
    if (SOCKET_ONLY.test(m[2]!)) return false;
    if (CONNTRACK_STATES.has(m[2]!)) rows += 1;
  }
  if (rows === 0 || rows * 2 < head.length) return false;
  return /\bconntrack\b/.test(command) || rows >= 2;
}

function parseHistogram(lines: Line[]) {
  const states: Record<string, number> = {};
  const examples: Record<string, Cited[]> = {};
  const problems = new ProblemList(K);
  let total = 0;
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const m = l.text.length < 200 ? HIST.exec(l.text) : null;
    if (!m) {
      // `$4` of a udp/icmp entry is its `src=` (the seed's pipeline greps them away)
      if (!/^\s*\d+\s+src=/.test(l.text)) problems.add(l.n, 'badLine');
      continue;
    }
    const n = Number(m[1]);
    states[m[2]!] = (states[m[2]!] ?? 0) + n;
    examples[m[2]!] = [cite(m[2]!, l)];
    total += n;
  }
  const facts: ConntrackFacts = {
    format: 'histogram',
    total,
    states,
    protocols: {},
    unreplied: 0,
    topSources: [],
    topDestinations: [],
    topDestinationPorts: [],
    examples,
    shown: null,
    version: null,
  };
  return accept(facts, problems.done(), summary(facts));
}

function summary(f: ConntrackFacts) {
  const top = Object.entries(f.states)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  if (f.total === 0) return msg(`${K}.summaryEmpty`);
  return msg(f.format === 'histogram' ? `${K}.summaryHistogram` : `${K}.summary`, {
    n: f.total,
    top,
    unreplied: f.unreplied,
  });
}
