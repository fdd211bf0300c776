import type { IptablesChain, IptablesFacts, IptablesRule } from './facts';

/**
 * Which table a dump without `*table` lines (`iptables -S`, `iptables-save | grep`) is from.
 * kube-proxy's chains and NAT targets only exist in nat; REJECT and kube-proxy's firewall
 * chains only in filter; NOTRACK/CT only in raw.
 */
const NAT_CHAIN =
  /^(?:KUBE-(?:SVC|SEP|XLB|EXT|SVL|FW)-|KUBE-MARK-(?:MASQ|DROP)$|KUBE-POSTROUTING$)/;
const NAT_TARGET =
  /^(?:DNAT|SNAT|MASQUERADE|REDIRECT|NETMAP|KUBE-MARK-(?:MASQ|DROP)|KUBE-POSTROUTING|KUBE-(?:SVC|SEP|XLB|EXT|SVL|FW)-.*)$/;
const FILTER_CHAIN =
  /^(?:KUBE-(?:FORWARD|FIREWALL|EXTERNAL-SERVICES|PROXY-FIREWALL)|DOCKER-(?:ISOLATION.*|USER))$/;
const FILTER_TARGET =
  /^(?:REJECT|KUBE-(?:FORWARD|FIREWALL|EXTERNAL-SERVICES|PROXY-FIREWALL)|DOCKER-(?:ISOLATION.*|USER))$/;
const RAW_TARGET = /^(?:NOTRACK|CT)$/;

/** The table a rule or chain can only belong to, or null when it could be in several. */
export function tableOf(chain: string, target: string | null): string | null {
  if (NAT_CHAIN.test(chain)) return 'nat';
  if (target !== null) {
    if (NAT_TARGET.test(target)) return 'nat';
    if (FILTER_TARGET.test(target)) return 'filter';
    if (RAW_TARGET.test(target)) return 'raw';
  }
  if (FILTER_CHAIN.test(chain)) return 'filter';
  return null;
}

/** The table given by the built-in chains whose policies an `iptables -S` block prints (`-P ...`). */
export function tableOfPolicies(builtins: Set<string>): string | null {
  const has = (c: string) => builtins.has(c);
  if (builtins.size === 0) return null;
  if (has('PREROUTING') && has('FORWARD')) return 'mangle';
  if (has('PREROUTING') && has('POSTROUTING')) return 'nat';
  if (has('PREROUTING') && has('OUTPUT') && !has('INPUT')) return 'raw';
  if (!has('PREROUTING') && !has('POSTROUTING')) return 'filter';
  return null;
}

/** The block's table: from its policies, else the most common decisive vote, else only INPUT/FORWARD/OUTPUT → filter. */
export function tableOfBlock(
  builtins: Set<string>,
  votes: Map<string, number>,
  chains: Set<string>,
): string {
  const byPolicy = tableOfPolicies(builtins);
  if (byPolicy) return byPolicy;
  let best: string | null = null;
  let bestN = 0;
  for (const [t, n] of votes) {
    if (n > bestN) [best, bestN] = [t, n];
  }
  if (best) return best;
  if (
    chains.size > 0 &&
    [...chains].every((c) => c === 'INPUT' || c === 'FORWARD' || c === 'OUTPUT')
  )
    return 'filter';
  return 'unknown';
}

/** `iptables -t nat -S`, `iptables -S -t nat`, `iptables --table=nat -S`, `iptables-save -t nat` → `nat`. */
export function tableOfCommand(command: string | null): string | null {
  if (!command) return null;
  const first = command.split('|')[0]!;
  const m = /(?:^|\s)(?:-t\s*|--table[=\s]\s*)(nat|filter|mangle|raw|security)\b/.exec(first);
  return m ? m[1]! : null;
}

/** Chains and rules of one table as the paste gives them: a `*table` block, or one `iptables -S` listing. */
export interface Block {
  table: string | null; // from `*table` or the echoed `-t`
  builtins: Set<string>;
  chains: Set<string>;
  votes: Map<string, number>;
  rules: IptablesRule[];
  decls: IptablesChain[];
}

/** Gives every chain and rule its table, block by block, and lists the tables seen. */
export function resolveTables(blocks: Block[]): Pick<IptablesFacts, 'chains' | 'rules' | 'tables'> {
  const chains: IptablesChain[] = [];
  const rules: IptablesRule[] = [];
  const tables: string[] = [];
  for (const b of blocks) {
    if (b.rules.length === 0 && b.decls.length === 0) continue;
    for (const d of b.decls) {
      const v = b.table ? null : tableOf(d.name, null);
      if (v) b.votes.set(v, (b.votes.get(v) ?? 0) + 1);
      b.chains.add(d.name);
    }
    // `*table`, `-t` or the `-P` policies settle the whole block; otherwise each decisive rule keeps its own.
    const settled = b.table ?? tableOfPolicies(b.builtins);
    const table = settled ?? tableOfBlock(b.builtins, b.votes, b.chains);
    for (const d of b.decls) {
      d.table = settled ?? tableOf(d.name, null) ?? table;
      chains.push(d);
    }
    for (const r of b.rules) {
      if (settled || r.table === '') r.table = table;
      rules.push(r);
    }
    if (table !== 'unknown' && !tables.includes(table)) tables.push(table);
  }
  for (const r of rules)
    if (r.table !== 'unknown' && !tables.includes(r.table)) tables.push(r.table);
  return { chains, rules, tables };
}
