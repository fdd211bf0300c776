import {
  cite,
  defineRule,
  finding,
  noEvidence,
  ruledOut,
  type RuleContext,
  type RuleResult,
} from '../rule';
import type { IptablesFacts, IptablesRule } from '../../parsers/iptables-save/facts';
import { serviceName } from '../../parsers/nft/kube-proxy';
import { iptablesDumps } from '../combine/iptables';
import { drops as dropsIt, forNodePort, kubeProxyNft } from '../combine/nft';

const K = 'cause.etp-local-no-endpoint.verdict';
const NO_LOCAL = /has no local endpoints/;
const DROPS = /^(?:KUBE-MARK-DROP|DROP|REJECT)$/;

/**
 * externalTrafficPolicy: Local with no ready pod on this node: kube-proxy drops the NodePort's
 * traffic here, in the nat KUBE-XLB-* chain (older), filter KUBE-EXTERNAL-SERVICES (1.24+), or
 * its nftables no-endpoint-nodeports map (`tcp . 30080 : drop`; no endpoints at all would reject).
 */
export default defineRule({
  cause: 'etp-local-no-endpoint',
  needs: ['iptables-save', 'iptables-L', 'nft'],
  check(ctx) {
    const port = ctx.vars.port;
    const nft = nftVerdict(ctx, port);
    if (nft) return nft;
    for (const { source, facts } of iptablesDumps(ctx)) {
      const drops = facts.rules.filter(noLocalDrop);
      const entry = port
        ? facts.rules.find((r) => r.chain === 'KUBE-NODEPORTS' && r.dport === port)
        : undefined;
      const relevant = port ? drops.filter((d) => concernsPort(d, port, entry)) : drops;
      if (relevant.length > 0) {
        const evidence = [...(entry ? [entry] : []), ...relevant].map((r) => cite(source, r));
        return finding(port && entry ? 'high' : 'medium', { key: `${K}.why` }, evidence, {
          datapath: 'iptables',
          ...svcVars(relevant[0]!),
        });
      }
      if (entry && localEndpoints(facts, entry).length > 0) {
        return ruledOut({ key: `${K}.hasLocal`, params: { port: port ?? '' } }, [
          cite(source, entry),
          ...localEndpoints(facts, entry).map((r) => cite(source, r)),
        ]);
      }
    }
    return noEvidence;
  },
  fix: {
    now: '# @{where}\nkubectl -n {namespace} get endpoints {service} -o wide\nkubectl -n {namespace} get pods -o wide | grep -w {node}',
    persist:
      '# @{either}\nkubectl -n {namespace} patch svc {service} -p \'{"spec":{"externalTrafficPolicy":"Cluster"}}\'\n# @{orPool}\nkubectl -n {namespace} get svc {service} -o jsonpath=\'{.spec.healthCheckNodePort}\'',
    verify:
      "[iptables] sudo iptables-save | grep -e 'has no local endpoints' | grep -e {service}   # @{empty}\n[nftables] sudo nft list map ip kube-proxy no-endpoint-nodeports | grep -e {namespace}/{service}   # @{nftEmpty}\ncurl -m 3 -sS -o /dev/null -w '%{http_code}\\n' http://{nodeip}:{port}/",
    rollback:
      'kubectl -n {namespace} patch svc {service} -p \'{"spec":{"externalTrafficPolicy":"Local"}}\'',
    defaults: { namespace: 'NAMESPACE', service: 'SERVICE', node: 'NODE_NAME' },
  },
});

/**
 * kube-proxy's drop for want of a local endpoint: said by its comment, or (where iptables-nft's
 * listing lost the comments) by where it sits: only that drop ends a KUBE-XLB chain in
 * KUBE-MARK-DROP, and KUBE-EXTERNAL-SERVICES DROPs (a Service without any endpoint REJECTs).
 */
function noLocalDrop(r: IptablesRule): boolean {
  if (r.comment) return NO_LOCAL.test(r.comment) && DROPS.test(r.target ?? '');
  return (
    (r.chain.startsWith('KUBE-XLB-') && r.target === 'KUBE-MARK-DROP') ||
    (r.chain === 'KUBE-EXTERNAL-SERVICES' && r.target === 'DROP')
  );
}

/** kube-proxy's nftables mode: the NodePort's `drop` in no-endpoint-nodeports, or its service chain. */
function nftVerdict(ctx: RuleContext, port: string | undefined): RuleResult | null {
  for (const { source, kp } of kubeProxyNft(ctx)) {
    const drops = kp.noEndpointNodePorts.filter(dropsIt);
    const drop = port ? forNodePort(drops, port) : drops[0];
    if (drop) {
      const served = port ? forNodePort(kp.nodePorts, port) : undefined;
      const svc = serviceName(drop.comment);
      return finding(
        port ? 'high' : 'medium',
        { key: `${K}.nftDrop`, params: { port: drop.key[1] ?? '' } },
        [...(served ? [served] : []), ...(port ? [drop] : drops.slice(0, 5))].map((e) =>
          cite(source, e),
        ),
        {
          datapath: 'nftables',
          ...(svc ? { namespace: svc.split('/')[0]!, service: svc.split('/')[1]! } : {}),
        },
      );
    }
    const served = port ? forNodePort(kp.nodePorts, port) : undefined;
    if (served && kp.mapsShown)
      return ruledOut({ key: `${K}.nftServed`, params: { port: port ?? '' } }, [
        cite(source, served),
      ]);
  }
  return null;
}

/** A drop rule concerns the port when it names it, sits in the chain the port jumps to, or names the same service. */
function concernsPort(drop: IptablesRule, port: string, entry: IptablesRule | undefined): boolean {
  if (drop.dport === port) return true;
  if (!entry) return false;
  if (entry.target && drop.chain === entry.target) return true;
  return serviceOf(drop.comment) !== null && serviceOf(drop.comment) === serviceOf(entry.comment);
}

function localEndpoints(facts: IptablesFacts, entry: IptablesRule): IptablesRule[] {
  return facts.rules.filter(
    (r) => r.chain === entry.target && /^KUBE-(?:SEP|SVL)-/.test(r.target ?? ''),
  );
}

/** `default/nginx-lb-local:http has no local endpoints` → `default/nginx-lb-local`. */
function serviceOf(comment: string | null): string | null {
  const m = /^([a-z0-9.-]+\/[a-z0-9.-]+)(?::|\s|$)/.exec(comment ?? '');
  return m ? m[1]! : null;
}

function svcVars(r: IptablesRule): Record<string, string> | undefined {
  const svc = serviceOf(r.comment);
  if (!svc) return undefined;
  const [namespace, service] = svc.split('/') as [string, string];
  return { namespace, service };
}
