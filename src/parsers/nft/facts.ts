import type { Cited } from '../../engine/types';

/** What a rule does with the packet in the end, read from its last statement. */
export interface NftVerdict {
  kind:
    | 'accept'
    | 'drop'
    | 'reject'
    | 'return'
    | 'continue'
    | 'jump'
    | 'goto'
    | 'queue'
    | 'vmap'
    | 'dnat'
    | 'snat'
    | 'masquerade'
    | 'redirect';
  /** The chain of `jump`/`goto`, the map of `vmap @m`, the address of `dnat to`. */
  target: string | null;
}

export interface NftRule {
  family: string;
  table: string;
  chain: string;
  /** The rule's statements as nft prints them, without its counter and handle. */
  body: string;
  verdict: NftVerdict | null;
  /** `tcp dport 30080`, `th dport { 80, 443 }`, `udp dport 30000-32767`: as written. */
  dport: string | null;
  /** `tcp`/`udp`/`sctp`/`icmp` from `meta l4proto`, `ip protocol` or a `tcp dport` match. */
  proto: string | null;
  /** `ip daddr 10.96.0.1` / `ip6 daddr …` when the rule matches one destination. */
  daddr: string | null;
  comment: string | null;
  packets: number | null;
  handle: number | null;
  line: number;
  text: string;
}

export interface NftChain {
  family: string;
  table: string;
  name: string;
  /** Base chains only: `filter`/`nat`/`route`, the hook, the priority as printed, the policy. */
  type: string | null;
  hook: string | null;
  priority: string | null;
  policy: 'accept' | 'drop' | null;
  /** The text form's `type … hook … priority …; policy …;` line, which a policy verdict cites. */
  baseLine?: { line: number; text: string };
  handle: number | null;
  line: number;
  text: string;
}

export interface NftElement {
  /** The key's parts (`172.30.0.41 . tcp . 80` → three parts). */
  key: string[];
  /** A map's value (`goto service-…`, `drop`), null in a plain set. */
  value: string | null;
  comment: string | null;
  line: number;
  text: string;
}

export interface NftSet {
  family: string;
  table: string;
  name: string;
  kind: 'set' | 'map';
  /** `ipv4_addr . inet_proto . inet_service : verdict` (or its `typeof` form). */
  type: string | null;
  comment: string | null;
  elements: NftElement[];
  line: number;
  text: string;
}

export interface NftTable {
  family: string;
  name: string;
  comment: string | null;
  line: number;
  text: string;
}

/** `nft list ruleset` / `nft list table …` / `nft -a …` / `nft -j …`. */
export interface NftFacts {
  format: 'text' | 'json';
  /** `nft -j`'s metainfo version. */
  version: Cited | null;
  tables: NftTable[];
  chains: NftChain[];
  rules: NftRule[];
  sets: NftSet[];
  /** `# Warning: table ip nat is managed by iptables-nft, do not touch!` */
  xtablesManaged: Cited[];
}

/** A model with nothing read into it yet. */
export function emptyNft(format: NftFacts['format']): NftFacts {
  return { format, version: null, tables: [], chains: [], rules: [], sets: [], xtablesManaged: [] };
}
