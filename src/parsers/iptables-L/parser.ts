import type { Problem } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import type { IptablesListFacts, ListedChain, ListedRule } from './facts';
import { tableOf, tableOfBlock } from '../iptables-save/table';
import { ownNetns } from '../split';

/**
 * A chain's header. Markdown emphasis a poster typed to point at it (`Chain FORWARD (**policy
 * DROP 22 packets, 1848 bytes**)`, `**Chain FORWARD (policy DROP)**`) shows literally inside a
 * code block; iptables never prints `*` or `_` around these parts.
 */
const CHAIN =
  /^[*_]{0,2}Chain (\S+?) \([*_]{0,2}(?:policy ([A-Z]+)(?: (\d+[KMGT]?) packets, (\d+[KMGT]?) bytes)?|(\d+) references?)[*_]{0,2}\)[*_]{0,2}\s*$/;
const HEADER = /^\s*(?:num\s+)?(?:pkts\s+bytes\s+)?target\s+prot\s+opt\b/;
const COMMENT = /\/\* (.*?) \*\//;

/** `iptables -L -n -v`: chain policies with their counters, and each rule's target. */
export const iptablesList = defineParser<'iptables-L', IptablesListFacts>({
  kind: 'iptables-L',
  detect: (head, ctx) =>
    (head.some((l) => CHAIN.test(l.text)) &&
      (head.some((l) => HEADER.test(l.text)) ||
        // The column header cut with the rules (`Chain FORWARD (policy DROP)` then `...`): a
        // built-in chain's policy line under an echoed `iptables -L` says what this is.
        (LISTING_COMMAND.test(ctx.command ?? '') &&
          head.some((l) => BUILTIN_POLICY.test(l.text))))) ||
    headerless(head),
  parse(lines, ctx) {
    const chains: ListedChain[] = [];
    const rules: ListedRule[] = [];
    const problems: Problem[] = [];
    let chain: string | null = null;
    let columns: string[] = [];
    let elided = false;
    for (const l of lines) {
      const text = l.text;
      if (!text.trim()) continue;
      const c = CHAIN.exec(text);
      if (c) {
        chain = c[1]!;
        chains.push({
          name: chain,
          policy: c[2] ?? null,
          policyPackets: c[3] ? count(c[3]) : null,
          line: l.n,
          text,
        });
        continue;
      }
      if (HEADER.test(text)) {
        columns = text.trim().split(/\s+/);
        continue;
      }
      // Rows grepped out of a listing (`iptables -L -n | grep 31610`): no chain, no header; the
      // columns are told by the row's own shape. A grep with context (`| grep DROP -C 2`) may keep
      // the column header and not the chain's line: the rows under it are of an unknown chain.
      const cols = columns.length ? columns : (columnsOf(text) ?? []);
      const rule = cols.length ? row(text, cols) : null;
      if (rule) rules.push({ chain: chain ?? '?', ...rule, line: l.n, text });
      else if (ELIDED.test(text))
        elided = true; // `...` where the operator cut rules out
      else problems.push({ line: l.n, msg: msg('parse.iptables-L.notARule') });
    }
    if (chains.length === 0 && rules.length === 0) return reject(msg('parse.iptables-L.noChains'));
    const table = /(?:-t\s*|--table[=\s]\s*)(\w+)/.exec(ctx.command ?? '');
    const facts: IptablesListFacts = {
      verbose: columns.includes('pkts'),
      chains,
      rules,
      table: table ? { value: table[1]!, line: 0, text: ctx.command! } : null,
      backend: backendOfCommand(ctx.command),
      elided,
      ...(ownNetns(ctx.within) ? { elsewhere: ctx.within! } : {}),
    };
    const forward = chains.find((x) => x.name === 'FORWARD');
    const summary = forward?.policy
      ? msg('parse.iptables-L.summaryForward', {
          chains: chains.length,
          rules: rules.length,
          policy: forward.policy,
          packets: forward.policyPackets ?? '?',
        })
      : chains.length === 0
        ? msg('parse.iptables-L.summaryRowsOnly', { rules: rules.length })
        : msg('parse.iptables-L.summary', { chains: chains.length, rules: rules.length });
    const listed = facts.table?.value ?? tableOfListing(chains, rules);
    const out = accept(facts, problems, summary);
    return listed === 'unknown' ? out : { ...out, tables: [listed] };
  },
});

/** An echoed listing command: `iptables -L`, `sudo iptables-legacy -t filter -L FORWARD -v -n`. */
const LISTING_COMMAND =
  /^(?:sudo\s+)?(?:\S*\/)?ip6?tables(?:-legacy|-nft)?\s(?:.*\s)?(?:-[a-zA-Z]*L[a-zA-Z]*|--list)(?:\s|$)/;
