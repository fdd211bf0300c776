import { addrBits } from '../addr';

/**
 * What a selector yields and how a literal of its kind is read: addresses and numbers become
 * bigints (so prefixes and ranges are intervals), names stay strings.
 */
export type ValueType =
  | 'ipv4'
  | 'ipv6'
  | 'port'
  | 'proto'
  | 'number'
  | 'ifname'
  /** Bit flags written as names (`ct state established,related`): any listed name matches. */
  | 'flags'
  /** A name nft prints as a word (`local`, `host`, `ipv4`, `original`). */
  | 'symbol'
  /** TCP flag bits, written as names (`syn`, `fin,syn,rst,ack`, `(fin | syn)`). */
  | 'tcpflags';

export type Value = bigint | string;

/** One literal as a set of values: an exact value, an interval, or an interface-name prefix. */
export type Spec =
  | { kind: 'exact'; value: Value }
  | { kind: 'interval'; lo: bigint; hi: bigint }
  | { kind: 'prefix'; prefix: string };

const SERVICES: Record<string, number> = {
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  domain: 53,
  bootps: 67,
  bootpc: 68,
  http: 80,
  ntp: 123,
  https: 443,
  'dhcpv6-client': 546,
  'dhcpv6-server': 547,
  'http-alt': 8080,
};

const PROTOCOLS: Record<string, number> = {
  icmp: 1,
  igmp: 2,
  tcp: 6,
  udp: 17,
  dccp: 33,
  gre: 47,
  esp: 50,
  ah: 51,
  'ipv6-icmp': 58,
  icmpv6: 58,
  sctp: 132,
  udplite: 136,
};

/**
 * A literal of the given kind as specs; null when it cannot be read (the caller answers
 * unknown with the literal's text). Flags lists (`established,related`) give one spec each.
 */
export function readLiteral(text: string, type: ValueType): Spec[] | null {
  const t = text.trim();
  if (type === 'ifname') {
    const name = t.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1');
    return [
      name.endsWith('*') && !name.endsWith('\\*')
        ? { kind: 'prefix', prefix: name.slice(0, -1) }
        : { kind: 'exact', value: name },
    ];
  }
  if (type === 'flags') {
    const names = t.split(',').map((s) => s.trim().toLowerCase());
    return names.every((n) => /^[a-z-]+$/.test(n))
      ? names.map((n) => ({ kind: 'exact', value: n }))
      : null;
  }
  if (type === 'tcpflags') {
    const bits = tcpFlagBits(t);
    return bits === null ? null : [{ kind: 'exact', value: bits }];
  }
  if (type === 'symbol')
    return /^[\w-]+$/.test(t) ? [{ kind: 'exact', value: t.toLowerCase() }] : null;
  if (type === 'ipv4' || type === 'ipv6') return addressSpec(t, type === 'ipv4' ? 32 : 128);
  const range = /^([\w-]+?)-([\w-]+)$/.exec(t);
  if (range && number(range[1]!, type) !== null) {
    const lo = number(range[1]!, type);
    const hi = number(range[2]!, type);
    return lo === null || hi === null ? null : [{ kind: 'interval', lo, hi }];
  }
  const n = number(t, type);
  return n === null ? null : [{ kind: 'exact', value: n }];
}

function number(w: string, type: ValueType): bigint | null {
  if (/^\d+$/.test(w)) return BigInt(w);
  if (/^0x[0-9a-fA-F]+$/.test(w)) return BigInt(w);
  const named = type === 'port' ? SERVICES[w] : type === 'proto' ? PROTOCOLS[w] : undefined;
  return named === undefined ? null : BigInt(named);
}

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function addressSpec(t: string, width: 32 | 128): Spec[] | null {
  // The common case, a plain IPv4 address (kube-proxy's map keys), read without the general path.
  const q = width === 32 ? DOTTED_QUAD.exec(t) : null;
  if (q) {
    const [a, b, c, d] = [Number(q[1]), Number(q[2]), Number(q[3]), Number(q[4])];
    if (a > 255 || b > 255 || c > 255 || d > 255) return null;
    return [{ kind: 'exact', value: BigInt(((a << 24) >>> 0) + (b << 16) + (c << 8) + d) }];
  }
  const range = /^([^/-]+)-([^/-]+)$/.exec(t);
  if (range) {
    const lo = addrBits(range[1]!);
    const hi = addrBits(range[2]!);
    if (!lo || !hi || lo.width !== width || hi.width !== width) return null;
    return [{ kind: 'interval', lo: lo.bits, hi: hi.bits }];
  }
  const [net, len] = t.split('/');
  const a = addrBits(net ?? '');
  if (!a || a.width !== width) return null;
  if (len === undefined) return [{ kind: 'exact', value: a.bits }];
  if (!/^\d+$/.test(len) || Number(len) > width) return null;
  const host = BigInt(width - Number(len));
  const lo = (a.bits >> host) << host;
  return [{ kind: 'interval', lo, hi: lo + (1n << host) - 1n }];
}

const TCP_FLAGS: Record<string, number> = {
  fin: 0x01,
  syn: 0x02,
  rst: 0x04,
  psh: 0x08,
  ack: 0x10,
  urg: 0x20,
  ecn: 0x40,
  cwr: 0x80,
};

/** `syn`, `fin,syn,rst,ack`, `(fin | syn | rst | ack)`, `0x02` as the bits they name. */
export function tcpFlagBits(text: string): bigint | null {
  const t = text.trim().replace(/^\(|\)$/g, '');
  if (/^(?:0x[0-9a-fA-F]+|\d+)$/.test(t)) return BigInt(t);
  let bits = 0;
  for (const name of t.split(/\s*[,|]\s*/)) {
    const bit = TCP_FLAGS[name];
    if (bit === undefined) return null;
    bits |= bit;
  }
  return BigInt(bits);
}

/** Whether a value is one of a spec's. */
export function inSpec(v: Value, s: Spec): boolean {
  if (s.kind === 'exact') return v === s.value;
  if (s.kind === 'prefix') return typeof v === 'string' && v.startsWith(s.prefix);
  return typeof v === 'bigint' && v >= s.lo && v <= s.hi;
}

/** A spec's lowest and highest number, for comparisons and numgen counts. */
export function bounds(s: Spec): { lo: bigint; hi: bigint } | null {
  if (s.kind === 'interval') return { lo: s.lo, hi: s.hi };
  return s.kind === 'exact' && typeof s.value === 'bigint' ? { lo: s.value, hi: s.value } : null;
}

/** The protocol number a packet carries (icmp is 1 in IPv4, 58 in IPv6). */
export function protoNumber(proto: string, ipv6: boolean): bigint {
  if (proto === 'icmp') return ipv6 ? 58n : 1n;
  return BigInt(PROTOCOLS[proto] ?? 0);
}
