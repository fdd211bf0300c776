import { kubeProxyTables } from '../parsers/nft/kube-proxy';
import { cite, type Side } from './side';
import { compareKeyed, put, type Facts } from './keyed';
import type { Compared } from './types';

/**
 * kube-proxy's mode: what its log says it uses, else what its rules show (its nft table, IPVS
 * mode's ipset matches, iptables mode's KUBE-SVC- chains, an IPVS table with services).
 */
function read(side: Side): Facts {
  const facts: Facts = new Map();
  for (const { source, facts: f } of side.of('kube-proxy-log')) {
    if (f.proxier)
      put(facts, 'kube-proxy mode', {
        value: f.proxier.value,
        evidence: [cite(source, f.proxier)],
      });
    if (f.version)
      put(facts, 'kube-proxy version', {
        value: f.version.value,
        evidence: [cite(source, f.version)],
      });
  }
  for (const { source, facts: f } of side.of('nft')) {
    const t = kubeProxyTables(f)[0];
    if (t) put(facts, 'kube-proxy mode', { value: 'nftables', evidence: [cite(source, t.table)] });
  }
  for (const { source, facts: f } of side.of('iptables-save')) {
    const ipset = f.rules.find(
      (r) => r.table !== 'filter' && /--match-set KUBE-CLUSTER-IP\b/.test(r.text),
    );
    if (ipset) put(facts, 'kube-proxy mode', { value: 'ipvs', evidence: [cite(source, ipset)] });
    const svc = f.chains.find((c) => c.name.startsWith('KUBE-SVC-'));
    if (svc) put(facts, 'kube-proxy mode', { value: 'iptables', evidence: [cite(source, svc)] });
  }
  for (const { source, facts: f } of side.of('ipvsadm')) {
    const vs = f.services[0];
    if (vs) put(facts, 'kube-proxy mode', { value: 'ipvs', evidence: [cite(source, vs)] });
  }
  return facts;
}

/** Mode and version of kube-proxy on each node. */
export function compareKubeProxy(good: Side, bad: Side): Compared {
  const g = read(good);
  const b = read(bad);
  const { differences, same } = compareKeyed(g, b, {
    kind: 'kube-proxy',
    // IPVS on the good node, iptables on the bad one: kube-proxy fell back for want of ip_vs.
    explain: (key, gf, bf) =>
      key === 'kube-proxy mode' && gf?.value === 'ipvs' && bf?.value === 'iptables'
        ? 'ipvs-modules-missing'
        : null,
  });
  return { differences, same, present: { good: g.size > 0, bad: b.size > 0 } };
}
