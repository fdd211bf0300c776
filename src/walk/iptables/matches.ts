/**
 * The iptables matches the walk models, as Match objects over the packet's state. Both rule
 * readers (`iptables-save`/`-S` words, `iptables -L` columns) build rules from these, so a
 * match means the same whichever way it was pasted. A match that cannot be decided from the
 * paste answers `{ unknown }` with the reason, never a guess.
 */
import { addrBits, portIn } from '../addr';
import { originalDestination } from '../program';
import type { Match, MatchResult, PacketState } from '../program';
import { msg, type Msg } from '../msg';

/** `!` in front of a match: flips true/false, takes the other side of a probability. */
export function negate(m: Match, neg: boolean): Match {
  if (!neg) return m;
  return {
    text: `! ${m.text}`,
    test(p) {
      const r = m.test(p);
      if (typeof r === 'boolean') return !r;
      if ('probability' in r) return { probability: 1 - r.probability };
      return r;
    },
  };
}

export const always = (text: string): Match => ({ text, test: () => true });

export const unknownMatch = (text: string, why: Msg): Match => ({
  text,
  test: () => ({ unknown: why }),
});

// Packet addresses read once per walk, not once per rule (KUBE-SERVICES tests thousands).
const bitsCache = new Map<string, { bits: bigint; width: 32 | 128 } | null>();
function bitsOf(addr: string) {
  let b = bitsCache.get(addr);
  if (b === undefined) {
    if (bitsCache.size > 10_000) bitsCache.clear();
    b = addrBits(addr);
    bitsCache.set(addr, b);
  }
  return b;
}

/** A prefix read once: `10.96.0.1/32`, `10.0.0.0/255.0.0.0`, `0.0.0.0/0`, `fd00::/8`. */
function compilePrefix(spec: string): ((addr: string) => boolean) | null {
  const [net, len] = spec.split('/');
  const p = addrBits(net ?? '');
  if (!p) return null;
  let mask: bigint;
  if (len === undefined) mask = (1n << BigInt(p.width)) - 1n;
  else if (/^\d+$/.test(len) && Number(len) <= p.width) {
    const n = Number(len);
    mask = n === 0 ? 0n : ((1n << BigInt(n)) - 1n) << BigInt(p.width - n);
  } else {
    const m = addrBits(len);
    if (!m || m.width !== p.width) return null;
    mask = m.bits;
  }
  const want = p.bits & mask;
  return (addr) => {
    const a = bitsOf(addr);
    return !!a && a.width === p.width && (a.bits & mask) === want;
  };
}

/** `-s`/`-d`: one prefix or a comma list (iptables expands lists into rules; `-L` may show one). */
export function addrMatch(text: string, which: 'src' | 'dst', spec: string): Match {
  const tests = spec.split(',').map(compilePrefix);
  if (tests.some((t) => t === null))
    return unknownMatch(text, msg('walk.unknown.addrNames', { spec }));
  return {
    text,
    test: (p) => tests.some((t) => t!(which === 'src' ? p.src : p.dst)),
  };
}

const PROTO_NUMBERS: Record<string, string> = {
  '6': 'tcp',
  '17': 'udp',
  '132': 'sctp',
  '1': 'icmp',
  '58': 'icmp',
};

/** `-p tcp`, `-p 6` (iptables-nft 1.8.8+ prints numbers), `-p all`/`0`. */
export function protoMatch(text: string, proto: string): Match {
  const name = PROTO_NUMBERS[proto] ?? proto.toLowerCase();
  if (name === 'all' || name === '0') return always(text);
  const want = name === 'ipv6-icmp' || name === 'icmpv6' ? 'icmp' : name;
  return { text, test: (p) => p.proto === want };
}

