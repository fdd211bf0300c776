import type { Cited } from '../../engine/types';

/** `/etc/resolv.conf` (node or pod), comments and all. */
export interface ResolvConfFacts {
  nameservers: Cited[];
  /** The search list in effect: the last `search` (or `domain`) line, as the resolver reads it. */
  search: Cited<string[]> | null;
  /** `options ndots:5 timeout:1 single-request-reopen` → `{ ndots: '5', timeout: '1', 'single-request-reopen': '' }`. */
  options: Record<string, Cited>;
  /** ndots in effect (1, the resolver default, when no option sets it). */
  ndots: number;
  /** Directives commented out (`# search guoyutec.com`): not in effect, but telling. */
  commented: Cited[];
}
