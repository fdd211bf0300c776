import type { Cited, Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import type { TcpdumpFacts, UnansweredSyn } from './facts';

const K = 'parse.tcpdump';
/** `12:00:00.000000 `, `2025-07-08 13:41:35.156734 `, `1700000000.123456 ` (-tt). */
const STAMP = /^\s*(?:\d{4}-\d\d-\d\d )?(?:\d\d:\d\d:\d\d\.\d+|\d{9,10}\.\d+)\s/;
/** `1.2.3.4.5678 > 5.6.7.8.31710: Flags [S], ...` anywhere in the line (after IP, IP6, or an -e prefix). */
const FLOW = /(?:^|\s)([0-9A-Za-z:._-]+) > ([0-9A-Za-z:._-]+): (.*)$/;
const FLAGS = /^Flags \[([^\]]*)\]/;
const BAD_CKSUM = /\bbad (?:udp |tcp )?cksum\b/;
/** tcpdump's words for ICMP "fragmentation needed" / ICMPv6 "packet too big". */
const FRAG_NEEDED = /\bunreachable - need to frag \(mtu (\d+)\)|\bICMP6, packet too big, mtu (\d+)/;
/** `ICMP 192.168.2.221 unreachable - need to frag (mtu 1400)`: the host named is the original destination. */
const FRAG_DEST = /^ICMP (\S+) unreachable - need to frag \(mtu (\d+)\)/;
/** A TCP segment's payload size, after its flags: `..., length 1348` (`: HTTP` may follow). */
const SEG_LENGTH = /, length (\d+)(?:[:\s]|$)/;
/** A data segment's first sequence number: `seq 191:1579`. */
const SEG_START = /\bseq (\d+):\d+/;
/** Data segments remembered per capture to tell a smaller re-send from new data. */
const MAX_SEGMENTS = 20_000;
/** IPv4 + TCP headers without options: a segment of L bytes fits an MTU of at least L + 40. */
const TCP_IP_HEADERS = 40;
const LISTENING = /^\s*(?:tcpdump: )?listening on (\S+?),/;
/** `-v` prints a packet's IP header on its stamped line and the flow on the next, indented. */
const VERBOSE_HEADER = /\bIP6? \((?:tos|hlim|flowlabel)\b/;
const VERBOSE_FLOW = /^\s+\S+ > \S+: /;
/** `-e` without a stamp (`-t`): `mac > mac, ethertype IPv4 (0x0800), length 143: (tos ...)`. */
const ETHER_HEADER =
  /^\s*[\da-f:]{17} > [\da-f:]{17}, ethertype IPv[46] \(0x[\da-f]+\), length \d+: \((?:tos|hlim|flowlabel)\b/i;
/** An unstamped `IP (tos ...)` header: the inner packet tcpdump decodes out of a VXLAN one. */
const INNER_HEADER = /^\s*IP6? \((?:tos|hlim|flowlabel)\b/;
/** The IP length a `-v` header gives: IPv4 `..., length 31)` (whole packet), IPv6 `payload length: 30)`. */
const IP4_LENGTH = /\(tos\b.*\blength (\d+)\)\s*$/;
const IP6_PAYLOAD = /\bpayload length: (\d+)\)\s*$/;
/** A UDP payload as a non-verbose flow line gives it: `UDP, length 3`. */
const UDP_LENGTH = /\bUDP, length (\d+)\b/;
/**
 * The smallest UDP payload that can carry a tunnelled frame: a VXLAN/Geneve header (8 bytes)
 * and the inner Ethernet header (14). A datagram to the tunnel port smaller than that is a
 * probe someone sent to the port (nc, a test script), not overlay traffic.
 */
const TUNNEL_MIN_PAYLOAD = 8 + 14;
const CAPTURED = /^\s*(\d+) packets? captured/;
const DROPPED = /^\s*(\d+) packets? dropped by kernel/;
const NOTE =
  /^\s*(?:tcpdump: |dropped privs to |\d+ packets? received by filter|\d+ packets? dropped by interface|reading from file)/;
const MAX_LINE = 4_000;
const EXAMPLES = 3;
const TOP = 10;

/** tcpdump text output → SYN / SYN-ACK / RST counts, SYNs with no answer per flow, bad checksums. */
export const tcpdump = defineParser<'tcpdump', TcpdumpFacts>({
  kind: 'tcpdump',
  detect(head, ctx) {
    let packets = 0;
    for (const l of head) {
      if (l.text.length > MAX_LINE) continue;
      if (LISTENING.test(l.text) && /link-type/.test(l.text)) return true;
      const stamped = STAMP.test(l.text);
      if (stamped && (/ > \S+: /.test(l.text) || VERBOSE_HEADER.test(l.text))) packets += 1;
      else if (!stamped && VERBOSE_FLOW.test(l.text))
        packets += 1; // the header's second line
      else if (ETHER_HEADER.test(l.text) || INNER_HEADER.test(l.text)) packets += 1;
    }
    if (packets >= 1 && packets * 2 >= head.length) return true;
    return /\btcpdump\b/.test(ctx.command ?? '') && packets >= 1;
  },
  parse(lines) {
    const problems = new ProblemList(K);
    const tcp = { syn: 0, synAck: 0, rst: 0, fin: 0 };
    let udp = 0;
    let icmp = 0;
    let packets = 0;
    const flows = new Map<string, { syns: number; answered: boolean; examples: Cited[] }>();
    const bad = {
      count: 0,
      examples: [] as Cited[],
      ports: {} as Record<string, number>,
      tooShortForTunnel: {} as Record<string, number>,
    };
    const frag = { count: 0, mtu: null as number | null, obeyed: 0, examples: [] as Cited[] };
    // need-to-frag messages waiting for the original sender to re-send the too-big data smaller
    const waiting: Waiting[] = [];
    const segments: Segment[] = [];
    const interfaces: string[] = [];
    let captured: Cited<number> | null = null;
    let dropped: Cited<number> | null = null;
    let pendingHeader = false; // a `-v` first line whose addresses come on the next line
    let headerPayload: number | null = null; // the UDP payload size that header implies
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (t.length > MAX_LINE) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const stamped = STAMP.test(t);
      if (BAD_CKSUM.test(t)) {
        bad.count += 1;
        if (bad.examples.length < EXAMPLES) bad.examples.push(cite('bad-checksum', l));
      }
      const fr = FRAG_NEEDED.exec(t);
      if (fr) {
        const mtu = Number(fr[1] ?? fr[2]);
        frag.count += 1;
        frag.mtu = Math.min(frag.mtu ?? mtu, mtu);
        if (frag.examples.length < EXAMPLES) frag.examples.push(cite('frag-needed', l));
      }
      const f = stamped || pendingHeader ? FLOW.exec(t) : null;
      if (f) {
        if (stamped || !pendingHeader) packets += 1;
        const payload = pendingHeader && !stamped ? headerPayload : null;
        pendingHeader = false;
        headerPayload = null;
        const [src, dst, rest] = [f[1]!, f[2]!, f[3]!];
        const flags = FLAGS.exec(rest)?.[1];
        if (flags !== undefined) {
          count(flags, src, dst, l, tcp, flows);
          const seg = segmentOf(src, dst, rest);
          if (seg) {
            if (waiting.length > 0) obeyed(waiting, seg, frag);
            if (segments.length < MAX_SEGMENTS) segments.push(seg);
          }
        } else if (/^ICMP\b/.test(rest)) {
          icmp += 1;
          const fd = FRAG_DEST.exec(rest);
          // The ICMP goes back to the sender of the packet that was too big.
          if (fd && waiting.length < 100) {
            const mtu = Number(fd[2]);
            // The data it refused: what the sender sent that destination too big for this MTU.
            const refused = new Set(
              segments
                .filter((g) => g.src === dst && g.dst === fd[1] && g.len + TCP_IP_HEADERS > mtu)
                .map((g) => g.key),
            );
            if (refused.size > 0) waiting.push({ mtu, refused });
          }
        } else {
          udp += 1;
          if (BAD_CKSUM.test(t)) {
            const port = portOf(dst);
            if (port) {
              bad.ports[port] = (bad.ports[port] ?? 0) + 1;
              const udpLen = UDP_LENGTH.exec(rest);
              const size = payload ?? (udpLen ? Number(udpLen[1]) : null);
              if (size !== null && size < TUNNEL_MIN_PAYLOAD)
                bad.tooShortForTunnel[port] = (bad.tooShortForTunnel[port] ?? 0) + 1;
            }
          }
        }
        continue;
      }
      if (stamped) {
        packets += 1;
        // `-v`: `12:00:00.0 IP (tos 0x0, ttl 64, ... length 60)` then the addresses indented below
        pendingHeader = /\((?:tos|hlim|flowlabel) /.test(t);
        headerPayload = pendingHeader ? udpPayloadOf(t) : null;
        if (/\bICMP\b/.test(t)) icmp += 1;
        continue;
      }
      if (ETHER_HEADER.test(t) || INNER_HEADER.test(t)) {
        // Its addresses follow on the next line; an inner packet is not one more on the wire.
        if (ETHER_HEADER.test(t)) packets += 1;
        pendingHeader = true;
        headerPayload = udpPayloadOf(t);
        continue;
      }
      const li = LISTENING.exec(t);
      if (li) {
        interfaces.push(li[1]!);
        continue;
      }
      const c = CAPTURED.exec(t);
      if (c) {
        captured = cite(Number(c[1]), l);
        continue;
      }
      const d = DROPPED.exec(t);
      if (d) {
        dropped = cite(Number(d[1]), l);
        continue;
      }
      if (NOTE.test(t)) continue;
      problems.add(l.n, 'badLine');
    }
    if (packets === 0 && !captured) return reject(msg(`${K}.noPackets`));
    const unanswered: UnansweredSyn[] = [];
    let retransmitted = 0;
    for (const [key, v] of flows) {
      if (v.syns > 1) retransmitted += 1;
      if (v.answered) continue;
      const [client, server] = key.split(' > ') as [string, string];
      unanswered.push({ client, server, syns: v.syns, examples: v.examples });
    }
    unanswered.sort((a, b) => b.syns - a.syns);
    const facts: TcpdumpFacts = {
      packets,
      tcp,
      udp,
      icmp,
      unanswered: unanswered.slice(0, TOP),
      retransmittedSyns: retransmitted,
      badChecksum: bad,
      fragNeeded: frag,
      interfaces,
      captured,
      droppedByKernel: dropped,
    };
    return accept(
      facts,
      problems.done(),
      msg(`${K}.summary`, {
        n: packets,
        syn: tcp.syn,
        synAck: tcp.synAck,
        rst: tcp.rst,
        unanswered: unanswered.length,
      }),
    );
  },
});

function count(
  flags: string,
  src: string,
  dst: string,
  l: Line,
  tcp: TcpdumpFacts['tcp'],
  flows: Map<string, { syns: number; answered: boolean; examples: Cited[] }>,
): void {
  const syn = flags.includes('S');
  const ack = flags.includes('.');
  if (flags.includes('R')) tcp.rst += 1;
  if (flags.includes('F')) tcp.fin += 1;
  if (syn && !ack) {
    tcp.syn += 1;
    const key = `${src} > ${dst}`;
    const f = flows.get(key) ?? { syns: 0, answered: false, examples: [] };
    f.syns += 1;
    if (f.examples.length < EXAMPLES) f.examples.push(cite('syn', l));
    flows.set(key, f);
  } else if (syn && ack) {
    tcp.synAck += 1;
    const f = flows.get(`${dst} > ${src}`);
    if (f) f.answered = true;
  } else if (flags.includes('R')) {
    // A RST back answers the SYN too (the port is closed, but the host is there).
    const f = flows.get(`${dst} > ${src}`);
    if (f) f.answered = true;
  }
}

/** A TCP data segment: hosts without ports, the flow and first sequence number as its key. */
interface Segment {
  src: string;
  dst: string;
  key: string;
  len: number;
}
/** A need-to-frag message: its MTU and the too-big segments (keys) it answered. */
interface Waiting {
  mtu: number;
  refused: Set<string>;
}

function segmentOf(src: string, dst: string, rest: string): Segment | null {
  const len = Number(SEG_LENGTH.exec(rest)?.[1] ?? 0);
  const start = SEG_START.exec(rest)?.[1];
  if (len === 0 || start === undefined) return null;
  return { src: hostOf(src), dst: hostOf(dst), key: `${src}>${dst}@${start}`, len };
}

/**
 * The sender re-sends data it had sent too big (same flow, same first sequence number) in a
 * segment that fits the MTU it was told: the message arrived and was acted on. A small segment
 * of new data proves nothing (it would have fit anyway). Each message counts once.
 */
function obeyed(waiting: Waiting[], seg: Segment, frag: { obeyed: number }): void {
  for (let i = waiting.length - 1; i >= 0; i--) {
    const w = waiting[i]!;
    if (!w.refused.has(seg.key) || seg.len + TCP_IP_HEADERS > w.mtu) continue;
    waiting.splice(i, 1);
    frag.obeyed += 1;
  }
}

/** `10.0.0.1.80` → `10.0.0.1`; an address without a port stays as it is. */
function hostOf(addr: string): string {
  return /^\d+\.\d+\.\d+\.\d+\.[0-9A-Za-z-]+$/.test(addr) ? addr.replace(/\.[^.]+$/, '') : addr;
}

/**
 * The UDP payload size a `-v` header line implies, at most: IPv4 total length less the IP and
 * UDP headers (options would only make it smaller), IPv6 payload length less the UDP header.
 * Null when the header is not a UDP one or gives no length.
 */
function udpPayloadOf(header: string): number | null {
  if (!/\bUDP \(17\)/.test(header)) return null;
  const v4 = IP4_LENGTH.exec(header);
  if (v4) return Number(v4[1]) - 20 - 8;
  const v6 = IP6_PAYLOAD.exec(header);
  return v6 ? Number(v6[1]) - 8 : null;
}

/** `10.0.0.1.8472` → `8472`; `[::1].80`/`::1.80` → `80`. */
function portOf(addr: string): string | null {
  const m = /\.([0-9A-Za-z-]+)$/.exec(addr);
  return m ? m[1]! : null;
}
