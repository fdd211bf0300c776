import { unknownAction } from './actions';
import { action, NUMBER, type Cursor, type Item } from './cursor';
import { applyBinops } from './matches';
import { readSelector } from './selectors';
import { msg } from '../msg';

/**
 * `meta mark set meta mark | 0x4000`, `mark set mark or 0x4000`, `ct mark set 0x1`: the new mark
 * from a number or the mark itself, through bit operations. A mark taken from elsewhere (`meta
 * mark set ct mark`) is not one the walk can compute.
 */
export function readMarkSet(c: Cursor, target: 'packet' | 'conntrack', words: number): Item {
  const from = c.i;
  c.i += words;
  const self = target === 'packet' ? /^(?:meta mark|mark)$/ : /^ct mark$/;
  let base: 'self' | bigint | null = null;
  const w = c.word();
  if (w !== null && NUMBER.test(w)) {
    base = BigInt(w);
    c.i++;
  } else {
    const s = readSelector(c.tokens, c.i);
    if (s && self.test(s.selector.text)) base = 'self';
    c.i = s ? s.next : c.i + 1;
  }
  const binops = c.binops();
  const text = c.text(from);
  if (base === null) return action(unknownAction(text, msg('walk.unknown.nftMarkValue')));
  const start = base;
  return action({
    kind: 'mark',
    target,
    text,
    set: (mark) =>
      Number(applyBinops(start === 'self' ? BigInt(mark >>> 0) : start, binops) & 0xffffffffn),
  });
}