/** `-i`/`-o`, with iptables' trailing `+` wildcard. */
export function ifaceMatch(text: string, which: 'in' | 'out', name: string): Match {
  const wildcard = name.endsWith('+');
  const stem = wildcard ? name.slice(0, -1) : name;
  if (wildcard && stem === '') return always(text);
  return {
    text,
    test(p) {
      const iface = which === 'in' ? p.iif : p.oif;
      if (iface === null)
        return {
          unknown: msg(which === 'in' ? 'walk.unknown.inIface' : 'walk.unknown.outIface', {
            text,
          }),
        };
      return wildcard ? iface.startsWith(stem) : iface === stem;
    },
  };
}

/** `--dport`, `--sport`, multiport `--dports`/`--sports`/`--ports` (either side). */
export function portMatch(text: string, which: 'src' | 'dst' | 'either', spec: string): Match {
  if (portIn(0, spec) === null) return unknownMatch(text, msg('walk.unknown.portList', { spec }));
  return {
    text,
    test(p) {
      const ports = which === 'src' ? [p.sport] : which === 'dst' ? [p.dport] : [p.sport, p.dport];
      return ports.some((port) => port !== null && portIn(port, spec) === true);
    },
  };
}

/** Whether `addr` is the node's own (loopback counts); null when the node's addresses are not known. */
export function isNodeAddress(p: PacketState, addr: string): boolean | null {
  if (isLoopback(addr) || p.nodeAddresses.includes(addr)) return true;
  return p.nodeAddresses.length === 0 ? null : false;
}
const loopV4 = compilePrefix('127.0.0.0/8')!;
const loopV6 = compilePrefix('::1/128')!;
const isLoopback = (addr: string) => loopV4(addr) || loopV6(addr);
const multicastV4 = compilePrefix('224.0.0.0/4')!;
const multicastV6 = compilePrefix('ff00::/8')!;
const isMulticast = (addr: string) => multicastV4(addr) || multicastV6(addr);

/** `-m addrtype --dst-type LOCAL` and friends. */
export function addrtypeMatch(text: string, which: 'src' | 'dst', types: string): Match {
  const list = types.split(',').map((t) => t.toUpperCase());
  return {
    text,
    test(p) {
      const addr = which === 'src' ? p.src : p.dst;
      let unknown: Msg | null = null;
      for (const t of list) {
        const local = isNodeAddress(p, addr);
        let r: boolean | null;
        if (t === 'LOCAL') r = local;
        else if (t === 'UNICAST')
          r =
            isMulticast(addr) || addr === '255.255.255.255'
              ? false
              : local === null
                ? null
                : !local;
        else if (t === 'MULTICAST') r = isMulticast(addr);
        else if (t === 'BROADCAST') r = addr === '255.255.255.255' ? true : null;
        else r = null;
        if (r === true) return true;
        if (r === null)
          unknown =
            p.nodeAddresses.length > 0
              ? msg('walk.unknown.addrtype', {
                  type: t,
                  addr,
                  addresses: p.nodeAddresses.join(', '),
                })
              : msg('walk.unknown.addrtypeNoNode', { type: t, addr });
      }
      return unknown ? { unknown } : false;
    },
  };
}

/** A mark value as iptables writes it: `0x4000`, `0x4000/0x4000`, `16384`. */
export function parseMark(spec: string): { value: number; mask: number } | null {
  const [v, m] = spec.split('/');
  const num = (s: string | undefined) =>
    s !== undefined && /^(0x[0-9a-f]+|\d+)$/i.test(s) ? Number(s) >>> 0 : null;
  const value = num(v);
  const mask = m === undefined ? 0xffffffff : num(m);
  return value === null || mask === null ? null : { value, mask };
}

/** `-m mark --mark v/m`, `-m connmark --mark v/m`. */
export function markMatch(text: string, target: 'packet' | 'conntrack', spec: string): Match {
  const mk = parseMark(spec);
  if (!mk) return unknownMatch(text, msg('walk.unknown.markUnread', { spec }));
  return {
    text,
    test: (p) =>
      ((target === 'packet' ? p.mark : p.ctmark) & mk.mask) >>> 0 === (mk.value & mk.mask) >>> 0,
  };
}

