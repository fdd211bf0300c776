/**
 * The compiled form every ruleset takes before it is walked: base chains hooked at a priority,
 * user chains, and rules as matches and actions over the packet's state. The iptables compiler
 * (`iptables/`) and the nft compiler (`nft/`) both build it; one engine (`engine.ts`) walks it,
 * so iptables tables and native nft tables of one node run in the kernel's single order.
 */
import type { Msg } from './msg';
import type { Hop, WalkProto } from './types';

export type Hook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';

/** The packet as the walk sees it at one point: translations and marks change it on the way. */
export interface PacketState {
  proto: WalkProto;
  src: string;
  sport: number | null;
  dst: string;
  dport: number | null;
  /** Incoming interface (null: not given, or locally generated). */
  iif: string | null;
  /** Outgoing interface once routed, when known. */
  oif: string | null;
  mark: number;
  ctmark: number;
  /** UNTRACKED once a raw-table `CT --notrack` / `NOTRACK` / nft `notrack` took it out of conntrack. */
  ctstate: 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'UNTRACKED';
  /**
   * The destination the connection was opened to, before any DNAT (`--ctorigdst`, `ct status
   * dnat`); absent means unchanged (`dst`/`dport`).
   */
  origDst?: string;
  origDport?: number | null;
  /** Generated on the node (OUTPUT path). */
  local: boolean;
  /** The node's own addresses (decide `addrtype LOCAL` / `fib daddr type local`); empty when unknown. */
  nodeAddresses: readonly string[];
}

/**
 * A match's answer: it matches, it does not, it matches with a probability (statistic random,
 * IPVS weights), or it cannot be told from the paste (the reason names what is missing).
 */
export type MatchResult = boolean | { probability: number } | { unknown: Msg };

export interface Match {
  /** The match as written, for messages (`-m set --match-set KUBE-CLUSTER-IP dst,dst`). */
  text: string;
  test(p: PacketState): MatchResult;
}

/** One way a choice goes: a random split or a verdict-map lookup. */
export interface Choice {
  probability: number;
  action: Action;
}

export type Action =
  | { kind: 'accept' | 'drop' | 'return' }
  | { kind: 'reject'; with: string | null }
  | { kind: 'jump' | 'goto'; chain: string }
  | { kind: 'dnat'; address: string | null; port: number | null }
  | { kind: 'snat'; address: string | null }
  | { kind: 'masquerade' }
  | { kind: 'redirect'; port: number | null }
  /** Sets the packet or conntrack mark; the rule goes on. */
  | { kind: 'mark'; target: 'packet' | 'conntrack'; set: (mark: number) => number; text: string }
  /** Logs, counts…: the rule goes on. */
  | { kind: 'continue'; text: string }
  /** `-j CT --notrack`, `-j NOTRACK`, nft `notrack`: the packet is UNTRACKED; the rule goes on. */
  | { kind: 'notrack'; text: string }
  /**
   * Chooses among actions from the packet (a verdict map, `numgen random mod N vmap`): no
   * choice (a lookup that found nothing) ends the rule there, as nft's missed lookup does: its
   * later statements do not run and the chain goes on with the next rule. An unknown answer
   * stops the branch as unknown.
   */
  | { kind: 'choose'; text: string; choose(p: PacketState): Choice[] | { unknown: Msg } };

export interface Rule {
  matches: Match[];
  /** Run in order; the first terminal one ends the rule (and usually the chain). */
  actions: Action[];
  cite: Omit<Hop, 'chain' | 'table' | 'action'>;
}

export interface Chain {
  /** `nat`, `filter`… (iptables) or `ip kube-proxy`, `inet filter`… (nft: family and table). */
  table: string;
  name: string;
  rules: Rule[];
  /** Base chains: where they hook in, at what priority (lower first), their policy. */
  base: {
    hook: Hook;
    priority: number;
    type: 'filter' | 'nat' | 'route';
    policy: 'accept' | 'drop';
  } | null;
  /** Where the policy is written (the `:INPUT DROP [0:0]` line), for the hop that cites it. */
  policyCite: Omit<Hop, 'chain' | 'table' | 'action'> | null;
  /**
   * For a long chain: the rules that may match the packet, in order (a 5,000-rule KUBE-SERVICES
   * indexed by destination address), so the walk need not test every one. The destination must
   * not change within one pass of the chain (a DNAT ends the pass).
   */
  candidates?(p: PacketState): Rule[];
}

export interface Program {
  /** `iptables`, `nftables`, `ipvs`. */
  datapath: string;
  /** Chains by `table\u0000name`. */
  chains: Map<string, Chain>;
  /** Notes for the result (a table the paste did not hold, sets assumed from ipvsadm). */
  notes: Msg[];
}

/** The destination the connection was opened to (before DNAT), for `--ctorigdst`. */
export function originalDestination(p: PacketState): { dst: string; dport: number | null } {
  return { dst: p.origDst ?? p.dst, dport: p.origDport === undefined ? p.dport : p.origDport };
}

export const chainKey = (table: string, name: string) => `${table}\u0000${name}`;

/** The priorities iptables registers its tables at (netfilter's NF_IP_PRI_*). */
export const IPTABLES_PRIORITY: Record<string, number> = {
  raw: -300,
  mangle: -150,
  'nat:prerouting': -100,
  'nat:output': -100,
  filter: 0,
  security: 50,
  'nat:input': 100,
  'nat:postrouting': 100,
};
