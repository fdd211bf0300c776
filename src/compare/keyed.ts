import type { CauseId } from '../catalog/causes';
import type { Evidence } from '../engine/types';
import type { Compared, DiffKind, Difference, Shared } from './types';

/** One node's value of a key, with the lines it was read from. */
export interface Fact {
  value: string;
  evidence: Evidence[];
  /** What counts as equal, when not the value itself (a Service compared by presence, not name). */
  same?: string;
}

export type Facts = Map<string, Fact>;

export interface KeyedRules {
  kind: DiffKind;
  /**
   * Whether a key one node has and the other lacks is a difference. False when the other paste
   * may only not show it (`sysctl KEY` prints a few keys, `lsmod | grep` a few modules).
   */
  oneSided?: (key: string, holder: 'good' | 'bad', fact: Fact) => boolean;
  /** The cause the difference is the evidence of (the bad node's side being the harmful one). */
  explain?: (key: string, good: Fact | null, bad: Fact | null) => CauseId | null;
  /** The cause a value would explain were it on the bad node only (for `Shared`). */
  wouldExplain?: (key: string, value: string) => CauseId | null;
  noise?: (key: string, good: Fact | null, bad: Fact | null) => boolean;
}

const sameOf = (f: Fact) => f.same ?? f.value;

/** Every key of either node compared: a difference where they differ, a shared fact where not. */
export function compareKeyed(
  good: Facts,
  bad: Facts,
  rules: KeyedRules,
): Pick<Compared, 'differences' | 'same'> {
  const differences: Difference[] = [];
  const same: Shared[] = [];
  const differ = (key: string, g: Fact | null, b: Fact | null) => {
    differences.push({
      kind: rules.kind,
      key,
      good: g?.value ?? null,
      bad: b?.value ?? null,
      evidence: { good: g?.evidence ?? [], bad: b?.evidence ?? [] },
      explainedBy: rules.explain?.(key, g, b) ?? null,
      noise: rules.noise?.(key, g, b) ?? false,
    });
  };
  for (const [key, g] of good) {
    const b = bad.get(key);
    if (b === undefined) {
      if (rules.oneSided?.(key, 'good', g) ?? true) differ(key, g, null);
    } else if (sameOf(g) !== sameOf(b)) differ(key, g, b);
    else
      same.push({
        kind: rules.kind,
        key,
        value: g.value,
        evidence: { good: g.evidence, bad: b.evidence },
        wouldExplain: rules.wouldExplain?.(key, g.value) ?? null,
      });
  }
  for (const [key, b] of bad)
    if (!good.has(key) && (rules.oneSided?.(key, 'bad', b) ?? true)) differ(key, null, b);
  return { differences, same };
}

/** Sets a key once: the first paste that shows it wins (a bundle repeats some outputs). */
export function put(facts: Facts, key: string, fact: Fact): void {
  if (!facts.has(key)) facts.set(key, fact);
}
