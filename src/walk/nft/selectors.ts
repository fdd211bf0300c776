import { addrBits, inPrefix } from '../addr';
import { originalDestination } from '../program';
import type { PacketState } from '../program';
import type { Token } from './tokens';
import { protoNumber, type Value, type ValueType } from './values';
import { msg, type Msg } from '../msg';

/**
 * What an expression on the left of a match (or in a map key) reads from the packet: a value,
 * nothing because the packet has no such field (a `tcp dport` of a udp packet: nft's rule does
 * not match), or a field the walk cannot know (an interface not given).
 */
export type Read = { value: Value } | { absent: string } | { unknown: Msg };

export interface Selector {
  text: string;
  type: ValueType;
  read(p: PacketState): Read;
  /** `numgen random mod 2 offset 0`: a random number, matched by probability, not by value. */
  numgen?: { mod: bigint; offset: bigint };
  /** `meta random`: iptables-nft's statistic match. */
  random?: boolean;
}

const isV6 = (p: PacketState) => addrBits(p.dst)?.width === 128;
const value = (v: Value): Read => ({ value: v });
const bits = (a: string): Read => {
  const b = addrBits(a);
  return b ? value(b.bits) : { unknown: msg('walk.unknown.nftAddress', { addr: a }) };
};

function ipv4(field: (p: PacketState) => Read): (p: PacketState) => Read {
  return (p) => (isV6(p) ? { absent: 'not an IPv4 packet' } : field(p));
}
function ipv6(field: (p: PacketState) => Read): (p: PacketState) => Read {
  return (p) => (isV6(p) ? field(p) : { absent: 'not an IPv6 packet' });
}

const l4proto = (p: PacketState) => value(protoNumber(p.proto, isV6(p)));

function port(proto: string, dir: 'sport' | 'dport') {
  return (p: PacketState): Read => {
    if (proto === 'th' ? p.proto === 'icmp' : p.proto !== proto)
      return { absent: `not a ${proto === 'th' ? 'tcp, udp or sctp' : proto} packet` };
    const n = dir === 'dport' ? p.dport : p.sport;
    return n === null ? { unknown: msg('walk.unknown.nftNoPort', { dir }) } : value(BigInt(n));
  };
}

// A locally generated packet has no incoming interface until it comes back in through lo.
function iif(p: PacketState): Read {
  if (p.iif !== null) return value(p.iif);
  return p.local
    ? { absent: 'a locally generated packet has no incoming interface' }
    : { unknown: msg('walk.unknown.nftInIface') };
}

/**
 * The outgoing interface, once routed. Not given: a packet of the node's own for one of its own
 * addresses leaves by lo; one from elsewhere for the node is delivered, never sent out (the
 * prerouting and input hooks have no outgoing interface).
 */
function oif(p: PacketState): Read {
  if (p.oif !== null) return value(p.oif);
  if (p.nodeAddresses.length > 0 && isLocal(p, p.dst))
    return p.local
      ? value('lo')
      : { absent: 'a packet delivered to the node has no outgoing interface' };
  return { unknown: msg('walk.unknown.nftOutIface') };
}

const isMulticast = (a: string) =>
  inPrefix(a, '224.0.0.0/4') === true || inPrefix(a, 'ff00::/8') === true;
const isLoopback = (a: string) => inPrefix(a, '127.0.0.0/8') === true || a === '::1';
const isLocal = (p: PacketState, a: string) =>
  isLoopback(a) || p.nodeAddresses.some((n) => addrBits(n)?.bits === addrBits(a)?.bits);

/** `fib daddr type`: the node's own addresses decide local; unknown without them. */
function fibType(which: 'saddr' | 'daddr') {
  return (p: PacketState): Read => {
    const a = which === 'daddr' ? p.dst : p.src;
    if (which === 'saddr' && p.local) return value('local');
    if (isLocal(p, a)) return value('local');
    if (isMulticast(a)) return value('multicast');
    if (a === '255.255.255.255') return value('broadcast');
    if (p.nodeAddresses.length === 0) return { unknown: msg('walk.unknown.nftFibType', { which }) };
    return value('unicast');
  };
}

function pkttype(p: PacketState): Read {
  if (p.local) return { unknown: msg('walk.unknown.nftPkttype') };
  if (isMulticast(p.dst)) return value('multicast');
  if (p.dst === '255.255.255.255') return value('broadcast');
  return value('host');
}

