import type { Hook } from '../program';

/** nft's named priorities of the ip, ip6 and inet families (the bridge family has others). */
const NAMED: Record<string, number> = {
  raw: -300,
  mangle: -150,
  dstnat: -100,
  filter: 0,
  security: 50,
  srcnat: 100,
};

/** `-100`, `dstnat`, `filter + 10`, `dstnat - 5` as a number; null when it cannot be read. */
export function readPriority(text: string): number | null {
  const m = /^\s*(-?\d+|[a-z]+)\s*(?:([+-])\s*(\d+))?\s*$/.exec(text);
  if (!m) return null;
  const base = /^-?\d+$/.test(m[1]!) ? Number(m[1]) : NAMED[m[1]!];
  if (base === undefined) return null;
  const delta = m[3] ? Number(m[3]) * (m[2] === '-' ? -1 : 1) : 0;
  return base + delta;
}

const HOOKS: readonly Hook[] = ['prerouting', 'input', 'forward', 'output', 'postrouting'];

export function readHook(text: string): Hook | null {
  return (HOOKS as readonly string[]).includes(text) ? (text as Hook) : null;
}
