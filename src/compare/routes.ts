import type { Route } from '../parsers/ip-route/facts';
import { cite, type Side } from './side';
import { compareKeyed, put, type Fact, type Facts } from './keyed';
import type { Compared } from './types';

/** Devices that carry the pod network: overlays, CNI bridges, Calico's and Cilium's. */
const POD_DEVICE =
  /^(?:flannel\.\d+|cni\d*|cbr0|tunl\d+|vxlan[.-]calico|vxlan-v6\.calico|wireguard\.cali|cilium_host|weave|kube-bridge|cali[0-9a-f]+)$/;
/** A node's own pods: its bridge holds its own pod subnet, a `cali…` route one pod. */
const OWN_PODS = /^(?:cni\d*|cbr0|weave|kube-bridge|cali[0-9a-f]+)$/;

const isPodRoute = (r: Route) =>
  r.destination !== 'default' &&
  r.table === null &&
  ((r.dev !== null && POD_DEVICE.test(r.dev)) || r.proto === 'bird');

/** A route to its own pods, or Calico's blackhole for its own block: per node by design. */
const ownPods = (f: Fact | null) =>
  f !== null &&
  (/^blackhole\b/.test(f.value) || OWN_PODS.test(/dev (\S+)/.exec(f.value)?.[1] ?? ''));

function read(side: Side): Facts {
  const facts: Facts = new Map();
  for (const { source, facts: f } of side.of('ip-route'))
    for (const r of f.routes) {
      if (!isPodRoute(r)) continue;
      const value = [
        r.type === 'unicast' ? null : r.type,
        r.via === null ? null : `via ${r.via}`,
        r.dev === null ? null : `dev ${r.dev}`,
      ]
        .filter((w) => w !== null)
        .join(' ');
      put(facts, `route ${r.destination}`, { value, evidence: [cite(source, r)] });
    }
  return facts;
}

/** Routes to the pod network: which prefixes each node reaches, and through which device. */
export function compareRoutes(good: Side, bad: Side): Compared {
  const g = read(good);
  const b = read(bad);
  const { differences, same } = compareKeyed(g, b, {
    kind: 'routes',
    // A peer's pod subnet the good node routes and the bad one does not: its CNI agent did not.
    explain: (_key, gf, bf) =>
      gf !== null && bf === null && !ownPods(gf) ? 'cni-unhealthy' : null,
    noise: (_key, gf, bf) => ownPods(gf) || ownPods(bf),
  });
  const pasted = (s: Side) => s.of('ip-route').length > 0;
  return { differences, same, present: { good: pasted(good), bad: pasted(bad) } };
}
