/** Per-rule packet counters the kernel kept, for the kernel-oracle tests: iptables and nft, each rule named as in its ruleset file. */
import { inNs, nftLoad } from './netns';
import { nftItems, ORACLE_TABLE, type Json } from './netns-oracle';

/** A rule (or a base chain's policy) of a ruleset file, as the comparison names it. */
export interface RuleRef {
  source: string;
  /** `filter`, `nat` (iptables) or `ip kube-proxy`, `inet firewalld` (nft). */
  table: string;
  chain: string;
  /** 1-based line in the file; for a policy, the line that declares it. */
  line: number;
  text: string;
  policy: 'accept' | 'drop' | null;
}

/** The rules of an `iptables-save` file, per `table\0chain`, in order; policies apart. */
export function iptablesFileRules(source: string, text: string) {
  const rules = new Map<string, RuleRef[]>();
  const policies = new Map<string, RuleRef>();
  let table = '';
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('*')) table = line.slice(1);
    const pol = /^:(\S+) (ACCEPT|DROP) /.exec(line);
    if (pol)
      policies.set(`${table}\u0000${pol[1]!}`, {
        source,
        table,
        chain: pol[1]!,
        line: i + 1,
        text: line,
        policy: pol[2] === 'DROP' ? 'drop' : 'accept',
      });
    const rule = /^-A (\S+)/.exec(line);
    if (rule) {
      const key = `${table}\u0000${rule[1]!}`;
      const list = rules.get(key) ?? [];
      list.push({ source, table, chain: rule[1]!, line: i + 1, text: line, policy: null });
      rules.set(key, list);
    }
  });
  return { rules, policies };
}

/** Packet counters from `iptables-save -c`: rules per `table\0chain` in order, and policies. */
export function iptablesCounters(saved: string) {
  const rules = new Map<string, number[]>();
  const policies = new Map<string, number>();
  let table = '';
  for (const raw of saved.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('*')) table = line.slice(1);
    const pol = /^:(\S+) (?:ACCEPT|DROP) \[(\d+):\d+\]/.exec(line);
    if (pol) policies.set(`${table}\u0000${pol[1]!}`, Number(pol[2]));
    const rule = /^\[(\d+):\d+\] -A (\S+)/.exec(line);
    if (rule) {
      const key = `${table}\u0000${rule[2]!}`;
      const list = rules.get(key) ?? [];
      list.push(Number(rule[1]));
      rules.set(key, list);
    }
  }
  return { rules, policies };
}

/**
 * The rules of an nft listing file (`nft list ruleset` form), per `family table\0chain`, in
 * order; base-chain policies apart, cited at their `type … policy …;` line.
 */
