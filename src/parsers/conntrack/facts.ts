import type { Cited } from '../../engine/types';
import type { Counted } from '../node-shared/util';

/**
 * `conntrack -L`, `cat /proc/net/nf_conntrack` (or `conntrack -L -o extended`), and the
 * `conntrack -L | awk '{print $4}' | sort | uniq -c` state histogram. A summary, never one
 * object per entry: a busy node has 250,000 of them.
 */
export interface ConntrackFacts {
  format: 'conntrack' | 'proc' | 'histogram';
  /** Flow entries read (for a histogram: the sum of its counts). */
  total: number;
  /** TCP entries by conntrack state (`ESTABLISHED`, `CLOSE_WAIT`...); other protocols by name (`udp`, `icmp`). */
  states: Record<string, number>;
  /** Entries by layer-4 protocol (`tcp`, `udp`, `icmp`, `sctp`...). */
  protocols: Record<string, number>;
  /** Entries marked `[UNREPLIED]`: the peer never answered. */
  unreplied: number;
  /** Original-direction source / destination addresses and destination ports, top 10. */
  topSources: Counted[];
  topDestinations: Counted[];
  topDestinationPorts: Counted[];
  /** A few lines per state (same keys as `states`), as the operator pasted them. */
  examples: Record<string, Cited[]>;
  /** `conntrack v1.4.6 (conntrack-tools): 250000 flow entries have been shown.` */
  shown: Cited<number> | null;
  /** conntrack-tools version from that line. */
  version: string | null;
}
