import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import { ciliumFrontends, frontendsFor, wholeServiceLists } from '../combine/cilium';
import { CILIUM_AGENT } from '../../catalog/commands';

const K = 'cause.cilium-kpr-frontend-missing.verdict';

/**
 * With Cilium's eBPF kube-proxy replacement there is no kube-proxy: the agent on each node writes
 * a frontend per Service address (a NodePort on 0.0.0.0 and each node address) into its BPF
 * service map. A node whose agent has no frontend for the port drops or refuses it alone.
 */
export default defineRule({
  cause: 'cilium-kpr-frontend-missing',
  needs: ['cilium-service', 'cilium-bpf-lb'],
  check(ctx) {
    const { port, vip, vport } = ctx.vars;
    if (!port && !vip) return noEvidence;
    const target = vip ? { vip, vport } : { port };
    const what = vip ? (vport ? `${vip}:${vport}` : vip) : (port ?? '');
    const found = frontendsFor(ciliumFrontends(ctx), target);
    if (found.length > 0)
      return ruledOut(
        { key: `${K}.present`, params: { what, n: found.length } },
        found.slice(0, 4).map((f) => f.evidence),
      );
    // Only a whole table proves it absent; a few of its rows show what it does hold.
    const [table] = wholeServiceLists(ctx);
    if (!table) return noEvidence;
    return finding(
      'high',
      { key: `${K}.missing`, params: { what, n: table.facts.services.length } },
      table.facts.services.slice(0, 3).map((s) => cite(table.source, s.frontend)),
      // What the verify step greps for: `:30080` for a NodePort on any address, or `vip:vport`.
      { frontend: vip ? what : `:${port ?? ''}` },
    );
  },
  fix: {
    now: '# @{restart}\nkubectl -n kube-system delete pod -l k8s-app=cilium --field-selector spec.nodeName={node}',
    persist: `# @{why}\nkubectl -n kube-system logs "$(kubectl -n kube-system get pods -l k8s-app=cilium --field-selector spec.nodeName={node} -o name)" -c cilium-agent --tail=300 | grep -i -e level=error -e level=warning\n# @{devices}\n${CILIUM_AGENT} cilium-dbg status --verbose | grep -A12 KubeProxyReplacement`,
    verify: `${CILIUM_AGENT} cilium-dbg service list | grep -F -e {frontend}`,
    rollback: '# @{noRollback}',
    defaults: { node: 'NODE_NAME', frontend: 'FRONTEND' },
  },
});
