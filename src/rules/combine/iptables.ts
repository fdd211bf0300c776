import type { RuleContext } from '../rule';
import type { IptablesFacts, IptablesRule } from '../../parsers/iptables-save/facts';
import type { IptablesListFacts, ListedChain } from '../../parsers/iptables-L/facts';

/**
 * A node's rule dumps, whatever printed them: `iptables-save` / `-S` as parsed, and `iptables -L`
 * listings read as the same rules (`dpt:31710` as `--dport 31710`), so the rules that judge
 * kube-proxy's chains read both.
 */
export function iptablesDumps(ctx: RuleContext): { source: string; facts: IptablesFacts }[] {
  return [
    ...ctx.of('iptables-save'),
    ...ctx.of('iptables-L').map(({ source, facts }) => ({ source, facts: asDump(facts) })),
  ];
}

// Several rules read the same listing in one judgement: convert it once.
const converted = new WeakMap<IptablesListFacts, IptablesFacts>();
function asDump(l: IptablesListFacts): IptablesFacts {
  let d = converted.get(l);
  if (!d) converted.set(l, (d = fromListing(l)));
  return d;
}

// Chains only kube-proxy's nat table has (KUBE-SERVICES and KUBE-NODEPORTS live in filter too).
const NAT_ONLY = /^KUBE-(?:SVC|SEP|XLB|EXT|FW|MARK-MASQ|POSTROUTING)\b/;

/** The table a listing shows: the echoed `-t`, else what its chains give away. */
export function listingTable(l: IptablesListFacts): string {
  return l.table?.value ?? tableOf(l.chains);
}

function fromListing(l: IptablesListFacts): IptablesFacts {
  const table = listingTable(l);
  const rules: IptablesRule[] = l.rules.map((r) => ({
    table,
    chain: r.chain,
    target: r.target || null,
    comment: r.comment,
    dport: /\bdpts?:(\d+(?::\d+)?)/.exec(r.text)?.[1] ?? null,
    proto: r.prot === 'all' ? null : r.prot,
    packets: r.packets,
    line: r.line,
    text: r.text,
  }));
  const chains = l.chains.map((c) => ({
    table,
    name: c.name,
    policy: c.policy,
    policyPackets: c.policyPackets,
    line: c.line,
    text: c.text,
  }));
  return { format: 'S', backend: null, legacyWarning: null, tables: [table], chains, rules };
}

/** The table a listing without `-t` shows: filter by default, nat when only nat has its chains. */
function tableOf(chains: ListedChain[]): string {
  const names = new Set(chains.map((c) => c.name));
  if (chains.some((c) => NAT_ONLY.test(c.name))) return 'nat';
  if (names.has('PREROUTING') && names.has('POSTROUTING') && !names.has('FORWARD')) return 'nat';
  if (names.has('INPUT') && names.has('FORWARD') && !names.has('PREROUTING')) return 'filter';
  return 'unknown';
}
