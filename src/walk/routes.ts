import { addrBits, inPrefix } from './addr';
import type { WalkNode } from './types';

/**
 * The device a packet to `dst` leaves by: the longest matching prefix of the node's routes, as
 * the kernel's main table picks it. null when no route matches (or none were pasted).
 */
export function deviceFor(routes: WalkNode['routes'], dst: string): string | null {
  let best: { len: number; dev: string } | null = null;
  for (const r of routes ?? []) {
    if (inPrefix(dst, r.prefix) !== true) continue;
    const [net, len] = r.prefix.split('/');
    const bits = len === undefined ? (addrBits(net!)?.width ?? 0) : Number(len);
    if (!best || bits > best.len) best = { len: bits, dev: r.dev };
  }
  return best?.dev ?? null;
}
