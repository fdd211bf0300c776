import { accept, defineParser, msg, reject } from '../define';
import { ProblemList } from '../node-shared/util';
import type { LoadedModule, LsmodFacts } from './facts';

const K = 'parse.lsmod';
const HEADER = /^\s*Module\s+Size\s+Used by\s*$/;
/** `nf_conntrack          139224  7 nf_nat,nf_nat_ipv4` (the users list may be empty, or `[permanent]`). */
const ROW = /^\s*([A-Za-z0-9_-]+)\s+(\d+)\s+(-?\d+)(?:\s+(\S+?),?)?(?:\s+\[permanent\])?\s*$/;
/**
 * `/proc/modules`, what lsmod reads: `nf_conntrack 94208 3 nf_nat,nf_nat_ipv4, Live 0xffff…`,
 * users ending in a comma (or `-` for none), then the state, the address and any taint flags.
 */
const PROC_ROW =
  /^\s*([A-Za-z0-9_-]+)\s+(\d+)\s+(-?\d+)\s+(\S+)\s+(?:Live|Loading|Unloading)\s+0x[0-9a-fA-F]+(?:\s+\([A-Z+-]+\))?\s*$/;
const rowOf = (t: string) => ROW.exec(t) ?? PROC_ROW.exec(t);
const GREP = /\|\s*(?:e?grep|rg)\s+(?:-\w+\s+)*['"]?([^'"|\s]+)['"]?/;

/** `lsmod` (whole or grep-filtered) → loaded modules and who uses them. */
export const lsmod = defineParser<'lsmod', LsmodFacts>({
  kind: 'lsmod',
  detect(head, ctx) {
    if (head.some((l) => HEADER.test(l.text))) return true;
    const rows = head.filter((l) => l.text.length < 2000 && rowOf(l.text)).length;
    if (/\blsmod\b|\bproc\/modules\b/.test(ctx.command ?? ''))
      return rows >= 1 && rows * 2 >= head.length;
    // Without the header or the command: module-like names only, most of the paste.
    return rows >= 2 && rows === head.length && head.every((l) => /_|^\s*[a-z]/.test(l.text));
  },
  parse(lines, ctx) {
    const problems = new ProblemList(K);
    const modules: Record<string, LoadedModule> = {};
    let header = false;
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (t.length > 2000) {
        problems.add(l.n, 'badLine');
        continue;
      }
      if (HEADER.test(t)) {
        header = true;
        continue;
      }
      const m = rowOf(t);
      if (!m) {
        problems.add(l.n, 'badLine');
        continue;
      }
      modules[m[1]!] = {
        size: Number(m[2]),
        usedBy: Number(m[3]),
        users: m[4] && m[4] !== '-' ? m[4].split(',').filter(Boolean) : [],
        line: l.n,
        text: t,
      };
    }
    const n = Object.keys(modules).length;
    if (n === 0 && !header) return reject(msg(`${K}.noModules`));
    const filters = grepPatterns(ctx.command ?? '');
    const filter = filters[0] ?? null;
    const facts: LsmodFacts = { modules, filtered: !header || filter !== null, filter, filters };
    const ipvs = Object.keys(modules).filter((m) => /^(?:ip_vs|nf_conntrack|br_netfilter)/.test(m));
    return accept(
      facts,
      problems.done(),
      msg(ipvs.length ? `${K}.summaryNotable` : `${K}.summary`, {
        n,
        notable: ipvs.slice(0, 6).join(', '),
      }),
    );
  },
});

/** The patterns of a `| grep` in the typed command: `-e P` each, or the first bare word. */
function grepPatterns(command: string): string[] {
  const grep = /\|\s*(?:e?grep|rg)\s+(.*)$/.exec(command);
  if (!grep) return [];
  const each = [...grep[1]!.matchAll(/(?:^|\s)-e\s+['"]?([^'"|\s]+)['"]?/g)].map((m) => m[1]!);
  if (each.length > 0) return each;
  const first = GREP.exec(command)?.[1];
  return first ? [first] : [];
}
