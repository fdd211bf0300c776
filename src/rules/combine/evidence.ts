import type { Evidence } from '../../engine/types';

/** Evidence lines without repeats (the same line of the same paste cited twice). */
export function unique(lines: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return lines.filter((e) => {
    const k = `${e.source}\u0000${e.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
