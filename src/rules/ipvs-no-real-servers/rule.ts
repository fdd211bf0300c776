import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Evidence } from '../../engine/types';
import type { VirtualService } from '../../parsers/ipvsadm/facts';
import { findService, ipvsTables, liveServers, vipTarget } from '../combine/ipvs';
import {
  endpointsRows,
  joinAddress,
  noEndpoints,
  serviceRows,
  type EndpointsRow,
} from '../combine/k8s';

const K = 'cause.ipvs-no-real-servers.verdict';

/**
 * The ClusterIP's virtual server has no real server that takes connections (none, or only
 * weight 0 ones kube-proxy keeps while they drain): the Service has no ready endpoint.
 */
export default defineRule({
  cause: 'ipvs-no-real-servers',
  needs: ['ipvsadm', 'kubectl-get', 'k8s-object', 'kernel-log'],
  check(ctx) {
    const target = vipTarget(ctx.vars);
    const noDest = kernelNoDestination(ctx);
    const tables = ipvsTables(ctx);
    const services = serviceRows(ctx);
    const endpoints = endpointsRows(ctx);
    /** `kubectl get ep` of the Service behind this ClusterIP:port, when both were pasted. */
    const endpointsOf = (address: string): EndpointsRow | undefined => {
      const svc = services.find((s) =>
        s.ports.some((p) => joinAddress(s.clusterIP, String(p)) === address),
      );
      return svc
        ? endpoints.find(
            (e) =>
              e.name === svc.name &&
              (!e.namespace || !svc.namespace || e.namespace === svc.namespace),
          )
        : undefined;
    };
    const vsEvidence = (source: string, vs: VirtualService): Evidence[] => [
      cite(source, vs),
      ...vs.realServers.slice(0, 3).map((r) => cite(source, r)),
    ];

    if (target) {
      for (const { source, facts } of tables) {
        const vs = findService(facts, target);
        if (!vs) continue;
        const live = liveServers(vs);
        if (live.length > 0)
          return ruledOut(
            { key: `${K}.hasServers`, params: { vs: target, n: live.length } },
            vsEvidence(source, vs),
          );
        const ep = endpointsOf(target);
        return finding(
          'high',
          {
            key: `${K}.${vs.realServers.length > 0 ? 'onlyWeightZero' : 'none'}`,
            params: { vs: target },
          },
          [
            ...vsEvidence(source, vs),
            ...(ep && noEndpoints(ep) ? [ep.evidence] : []),
            ...noDest
              .filter((d) => d.address === target)
              .slice(0, 2)
              .map((d) => d.evidence),
          ],
          { vip: ctx.vars.vip!, vport: ctx.vars.vport!, ...serviceVars(services, target) },
        );
      }
      const hits = noDest.filter((d) => d.address === target);
      if (hits.length > 0)
        return finding(
          'high',
          { key: `${K}.kernelNoDest`, params: { vs: target, n: hits.length } },
          hits.slice(0, 3).map((d) => d.evidence),
          { vip: ctx.vars.vip!, vport: ctx.vars.vport!, ...serviceVars(services, target) },
        );
      const ep = endpointsOf(target);
      if (ep && noEndpoints(ep))
        return finding(
          'high',
          { key: `${K}.endpointsNone`, params: { vs: target } },
          [ep.evidence],
          {
            ...serviceVars(services, target),
          },
        );
      if (ep && ep.addresses.length > 0)
        return ruledOut({ key: `${K}.endpointsReady`, params: { vs: target } }, [ep.evidence]);
      // No virtual server at all for it: kube-proxy-rules-missing speaks to that, not this rule.
      if (tables.length > 0) return noEvidence;
    }

    // No ClusterIP named: any empty virtual server is a suspect, but may be an unused Service.
    for (const { source, facts } of tables) {
      const empty = facts.services.filter(
        (vs) => vs.proto !== 'FWM' && liveServers(vs).length === 0,
      );
      if (empty.length === 0) continue;
      const backed = empty.find((vs) => {
        const ep = endpointsOf(vs.address);
        return ep !== undefined && noEndpoints(ep);
      });
      // The kernel saying it found no destination for one of them: that one is in use.
      const logged = empty.find((vs) => noDest.some((d) => d.address === vs.address));
      const vs = backed ?? logged ?? empty[0]!;
      const ep = backed ? endpointsOf(backed.address) : undefined;
      const kernelHits = noDest.filter((d) => d.address === vs.address);
      return finding(
        backed || kernelHits.length > 0 ? 'medium' : 'low',
        { key: `${K}.someEmpty`, params: { vs: vs.address, n: empty.length } },
        [
          ...vsEvidence(source, vs),
          ...(ep ? [ep.evidence] : []),
          ...kernelHits.slice(0, 2).map((d) => d.evidence),
          ...empty
            .filter((v) => v !== vs)
            .slice(0, 2)
            .map((v) => cite(source, v)),
        ],
        { ...addressVars(vs.address), ...serviceVars(services, vs.address) },
      );
    }
    // The kernel logs each connection that met a virtual server without a real server.
    if (!target && noDest.length > 0) {
      const first = noDest[0]!;
      return finding(
        'medium',
        { key: `${K}.kernelNoDest`, params: { vs: first.address, n: noDest.length } },
        noDest.slice(0, 3).map((d) => d.evidence),
        { ...addressVars(first.address), ...serviceVars(services, first.address) },
      );
    }
    for (const { source, facts } of tables) {
      if (facts.services.length > 0)
        return ruledOut(
          { key: `${K}.allHaveServers`, params: { n: facts.services.length } },
          facts.services.slice(0, 3).map((vs) => cite(source, vs)),
        );
    }
    // Only kubectl: a lone `<none>` row is the operator's Service (they asked for that one).
    if (endpoints.length === 1 && noEndpoints(endpoints[0]!))
      return finding(
        'low',
        { key: `${K}.endpointsOnly`, params: { name: endpoints[0]!.name } },
        [endpoints[0]!.evidence],
        {
          service: endpoints[0]!.name,
          ...(endpoints[0]!.namespace ? { namespace: endpoints[0]!.namespace } : {}),
        },
      );
    return noEvidence;
  },
  fix: {
    now: [
      '# @{compare}',
      'kubectl -n {namespace} get endpoints {service} -o wide',
      "kubectl -n {namespace} get service {service} -o jsonpath='{.spec.selector}'; echo",
      'kubectl -n {namespace} get pods --show-labels -o wide',
    ].join('\n'),
    persist: [
      '# @{selector}',
      'kubectl -n {namespace} describe pods -l {selector} | grep -A3 -e Readiness -e Conditions',
      '# @{migrate}',
      'kubectl -n kube-system get configmap kube-proxy -o yaml | grep -n -e "mode:"',
    ].join('\n'),
    verify: 'sudo ipvsadm -Ln -t {vip}:{vport}   # @{verify}',
    rollback: '# @{noRollback}',
    defaults: {
      namespace: 'default',
      service: 'SERVICE',
      selector: 'app=APP',
      vip: 'CLUSTER_IP',
      vport: 'PORT',
    },
  },
});

/** `IPVS: rr: TCP 10.96.0.10:53 - no destination available` lines, with their virtual server. */
function kernelNoDestination(ctx: RuleContext): { address: string; evidence: Evidence }[] {
  const out: { address: string; evidence: Evidence }[] = [];
  for (const { source, facts } of ctx.of('kernel-log')) {
    const ev = facts.events['ipvs-no-destination'];
    if (!ev) continue;
    for (const c of [...ev.examples, ev.last]) {
      const m = /\b(?:TCP|UDP|SCTP) (\S+:\d+) - no destination/.exec(c.text);
      if (m && !out.some((o) => o.evidence.source === source && o.evidence.line === c.line))
        out.push({ address: m[1]!, evidence: cite(source, c) });
    }
  }
  return out;
}

function addressVars(address: string): Record<string, string> {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(address);
  return m ? { vip: m[1]!, vport: m[2]! } : {};
}

function serviceVars(
  services: ReturnType<typeof serviceRows>,
  address: string,
): Record<string, string> {
  const svc = services.find((s) =>
    s.ports.some((p) => joinAddress(s.clusterIP, String(p)) === address),
  );
  if (!svc) return {};
  return { service: svc.name, ...(svc.namespace ? { namespace: svc.namespace } : {}) };
}
