import type { Cited, Line, Problem } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import type { NetstatFacts } from './facts';
import { counterName, ICMP_HISTOGRAM, SECTIONS, template } from './sentences';

const K = 'parse.netstat-s';
const HEADER = /^\s*([A-Za-z][A-Za-z0-9]*):\s*$/;
/** `TCPLossProbes: 12`, `InOctets: 865450302` (netstat prints counters it has no sentence for this way). */
const NAMED = /^\s*([A-Za-z][A-Za-z0-9_]*):\s*(\d+)\s*$/;
const HISTOGRAM = /^\s*ICMP (input|output) histogram:\s*$/i;
const HIST_ENTRY = /^\s*([a-z][a-z ]{2,40}):\s*(\d+)\s*$/i;
/** nstat: `TcpExtListenDrops    214    0.0` (name, value, rate). */
const NSTAT = /^\s*((?:Ip|Icmp|Tcp|Udp|MPTcp|Sctp)[A-Za-z0-9_]+)\s+(\d+)(?:\s+\d+(?:\.\d+)?)?\s*$/;
const NSTAT_HEADER = /^\s*#kernel\s*$/;
const MAX_LINE = 2_000;
const MAX_PROBLEMS = 50;
/**
 * A note the operator wrote after a counter (`826164 passive connections rejected because of
 * time stamp  # 由于 timestamp 丢弃的数据包`, `... dropped <-- this one`): netstat and nstat never
 * print `#`, `//` or an arrow after a value, so what follows one is not output.
 */
const NOTE = /(\S)\s+(?:#|\/\/|<-{1,2}|←)(?:\s.*)?$/;
const withoutNote = (t: string) => (t.length <= MAX_LINE ? t.replace(NOTE, '$1') : t);
// Counters the summary names when they are present: the SYN-drop evidence.
const NOTABLE = ['TcpExtPAWSPassive', 'TcpExtListenDrops', 'TcpExtListenOverflows'];

/** `netstat -s` (whole, per protocol, or grep-filtered) and `nstat` / `nstat -az` → counters by nstat name. */
export const netstatS = defineParser<'netstat-s', NetstatFacts>({
  kind: 'netstat-s',
  detect(head) {
    let nstat = 0;
    let known = 0;
    let sentences = 0;
    for (const l of head) {
      const t = withoutNote(l.text);
      if (t.length > MAX_LINE) continue;
      if (NSTAT_HEADER.test(t)) return true;
      if (NSTAT.test(t)) nstat += 1;
      const h = HEADER.exec(t);
      if (h && SECTIONS.has(h[1]!)) known += 1;
      else if (!NAMED.test(t)) {
        const s = template(t);
        if (s && counterName(s.tpl, null)) sentences += 1;
      }
    }
    const n = head.length;
    if (nstat >= 2 ? nstat * 2 >= n : nstat === 1 && n === 1) return true;
    // A whole dump has headers; a `| grep` keeps only sentences, which must then be most of it.
    if (known >= 1 && sentences >= 1 && known + sentences >= 3) return true;
    return sentences >= 2 ? sentences * 2 >= n : sentences === 1 && n <= 2;
  },
  parse(lines) {
    const content = lines.filter((l) => l.text.trim() !== '');
    const isNstat =
      content.some((l) => NSTAT_HEADER.test(l.text)) ||
      content.filter((l) => NSTAT.test(withoutNote(l.text))).length * 2 > content.length;
    const { counters, problems } = isNstat ? parseNstat(content) : parseNetstat(content);
    const n = Object.keys(counters).length;
    if (n === 0) return reject(msg(`${K}.noCounters`));
    const notable = NOTABLE.filter((k) => counters[k])
      .map((k) => `${k.replace(/^TcpExt/, '')} = ${counters[k]!.value}`)
      .join(', ');
    const params = { n, format: isNstat ? 'nstat' : 'netstat -s', notable };
    const summary = msg(notable ? `${K}.summaryNotable` : `${K}.summary`, params);
    return accept({ counters, format: isNstat ? 'nstat' : 'netstat' }, capped(problems), summary);
  },
});

interface Out {
  counters: Record<string, Cited<number>>;
  problems: Problem[];
}

function parseNstat(content: Line[]): Out {
  const out: Out = { counters: {}, problems: [] };
  for (const l of content) {
    const m = l.text.length <= MAX_LINE ? NSTAT.exec(withoutNote(l.text)) : null;
    if (m) out.counters[m[1]!] = { value: Number(m[2]), line: l.n, text: l.text };
    else if (!/^\s*#/.test(l.text)) out.problems.push({ line: l.n, msg: msg(`${K}.badLine`) });
  }
  return out;
}

function parseNetstat(content: Line[]): Out {
  const out: Out = { counters: {}, problems: [] };
  let section: string | null = null;
  let histogram: 'In' | 'Out' | null = null;
  const put = (name: string, value: number, l: Line) => {
    out.counters[name] = { value, line: l.n, text: l.text };
  };
  for (const l of content) {
    if (l.text.length > MAX_LINE) {
      out.problems.push({ line: l.n, msg: msg(`${K}.badLine`) });
      continue;
    }
    const t = withoutNote(l.text);
    const h = HEADER.exec(t);
    if (h && SECTIONS.has(h[1]!)) {
      section = h[1]!;
      histogram = null;
      continue;
    }
    const hist = HISTOGRAM.exec(t);
    if (hist) {
      histogram = hist[1]!.toLowerCase() === 'input' ? 'In' : 'Out';
      continue;
    }
    const named = NAMED.exec(t);
    if (named) {
      const sec = section ?? (/^TCP/.test(named[1]!) ? 'TcpExt' : null);
      if (sec) put(sec + named[1]!, Number(named[2]), l);
      else out.problems.push({ line: l.n, msg: msg(`${K}.noSection`, { name: named[1]! }) });
      continue;
    }
    const entry = histogram && section ? HIST_ENTRY.exec(t) : null;
    const histName = entry ? ICMP_HISTOGRAM[entry[1]!.trim().toLowerCase()] : undefined;
    if (entry && histName) {
      put(section + histogram! + histName, Number(entry[2]), l);
      continue;
    }
    // netstat -s never prints `=` (`net.x.y = 1` is sysctl, pasted along), and indents what
    // it prints under a section header: a line at the margin there is another output.
    const foreign = t.includes('=') || (section !== null && !/^\s/.test(t));
    const s = foreign ? null : template(t);
    if (!s) {
      out.problems.push({ line: l.n, msg: msg(`${K}.badLine`) });
      continue;
    }
    // A sentence this table does not know (a newer net-tools) is valid output under a section
    // header: skip it quietly. Outside one (a grep), only known sentences are netstat's.
    const name = counterName(s.tpl, section);
    if (name) put(name, s.value, l);
    else if (section === null) out.problems.push({ line: l.n, msg: msg(`${K}.badLine`) });
  }
  return out;
}

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { msg: msg(`${K}.moreProblems`, { n: problems.length - MAX_PROBLEMS }) },
  ];
}
