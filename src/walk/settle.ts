/**
 * From the ends the walk reached to its result: the two ways of each undecidable match joined
 * (the same fate both ways stands, otherwise unknown at that rule), each end as a branch, the
 * overall verdict and the endpoints with their shares.
 */
import { msg, type Msg } from './msg';
import type { Finished, ForkPoint } from './flow';
import type { Branch, Endpoint, WalkVerdict } from './types';

/**
 * Joins the two ways of each undecidable match, innermost first: where both end alike (same
 * verdicts, endpoints and shares) the verdict stands and a note says what could not be told;
 * where they differ, the packet's fate is unknown at that rule.
 */
export function settle(done: Finished[], forks: Map<number, ForkPoint>, notes: Msg[]): Finished[] {
  let list = done;
  for (const id of [...forks.keys()].sort((a, b) => b - a)) {
    const way = (f: Finished) => f.flow.forks.find((k) => k.id === id)?.holds;
    const holds = list.filter((f) => way(f) === true);
    const fails = list.filter((f) => way(f) === false);
    const rest = list.filter((f) => way(f) === undefined);
    const point = forks.get(id)!;
    if (holds.length + fails.length === 0) continue;
    if (sameOutcomes(holds, fails)) {
      notes.push(
        msg('walk.note.bothWays', {
          match: point.match,
          line: point.hop.line,
          source: point.hop.source,
        }),
      );
      const unforked = (f: Finished): Finished => ({
        ...f,
        flow: { ...f.flow, forks: f.flow.forks.filter((k) => k.id !== id) },
      });
      list = [...rest, ...holds.map(unforked)];
    } else {
      list = [
        ...rest,
        { flow: point.flow, end: { kind: 'unknown', why: point.why, hop: point.hop } },
      ];
    }
  }
  return list;
}

/** Whether two sets of ends give the same verdicts, endpoints and masquerading in the same shares. */
function sameOutcomes(a: Finished[], b: Finished[]): boolean {
  const shares = (list: Finished[]) => {
    const by = new Map<string, number>();
    for (const f of list) {
      const br = toBranch(f);
      const key = JSON.stringify([
        br.verdict,
        br.endpoint,
        br.masquerade,
        br.rejectWith,
        br.unknown,
      ]);
      by.set(key, (by.get(key) ?? 0) + f.flow.p);
    }
    return by;
  };
  const x = shares(a);
  const y = shares(b);
  if (x.size !== y.size) return false;
  for (const [key, p] of x) if (Math.abs((y.get(key) ?? -1) - p) > 1e-9) return false;
  return true;
}

export function toBranch({ flow, end }: Finished): Branch {
  const verdict: WalkVerdict =
    end.kind === 'delivered'
      ? flow.endpoint
        ? 'dnat'
        : end.local
          ? 'accept'
          : 'forward'
      : end.kind;
  // See Branch.decidedBy: a DNAT, else the accept that mattered, else the policy that let it on.
  const decidedBy =
    end.kind === 'delivered'
      ? (flow.dnatHop ?? flow.decisiveAccept ?? flow.lastAccept ?? flow.lastPolicy)
      : (end.hop ?? null);
  return {
    probability: flow.p,
    verdict,
    endpoint: flow.endpoint,
    final: { src: flow.st.src, sport: flow.st.sport, dst: flow.st.dst, dport: flow.st.dport },
    masquerade: flow.masquerade,
    rejectWith: end.kind === 'reject' ? end.with : null,
    unknown: end.kind === 'unknown' ? end.why : null,
    hops: flow.hops,
    decidedBy,
  };
}

export function overall(branches: Branch[]): WalkVerdict {
  const first = branches[0]?.verdict;
  if (!first) return 'unknown';
  return branches.every((b) => b.verdict === first) ? first : 'unknown';
}

export function endpointsOf(branches: Branch[]): Endpoint[] {
  const by = new Map<string, Endpoint>();
  for (const b of branches) {
    if (!b.endpoint) continue;
    const key = `${b.endpoint.address}\u0000${b.endpoint.port}`;
    const e = by.get(key) ?? { ...b.endpoint, probability: 0 };
    e.probability += b.probability;
    by.set(key, e);
  }
  return [...by.values()].sort((a, b) => b.probability - a.probability);
}
