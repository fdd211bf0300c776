import type { Cited, Line, Problem } from '../../engine/types';
import { msg } from '../define';

/** A value and how often it was seen. */
export interface Counted {
  value: string;
  count: number;
}

export const MAX_PROBLEMS = 50;

/** At most MAX_PROBLEMS problems, then one line saying how many more (`<prefix>.moreProblems`). */
export function capped(problems: Problem[], prefix: string, total = problems.length): Problem[] {
  if (total <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { msg: msg(`${prefix}.moreProblems`, { n: total - MAX_PROBLEMS }) },
  ];
}

/** Collects problems without keeping more than needed, however many lines are bad. */
export class ProblemList {
  readonly list: Problem[] = [];
  total = 0;
  constructor(private readonly prefix: string) {}
  add(line: number | undefined, key: string, params?: Record<string, string | number>): void {
    this.total += 1;
    if (this.list.length < MAX_PROBLEMS)
      this.list.push({
        ...(line === undefined ? {} : { line }),
        msg: msg(`${this.prefix}.${key}`, params),
      });
  }
  done(): Problem[] {
    return capped(this.list, this.prefix, this.total);
  }
}

export function cite<T>(value: T, l: Line): Cited<T> {
  return { value, line: l.n, text: l.text };
}

/** The `n` most frequent keys, most frequent first (ties: the key first seen wins). O(size * n). */
export function topN<K>(
  counts: Iterable<[K, number]>,
  n: number,
  name: (k: K) => string,
): Counted[] {
  const best: { key: K; count: number }[] = [];
  for (const [key, count] of counts) {
    if (best.length === n && count <= best[n - 1]!.count) continue;
    let i = best.length;
    while (i > 0 && best[i - 1]!.count < count) i--;
    best.splice(i, 0, { key, count });
    if (best.length > n) best.pop();
  }
  return best.map((b) => ({ value: name(b.key), count: b.count }));
}

/**
 * A line where the author left output out: `...`, `……`, `………………` (Chinese ellipses, U+2026),
 * `。。。`, `[...]`, `(...)`. No tool prints one on a line of its own.
 */
const ELIDED = /^\s*(?:\[\s*(?:\.{3,}|…+)\s*\]|\(\s*(?:\.{3,}|…+)\s*\)|\.{3,}|…+|。{3,})\s*$/;

export function isElided(text: string): boolean {
  return text.length < 200 && ELIDED.test(text);
}

/** Non-empty lines, trimmed of trailing blanks, with their line numbers. */
export function content(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) if (l.text.trim() !== '') out.push(l);
  return out;
}
