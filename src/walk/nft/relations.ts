import { unknownAction, verdictMap } from './actions';
import type { RuleContext } from './context';
import { action, match, NUMBER, type Cursor, type Item } from './cursor';
import {
  comparison,
  keyTypes,
  randomMatch,
  relation,
  unknownMatch,
  type Key,
  type Operator,
  type Source,
} from './matches';
import { readSelector } from './selectors';
import { ElementIndex } from './sets';
import { splitElements, tokenText, type WrittenElement } from './tokens';
import { tcpFlagBits } from './values';
import { msg } from '../msg';

const OPERATORS: Record<string, Operator> = {
  '==': '==',
  eq: '==',
  '!=': '!=',
  ne: '!=',
  '<': '<',
  lt: '<',
  '>': '>',
  gt: '>',
  '<=': '<=',
  le: '<=',
  '>=': '>=',
  ge: '>=',
};

// Header fields that may be rewritten without changing what the walk follows.
const HARMLESS_SET =
  /^(?:meta (?:nftrace|priority|secmark)|ip (?:dscp|ecn|ttl)|ip6 (?:dscp|ecn|hoplimit|flowlabel)|ct (?:helper|zone|label|expectation|timeout)|tcp option maxseg size)$/;

/** Concatenated selectors with their bit operations: `ip daddr . meta l4proto . th dport`. */
export function readKey(c: Cursor): Key | null {
  const from = c.i;
  const parts: Key['parts'] = [];
  for (;;) {
    const s = readSelector(c.tokens, c.i);
    if (!s) return null;
    c.i = s.next;
    parts.push({ selector: s.selector, binops: c.binops() });
    if (c.word() !== '.') break;
    c.i++;
  }
  return { parts, text: c.text(from) };
}

/** The right side: `@set`, `{ … }`, or a written value (`10.0.0.1 . 80` for a concatenation). */
export function readSource(c: Cursor, key: Key, ctx: RuleContext): Source | null {
  const t = c.tokens[c.i];
  if (!t) return null;
  const types = keyTypes(key);
  if (t.kind === 'word' && t.text.startsWith('@')) {
    c.i++;
    return ctx.set(t.text.slice(1), types);
  }
  if (t.kind === 'group' && t.open === '{') {
    c.i++;
    return { index: new ElementIndex(splitElements(t.inner), types) };
  }
  if (t.kind === 'group') return null;
  const parts = [t.kind === 'string' ? t.raw : t.text];
  c.i++;
  while (parts.length < types.length && c.word() === '.' && c.tokens[c.i + 1]) {
    parts.push(tokenText(c.tokens[c.i + 1]!));
    c.i += 2;
  }
  const element: WrittenElement = { parts, value: null, text: parts.join(' . ') };
  return { index: new ElementIndex([element], types) };
}

/** What follows a key: a verdict map, a field rewrite (`… set …`), or a relation to a value. */
export function relationOrMap(c: Cursor, key: Key, from: number, ctx: RuleContext): Item {
  const next = c.word();
  if (next === 'vmap') {
    c.i++;
    const source = readSource(c, key, ctx);
    if (!source) return c.unknownAction(msg('walk.unknown.nftVmap'), from);
    return action(verdictMap(key, source, c.text(from), ctx));
  }
  if (next === 'set') {
    // `ip dscp set cs1`, `meta priority set 1:2`, `… size set rt mtu`: the value, its bit operations.
    c.i += c.word(c.i + 1) === 'rt' ? 3 : 2;
    c.binops();
    const text = c.text(from);
    return HARMLESS_SET.test(key.text)
      ? action({ kind: 'continue', text }, true)
      : action(unknownAction(text, msg('walk.unknown.nftRewrite')));
  }
  const op = OPERATORS[next ?? ''];
  if (op) c.i++;
  const part = key.parts[0]!;
  if (part.selector.type === 'tcpflags' && key.parts.length === 1) {
    const flags = tcpFlagsRelation(c, key, op, from);
    if (flags) return flags;
  }
  if (part.selector.random && key.parts.length === 1 && op === '<') {
    const only = part.binops.length === 1 ? part.binops[0]! : null;
    const mask = only && only.op === '&' ? only.operand : 0xffffffffn;
    const limit = NUMBER.test(c.word() ?? '') ? BigInt(c.word()!) : null;
    c.i++;
    const text = c.text(from);
    return match(
      limit === null
        ? unknownMatch(text, msg('walk.unknown.nftUnread'))
        : randomMatch(mask, limit, text),
    );
  }
  if (op && op !== '==' && op !== '!=') {
    const literal = c.word() ?? '';
    c.i++;
    return match(comparison(key, op, literal, c.text(from)));
  }
  const source = readSource(c, key, ctx);
  const text = c.text(from);
  return match(
    source
      ? relation(key, op ?? '==', source, text)
      : unknownMatch(text, msg('walk.unknown.nftValue')),
  );
}

/**
 * `tcp flags syn` (any of the bits set), `tcp flags syn / fin,syn,rst,ack` (the masked bits
 * equal): rewritten as the bit operation nft evaluates; null for the plain forms, read as usual.
 */
function tcpFlagsRelation(
  c: Cursor,
  key: Key,
  op: Operator | undefined,
  from: number,
): Item | null {
  const value = c.tokens[c.i];
  const bits = value && value.kind !== 'string' ? tcpFlagBits(tokenText(value)) : null;
  if (bits === null) return null;
  const masked = c.word(c.i + 1) === '/';
  const mask = masked ? tcpFlagBits(c.word(c.i + 2) ?? '') : null;
  if (masked && mask !== null) {
    c.i += 3;
    const k = withMask(key, mask);
    return match(relation(k, op ?? '==', literal(k, bits), c.text(from)));
  }
  if (op || key.parts[0]!.binops.length > 0) return null;
  c.i++;
  const k = withMask(key, bits);
  return match(relation(k, '!=', literal(k, 0n), c.text(from)));
}

function withMask(key: Key, mask: bigint): Key {
  const part = key.parts[0]!;
  return { ...key, parts: [{ ...part, binops: [...part.binops, { op: '&', operand: mask }] }] };
}

function literal(key: Key, bits: bigint): Source {
  const element: WrittenElement = { parts: [bits.toString()], value: null, text: bits.toString() };
  return { index: new ElementIndex([element], keyTypes(key)) };
}