export function nftFileRules(source: string, text: string) {
  const rules = new Map<string, RuleRef[]>();
  const policies = new Map<string, RuleRef>();
  let table = '';
  let chain: string | null = null;
  let depth = 0;
  let skipTo = -1;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const opens = (line.match(/\{/g) ?? []).length;
    const closes = (line.match(/\}/g) ?? []).length;
    const before = depth;
    depth += opens - closes;
    if (skipTo >= 0) {
      if (depth <= skipTo) skipTo = -1;
      return;
    }
    if (before === 0) {
      const t = /^table (\S+) (\S+) \{/.exec(line);
      if (t) table = `${t[1]!} ${t[2]!}`;
      return;
    }
    if (before === 1) {
      const c = /^chain (\S+) \{/.exec(line);
      if (c) chain = c[1]!;
      else if (
        /^(set|map|flowtable|counter|quota|limit|ct|secmark|synproxy) /.test(line) &&
        depth > 1
      )
        skipTo = 1;
      return;
    }
    if (before !== 2 || chain === null || line === '' || line.startsWith('#')) return;
    const key = `${table}\u0000${chain}`;
    const base = /^type \S+ hook \S+ .*policy (accept|drop);/.exec(line);
    if (base) {
      policies.set(key, {
        source,
        table,
        chain,
        line: i + 1,
        text: line,
        policy: base[1] as 'accept' | 'drop',
      });
      return;
    }
    if (/^(type |policy |comment "|devices )/.test(line) || line === '}') return;
    const list = rules.get(key) ?? [];
    list.push({ source, table, chain, line: i + 1, text: line, policy: null });
    rules.set(key, list);
  });
  return { rules, policies };
}

const PROBE = 'nettriage-probe';
const POLICY_PROBE = 'nettriage-policy';

/**
 * Puts a counting rule before every rule of the loaded nft ruleset (its leading matches and a
 * counter, nothing else: it counts the packets that match the rule) and one at the end of
 * every base chain (the packets that fall to the policy). A rule whose verdict is a lookup in a
 * named verdict map is counted only when the map holds the packet's key, as the kernel then
 * takes that verdict (`… vmap @m` counts as `… @m`). The rules themselves are not changed.
 */
export function instrumentNft(ns: string): void {
  const items = nftItems(inNs(ns, ['nft', '-j', 'list', 'ruleset']));
  const cmds: Json[] = [];
  for (const it of items) {
    const c = it.chain as
      { family: string; table: string; name: string; hook?: string } | undefined;
    if (c?.hook && c.table !== ORACLE_TABLE) {
      const rule = {
        family: c.family,
        table: c.table,
        chain: c.name,
        expr: [{ counter: null }],
        comment: POLICY_PROBE,
      };
      cmds.push({ add: { rule } });
    }
    const r = it.rule as
      { family: string; table: string; chain: string; handle: number; expr: Json[] } | undefined;
    if (!r || r.table === ORACLE_TABLE) continue;
    const expr: Json[] = [];
    for (const e of r.expr) {
      if ('match' in e) {
        expr.push(e);
        continue;
      }
      const vmap = e.vmap as { key: unknown; data: unknown } | undefined;
      if (vmap) {
        if (typeof vmap.data === 'string')
          expr.push({ match: { op: '==', left: vmap.key, right: vmap.data } });
        else if (!JSON.stringify(vmap.key).includes('numgen')) {
          const keys = ((vmap.data as { set: unknown[][] }).set ?? []).map((p) => p[0]);
          expr.push({ match: { op: '==', left: vmap.key, right: { set: keys } } });
        }
      }
      break;
    }
    expr.push({ counter: null });
    const probe = {
      family: r.family,
      table: r.table,
      chain: r.chain,
      handle: r.handle,
      expr,
      comment: `${PROBE} ${r.handle}`,
    };
    cmds.push({ insert: { rule: probe } });
  }
  nftLoad(ns, JSON.stringify({ nftables: cmds }), true);
}

/**
 * The probes' packet counts after `instrumentNft`: per `family table\0chain`, the count of
 * each original rule in order, and the count that fell to the policy.
 */
export function nftCounters(ns: string) {
  const items = nftItems(inNs(ns, ['nft', '-j', 'list', 'ruleset']));
  const rules = new Map<string, number[]>();
  const policies = new Map<string, number>();
  const probes = new Map<string, number>();
  for (const it of items) {
    const r = it.rule as
      | {
          family: string;
          table: string;
          chain: string;
          handle: number;
          comment?: string;
          expr: Json[];
        }
      | undefined;
    if (!r || r.table === ORACLE_TABLE) continue;
    const key = `${r.family} ${r.table}\u0000${r.chain}`;
    const packets =
      (r.expr.find((e) => 'counter' in e)?.counter as { packets?: number } | undefined)?.packets ??
      0;
    if (r.comment === POLICY_PROBE) policies.set(key, packets);
    else if (r.comment?.startsWith(`${PROBE} `))
      probes.set(`${key}\u0000${r.comment.slice(PROBE.length + 1)}`, packets);
    else {
      const list = rules.get(key) ?? [];
      list.push(probes.get(`${key}\u0000${r.handle}`) ?? 0);
      rules.set(key, list);
    }
  }
  return { rules, policies };
}
