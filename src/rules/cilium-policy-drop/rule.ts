import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import { destinationPort } from '../combine/cilium';
import { CILIUM_AGENT } from '../../catalog/commands';

const K = 'cause.cilium-policy-drop.verdict';
/** `drop (Policy denied)` (monitor), `Policy denied DROPPED` (hubble), `policy denied` (older). */
const POLICY = /policy denied|denied by policy|policy deny/i;

/**
 * The namespace whose policies decide, for the fix commands: Hubble names pods `ns/pod:port`; the
 * source's on an egress verdict, else the destination's (the policy that selects it).
 */
function namespaceOf(d: { reason: string; source: string | null; destination: string | null }) {
  const end = /\begress\b/i.test(d.reason) ? d.source : d.destination;
  const ns = /^([a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?)\/[^/\s]+$/.exec(end ?? '')?.[1];
  return ns ? { namespace: ns } : undefined;
}

/**
 * A network policy (Kubernetes NetworkPolicy, CiliumNetworkPolicy or a clusterwide one) that
 * selects the pod allows no rule for this traffic, so Cilium drops it: the datapath's drop
 * notifications name the reason.
 */
export default defineRule({
  cause: 'cilium-policy-drop',
  needs: ['cilium-monitor'],
  check(ctx) {
    const ports = [ctx.vars.port, ctx.vars.vport, ctx.vars.tport]
      .map((p) => Number(p))
      .filter((p) => Number.isInteger(p) && p > 0);
    let seen = 0;
    for (const { source, facts } of ctx.of('cilium-monitor')) {
      seen += facts.events + facts.drops.length;
      // Hubble's policy-verdict DENIED events stand for the drops when only they were posted.
      const drops = facts.drops.filter((d) => POLICY.test(d.reason));
      const denied = drops.length > 0 ? drops : facts.denials;
      if (denied.length === 0) continue;
      const ours = denied.filter((d) => ports.includes(destinationPort(d.destination) ?? -1));
      const shown = (ours.length > 0 ? ours : denied).slice(0, 4);
      const first = shown[0]!;
      return finding(
        ours.length > 0 || ports.length === 0 ? 'high' : 'medium',
        {
          key: `${K}.denied`,
          params: { n: denied.length, to: first.destination ?? '?', from: first.source ?? '?' },
        },
        shown.map((d) => cite(source, d)),
        namespaceOf(first),
      );
    }
    // The monitor ran and saw traffic, or other drops, but no policy drop.
    return seen > 0 ? ruledOut({ key: `${K}.none` }) : noEvidence;
  },
  fix: {
    now: '# @{which}\nkubectl get networkpolicies,ciliumnetworkpolicies -A\nkubectl get ciliumclusterwidenetworkpolicies',
    persist:
      '# @{allow}\nkubectl -n {namespace} get networkpolicies,ciliumnetworkpolicies -o yaml > policies-before.yaml',
    verify: `${CILIUM_AGENT} timeout 30 cilium-dbg monitor --type drop   # @{noDrops}`,
    rollback: 'kubectl apply -f policies-before.yaml   # @{restore}',
    defaults: { namespace: 'NAMESPACE', node: 'NODE_NAME' },
  },
});
