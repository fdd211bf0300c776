import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { RuleResult } from '../rule';
import type { Evidence } from '../../engine/types';
import { ciliumFrontends, frontendsFor, wholeServiceLists, type Frontend } from '../combine/cilium';
import { joinAddress, serviceRows } from '../combine/k8s';
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
    if (!port && !vip) return listedServices(ctx);
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

/**
 * No port or address given: the Services pasted with the table (`kubectl get svc`, Service
 * objects) say which frontends the agent should hold. Only a whole table proves one absent, and
 * only when it holds another of those Services' ClusterIPs (the same cluster, the agent in sync
 * for the rest); a NodePort only when the replacement serves NodePorts (`cilium status` says
 * it is on, or the table has NodePort frontends): otherwise kube-proxy serves them.
 */
function listedServices(ctx: RuleContext): RuleResult {
  const [table] = wholeServiceLists(ctx);
  const services = serviceRows(ctx);
  if (!table || services.length === 0) return noEvidence;
  const all = ciliumFrontends(ctx);
  const clusterIp = (ip: string, p: number) => all.find((f) => f.ip === ip && f.port === p);
  const nodePort = (p: number) => all.find((f) => f.port === p && /NodePort/i.test(f.type));
  const found: Frontend[] = [];
  const missing: { what: string; evidence: Evidence }[] = [];
  for (const s of services) {
    for (const p of s.ports) {
      const f = clusterIp(s.clusterIP, p);
      if (f) found.push(f);
      else missing.push({ what: joinAddress(s.clusterIP, String(p)), evidence: s.evidence });
    }
  }
  if (found.length === 0) return noEvidence;
  // Full replacement (`True`, `Strict` before 1.14) serves NodePorts itself.
  const kprOn = ctx
    .of('cilium-status')
    .some((c) => /^(?:true|strict)$/i.test(c.facts.kubeProxyReplacement?.value.mode ?? ''));
  const nodePortsOn = kprOn || all.some((f) => /NodePort/i.test(f.type));
  for (const s of services)
    for (const p of nodePortsOn ? s.nodePorts : []) {
      const f = nodePort(p);
      if (f) found.push(f);
      else missing.push({ what: `NodePort ${p}`, evidence: s.evidence });
    }
  if (missing.length === 0) {
    const what = found
      .slice(0, 4)
      .map((f) => joinAddress(f.ip, String(f.port)))
      .join(', ');
    return ruledOut(
      { key: `${K}.present`, params: { what, n: found.length } },
      found.slice(0, 4).map((f) => f.evidence),
    );
  }
  const what = missing
    .slice(0, 4)
    .map((m) => m.what)
    .join(', ');
  const first = missing[0]!.what;
  return finding(
    'medium',
    { key: `${K}.missingListed`, params: { what, n: table.facts.services.length } },
    [
      ...missing.slice(0, 4).map((m) => m.evidence),
      ...table.facts.services.slice(0, 2).map((s) => cite(table.source, s.frontend)),
    ],
    { frontend: first.startsWith('NodePort ') ? `:${first.slice(9)}` : first },
  );
}
