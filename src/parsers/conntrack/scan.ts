import type { Cited, Line } from '../../engine/types';
import { IntCounter } from '../node-shared/int-counter';
import { topN, type Counted } from '../node-shared/util';

/** TCP states as conntrack prints them. */
export const TCP_STATES = [
  'ESTABLISHED',
  'TIME_WAIT',
  'CLOSE_WAIT',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT',
  'LAST_ACK',
  'CLOSE',
  'LISTEN',
  'SYN_SENT2',
  'NONE',
] as const;
export const PROTOCOLS = [
  'tcp',
  'udp',
  'icmp',
  'icmpv6',
  'sctp',
  'dccp',
  'gre',
  'udplite',
  'unknown',
];
const STATE_CODES = TCP_STATES.map(codes);
const PROTO_CODES = PROTOCOLS.map(codes);
const UNREPLIED = codes('[UNREPLIED]');
const SRC = codes('src=');
const DST = codes('dst=');
const SPORT = codes('sport=');
const DPORT = codes('dport=');
const EXAMPLES = 3;
const TOP = 10;
const SP = 32;
/** Longest line read; longer ones are not conntrack entries. */
export const MAX_ENTRY = 4096;

/**
 * Accumulates one summary over many entry lines. Hot path of a 250,000-line paste: each line
 * is read as bytes, either copied into a buffer (TextEncoder.encodeInto: one native call, since
 * reading characters one by one off the substrings a split makes is several times slower) or
 * straight from the paste's own bytes (`./bytes.ts`). No regex, no object per entry; IPv4
 * addresses are counted as numbers, ports in a typed array.
 */
export class ConntrackScan {
  total = 0;
  unreplied = 0;
  proc = false;
  odd = false;
  private readonly buf = new Uint8Array(MAX_ENTRY * 3);
  private readonly encoder = new TextEncoder();
  private readonly stateCounts = new Int32Array(TCP_STATES.length);
  private readonly protoCounts = new Int32Array(PROTOCOLS.length);
  private readonly otherStates = new Map<string, number>();
  private readonly stateExamples: Cited[][] = TCP_STATES.map(() => []);
  private readonly protoExamples: Cited[][] = PROTOCOLS.map(() => []);
  private readonly otherExamples = new Map<string, Cited[]>();
  private readonly src4 = new IntCounter();
  private readonly dst4 = new IntCounter();
  private readonly srcOther = new Map<string, number>();
  private readonly dstOther = new Map<string, number>();
  private readonly ports = new Int32Array(65536);

  /** Reads one entry; false when the line is not a conntrack entry. */
  add(l: Line): boolean {
    const t = l.text;
    if (t.length > MAX_ENTRY) return false;
    const n = this.encoder.encodeInto(t, this.buf).written;
    return this.addBytes(this.buf, 0, n, l.n, t);
  }

  /**
   * The same for an entry already in bytes, b[start, n): line `lineNo`, whose text (for the
   * few example lines kept) is `text`, or decoded from the bytes when null. Afterwards `odd`
   * says whether a byte it read was not printable ASCII (see `./bytes.ts`).
   */
  addBytes(b: Uint8Array, start: number, n: number, lineNo: number, text: string | null): boolean {
    oddByte = false;
    const entry = this.read(b, start, n, lineNo, text);
    this.odd = oddByte;
    return entry;
  }

  private read(b: Uint8Array, start: number, n: number, lineNo: number, text: string | null) {
    let p = skip(b, start, n);
    let e = word(b, p, n);
    let proto = find(PROTO_CODES, b, p, e);
    let proc = false;
    if (proto < 0 && e - p === 4 && b[p] === 105 && b[p + 1] === 112 && b[p + 2] === 118) {
      // /proc/net/nf_conntrack: `ipv4     2 tcp      6 ...`
      p = skip(b, e, n);
      e = word(b, p, n);
      if (!isDigit(b[p]!)) return false;
      p = skip(b, e, n);
      e = word(b, p, n);
      proto = find(PROTO_CODES, b, p, e);
      proc = true;
    }
    if (proto < 0) return false;
    // protocol number, then the timeout
    for (let k = 0; k < 2; k++) {
      p = skip(b, e, n);
      e = word(b, p, n);
      if (!isDigit(b[p]!)) return false;
    }
    p = skip(b, e, n);
    // TCP state (other protocols are counted by their name)
    let state = -1;
    let other: string | null = null;
    if (!isKey(SRC, b, p, n)) {
      e = word(b, p, n);
      if (proto === 0) {
        state = find(STATE_CODES, b, p, e);
        if (state < 0) other = decode(b, p, e);
      }
      p = skip(b, e, n);
      while (p < n && !isKey(SRC, b, p, n)) p = skip(b, word(b, p, n), n);
      if (p >= n) return false;
    }
    // original tuple: src= dst= [sport= dport=]
    const srcEnd = count(b, p + 4, n, this.src4, this.srcOther);
    let d = srcEnd + 1;
    while (d < n && !isKey(DST, b, d, n)) d = skip(b, word(b, d, n), n);
    if (d >= n) return false;
    let q = count(b, d + 4, n, this.dst4, this.dstOther) + 1;
    if (isKey(SPORT, b, q, n)) {
      q = word(b, q, n) + 1;
      if (isKey(DPORT, b, q, n)) {
        let port = 0;
        let i = q + 6;
        for (; i < n && i < q + 11 && isDigit(b[i]!); i++) port = port * 10 + (b[i]! - 48);
        if (i > q + 6 && port < 65536) this.ports[port]! += 1;
        if (i < n && b[i] !== SP && !isPrintable(b[i]!)) oddByte = true; // skipped below
        q = i + 1;
      }
    }
    // `[UNREPLIED]` comes right before the reply tuple (after counters or zones, when shown).
    while (q < n && b[q] !== 91 && !isKey(SRC, b, q, n)) q = skip(b, word(b, q, n), n);
    if (q < n && b[q] === 91 && same(UNREPLIED, b, q, word(b, q, n))) this.unreplied += 1;

    if (proc) this.proc = true;
    this.total += 1;
    this.protoCounts[proto]! += 1;
    let examples: Cited[];
    let key: string;
    if (state >= 0) {
      this.stateCounts[state]! += 1;
      examples = this.stateExamples[state]!;
      key = TCP_STATES[state]!;
    } else if (other !== null) {
      this.otherStates.set(other, (this.otherStates.get(other) ?? 0) + 1);
      key = other;
      examples = this.otherExamples.get(other) ?? [];
      this.otherExamples.set(other, examples);
    } else {
      examples = this.protoExamples[proto]!;
      key = PROTOCOLS[proto]!;
    }
    if (examples.length < EXAMPLES)
      examples.push({ value: key, line: lineNo, text: text ?? decode(b, start, n) });
    return true;
  }

