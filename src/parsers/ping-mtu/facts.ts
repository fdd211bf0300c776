import type { Cited } from '../../engine/types';

/** One `ping` run (a paste may hold several, e.g. trying sizes one after another). */
export interface PingRun {
  target: string;
  /** `-s` payload and the resulting IP packet size (`1472(1500)`), when printed. */
  size: number | null;
  packet: number | null;
  /** Echo replies received, e.g. `1480 bytes from ...`. */
  replies: number;
  /** `ping: local error: message too long, mtu=1450`: refused by this host's own route/device MTU. */
  localErrors: number;
  /** `Frag needed and DF set (mtu = 1450)` / `Packet too big: mtu=1400`: a router on the path said so. */
  fragNeeded: number;
  /** The MTU the errors report (the smallest, when they differ). */
  mtu: number | null;
  /** From the statistics line. */
  sent: number | null;
  received: number | null;
  loss: number | null;
  line: number;
  text: string;
}

/** `ping -M do -s N HOST` (and plain ping) output. */
export interface PingFacts {
  runs: PingRun[];
  /** The smallest MTU any error reported, with the line that said it. */
  mtu: Cited<number> | null;
  /** Largest payload that got a reply, smallest that did not (a run with errors or 100% loss). */
  largestOk: number | null;
  smallestFailed: number | null;
  /** `-M do` seen in the echoed command (null when the command is not shown). */
  dontFragment: boolean | null;
}
