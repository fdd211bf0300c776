import { cite, type RuleContext } from '../rule';
import type { Evidence } from '../../engine/types';

export interface KernelVersion {
  major: number;
  minor: number;
  release: string;
  evidence: Evidence;
}

/** The node's kernel, from `uname` (first) or the kernel log's `Linux version` line. */
export function kernelOf(ctx: RuleContext): KernelVersion | null {
  for (const { source, facts } of ctx.of('uname')) {
    const { major, minor } = facts.version;
    return { major, minor, release: facts.release.value, evidence: cite(source, facts.release) };
  }
  for (const { source, facts } of ctx.of('kernel-log')) {
    const m = facts.kernel ? /^(\d+)\.(\d+)/.exec(facts.kernel.value) : null;
    if (facts.kernel && m)
      return {
        major: Number(m[1]),
        minor: Number(m[2]),
        release: facts.kernel.value,
        evidence: cite(source, facts.kernel),
      };
  }
  return null;
}

/** True when `k` is older than `major.minor`. */
export const olderThan = (k: KernelVersion, major: number, minor: number): boolean =>
  k.major < major || (k.major === major && k.minor < minor);