/** A built-in chain's header with its policy, as only a listing prints it. */
const BUILTIN_POLICY =
  /^[*_]{0,2}Chain (?:INPUT|FORWARD|OUTPUT|PREROUTING|POSTROUTING) \([*_]{0,2}policy (?:ACCEPT|DROP)\b/;

/** The backend a listing command names by its binary; plain `iptables` names none. */
function backendOfCommand(command: string | null): IptablesListFacts['backend'] {
  const m = /(?:^|[\s/])ip6?tables-(legacy|nft)\s/.exec(command ?? '');
  if (!m) return null;
  return { value: m[1] === 'legacy' ? 'legacy' : 'nf_tables', line: 0, text: command! };
}

/**
 * The table a listing without its echoed `-t` shows: `iptables -L` alone lists filter, and
 * its built-in chains and kube-proxy's chains and targets tell the others apart.
 */
function tableOfListing(chains: ListedChain[], rules: ListedRule[]): string {
  const builtins = new Set(chains.filter((c) => c.policy !== null).map((c) => c.name));
  const votes = new Map<string, number>();
  for (const r of rules) {
    const t = tableOf(r.chain, r.target || null);
    if (t) votes.set(t, (votes.get(t) ?? 0) + 1);
  }
  return tableOfBlock(builtins, votes, new Set(chains.map((c) => c.name)));
}

/** A row of a listing: [num] [pkts bytes] [target] prot opt [in out] source destination … */
const ROW =
  /^\s*(?:\d+\s+)?(?:\d+[KMGT]?\s+\d+[KMGT]?\s+)?(?:[\w.-]+\s+)?(?:all|tcp|udp|icmp|sctp|udplite|icmpv6|esp|ah|gre|\d+)\s+(?:--|-f|!f)\s+(?:\S+\s+\S+\s+)?(?:!?[\d.:a-f]+(?:\/\d+)?|anywhere)\s+(?:!?[\d.:a-f]+(?:\/\d+)?|anywhere)(?:\s|$)/;
/** `...` where rules were cut, also inside Markdown emphasis (`_...`, `..._`, `*...*`). */
const ELIDED = /^\s*[_*]{0,2}(?:\.{3,}|…+|\[\.\.\.\]|\(\.\.\.\))[_*]{0,2}\s*$/;

/**
 * Only rows of a listing (a grep of it): most lines of the head, or, from two rows on, half of
 * them (the sentence or two a post puts around its rows), as for `iptables-save` lines.
 */
function headerless(head: { text: string }[]): boolean {
  const lines = head.filter((l) => l.text.trim() !== '' && !ELIDED.test(l.text));
  const rows = lines.filter((l) => ROW.test(l.text)).length;
  return rows >= 2 ? rows * 2 >= lines.length : rows >= 1 && rows >= lines.length * 0.7;
}

/** The columns of a row printed without its header, told by how many counters lead it. */
function columnsOf(text: string): string[] | null {
  if (!ROW.test(text)) return null;
  const tokens = text.trim().split(/\s+/);
  const prot = tokens.findIndex(
    (t, i) =>
      /^(?:all|tcp|udp|icmp|sctp|udplite|icmpv6|esp|ah|gre|\d+)$/.test(t) &&
      /^(?:--|-f|!f)$/.test(tokens[i + 1] ?? ''),
  );
  if (prot < 0) return null;
  const lead = tokens.slice(0, prot);
  const hasTarget = lead.length > 0 && !/^\d+[KMGT]?$/.test(lead.at(-1)!);
  const numbers = lead.length - (hasTarget ? 1 : 0);
  const verbose = numbers >= 2;
  return [
    ...(numbers === 1 || numbers === 3 ? ['num'] : []),
    ...(verbose ? ['pkts', 'bytes'] : []),
    'target',
    'prot',
    'opt',
    ...(verbose ? ['in', 'out'] : []),
    'source',
    'destination',
  ];
}

/** One rule line, read by the header's columns; the target column may be empty. */
function row(text: string, columns: string[]): Omit<ListedRule, 'chain' | 'line' | 'text'> | null {
  const tokens = text.trim().split(/\s+/);
  const at = (name: string) => columns.indexOf(name);
  let shift = 0;
  // A rule without a target prints spaces there, so the protocol lands in the target column.
  if (
    /^(?:all|tcp|udp|icmp|sctp|udplite|icmpv6|esp|ah|gre|\d+)$/.test(tokens[at('target')] ?? '') &&
    /^[-!][-f!]$|^--$/.test(tokens[at('target') + 1] ?? '')
  )
    shift = -1;
  const target = shift === -1 ? '' : (tokens[at('target')] ?? '');
  const prot = tokens[at('prot') + shift];
  if (prot === undefined || tokens.length < columns.length - 1 + shift) return null;
  // A protocol's name or number (`!tcp` negated): a log line under a listing has none there.
  if (!/^!?(?:[a-z][\w-]{0,20}|\d{1,3})$/.test(prot)) return null;
  const pk = at('pkts') >= 0 ? count(tokens[at('pkts')]!) : null;
  if (at('pkts') >= 0 && pk === null) return null;
  return {
    target,
    prot: PROTOCOLS[prot] ?? prot,
    packets: pk,
    comment: COMMENT.exec(text)?.[1] ?? null,
  };
}

/** iptables-nft 1.8.8+ lists protocols by number (`6`, `0`); the facts use the names. */
const PROTOCOLS: Record<string, string> = {
  '0': 'all',
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '47': 'gre',
  '50': 'esp',
  '51': 'ah',
  '58': 'icmpv6',
  '132': 'sctp',
  '136': 'udplite',
};

/** iptables' abbreviated counters: 119M → 119000000 (its K/M/G are powers of 1000). */
function count(s: string): number | null {
  const m = /^(\d+)([KMGT]?)$/.exec(s);
  if (!m) return null;
  return (
    Number(m[1]) * { '': 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12 }[m[2] as '' | 'K' | 'M' | 'G' | 'T']
  );
}
