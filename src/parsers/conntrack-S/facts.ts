import type { Cited } from '../../engine/types';

/** One CPU's row of `conntrack -S` (or of /proc/net/stat/nf_conntrack). */
export interface ConntrackCpu {
  cpu: number;
  counters: Record<string, number>;
  line: number;
  text: string;
}

/**
 * `conntrack -S`: the old single-table format (`insert_failed  0`), the per-CPU format
 * (`cpu=0 found=175 ... insert_failed=0 drop=0 early_drop=0 ...`) and the hex table of
 * `cat /proc/net/stat/nf_conntrack`.
 */
export interface ConntrackStatFacts {
  format: 'table' | 'per-cpu' | 'proc';
  /**
   * Counters summed over the CPUs (`insert_failed`, `drop`, `early_drop`, `invalid`...).
   * `entries` is the table size, so it is the largest row's value, not a sum. Each cites the
   * row that contributed most (the first row when all are 0).
   */
  counters: Record<string, Cited<number>>;
  /** Per-CPU rows, empty for the single-table format. */
  cpus: ConntrackCpu[];
}
