/**
 * Addresses, prefixes and ports as rules write them. IPv4 and IPv6; an address that cannot be
 * read never matches (the walkers turn that into "unknown here", not a silent pass).
 */

/** An address as a bigint with its width (32 or 128 bits), or null when it is not one. */
export function addrBits(text: string): { bits: bigint; width: 32 | 128 } | null {
  const a = text.trim().replace(/^\[|\]$/g, '');
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(a)) {
    let v = 0n;
    for (const part of a.split('.')) {
      const n = Number(part);
      if (n > 255) return null;
      v = (v << 8n) | BigInt(n);
    }
    return { bits: v, width: 32 };
  }
  if (!a.includes(':') || !/^[0-9a-fA-F:.]+$/.test(a)) return null;
  const halves = a.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (g.includes('.')) {
        const v4 = addrBits(g);
        if (!v4 || v4.width !== 32) return null;
        out.push(Number(v4.bits >> 16n), Number(v4.bits & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  const fill = 8 - head.length - tail.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null;
  let v = 0n;
  for (const g of [...head, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail])
    v = (v << 16n) | BigInt(g);
  return { bits: v, width: 128 };
}

/**
 * Whether `addr` is in `prefix` (`10.96.0.0/12`, `10.0.0.5`, `10.0.0.5/32`, `fd00::/8`, and
 * iptables' old mask form `10.0.0.0/255.0.0.0`). null when either cannot be read.
 */
export function inPrefix(addr: string, prefix: string): boolean | null {
  const a = addrBits(addr);
  const [net, len] = prefix.trim().split('/');
  const p = addrBits(net ?? '');
  if (!a || !p) return null;
  if (a.width !== p.width) return false;
  let mask: bigint;
  if (len === undefined) mask = (1n << BigInt(p.width)) - 1n;
  else if (/^\d+$/.test(len)) {
    const n = Number(len);
    if (n > p.width) return null;
    mask = n === 0 ? 0n : ((1n << BigInt(n)) - 1n) << BigInt(p.width - n);
  } else {
    const m = addrBits(len);
    if (!m || m.width !== p.width) return null;
    mask = m.bits;
  }
  return (a.bits & mask) === (p.bits & mask);
}

/** `10.0.0.5:80`, `[fd00::5]:80`, `10.0.0.5` → address and port (null when absent). */
export function splitHostPort(text: string): { address: string; port: number | null } | null {
  const t = text.trim();
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (v6) return addrBits(v6[1]!) ? { address: v6[1]!, port: v6[2] ? Number(v6[2]) : null } : null;
  if (addrBits(t)) return { address: t, port: null };
  const m = /^([^:]+):(\d+)$/.exec(t);
  if (m && addrBits(m[1]!)) return { address: m[1]!, port: Number(m[2]) };
  return null;
}

/**
 * Whether `port` is in a port spec as rules write it: `80`, `30000:32767` (iptables),
 * `30000-32767` (nft), `80,443,8000:8080` (multiport), `{ 80, 443 }` (nft anonymous set).
 * Service names (`http`) are read as their well-known numbers where common; otherwise null.
 */
export function portIn(port: number, spec: string): boolean | null {
  const parts = spec
    .replace(/^\{|\}$/g, '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length === 0) return null;
  let unknown = false;
  for (const p of parts) {
    const r = /^(\w+)\s*[:-]\s*(\w+)$/.exec(p);
    const lo = portNumber(r ? r[1]! : p);
    const hi = r ? portNumber(r[2]!) : lo;
    if (lo === null || hi === null) unknown = true;
    else if (port >= lo && port <= hi) return true;
  }
  return unknown ? null : false;
}

const SERVICES: Record<string, number> = {
  ssh: 22,
  domain: 53,
  http: 80,
  https: 443,
  'http-alt': 8080,
  bootps: 67,
  bootpc: 68,
  ntp: 123,
};

function portNumber(w: string): number | null {
  if (/^\d+$/.test(w)) {
    const n = Number(w);
    return n <= 65535 ? n : null;
  }
  return SERVICES[w] ?? null;
}
