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
/**
 * awk's associative count, `{++S[$4]} END {for (a in S) print a, S[a]}`: `CLOSE_WAIT 27`. The
 * same idiom over `netstat -n` counts sockets, so this form is conntrack's only when the command
 * shown says so.
 */
const HIST_STATE_FIRST = /^\s*([A-Z][A-Z_0-9]*)\s+(\d+)\s*$/;
/** The `print "TOTAL", total` line such a script ends with. */
const HIST_TOTAL = /^\s*TOTAL\s+(\d+)\s*$/;
const CONNTRACK_COMMAND = /\bconntrack\b|\/proc\/net\/(?:nf|ip)_conntrack\b/;
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
    if (isHistogram(head, ctx))
      return parseHistogram(lines, CONNTRACK_COMMAND.test(ctx.command ?? ''));
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

/** A histogram row in either form (state-first only behind a conntrack command): state and count. */
function histRow(t: string, stateFirst: boolean): { state: string; n: number } | null {
  if (t.length >= 200) return null;
  const m = HIST.exec(t);
  if (m) return { state: m[2]!, n: Number(m[1]) };
  const s = stateFirst && !HIST_TOTAL.test(t) ? HIST_STATE_FIRST.exec(t) : null;
  return s ? { state: s[1]!, n: Number(s[2]) } : null;
}

function isHistogram(head: Line[], ctx: ParseContext): boolean {
  const command = ctx.command ?? '';
  if (/\b(?:netstat|ss)\b/.test(command)) return false;
  const stateFirst = CONNTRACK_COMMAND.test(command);
  let rows = 0;
  let totals = 0;
  for (const l of head) {
    if (stateFirst && HIST_TOTAL.test(l.text)) totals += 1;
    const h = histRow(l.text, stateFirst);
    if (!h) continue;
    if (SOCKET_ONLY.test(h.state)) return false;
    if (CONNTRACK_STATES.has(h.state)) rows += 1;
  }
  if (rows === 0 || (rows + totals) * 2 < head.length) return false;
  return stateFirst || rows >= 2;
}

function parseHistogram(lines: Line[], stateFirst: boolean) {
  const states: Record<string, number> = {};
  const examples: Record<string, Cited[]> = {};
  const problems = new ProblemList(K);
  let total = 0;
  let declared: Cited<number> | null = null;
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const h = histRow(l.text, stateFirst);
    if (!h) {
      const t = stateFirst ? HIST_TOTAL.exec(l.text) : null;
      if (t) declared = { value: Number(t[1]), line: l.n, text: l.text };
      // `$4` of a udp/icmp entry is its `src=` (the seed's pipeline greps them away)
      else if (!/^\s*(?:\d+\s+src=|src=\S+\s+\d+\s*$)/.test(l.text)) problems.add(l.n, 'badLine');
      continue;
    }
    states[h.state] = (states[h.state] ?? 0) + h.n;
    examples[h.state] = [cite(h.state, l)];
    total += h.n;
  }
  if (declared && declared.value !== total)
    problems.add(declared.line, 'countMismatch', { shown: declared.value, read: total });
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
