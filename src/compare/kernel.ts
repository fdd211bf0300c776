import { cite, type Side } from './side';
import { compareKeyed, put, type Facts } from './keyed';
import type { Compared } from './types';

/** The kernel release (`uname -r`, `uname -a`, /proc/version); the host name is the node's own. */
function read(side: Side): Facts {
  const facts: Facts = new Map();
  for (const { source, facts: f } of side.of('uname')) {
    put(facts, 'kernel', { value: f.release.value, evidence: [cite(source, f.release)] });
    if (f.machine) put(facts, 'machine', { value: f.machine, evidence: [cite(source, f.release)] });
  }
  return facts;
}

/**
 * The kernel of each node. No cause of its own: a release decides which knobs exist
 * (tcp_tw_recycle before 4.12, the IPVS port-reuse fix in 5.9), and those are compared as such.
 */
export function compareKernel(good: Side, bad: Side): Compared {
  const g = read(good);
  const b = read(bad);
  const { differences, same } = compareKeyed(g, b, { kind: 'kernel' });
  return { differences, same, present: { good: g.size > 0, bad: b.size > 0 } };
}
