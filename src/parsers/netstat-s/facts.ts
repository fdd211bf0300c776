import type { Cited } from '../../engine/types';

/** `netstat -s` (old and new wording), `nstat -az` / `nstat`. */
export interface NetstatFacts {
  /** Counter values keyed by nstat's names: `TcpExtPAWSPassive`, `TcpExtListenDrops`, `TcpActiveOpens`... */
  counters: Record<string, Cited<number>>;
  format: 'netstat' | 'nstat';
}
