import type { CauseId } from '../catalog/causes';
import type { Evidence } from '../engine/types';
import { cite, type Side } from './side';
import { compareKeyed, type Fact, type Facts } from './keyed';
import type { Compared } from './types';

const COUNT_KEYS = ['net.netfilter.nf_conntrack_count', 'net.ipv4.netfilter.ip_conntrack_count'];
const MAX_KEYS = [
  'net.netfilter.nf_conntrack_max',
  'net.nf_conntrack_max',
  'net.ipv4.netfilter.ip_conntrack_max',
];

/** `conntrack -S` counters that only a failing table makes non-zero, and what they show. */
const COUNTERS: Record<string, CauseId> = {
  drop: 'conntrack-table-full',
  early_drop: 'conntrack-table-full',
  insert_failed: 'conntrack-snat-race',
  invalid: 'conntrack-invalid-rst',
};

/** Fill levels: two healthy nodes' counts differ, their level does not. */
const level = (ratio: number) => (ratio >= 0.9 ? 'full' : ratio >= 0.5 ? 'high' : 'low');

interface Count {
  n: number;
  evidence: Evidence;
}

function firstSysctl(side: Side, keys: string[]): Count | null {
  for (const { source, facts } of side.of('sysctl'))
    for (const k of keys) {
      const v = facts.values[k];
      if (v && /^\d+$/.test(v.value.trim()))
        return { n: Number(v.value.trim()), evidence: cite(source, v) };
    }
  return null;
}

/** The table's entries: the sysctl count, else `conntrack -S`'s entries, else a dump's total. */
function entries(side: Side): Count | null {
  const sysctl = firstSysctl(side, COUNT_KEYS);
  if (sysctl) return sysctl;
  for (const { source, facts } of side.of('conntrack-S')) {
    const e = facts.counters.entries;
    if (e) return { n: e.value, evidence: cite(source, e) };
  }
  for (const { source, facts } of side.of('conntrack'))
    if (facts.shown) return { n: facts.shown.value, evidence: cite(source, facts.shown) };
  return null;
}

/** kube-proxy sets the limit itself at start (`Setting nf_conntrack_max to 786432`). */
const KUBE_PROXY_MAX = /Setting nf_conntrack_max"?\s+(?:to\s+|nfConntrackMax=)(\d+)/;

function limit(side: Side): Count | null {
  const sysctl = firstSysctl(side, MAX_KEYS);
  if (sysctl) return sysctl;
  for (const { source, facts } of side.of('kube-proxy-log'))
    for (const e of facts.entries) {
      const m = KUBE_PROXY_MAX.exec(e.message);
      if (m) return { n: Number(m[1]), evidence: cite(source, e) };
    }
  return null;
}

function read(side: Side): Facts {
  const facts: Facts = new Map();
  const count = entries(side);
  const max = limit(side);
  if (count && max && max.n > 0) {
    const ratio = count.n / max.n;
    facts.set('conntrack fill', {
      value: `${Math.round(ratio * 1000) / 10}% (${count.n}/${max.n})`,
      same: level(ratio),
      evidence: [count.evidence, max.evidence],
    });
  } else if (count)
    facts.set('conntrack entries', { value: String(count.n), evidence: [count.evidence] });
  for (const { source, facts: f } of side.of('conntrack-S'))
    for (const name of Object.keys(COUNTERS)) {
      const c = f.counters[name];
      if (c && !facts.has(`conntrack -S ${name}`))
        facts.set(`conntrack -S ${name}`, {
          value: String(c.value),
          same: c.value > 0 ? 'non-zero' : 'zero',
          evidence: [cite(source, c)],
        });
    }
  return facts;
}

const isFull = (f: Fact | null) => f?.same === 'full';

/** The table's fill level, and the failure counters that are zero on one node only. */
export function compareConntrack(good: Side, bad: Side): Compared {
  const g = read(good);
  const b = read(bad);
  const { differences, same } = compareKeyed(g, b, {
    kind: 'conntrack',
    explain: (key, gf, bf) => {
      if (key === 'conntrack fill')
        return isFull(bf) && !isFull(gf) ? 'conntrack-table-full' : null;
      const cause = COUNTERS[key.slice('conntrack -S '.length)];
      return cause && bf?.same === 'non-zero' && gf?.same === 'zero' ? cause : null;
    },
    wouldExplain: (key, value) =>
      key === 'conntrack fill' && /^(?:9\d|100)(?:\.\d)?%/.test(value)
        ? 'conntrack-table-full'
        : null,
    // A bare count (no limit pasted) only grows and shrinks with load.
    noise: (key) => key === 'conntrack entries',
  });
  return { differences, same, present: { good: g.size > 0, bad: b.size > 0 } };
}
