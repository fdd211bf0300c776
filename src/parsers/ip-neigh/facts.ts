import type { Cited } from '../../engine/types';

/** Neighbour entries of one address family. */
export interface NeighFamily {
  /** Every entry listed. */
  entries: number;
  /**
   * Entries the kernel counts against gc_thresh1..3: all but PERMANENT and externally learned
   * ones, which the garbage collector leaves alone (Linux 4.19 and later).
   */
  counted: number;
}

/** `ip neigh show` (`ip -4 neigh`, `ip -6 neigh`, `ip -s neigh`, `ip neigh show dev X`). */
export interface IpNeighFacts {
  total: number;
  inet: NeighFamily;
  inet6: NeighFamily;
  /** Entries by NUD state: `REACHABLE`, `STALE`, `DELAY`, `PROBE`, `FAILED`, `INCOMPLETE`, `PERMANENT`, `NOARP`. */
  states: Record<string, number>;
  /** Per device (`dev X`; `-` when the listing was of one device and does not print it): entries by state. */
  devices: Record<string, Record<string, number>>;
  /** Peers that did not answer resolution: FAILED (gave up), INCOMPLETE (still asking). */
  failed: number;
  incomplete: number;
  stale: number;
  /** A few lines per state, for evidence. */
  examples: Record<string, Cited[]>;
  /** The first entry, to cite the table by (for a count: its line, when the family is known). */
  first: Cited | null;
  /**
   * When the paste is a count of the listing (`arp -an | wc -l` → `1108`) rather than the listing:
   * the number, the command, and the family it counts (null when `ip neigh` mixes both).
   */
  listed: (Cited<number> & { family: 'inet' | 'inet6' | null; command: string }) | null;
}
