import { cite, type RuleContext } from '../rule';
import type { Cited, Evidence } from '../../engine/types';

/** One sysctl value as a paste showed it. */
export interface SysctlValue {
  source: string;
  key: string;
  /** The value as printed (`1`, `1024 65535`). */
  raw: string;
  /** The value as a number, or NaN. */
  n: number;
  evidence: Evidence;
}

/** Every value of `key` across the sysctl pastes, in paste order. */
export function sysctlValues(ctx: RuleContext, key: string): SysctlValue[] {
  const out: SysctlValue[] = [];
  for (const { source, facts } of ctx.of('sysctl')) {
    const v = facts.values[key];
    if (v) out.push(valueOf(source, key, v));
  }
  return out;
}

/** The first value of any of `keys` (older kernels name some knobs differently). */
export function sysctlFirst(ctx: RuleContext, ...keys: string[]): SysctlValue | null {
  for (const key of keys) {
    const v = sysctlValues(ctx, key)[0];
    if (v) return v;
  }
  return null;
}

/** Keys the tool said do not exist (`cannot stat /proc/sys/...`), with the line that said so. */
export function sysctlMissing(ctx: RuleContext, key: string): Evidence | null {
  for (const { source, facts } of ctx.of('sysctl')) {
    const m = facts.missing[key];
    if (m) return cite(source, m);
  }
  return null;
}

/** Every key of the sysctl pastes that matches `re`, with its value. */
export function sysctlMatching(ctx: RuleContext, re: RegExp): SysctlValue[] {
  const out: SysctlValue[] = [];
  for (const { source, facts } of ctx.of('sysctl')) {
    for (const [key, v] of Object.entries(facts.values))
      if (re.test(key)) out.push(valueOf(source, key, v));
  }
  return out;
}

function valueOf(source: string, key: string, v: Cited): SysctlValue {
  const raw = v.value.trim();
  return {
    source,
    key,
    raw,
    n: /^-?\d+$/.test(raw) ? Number(raw) : NaN,
    evidence: cite(source, v),
  };
}