/**
 * A new connection's status bits as far as the walk knows them: `dnat` once a nat chain changed
 * its destination. Nothing else is set before it is confirmed (snat is set in postrouting, after
 * every filter hook). A tracked connection's bits are conntrack's, not the walk's.
 */
function ctStatus(p: PacketState): Read {
  if (p.ctstate !== 'NEW')
    return { unknown: msg('walk.unknown.nftCtStatus', { state: p.ctstate }) };
  const orig = originalDestination(p);
  return value(orig.dst !== p.dst || orig.dport !== p.dport ? 'dnat' : 'none');
}

/** A new connection's first tcp packet is a SYN; later packets' flags are not known. */
function tcpFlags(p: PacketState): Read {
  if (p.proto !== 'tcp') return { absent: 'not a tcp packet' };
  return p.ctstate === 'NEW'
    ? value(0x02n)
    : { unknown: msg('walk.unknown.nftTcpFlags', { state: p.ctstate }) };
}

type Known = { type: ValueType; read: (p: PacketState) => Read };

/** Selectors by their words as nft prints them. */
const KNOWN: Record<string, Known> = {
  'ip saddr': { type: 'ipv4', read: ipv4((p) => bits(p.src)) },
  'ip daddr': { type: 'ipv4', read: ipv4((p) => bits(p.dst)) },
  'ip protocol': { type: 'proto', read: ipv4(l4proto) },
  'ip6 saddr': { type: 'ipv6', read: ipv6((p) => bits(p.src)) },
  'ip6 daddr': { type: 'ipv6', read: ipv6((p) => bits(p.dst)) },
  'ip6 nexthdr': { type: 'proto', read: ipv6(l4proto) },
  'meta l4proto': { type: 'proto', read: l4proto },
  'meta nfproto': { type: 'symbol', read: (p) => value(isV6(p) ? 'ipv6' : 'ipv4') },
  'meta protocol': { type: 'symbol', read: (p) => value(isV6(p) ? 'ip6' : 'ip') },
  'meta mark': { type: 'number', read: (p) => value(BigInt(p.mark >>> 0)) },
  mark: { type: 'number', read: (p) => value(BigInt(p.mark >>> 0)) },
  'ct mark': { type: 'number', read: (p) => value(BigInt(p.ctmark >>> 0)) },
  'meta iifname': { type: 'ifname', read: iif },
  iifname: { type: 'ifname', read: iif },
  'meta iif': { type: 'ifname', read: iif },
  iif: { type: 'ifname', read: iif },
  'meta oifname': { type: 'ifname', read: oif },
  oifname: { type: 'ifname', read: oif },
  'meta oif': { type: 'ifname', read: oif },
  oif: { type: 'ifname', read: oif },
  'meta pkttype': { type: 'symbol', read: pkttype },
  pkttype: { type: 'symbol', read: pkttype },
  'ct state': { type: 'flags', read: (p) => value(p.ctstate.toLowerCase()) },
  'ct direction': {
    type: 'symbol',
    read: (p) =>
      p.ctstate === 'NEW' ? value('original') : { unknown: msg('walk.unknown.nftCtDirection') },
  },
  'ct status': { type: 'flags', read: ctStatus },
  'tcp flags': { type: 'tcpflags', read: tcpFlags },
  'fib daddr type': { type: 'symbol', read: fibType('daddr') },
  'fib saddr type': { type: 'symbol', read: fibType('saddr') },
};
for (const proto of ['tcp', 'udp', 'sctp', 'th'])
  for (const dir of ['sport', 'dport'] as const)
    KNOWN[`${proto} ${dir}`] = { type: 'port', read: port(proto, dir) };

/** Headers whose other fields the walk does not model: the header's presence still decides. */
const HEADERS: Record<string, (p: PacketState) => string | null> = {
  ip: (p) => (isV6(p) ? 'not an IPv4 packet' : null),
  ip6: (p) => (isV6(p) ? null : 'not an IPv6 packet'),
  tcp: (p) => (p.proto === 'tcp' ? null : 'not a tcp packet'),
  udp: (p) => (p.proto === 'udp' ? null : 'not a udp packet'),
  sctp: (p) => (p.proto === 'sctp' ? null : 'not an sctp packet'),
  icmp: (p) => (p.proto === 'icmp' && !isV6(p) ? null : 'not an icmp packet'),
  icmpv6: (p) => (p.proto === 'icmp' && isV6(p) ? null : 'not an icmpv6 packet'),
  th: (p) => (p.proto === 'icmp' ? 'not a tcp, udp or sctp packet' : null),
  meta: () => null,
  ct: () => null,
  ether: () => null,
  vlan: () => null,
  // The walk's packets are tcp, udp, sctp or icmp: these headers are never present.
  udplite: () => 'not a udplite packet',
  dccp: () => 'not a dccp packet',
  gre: () => 'not a gre packet',
  esp: () => 'not an esp packet',
  ah: () => 'not an ah packet',
  igmp: () => 'not an igmp packet',
  comp: () => 'not an ipcomp packet',
  arp: () => 'not an arp packet',
};

