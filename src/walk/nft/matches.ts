import type { Match, MatchResult, PacketState } from '../program';
import type { Read, Selector } from './selectors';
import { ElementIndex, type Found } from './sets';
import { bounds, readLiteral, type ValueType } from './values';
import { about, msg, type Msg } from '../msg';

/** `& 0x4000`, `| 0x1`, `>> 8` applied to what a selector read. */
export interface Binop {
  op: '&' | '|' | '^' | '<<' | '>>';
  operand: bigint;
}

/** The left side of a relation: concatenated selectors, each with its bit operations. */
export interface Key {
  parts: { selector: Selector; binops: Binop[] }[];
  text: string;
}

/** Where the right side's values come from: a written literal, `{ … }` or `@set`. */
export type Source = { index: ElementIndex } | { missing: Msg };

export function keyTypes(key: Key): ValueType[] {
  return key.parts.map((p) =>
    p.binops.length > 0 && p.selector.type !== 'tcpflags' ? 'number' : p.selector.type,
  );
}

export function readKey(key: Key, p: PacketState): Read[] {
  return key.parts.map(({ selector, binops }) => {
    const r = selector.read(p);
    if (!('value' in r) || binops.length === 0) return r;
    if (typeof r.value !== 'bigint')
      return { unknown: msg('walk.unknown.nftNotNumber', { text: selector.text }) };
    return { value: applyBinops(r.value, binops) };
  });
}

/** Bit operations in order, on a 32-bit register as nft's are. */
export function applyBinops(v: bigint, binops: readonly Binop[]): bigint {
  return binops.reduce(apply, v);
}

function apply(v: bigint, b: Binop): bigint {
  const mask = 0xffffffffn;
  switch (b.op) {
    case '&':
      return v & b.operand;
    case '|':
      return (v | b.operand) & mask;
    case '^':
      return (v ^ b.operand) & mask;
    case '<<':
      return (v << b.operand) & mask;
    case '>>':
      return v >> b.operand;
  }
}

export function lookup(source: Source, key: Key, p: PacketState): Found {
  if ('missing' in source) {
    // The packet may not even reach the lookup (`tcp dport` of a udp packet).
    const reads = readKey(key, p);
    if (reads.some((r) => 'absent' in r)) return null;
    return { unknown: source.missing };
  }
  return source.index.lookup(readKey(key, p));
}

export type Operator = '==' | '!=' | '<' | '>' | '<=' | '>=';

/** `ip daddr != 10.0.0.0/8`, `tcp dport { 80, 443 }`, `ip daddr @cluster-ips`, `meta mark & 0x4000 == 0`. */
export function relation(key: Key, op: Operator, source: Source, text: string): Match {
  const numgen = key.parts.length === 1 ? key.parts[0]!.selector.numgen : undefined;
  if (numgen && 'index' in source) return numgenMatch(numgen, op, source.index, text);
  return {
    text,
    test(p): MatchResult {
      const found = lookup(source, key, p);
      if (found !== null && 'unknown' in found) return found;
      if (found === null && readKey(key, p).some((r) => 'absent' in r)) return false;
      return op === '!=' ? found === null : found !== null;
    },
  };
}

/** `meta mark > 0x10`, `th dport < 1024`: one number against one number. */
export function comparison(key: Key, op: Operator, literal: string, text: string): Match {
  const spec = readLiteral(literal, 'number')?.[0];
  const limit = spec ? bounds(spec) : null;
  return {
    text,
    test(p): MatchResult {
      const [r] = readKey(key, p);
      if (!r || 'absent' in r) return false;
      if ('unknown' in r) return r;
      if (!limit || typeof r.value !== 'bigint')
        return { unknown: msg('walk.unknown.nftCompare', { text }) };
      const v = r.value;
      const n = limit.lo;
      return op === '<' ? v < n : op === '>' ? v > n : op === '<=' ? v <= n : v >= n;
    },
  };
}

/** `numgen random mod 4 0-1`: matches with the share of the numbers it names. */
function numgenMatch(
  numgen: { mod: bigint; offset: bigint },
  op: Operator,
  index: ElementIndex,
  text: string,
): Match {
  return {
    text,
    test(): MatchResult {
      let hits = 0;
      for (let n = 0n; n < numgen.mod; n++) {
        const found = index.lookup([{ value: n + numgen.offset }]);
        if (found !== null && 'unknown' in found) return found;
        if (found !== null) hits++;
      }
      const share = hits / Number(numgen.mod);
      const probability = op === '!=' ? 1 - share : share;
      return probability === 1 ? true : probability === 0 ? false : { probability };
    },
  };
}

/** iptables-nft's statistic match: `meta random & 2147483647 < 1073741824` is a 50 % chance. */
export function randomMatch(mask: bigint, threshold: bigint, text: string): Match {
  const share = Math.min(Number(threshold), Number(mask) + 1) / (Number(mask) + 1);
  return {
    text,
    test: () => (share >= 1 ? true : share <= 0 ? false : { probability: share }),
  };
}

/** A statement the walk cannot decide: it answers unknown with its own text. */
export function unknownMatch(text: string, why: Msg): Match {
  return { text, test: () => ({ unknown: about(why, text) }) };
}
