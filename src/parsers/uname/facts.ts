import type { Cited } from '../../engine/types';

/** `uname -r`, `uname -a`, `cat /proc/version`. */
export interface UnameFacts {
  /** `3.10.0-1062.el7.x86_64`. */
  release: Cited;
  /** The release's leading numbers, for comparisons (`tcp_tw_recycle` went away in 4.12). */
  version: { major: number; minor: number; patch: number };
  /** Host name and machine, from `uname -a`. */
  host: string | null;
  machine: string | null;
}