const word = (tokens: Token[], i: number): string | null => {
  const t = tokens[i];
  return t && t.kind === 'word' ? t.text : null;
};

/**
 * The selector starting at token `i`, or null when none does (the token starts a statement).
 * `fib` with `. iif`/`. oif` and fib results other than `type`, and header fields the walk does
 * not model (`ip ttl`, `tcp flags`), read as unknown.
 */
export function readSelector(
  tokens: Token[],
  i: number,
): { selector: Selector; next: number } | null {
  const w0 = word(tokens, i);
  if (w0 === null) return null;
  const w1 = word(tokens, i + 1);
  const two = w1 === null ? null : `${w0} ${w1}`;
  if (w0 === 'fib') return readFib(tokens, i);
  if (w0 === 'numgen') return readNumgen(tokens, i);
  if (two === 'meta random')
    return {
      selector: {
        text: two,
        type: 'number',
        random: true,
        read: () => ({ unknown: msg('walk.unknown.nftRandom', { text: two }) }),
      },
      next: i + 2,
    };
  if (two && KNOWN[two]) return { selector: { text: two, ...KNOWN[two] }, next: i + 2 };
  if (KNOWN[w0] && !(w0 in HEADERS)) return { selector: { text: w0, ...KNOWN[w0] }, next: i + 1 };
  const header = HEADERS[w0];
  if (header && w1 !== null && /^[a-z][\w-]*$/.test(w1)) {
    // `tcp option maxseg size`, `icmp type`: the field is the words up to the operator or value.
    let next = w1 === 'option' ? i + 4 : i + 2;
    while (/^(?:size|length|type|kind)$/.test(word(tokens, next) ?? '')) next++;
    const text = tokens
      .slice(i, next)
      .map((t) => (t.kind === 'word' ? t.text : ''))
      .join(' ');
    return {
      selector: {
        text,
        type: 'symbol',
        read: (p) => {
          const missing = header(p);
          return missing
            ? { absent: missing }
            : { unknown: msg('walk.unknown.nftField', { text }) };
        },
      },
      next,
    };
  }
  return null;
}

function readFib(tokens: Token[], i: number): { selector: Selector; next: number } {
  let next = i + 1;
  const flags: string[] = [];
  while (next < tokens.length) {
    const w = word(tokens, next);
    if (w === null || !/^(?:saddr|daddr|iif|oif|mark|\.)$/.test(w)) break;
    if (w !== '.') flags.push(w);
    next++;
  }
  const result = word(tokens, next) ?? '';
  next++;
  const text = `fib ${flags.join(' . ')} ${result}`;
  const key = `fib ${flags.join(' ')} ${result}`;
  const known = KNOWN[key];
  if (known) return { selector: { text, ...known }, next };
  return {
    selector: {
      text,
      type: 'symbol',
      read: () => ({ unknown: msg('walk.unknown.nftFib', { text }) }),
    },
    next,
  };
}

function readNumgen(tokens: Token[], i: number): { selector: Selector; next: number } | null {
  // numgen random|inc mod N [offset K]: inc counts round-robin, which over many connections is
  // the same even split as random.
  if (word(tokens, i + 2) !== 'mod') return null;
  const mod = /^\d+$/.test(word(tokens, i + 3) ?? '') ? BigInt(word(tokens, i + 3)!) : null;
  if (mod === null || mod === 0n) return null;
  let next = i + 4;
  let offset = 0n;
  if (word(tokens, next) === 'offset' && /^\d+$/.test(word(tokens, next + 1) ?? '')) {
    offset = BigInt(word(tokens, next + 1)!);
    next += 2;
  }
  const text = tokens
    .slice(i, next)
    .map((t) => (t.kind === 'word' ? t.text : ''))
    .join(' ');
  return {
    selector: {
      text,
      type: 'number',
      numgen: { mod, offset },
      read: () => ({ unknown: msg('walk.unknown.nftRandom', { text }) }),
    },
    next,
  };
}
