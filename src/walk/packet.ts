import { addrBits, splitHostPort } from './addr';
import type { Packet, WalkProto } from './types';

/**
 * Reads a packet as the operator writes it: `tcp 192.168.1.20:40000 -> 10.0.0.5:31610`,
 * `udp 10.244.1.3:5353 -> 10.96.0.10:53`, `icmp 10.0.0.1 -> 10.0.0.2`; `→` and `>` also
 * separate. A missing source port is taken as 40000 (any ephemeral port walks the same rules).
 * Returns null when it is not a packet.
 */
export function parsePacket(
  text: string,
  opts: { inIface?: string | null; local?: boolean; ctstate?: Packet['ctstate'] } = {},
): Packet | null {
  const m = /^\s*(tcp|udp|sctp|icmp)\s+(\S+)\s*(?:->|→|>)\s*(\S+)\s*$/i.exec(text);
  if (!m) return null;
  const proto = m[1]!.toLowerCase() as WalkProto;
  const src = splitHostPort(m[2]!);
  const dst = splitHostPort(m[3]!);
  if (!src || !dst) return null;
  if (addrBits(src.address)!.width !== addrBits(dst.address)!.width) return null;
  const ported = proto !== 'icmp';
  if (ported && dst.port === null) return null;
  return {
    proto,
    src: src.address,
    sport: ported ? (src.port ?? 40000) : null,
    dst: dst.address,
    dport: ported ? dst.port : null,
    inIface: opts.inIface ?? null,
    local: opts.local ?? false,
    ctstate: opts.ctstate ?? 'NEW',
  };
}

/** The packet written back in the form `parsePacket` reads. */
export function packetText(p: Packet): string {
  const hp = (a: string, port: number | null) => {
    const host = a.includes(':') ? `[${a}]` : a;
    return port === null ? host : `${host}:${port}`;
  };
  return `${p.proto} ${hp(p.src, p.sport)} -> ${hp(p.dst, p.dport)}`;
}