/** `-m conntrack --ctstate NEW,ESTABLISHED`, `-m state --state …`. */
export function ctstateMatch(text: string, states: string): Match {
  const list = states.split(',').map((s) => s.toUpperCase());
  return {
    text,
    test(p): MatchResult {
      if (list.includes(p.ctstate)) return true;
      if (list.includes('DNAT')) {
        const o = originalDestination(p);
        if (o.dst !== p.dst || o.dport !== p.dport) return true;
      }
      if (list.includes('SNAT')) return { unknown: msg('walk.unknown.snatState', { text }) };
      return false;
    },
  };
}

/** `--ctorigdst 10.96.0.1/32`, `--ctorigdstport 443`: the destination before DNAT. */
export function ctOrigDstMatch(text: string, kind: 'addr' | 'port', spec: string): Match {
  const prefix = kind === 'addr' ? compilePrefix(spec) : null;
  if (kind === 'addr' && !prefix)
    return unknownMatch(text, msg('walk.unknown.ctOrigUnread', { spec }));
  return {
    text,
    test(p) {
      const o = originalDestination(p);
      if (kind === 'addr') return prefix!(o.dst);
      return o.dport !== null && portIn(o.dport, spec) === true;
    },
  };
}

export const probabilityMatch = (text: string, probability: number): Match => ({
  text,
  test: () => ({ probability }),
});

const TCP_FLAGS: Record<string, number> = {
  FIN: 1,
  SYN: 2,
  RST: 4,
  PSH: 8,
  ACK: 16,
  URG: 32,
  ALL: 63,
  NONE: 0,
};
const flagBits = (s: string) =>
  s.split(',').reduce<number | null>((acc, f) => {
    const b = TCP_FLAGS[f.toUpperCase()];
    return acc === null || b === undefined ? null : acc | b;
  }, 0);

/**
 * `--tcp-flags mask comp` / `--syn`. The walked packet is a connection's first segment (SYN)
 * when NEW, a plain ACK otherwise.
 */
export function tcpFlagsMatch(text: string, mask: string, comp: string): Match {
  const m = flagBits(mask);
  const c = flagBits(comp);
  if (m === null || c === null)
    return unknownMatch(text, msg('walk.unknown.tcpFlagsUnread', { flags: `${mask} ${comp}` }));
  return {
    text,
    test(p) {
      if (p.proto !== 'tcp') return false;
      const flags = p.ctstate === 'NEW' ? TCP_FLAGS.SYN! : TCP_FLAGS.ACK!;
      return (flags & m) === c;
    },
  };
}

const ICMP_TYPES: Record<string, number> = { 'echo-request': 8, 'echo-reply': 0, any: -1 };

/** `--icmp-type`: the walked icmp packet is a ping (echo-request when NEW, echo-reply after). */
export function icmpTypeMatch(text: string, type: string): Match {
  const t = ICMP_TYPES[type] ?? (/^\d+/.test(type) ? Number(/^\d+/.exec(type)![0]) : null);
  // Any other type (unreachable, time-exceeded…) is not the ping being walked.
  if (t === null) return { text, test: () => false };
  return {
    text,
    test(p) {
      if (p.proto !== 'icmp') return false;
      if (t === -1) return true;
      return t === (p.ctstate === 'NEW' ? 8 : 0);
    },
  };
}

/** `-m pkttype --pkt-type unicast|broadcast|multicast`. */
export function pktTypeMatch(text: string, type: string): Match {
  const t = type.toLowerCase();
  return {
    text,
    test(p) {
      const multi = isMulticast(p.dst);
      const broad = p.dst === '255.255.255.255';
      if (t === 'multicast') return multi;
      if (t === 'broadcast')
        return broad
          ? true
          : multi
            ? false
            : { unknown: msg('walk.unknown.subnetBroadcast', { addr: p.dst }) };
      return !multi && !broad;
    },
  };
}