  /** TCP entries by state, then other protocols by name. */
  states(): Record<string, number> {
    const out: Record<string, number> = {};
    let tcp = this.protoCounts[0]!;
    TCP_STATES.forEach((s, i) => {
      if (this.stateCounts[i]) out[s] = this.stateCounts[i]!;
      tcp -= this.stateCounts[i]!;
    });
    for (const [s, n] of this.otherStates) {
      out[s] = n;
      tcp -= n;
    }
    if (tcp > 0) out.tcp = tcp; // TCP entries without a state: conntrack never prints them
    PROTOCOLS.forEach((p, i) => {
      if (i > 0 && this.protoCounts[i]) out[p] = this.protoCounts[i]!;
    });
    return out;
  }

  protocols(): Record<string, number> {
    const out: Record<string, number> = {};
    PROTOCOLS.forEach((p, i) => {
      if (this.protoCounts[i]) out[p] = this.protoCounts[i]!;
    });
    return out;
  }

  exampleLines(): Record<string, Cited[]> {
    const out: Record<string, Cited[]> = {};
    const all = [...this.stateExamples, ...this.otherExamples.values(), ...this.protoExamples];
    for (const ex of all) if (ex.length > 0) out[ex[0]!.value] = ex;
    return out;
  }

  topSources(): Counted[] {
    return merged(this.src4, this.srcOther);
  }

  topDestinations(): Counted[] {
    return merged(this.dst4, this.dstOther);
  }

  topPorts(): Counted[] {
    const m = new Map<number, number>();
    for (let i = 0; i < 65536; i++) if (this.ports[i]) m.set(i, this.ports[i]!);
    return topN(m, TOP, String);
  }
}

function merged(v4: IntCounter, other: Map<string, number>): Counted[] {
  const all = [...topN(v4.entries(), TOP, ipv4Name), ...topN(other, TOP, (s) => s)];
  return all.sort((a, b) => b.count - a.count).slice(0, TOP);
}

function codes(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

const isDigit = (c: number) => c >= 48 && c <= 57;

function skip(b: Uint8Array, from: number, n: number): number {
  let p = from;
  while (p < n && b[p] === SP) p++;
  return p;
}

/**
 * Set by `word` when it steps over a byte that is not printable ASCII (a control character the
 * line cleaner would remove, UTF-8): reading bytes, not cleaned lines, those must not count.
 */
let oddByte = false;

const isPrintable = (c: number) => c > SP && c < 127;

/** End of the word starting at `from`: the next blank, or the end of the line. */
function word(b: Uint8Array, from: number, n: number): number {
  let p = from;
  let odd = false;
  for (; p < n; p++) {
    const c = b[p]!;
    if (c === SP) break;
    if (!isPrintable(c)) odd = true;
  }
  if (odd) oddByte = true;
  return p;
}

/** Is b[p, e) exactly `want`? */
function same(want: number[], b: Uint8Array, p: number, e: number): boolean {
  if (e - p !== want.length) return false;
  for (let i = 0; i < want.length; i++) if (b[p + i] !== want[i]) return false;
  return true;
}

/** Index of the word b[p, e) in `table`, or -1. */
function find(table: number[][], b: Uint8Array, p: number, e: number): number {
  for (let i = 0; i < table.length; i++) if (same(table[i]!, b, p, e)) return i;
  return -1;
}

/** Is `key` (`src=`, `sport=`...) at b[p], before n? */
function isKey(key: number[], b: Uint8Array, p: number, n: number): boolean {
  if (p + key.length > n) return false;
  for (let i = 0; i < key.length; i++) if (b[p + i] !== key[i]) return false;
  return true;
}

const decoder = new TextDecoder();

function decode(b: Uint8Array, p: number, e: number): string {
  return decoder.decode(b.subarray(p, e));
}

/**
 * Counts the address starting at `from` (up to the next blank): IPv4 as a number, anything
 * else (IPv6) as a string. Returns where it ends.
 */
function count(
  b: Uint8Array,
  from: number,
  n: number,
  v4: IntCounter,
  other: Map<string, number>,
): number {
  let ip = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  let i = from;
  for (; i < n; i++) {
    const c = b[i]!;
    if (c === 46 && digits > 0 && dots < 3) {
      ip = (ip << 8) | part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48);
      digits++;
    } else break;
  }
  if ((i === n || b[i] === SP) && dots === 3 && digits > 0 && part <= 255) {
    v4.add((ip << 8) | part);
    return i;
  }
  i = word(b, i, n);
  if (i > from) {
    const s = decode(b, from, i);
    other.set(s, (other.get(s) ?? 0) + 1);
  }
  return i;
}

function ipv4Name(ip: number): string {
  return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}
