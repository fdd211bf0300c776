import type { Cited } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList } from '../node-shared/util';
import type { ConntrackCpu, ConntrackStatFacts } from './facts';

const K = 'parse.conntrack-S';
/** Counters conntrack -S and /proc/net/stat/nf_conntrack print, across kernel versions. */
const KNOWN = new Set([
  'entries',
  'searched',
  'found',
  'new',
  'invalid',
  'ignore',
  'delete',
  'delete_list',
  'insert',
  'insert_failed',
  'drop',
  'early_drop',
  'icmp_error',
  'error',
  'expect_new',
  'expect_create',
  'expect_delete',
  'search_restart',
  'clash_resolve',
  'chaintoolong',
  'clashres',
  'chainlength',
]);
/** Old format: `insert_failed\t\t0`. */
const TABLE_ROW = /^\s*([a-z_]+)\s+(\d+)\s*$/;
/**
 * Per-CPU format: `cpu=0   \tfound=175 invalid=0 ...`. A poster who cut the row short may end it
 * with an elision mark (`... `, `…`, `[...]`): the counters before it still count.
 */
const CPU_ROW = /^\s*cpu=(\d+)\s+((?:[a-z_]+=\d+\s*)+)(?:\.{3}|…|\[\.{3}\]|\[…\])?\s*$/;
const PAIR = /([a-z_]+)=(\d+)/g;
/** /proc/net/stat/nf_conntrack header: `entries  searched found new ...` or `entries  clashres found ...`. */
const PROC_HEADER = /^\s*entries\s+(?:searched|clashres)\s+found\s+new\s+invalid\b/;
const PROC_ROW = /^\s*[0-9a-f]{8}(?:\s+[0-9a-f]{8}){4,}\s*$/;
/** `conntrack v1.4.4 (conntrack-tools): Operation failed: ...`, `command terminated with exit code 1`. */
const TOOL_MESSAGE =
  /^\s*(?:conntrack v[\d.]+ \(conntrack-tools\): |command terminated with exit code)/;
const MAX_LINE = 2_000;
// Counters the summary names: the evidence of drops and insertion races.
const NOTABLE = ['insert_failed', 'drop', 'early_drop', 'invalid'];

/** `conntrack -S` (any format) and /proc/net/stat/nf_conntrack → counters summed over CPUs. */
export const conntrackStat = defineParser<'conntrack-S', ConntrackStatFacts>({
  kind: 'conntrack-S',
  detect(head) {
    let rows = 0;
    for (const l of head) {
      const t = l.text;
      if (t.length > MAX_LINE) continue;
      if (PROC_HEADER.test(t) || CPU_ROW.test(t)) return true;
      const m = TABLE_ROW.exec(t);
      if (m && KNOWN.has(m[1]!)) rows += 1;
    }
    return rows >= 3 && rows * 2 >= head.length;
  },
  parse(lines) {
    const problems = new ProblemList(K);
    const cpus: ConntrackCpu[] = [];
    const table: Record<string, Cited<number>> = {};
    let format: ConntrackStatFacts['format'] = 'table';
    let columns: string[] | null = null;
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (t.length > MAX_LINE) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const cpu = CPU_ROW.exec(t);
      if (cpu) {
        format = 'per-cpu';
        const counters: Record<string, number> = {};
        for (const m of cpu[2]!.matchAll(PAIR)) counters[m[1]!] = Number(m[2]);
        cpus.push({ cpu: Number(cpu[1]), counters, line: l.n, text: t });
        continue;
      }
      if (PROC_HEADER.test(t)) {
        format = 'proc';
        columns = t.trim().split(/\s+/);
        continue;
      }
      if (columns && PROC_ROW.test(t)) {
        const values = t.trim().split(/\s+/);
        const counters: Record<string, number> = {};
        columns.forEach((c, i) => {
          if (values[i] !== undefined) counters[c] = parseInt(values[i]!, 16);
        });
        cpus.push({ cpu: cpus.length, counters, line: l.n, text: t });
        continue;
      }
      const row = TABLE_ROW.exec(t);
      if (row && KNOWN.has(row[1]!)) {
        table[row[1]!] = { value: Number(row[2]), line: l.n, text: t };
        continue;
      }
      if (TOOL_MESSAGE.test(t)) problems.add(l.n, 'toolError', { text: t.trim().slice(0, 200) });
      else problems.add(l.n, 'badLine');
    }
    const counters = cpus.length > 0 ? summed(cpus) : table;
    if (Object.keys(counters).length === 0) return reject(msg(`${K}.noCounters`));
    const notable = NOTABLE.filter((k) => counters[k])
      .map((k) => `${k} = ${counters[k]!.value}`)
      .join(', ');
    const summary = msg(cpus.length > 0 ? `${K}.summaryCpus` : `${K}.summary`, {
      n: Object.keys(counters).length,
      cpus: cpus.length,
      notable: notable || '-',
    });
    return accept({ format, counters, cpus }, problems.done(), summary);
  },
});

/** Sums each counter over the rows; `entries` (a table size) takes the largest value. */
function summed(cpus: ConntrackCpu[]): Record<string, Cited<number>> {
  const out: Record<string, Cited<number>> = {};
  const best: Record<string, number> = {};
  for (const c of cpus) {
    for (const [k, v] of Object.entries(c.counters)) {
      const prev = out[k];
      const value = k === 'entries' ? Math.max(prev?.value ?? 0, v) : (prev?.value ?? 0) + v;
      const top = !prev || v > best[k]!;
      if (top) best[k] = v;
      out[k] = top ? cited(value, c) : { ...prev, value };
    }
  }
  return out;
}

const cited = (value: number, c: { line: number; text: string }): Cited<number> => ({
  value,
  line: c.line,
  text: c.text,
});
