import type { Cited } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import type { ResolvConfFacts } from './facts';

const K = 'parse.resolv-conf';
const DIRECTIVE = /^\s*(nameserver|search|domain|options|sortlist)\s+(\S.*?)\s*$/;
const COMMENTED = /^\s*[#;]\s*(nameserver|search|domain|options|sortlist)\s+(\S.*?)\s*$/;
const COMMENT = /^\s*[#;]/;

/** `/etc/resolv.conf` → nameservers, search list, options (ndots...), commented-out directives. */
export const resolvConf = defineParser<'resolv-conf', ResolvConfFacts>({
  kind: 'resolv-conf',
  detect(head, ctx) {
    let directives = 0;
    let comments = 0;
    for (const l of head) {
      if (l.text.length > 2000) continue;
      if (DIRECTIVE.test(l.text)) directives += 1;
      else if (COMMENT.test(l.text)) comments += 1;
    }
    if (directives === 0) return false;
    if (/resolv\.conf/.test(ctx.command ?? '')) return true;
    // Nameserver lines are the heart of the file; comments are common around them.
    const nameserver = head.some((l) => /^\s*nameserver\s+\S/.test(l.text));
    return (nameserver || directives >= 2) && (directives + comments) * 2 >= head.length + 1;
  },
  parse(lines) {
    const problems = new ProblemList(K);
    const nameservers: Cited[] = [];
    const options: Record<string, Cited> = {};
    const commented: Cited[] = [];
    let search: Cited<string[]> | null = null;
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (t.length > 2000) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const d = DIRECTIVE.exec(stripNote(stripComment(t)));
      if (d) {
        const [key, value] = [d[1]!, d[2]!];
        if (key === 'nameserver') nameservers.push(cite(value.split(/\s+/)[0]!, l));
        else if (key === 'search' || key === 'domain') search = cite(value.split(/\s+/), l);
        else if (key === 'options') {
          for (const o of value.split(/\s+/)) {
            const [name, v = ''] = o.split(':');
            options[name!] = cite(v, l);
          }
        }
        continue;
      }
      const c = COMMENTED.exec(t);
      if (c) {
        commented.push(cite(`${c[1]} ${c[2]}`, l));
        continue;
      }
      if (COMMENT.test(t)) continue;
      problems.add(l.n, 'badLine');
    }
    if (nameservers.length === 0 && !search && Object.keys(options).length === 0)
      return reject(msg(`${K}.noDirectives`));
    const nd = options.ndots ? Number(options.ndots.value) : 1;
    const facts: ResolvConfFacts = {
      nameservers,
      search,
      options,
      ndots: Number.isFinite(nd) ? nd : 1,
      commented,
    };
    return accept(
      facts,
      problems.done(),
      msg(`${K}.summary`, {
        nameservers: nameservers.map((n) => n.value).join(', ') || '-',
        search: search?.value.join(' ') || '-',
        ndots: facts.ndots,
      }),
    );
  },
});

/**
 * An inline comment after the values (`search a.com b.com   # added by hand`): the resolver's
 * comments start a line, but people write them at the end too, and what follows is no domain.
 */
function stripComment(t: string): string {
  const at = t.search(/\s[#;]/);
  return at < 0 ? t : t.slice(0, at);
}

/** A GitHub quote's stray closing backtick and the like after a value (fixture 35). */
function stripNote(t: string): string {
  return t.replace(/`\s*$/, '');
}
