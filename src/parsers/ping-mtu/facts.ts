import type { Cited } from '../../engine/types';

/** One `ping` run (a paste may hold several, e.g. trying sizes one after another). */
export interface PingRun {
  target: string;
  /**
   * The name ping resolved and printed in `PING name (address)`, lower-cased without a trailing
   * dot; null when ping was given an address. It is the name the resolver answered, search
   * suffix included (`PING svc.ns.svc.cluster.local.corp.example.com (203.0.113.5)`).
   */
  resolved: string | null;
  /** The address in the parentheses. */
  address: string | null;
  /**
   * The host argument of the echoed command (`ping NAME`), as typed (a trailing dot kept: it
   * forbids search suffixes); null when no command is shown or it does not belong to this run.
   */
  asked: string | null;
  /** `-s` payload and the resulting IP packet size (`1472(1500)`), when printed. */
  size: number | null;
  packet: number | null;
  /** `PING x (ip) from SRC IFACE:` (`-I`), BSD's `PING6(...) SRC --> DST`: the source address. */
  source: string | null;
  /** Echo replies received (`64 bytes from ...: icmp_seq=1 ...`), duplicates included. */
  replies: number;
  /** `ping: local error: message too long, mtu=1450`: refused by this host's own route/device MTU. */
  localErrors: number;
  /** `Frag needed and DF set (mtu = 1450)` / `Packet too big: mtu=1400`: a router on the path said so. */
  fragNeeded: number;
  /**
   * `From 10.0.0.1 icmp_seq=1 Destination Host Unreachable` (BSD: `92 bytes from ...: Destination
   * Host Unreachable`), also prohibited and filtered: an ICMP error instead of a reply, a loss.
   */
  unreachable: number;
  /** Who said it was unreachable (the first such line's address). */
  unreachableFrom: string | null;
  /** `no answer yet for icmp_seq=N` (`-O`), BSD's `Request timeout for icmp_seq N`: each a lost packet. */
  timeouts: number;
  /** `ping: sendmsg: Invalid argument`: sends the kernel refused with EINVAL, and the first such line. */
  invalid: number;
  invalidLine: Cited | null;
  /** The MTU the errors report (the smallest, when they differ). */
  mtu: number | null;
  /** From the statistics line. */
  sent: number | null;
  received: number | null;
  loss: number | null;
  /** `+19 duplicates` and `+3 errors` of the statistics line. */
  duplicates: number | null;
  errors: number | null;
  line: number;
  text: string;
}

/** `ping -M do -s N HOST` (and plain ping, ping6, BSD and busybox ping) output. */
export interface PingFacts {
  runs: PingRun[];
  /** The smallest MTU any error reported, with the line that said it. */
  mtu: Cited<number> | null;
  /** Largest payload that got a reply, smallest that did not (a run with errors or 100% loss). */
  largestOk: number | null;
  smallestFailed: number | null;
  /** `-M do` seen in the echoed command (null when the command is not shown). */
  dontFragment: boolean | null;
  /** Over the runs with a statistics line: packets sent and received, and the loss in percent. */
  sent: number | null;
  received: number | null;
  loss: number | null;
  /** The first "Destination ... Unreachable" (or prohibited, filtered) line, with who sent it. */
  unreachable: Cited | null;
  /**
   * The first ICMP error only a packet filter sends (`Destination Host Prohibited` is what
   * `REJECT --reject-with icmp-host-prohibited` answers; `Packet filtered` is admin-prohibited),
   * with who sent it: a firewall on that host or router turned the packet away.
   */
  prohibited: Cited | null;
  /**
   * The first `ping: sendmsg: Invalid argument` of a run to an IPv4 (or unnamed) target: the
   * kernel's IPv4 output path answers EINVAL when it cannot create a neighbour entry for the next
   * hop, which is what a neighbour table at gc_thresh3 does. Null for IPv6 targets.
   */
  sendInvalid: Cited | null;
}
