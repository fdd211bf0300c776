/**
 * The packet walk: one packet followed through a node's pasted rules (iptables, nftables, IPVS)
 * in the kernel's order. Shapes shared by the iptables and nft walkers, the CLI, the worker and
 * the wizard's panel. Pure data.
 */

import type { Msg } from './msg';

export type WalkProto = 'tcp' | 'udp' | 'sctp' | 'icmp';

/** The packet as the operator describes it: `tcp 192.168.1.20:40000 -> 10.0.0.5:31610`. */
export interface Packet {
  proto: WalkProto;
  src: string;
  /** null for icmp. */
  sport: number | null;
  dst: string;
  dport: number | null;
  /**
   * The interface it arrives on (`eth0`), or null when not given. Ignored when `local`:
   * a locally generated packet starts in OUTPUT.
   */
  inIface: string | null;
  /** The interface it leaves by, when the operator knows it (decides `-o` / `oifname` matches). */
  outIface?: string | null;
  /** Generated on the node itself (a `curl` run on the node): raw/mangle/nat/filter OUTPUT first. */
  local: boolean;
  /** Conntrack state the packet is assumed to have (`NEW` for a first SYN). */
  ctstate: 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID';
}

/** What the node is, as far as the walk needs it: its own addresses decide `addrtype LOCAL`. */
export interface WalkNode {
  /** Addresses without prefix (`10.0.0.5`), from a pasted `ip addr` or the answers. */
  addresses: string[];
  /** Address → interface, when `ip addr` was pasted (decides the outgoing interface of a local reply). */
  interfaces?: Record<string, string>;
  /**
   * The node's routes (a pasted `ip route`): the device a forwarded or sent packet leaves by,
   * which `-o` / `oifname` matches read. `prefix` is `0.0.0.0/0` for a default route.
   */
  routes?: { prefix: string; dev: string }[];
}

export type WalkVerdict = 'dnat' | 'accept' | 'forward' | 'drop' | 'reject' | 'unknown';

/** One rule the packet matched (or the chain policy it fell to), as cited from its paste. */
export interface Hop {
  /** `nat`, `filter`, … for iptables; `ip kube-proxy`, `inet filter`, … (family and table) for nft; `ipvs`. */
  table: string;
  chain: string;
  /** The paste's name (its source as Evidence.source names it). */
  source: string;
  /** The rule's line number in its paste. */
  line: number;
  /** The rule as the paste gives it. */
  rule: string;
  /** Per-rule packet counter where the paste has one. */
  packets: number | null;
  /** What the hop did: `jump KUBE-SERVICES`, `DNAT 10.244.1.5:80`, `policy DROP`, `MARK or 0x4000`. */
  action: string;
}

export interface Endpoint {
  address: string;
  port: number | null;
  /** The branch's overall probability: the product of the splits along it. */
  probability: number;
}

/** One way the packet can go: a split (statistic, numgen, IPVS scheduler) yields several. */
export interface Branch {
  probability: number;
  verdict: WalkVerdict;
  /** Where a DNAT sent it (null when not translated). */
  endpoint: { address: string; port: number | null } | null;
  /** The packet after the walk's translations. */
  final: { src: string; sport: number | null; dst: string; dport: number | null };
  /** Source NAT on the way out (MASQUERADE/SNAT/masquerade). */
  masquerade: boolean;
  /** `--reject-with icmp-port-unreachable`, `reject with icmp admin-prohibited`, `tcp reset`. */
  rejectWith: string | null;
  /** For `unknown`: the match the walker could not decide (an ipset not pasted, an unmodelled match). */
  unknown: Msg | null;
  hops: Hop[];
  /**
   * The hop that decided the verdict. drop/reject/unknown: the rule (or policy) that ended the
   * branch. dnat: the DNAT (or REDIRECT). accept/forward: the last hop that let the packet on
   * where it could otherwise have been stopped: an ACCEPT rule of a base chain whose policy is
   * DROP (or of a chain it jumped to from one), else the last ACCEPT rule on its path, else the
   * last `policy ACCEPT` it fell to; a later chain's `policy ACCEPT` that merely let an
   * already-accepted packet through (the ip6 security policy after firewalld's accept) does not.
   */
  decidedBy: Hop | null;
}

export interface WalkResult {
  packet: Packet;
  /** The verdict all branches share; `unknown` when they differ or any is unknown. */
  verdict: WalkVerdict;
  endpoints: Endpoint[];
  /** The most probable branch's hops (every branch's are in `branches`). */
  hops: Hop[];
  branches: Branch[];
  /** Which rules were walked: `iptables`, `nftables`, `ipvs`. */
  datapaths: string[];
  /** Why the walk could not run or is incomplete (no rules pasted for a table, …): `walk.note.*` messages. */
  notes: Msg[];
}
