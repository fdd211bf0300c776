import { cite, type Side } from './side';
import { compareKeyed, put, type Fact, type Facts } from './keyed';
import { SYSCTL_NOISE, sysctlCause } from './sysctl-table';
import type { Compared } from './types';

/** A `sysctl -a` prints hundreds of keys; fewer means `sysctl KEY...`, which shows only some. */
const FULL_LISTING = 200;

interface Read {
  facts: Facts;
  full: boolean;
}

/**
 * The running values. A sysctl.conf paste says what boot sets, not what runs: its values are
 * left out, but its `cannot stat` lines (`sysctl -p` on a kernel without the key) are the kernel's.
 */
function read(side: Side): Read {
  const facts: Facts = new Map();
  let full = false;
  for (const { source, facts: f } of side.of('sysctl')) {
    const keys = f.file ? [] : Object.keys(f.values);
    if (keys.length >= FULL_LISTING) full = true;
    for (const key of keys) {
      const v = f.values[key]!;
      put(facts, key, { value: v.value.trim().replace(/\s+/g, ' '), evidence: [cite(source, v)] });
    }
    for (const [key, m] of Object.entries(f.missing))
      put(facts, key, { value: 'missing', evidence: [cite(source, m)] });
  }
  return { facts, full };
}

const ABSENT: Fact = { value: 'missing', evidence: [] };

const harmful = (key: string, f: Fact | null, other: Fact | null) =>
  f !== null && (sysctlCause(key)?.harmful(f.value, other?.value ?? null) ?? false);

/** Keys whose values differ, and keys one node has (when the other's listing is whole). */
export function compareSysctl(good: Side, bad: Side): Compared {
  const g = read(good);
  const b = read(bad);
  const { differences, same } = compareKeyed(g.facts, b.facts, {
    kind: 'sysctl',
    oneSided: (_key, holder) => (holder === 'good' ? b.full : g.full),
    explain: (key, gf, bf) => {
      // A key a whole listing lacks is a knob the kernel does not have there (br_netfilter not
      // loaded leaves no net.bridge.* at all): judged as `missing`, as `sysctl -p` reports it.
      const gv = gf ?? (g.full ? ABSENT : null);
      const bv = bf ?? (b.full ? ABSENT : null);
      return harmful(key, bv, gv) && !harmful(key, gv, bv)
        ? (sysctlCause(key)?.cause ?? null)
        : null;
    },
    wouldExplain: (key, value) =>
      sysctlCause(key)?.harmful(value, null) ? sysctlCause(key)!.cause : null,
    noise: (key) => SYSCTL_NOISE.some((re) => re.test(key)),
  });
  return { differences, same, present: { good: g.facts.size > 0, bad: b.facts.size > 0 } };
}
