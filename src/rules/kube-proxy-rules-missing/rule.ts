import { cite, defineRule, finding, noEvidence, ruledOut } from '../../engine/rule';
import type { Evidence } from '../../engine/types';
import type { IptablesFacts } from '../../parsers/iptables-save/facts';

const K = 'rule.kube-proxy-rules-missing';

// kube-proxy log lines that mean it cannot see the cluster or cannot program the node.
const TROUBLE =
  /can't get node|failed to retrieve node info|invalid nodeip|failed to execute iptables-restore|failed to sync|sync failed|failed to (?:list|watch)|unable to (?:list|watch)|unauthorized|connection refused|i\/o timeout|failed to ensure|error syncing|failed to delete stale/i;
// Handled by their own causes: the IPVS fallback and a port held by another process.
const OTHER_CAUSE = /ipvs proxier will not be used|can't use ipvs|address already in use/i;

export default defineRule({
  cause: 'kube-proxy-rules-missing',
  needs: ['iptables-save', 'kube-proxy-log'],
  check(ctx) {
    const port = ctx.vars.port;
    const logTrouble: Evidence[] = [];
    for (const { source, facts } of ctx.of('kube-proxy-log')) {
      for (const e of facts.entries) {
        if (e.level !== 'I' && TROUBLE.test(e.message) && !OTHER_CAUSE.test(e.message))
          logTrouble.push(cite(source, e));
      }
    }
    for (const { source, facts } of ctx.of('iptables-save')) {
      const verdict = nodePortRules(facts, port);
      if (verdict.kind === 'present')
        return ruledOut(
          { key: `${K}.present`, params: { port: port ?? '' } },
          verdict.rules.map((r) => cite(source, r)),
        );
      if (verdict.kind === 'no-kube-chains')
        return finding(
          'medium',
          { key: `${K}.noKubeChains` },
          [...logTrouble.slice(0, 5)],
          port ? { port } : undefined,
        );
      if (verdict.kind === 'port-missing')
        return finding('high', { key: `${K}.portMissing`, params: { port: port ?? '' } }, [
          ...verdict.context.map((r) => cite(source, r)),
          ...logTrouble.slice(0, 5),
        ]);
    }
    if (logTrouble.length > 0)
      return finding('medium', { key: `${K}.logErrors` }, logTrouble.slice(0, 8));
    return noEvidence;
  },
  fix: {
    now: 'kubectl -n kube-system delete pod -l k8s-app=kube-proxy --field-selector spec.nodeName={node}',
    persist:
      '# @{kubeProxy.why}\nkubectl -n kube-system logs -l k8s-app=kube-proxy --field-selector spec.nodeName={node} --tail=200 | grep -E "^[EW]"',
    verify: "sudo iptables-save -t nat | grep -e 'KUBE-NODEPORTS.*--dport {port} '",
    rollback: '# @{kubeProxy.noRollback}',
    defaults: { node: 'NODE_NAME' },
  },
});

type Verdict =
  | { kind: 'present'; rules: { line: number; text: string }[] }
  | { kind: 'port-missing'; context: { line: number; text: string }[] }
  | { kind: 'no-kube-chains' }
  | { kind: 'unknown' };

/** What a dump says about the NodePort: rule present, missing from a real kube-proxy dump, or no kube-proxy at all. */
function nodePortRules(facts: IptablesFacts, port: string | undefined): Verdict {
  const natLike = facts.rules.filter((r) => r.table === 'nat' || r.table === 'unknown');
  if (natLike.length === 0 && !facts.tables.includes('nat')) return { kind: 'unknown' };
  const hasKube =
    facts.chains.some((c) => c.name.startsWith('KUBE-')) ||
    natLike.some((r) => r.chain.startsWith('KUBE-'));
  const fullNat = facts.chains.some(
    (c) => c.name === 'PREROUTING' && (c.table === 'nat' || c.table === 'unknown'),
  );
  if (!hasKube) return fullNat ? { kind: 'no-kube-chains' } : { kind: 'unknown' };
  if (!port) return { kind: 'unknown' };
  const forPort = facts.rules.filter((r) => r.chain === 'KUBE-NODEPORTS' && r.dport === port);
  if (forPort.length > 0) return { kind: 'present', rules: forPort };
  // Only a complete dump proves absence: a grep-filtered paste may simply have left it out.
  const services = facts.rules.filter(
    (r) => r.chain === 'KUBE-SERVICES' && r.target === 'KUBE-NODEPORTS',
  );
  return fullNat && services.length > 0
    ? { kind: 'port-missing', context: services }
    : { kind: 'unknown' };
}
