/** Where a packet ended in the kernel-oracle tests: the node's and the endpoints' own small nft tables. */
import { inNs } from './netns';

export const ORACLE_TABLE = 'nettriage-oracle';

/**
 * The node's observation table. Everything not from the client is dropped first thing in
 * prerouting (the endpoints' replies never reach the rules under test, so every rule counter
 * counts the client's packet alone); what the node sends back to the client is counted by
 * kind and dropped first thing in output (a reject's ICMP or RST, a local socket's answer);
 * a packet that passed every input chain is counted last in input.
 */
export function nodeOracleTable(client: string): string {
  return `table ip ${ORACLE_TABLE} {
  counter arrived { }
  counter local { }
  counter rejected { }
  counter replies { }
  set icmp-codes { type icmp_code; flags dynamic; }
  set tcp-resets { type inet_service; flags dynamic; }
  chain pre {
    type filter hook prerouting priority -400; policy accept;
    ip saddr != ${client} drop
    counter name "arrived"
  }
  chain in {
    type filter hook input priority 1000; policy accept;
    ip saddr ${client} counter name "local"
  }
  chain out {
    type filter hook output priority -400; policy accept;
    ip daddr ${client} icmp type destination-unreachable add @icmp-codes { icmp code } counter name "rejected" drop
    ip daddr ${client} tcp flags & rst == rst add @tcp-resets { tcp sport } counter name "rejected" drop
    ip daddr ${client} counter name "replies" drop
  }
}
`;
}

/** An endpoint's observation table: what arrives is recorded (source, destination, port) and dropped. */
export const ENDPOINT_ORACLE_TABLE = `table ip ${ORACLE_TABLE} {
  set seen { type ipv4_addr . ipv4_addr . inet_service; flags dynamic; }
  chain pre {
    type filter hook prerouting priority -400; policy accept;
    meta l4proto { tcp, udp } add @seen { ip saddr . ip daddr . th dport }
    drop
  }
}
`;

export type Json = Record<string, unknown>;

/** The items of an `nft -j` listing. */
export function nftItems(text: string): Json[] {
  return (JSON.parse(text) as { nftables: Json[] }).nftables;
}

export interface NodeObservation {
  arrived: number;
  local: number;
  rejected: number;
  replies: number;
  /** The ICMP codes of the node's unreachables, as nft names them (`port-unreachable`). */
  icmpCodes: string[];
  resets: number;
}

/** Empties the node's record of its answers (the counters are read as differences). */
export function flushNodeOracle(ns: string): void {
  inNs(ns, ['nft', 'flush', 'set', 'ip', ORACLE_TABLE, 'icmp-codes']);
  inNs(ns, ['nft', 'flush', 'set', 'ip', ORACLE_TABLE, 'tcp-resets']);
}

export function readNodeOracle(ns: string): NodeObservation {
  const items = nftItems(inNs(ns, ['nft', '-j', 'list', 'table', 'ip', ORACLE_TABLE]));
  const o: NodeObservation = {
    arrived: 0,
    local: 0,
    rejected: 0,
    replies: 0,
    icmpCodes: [],
    resets: 0,
  };
  for (const it of items) {
    const c = it.counter as { name: string; packets: number } | undefined;
    if (c && c.name in o) (o as unknown as Record<string, number>)[c.name] = c.packets;
    const s = it.set as { name: string; elem?: unknown[] } | undefined;
    if (s?.name === 'icmp-codes') o.icmpCodes = (s.elem ?? []).map((e) => String(elemValue(e)));
    if (s?.name === 'tcp-resets') o.resets = (s.elem ?? []).length;
  }
  return o;
}

function elemValue(e: unknown): unknown {
  if (e && typeof e === 'object' && 'elem' in e) return (e as { elem: { val: unknown } }).elem.val;
  return e;
}

export interface Seen {
  src: string;
  dst: string;
  dport: number;
}

/** What reached an endpoint namespace since its last flush. */
export function readSeen(ns: string): Seen[] {
  const items = nftItems(inNs(ns, ['nft', '-j', 'list', 'set', 'ip', ORACLE_TABLE, 'seen']));
  const out: Seen[] = [];
  for (const it of items) {
    const s = it.set as { elem?: unknown[] } | undefined;
    for (const e of s?.elem ?? []) {
      const v = elemValue(e) as { concat: [string, string, number] };
      out.push({ src: v.concat[0], dst: v.concat[1], dport: Number(v.concat[2]) });
    }
  }
  return out;
}

export function flushSeen(ns: string): void {
  inNs(ns, ['nft', 'flush', 'set', 'ip', ORACLE_TABLE, 'seen']);
}
