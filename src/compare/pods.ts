import type { CauseId } from '../catalog/causes';
import type { KubectlRow } from '../parsers/kubectl-get/facts';
import { cite, type Side } from './side';
import { compareKeyed, put, type Fact, type Facts } from './keyed';
import type { Compared } from './types';

/** The per-node agents compared: each CNI's (as cni-unhealthy reads them) and kube-proxy. */
const COMPONENTS: { name: RegExp; cause: CauseId }[] = [
  {
    name: /^(calico-node|canal|rke2-canal|kube-flannel(?:-ds)?|flannel(?:-ds)?|cilium|weave-net|antrea-agent|kube-router|aws-node|kube-ovn-cni)-[a-z0-9]{5}$/,
    cause: 'cni-unhealthy',
  },
  { name: /^(kube-proxy)-[a-z0-9]{5}$/, cause: 'kube-proxy-rules-missing' },
];

const componentOf = (row: KubectlRow) => {
  for (const c of COMPONENTS) {
    const m = c.name.exec(row.cells.NAME ?? '');
    if (m) return { role: m[1]!, cause: c.cause };
  }
  return null;
};

/** The node's own name, from `uname -a`: which row of a cluster-wide pod list is this node's. */
const hostOf = (side: Side) => side.of('uname').find((u) => u.facts.host)?.facts.host ?? null;

/**
 * The agents' pods of this node: the rows on its NODE when the node's name is known, else the
 * only row of each agent (a list with several and no name to choose by says nothing per node).
 */
function rowsOf(side: Side): { source: string; row: KubectlRow; role: string }[] {
  const host = hostOf(side);
  const byRole = new Map<string, { source: string; row: KubectlRow; role: string }[]>();
  for (const { source, facts } of side.of('kubectl-get'))
    for (const t of facts.tables) {
      if (t.resource !== null && t.resource !== 'pod') continue;
      for (const row of t.rows) {
        const c = componentOf(row);
        const node = row.cells.NODE;
        if (!c || (host !== null && node !== undefined && node !== host)) continue;
        byRole.set(c.role, [...(byRole.get(c.role) ?? []), { source, row, role: c.role }]);
      }
    }
  return [...byRole.values()].filter((rows) => rows.length === 1).map((rows) => rows[0]!);
}

const ready = (f: Fact | null) =>
  f !== null && /^Running /.test(f.value) && /(\d+)\/\1$/.test(f.value);

function read(side: Side): Facts {
  const facts: Facts = new Map();
  for (const { source, row, role } of rowsOf(side)) {
    const evidence = [cite(source, row)];
    const status = row.cells.STATUS ?? '?';
    const r = row.ready ? `${row.ready.ready}/${row.ready.total}` : '?';
    put(facts, `pod ${role}`, { value: `${status} ${r}`, evidence });
    if (row.restarts !== null)
      put(facts, `pod ${role} restarts`, {
        value: String(row.restarts),
        // Restarts only add up: a count on both nodes is alike, none against some is not.
        same: row.restarts > 0 ? 'some' : 'none',
        evidence,
      });
  }
  return facts;
}

/** The CNI agent's and kube-proxy's pods on each node: running and ready, restarting. */
export function comparePods(good: Side, bad: Side): Compared {
  const g = read(good);
  const b = read(bad);
  const causeOf = (key: string) =>
    COMPONENTS.find((c) => c.name.test(`${key.split(' ')[1]}-abcde`))?.cause ?? null;
  const { differences, same } = compareKeyed(g, b, {
    kind: 'pods',
    // A row on one node's list only: another paste, not another state.
    oneSided: () => false,
    explain: (key, gf, bf) =>
      !key.endsWith(' restarts') && ready(gf) && !ready(bf) ? causeOf(key) : null,
  });
  return { differences, same, present: { good: g.size > 0, bad: b.size > 0 } };
}
