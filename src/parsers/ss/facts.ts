import type { Cited } from '../../engine/types';

/** A listening socket (`ss -ltnp`). */
export interface Listener {
  netid: string | null;
  /** `0.0.0.0:30749`, `*:80`, `[::]:22`, `127.0.0.1:10249`. */
  local: string;
  port: string;
  /** Accept-queue length and backlog: Recv-Q above Send-Q means a full accept queue. */
  recvQ: number;
  sendQ: number;
  /** `users:(("kube-proxy",pid=2007,fd=13))` → `kube-proxy`. */
  process: string | null;
  pid: number | null;
  line: number;
  text: string;
}

/**
 * `ss -tan[p]`, `ss -ltnp`, `ss -s`, or a socket-state histogram
 * (`netstat -ant | awk '{print $6}' | sort | uniq -c`). A summary: a busy node has tens of
 * thousands of sockets.
 */
export interface SsFacts {
  format: 'sockets' | 'summary' | 'histogram';
  /** Socket rows read (a histogram: the sum of its counts). */
  total: number;
  /** Rows by state, as ss spells them (`ESTAB`, `TIME-WAIT`, `SYN-RECV`, `LISTEN`...); netstat's names are mapped. */
  states: Record<string, number>;
  /** A few lines per state. */
  examples: Record<string, Cited[]>;
  /** LISTEN rows (at most 500). */
  listeners: Listener[];
  /** `ss -s`: `TCP:   220 (estab 47, closed 150, orphaned 0, timewait 71)` and the transport table. */
  summary: {
    total: Cited<number> | null;
    tcp: Cited<Record<string, number>> | null;
    transports: Record<string, { total: number; ip: number; ipv6: number; line: number }>;
  } | null;
}
