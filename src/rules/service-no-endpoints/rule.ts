import {
  cite,
  defineRule,
  finding,
  noEvidence,
  ruledOut,
  type RuleContext,
  type RuleResult,
} from '../rule';
import type { Evidence } from '../../engine/types';
import type { NftElement } from '../../parsers/nft/facts';
import { unique } from '../combine/evidence';

import { endpointsRows, noEndpoints, serviceRows } from '../combine/k8s';
import { forNodePort, kubeProxyNft, rejects as rejectsIt } from '../combine/nft';
import { ciliumFrontends, destinationPort, frontendsFor } from '../combine/cilium';
import { serviceName } from '../../parsers/nft/kube-proxy';
import { CILIUM_AGENT } from '../../catalog/commands';

const K = 'cause.service-no-endpoints.verdict';
/**
 * kube-proxy's comment: `ns/svc:port has no endpoints`, older `ns/svc: has no endpoints`, oldest
 * `svc:port has no endpoints`. Case-blind: pasters redact names as `YYYY/XXX`.
 */
const NO_EP = /^(?:([a-z0-9.-]+)\/)?([a-z0-9.-]+):?([\w.-]*)\s+has no endpoints$/i;
/** Endpoints objects without Services (old leader election), always empty. */
const NOT_SERVICES = /^(?:kube-scheduler|kube-controller-manager|cloud-controller-manager)$/;

interface Reject {
  namespace: string | null;
  service: string;
  dport: string | null;
  evidence: Evidence;
  /** The rule names the operator's port or ClusterIP. */
  ours: boolean;
  datapath: 'iptables' | 'nftables';
}

interface EpRow {
  namespace: string | null;
  name: string;
  empty: boolean;
  /** Only not-ready addresses (objects), or kubectl's ENDPOINTS column empty. */
  notReady: number;
  evidence: Evidence;
}

/**
 * kube-proxy believes the Service has no ready endpoint and REJECTs its traffic (iptables
 * mode): clients get "connection refused" at once. Either the Service really has none
 * (selector, readiness) or this node's kube-proxy has a stale view.
 */
export default defineRule({
  cause: 'service-no-endpoints',
  needs: [
    'iptables-save',
    'iptables-L',
    'nft',
    'cilium-service',
    'cilium-bpf-lb',
    'cilium-monitor',
    'kubectl-get',
    'k8s-object',
    'kubectl-describe',
  ],
  check(ctx) {
    const cilium = ciliumVerdict(ctx);
    if (cilium) return cilium;
    const port = ctx.vars.port;
    const vip = ctx.vars.vip;
    const rejects = rejectRules(ctx, port, vip, ctx.vars.vport);
    const rows = endpointRows(ctx);
    const tied = tiedService(ctx, ctx.vars.port, vip);
    const svcVars = (ns: string | null, svc: string) => ({
      namespace: ns ?? 'default',
      service: svc,
    });

    const ours = rejects.filter((r) => r.ours);
    if (ours.length > 0) {
      const r = ours[0]!;
      const ep = rows.find(
        (x) => x.name === r.service && (!r.namespace || x.namespace === r.namespace),
      );
      const evidence = unique([...ours.map((x) => x.evidence), ...(ep ? [ep.evidence] : [])]);
      // kube-proxy rejects while the Service has endpoints: this node's view is stale.
      const key = ep && !ep.empty ? 'staleView' : 'rejects';
      return finding('high', { key: `${K}.${key}`, params: { service: name(r) } }, evidence, {
        datapath: r.datapath,
        ...svcVars(r.namespace, r.service),
      });
    }
    if (tied) {
      const ep = rows.find(
        (x) =>
          x.name === tied.name &&
          (!tied.namespace || !x.namespace || x.namespace === tied.namespace),
      );
      if (ep?.empty)
        return finding(
          'high',
          { key: `${K}.noEndpoints`, params: { service: tied.name } },
          [tied.evidence, ep.evidence],
          svcVars(ep.namespace ?? tied.namespace, tied.name),
        );
      if (ep)
        return ruledOut({ key: `${K}.hasEndpoints`, params: { service: tied.name } }, [
          ep.evidence,
        ]);
    }
    const present = ctx.vars.port ? nodePortRule(ctx, ctx.vars.port) : null;
    if (present)
      return ruledOut({ key: `${K}.portServed`, params: { port: ctx.vars.port! } }, [present]);
    if (rejects.length > 0 && !port && !vip) {
      const services = new Set(rejects.map(name));
      const r = rejects[0]!;
      return finding(
        services.size <= 3 ? 'medium' : 'low',
        {
          key: `${K}.someRejected`,
          params: { services: [...services].slice(0, 5).join(', '), n: services.size },
        },
        rejects.slice(0, 5).map((x) => x.evidence),
        { datapath: r.datapath, ...svcVars(r.namespace, r.service) },
      );
    }
    const empty = rows.filter((x) => x.empty && !NOT_SERVICES.test(x.name));
    const inNs = ctx.vars.ns ? empty.filter((x) => x.namespace === ctx.vars.ns) : [];
    if (empty.length > 0 && !port && !vip) {
      const pick = inNs.length > 0 ? inNs : empty;
      const r = pick[0]!;
      return finding(
        inNs.length > 0 || pick.some((x) => x.notReady > 0) ? 'medium' : 'low',
        {
          key: `${K}.emptyEndpoints`,
          params: {
            // one row per port in `kubectl describe svc`: name each Service once
            services: [...new Set(pick.map((x) => x.name))].slice(0, 5).join(', '),
          },
        },
        pick.slice(0, 5).map((x) => x.evidence),
        svcVars(r.namespace, r.name),
      );
    }
    return noEvidence;
  },
  fix: {
    now: '# @{look}\nkubectl -n {namespace} get endpoints {service} -o wide\nkubectl -n {namespace} get svc {service} -o jsonpath=\'{.spec.selector}{"\\n"}\'\nkubectl -n {namespace} get pods -o wide --show-labels',
    persist:
      '# @{fixSelector}\nkubectl -n {namespace} describe pods -l {selector} | grep -A5 -e Readiness -e Conditions\n# @{stale}\nkubectl -n kube-system delete pod -l k8s-app=kube-proxy --field-selector spec.nodeName={node}',
    verify: `kubectl -n {namespace} get endpoints {service}\n[iptables] sudo iptables-save | grep -e 'has no endpoints' | grep -e {service}   # @{empty}\n[nftables] sudo nft list map ip kube-proxy no-endpoint-services | grep -e {namespace}/{service}   # @{nftEmpty}\n[cilium] ${CILIUM_AGENT} cilium-dbg service list   # @{ciliumBackends}`,
    rollback: '# @{noRollback}',
    defaults: { namespace: 'NAMESPACE', service: 'SERVICE', node: 'NODE_NAME' },
  },
});

const name = (r: { namespace: string | null; service: string }) =>
  r.namespace ? `${r.namespace}/${r.service}` : r.service;

/** kube-proxy's REJECT rules for Services without endpoints, marked when they are the operator's. */
function rejectRules(
  ctx: RuleContext,
  port: string | undefined,
  vip: string | undefined,
  vport: string | undefined,
): Reject[] {
  const out: Reject[] = [];
  const push = (
    comment: string | null,
    target: string | null,
    dport: string | null,
    text: string,
    evidence: Evidence,
  ) => {
    const m = comment ? NO_EP.exec(comment.trim()) : null;
    if (!m || !/^(?:REJECT|DROP)$/.test(target ?? '')) return;
    const byVip = vip
      ? new RegExp(`(?:^|\\s)(?:-d\\s+)?${vip.replace(/\./g, '\\.')}(?:/32)?\\s`).test(text)
      : false;
    const ours = (port !== undefined && dport === port) || (byVip && (!vport || dport === vport));
    out.push({
      namespace: m[1] ?? null,
      service: m[2]!,
      dport,
      evidence,
      ours,
      datapath: 'iptables',
    });
  };
  for (const { source, facts } of ctx.of('iptables-save'))
    for (const r of facts.rules) push(r.comment, r.target, r.dport, r.text, cite(source, r));
  for (const { source, facts } of ctx.of('iptables-L'))
    for (const r of facts.rules) {
      const dport = /\bdpt:(\d+)/.exec(r.text)?.[1] ?? null;
      push(r.comment, r.target, dport, r.text, cite(source, r));
    }
  // nftables mode: `172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain`.
  for (const { source, kp } of kubeProxyNft(ctx)) {
    const add = (e: NftElement, dport: string | null, ours: boolean) => {
      const svc = serviceName(e.comment)?.split('/');
      if (svc)
        out.push({
          namespace: svc[0]!,
          service: svc[1]!,
          dport,
          evidence: cite(source, e),
          ours,
          datapath: 'nftables',
        });
    };
    for (const e of kp.noEndpointServices.filter(rejectsIt))
      add(
        e,
        e.key[2] ?? null,
        vip !== undefined && e.key[0] === vip && (!vport || e.key[2] === vport),
      );
    for (const e of kp.noEndpointNodePorts.filter(rejectsIt))
      add(e, e.key[1] ?? null, port !== undefined && e.key[1] === port);
  }
  return out;
}

/** The KUBE-NODEPORTS (or KUBE-EXT) rule that serves the port: kube-proxy sees endpoints for it. */
function nodePortRule(ctx: RuleContext, port: string): Evidence | null {
  for (const { source, facts } of ctx.of('iptables-save')) {
    const r = facts.rules.find(
      (x) =>
        x.chain === 'KUBE-NODEPORTS' &&
        x.dport === port &&
        /^KUBE-(?:SVC|EXT|XLB|FW)-/.test(x.target ?? ''),
    );
    if (r) return cite(source, r);
  }
  for (const { source, kp } of kubeProxyNft(ctx)) {
    const e = forNodePort(kp.nodePorts, port);
    if (e) return cite(source, e);
  }
  return null;
}

/** Endpoints as every output shows them (`kubectl get ep`, objects, `kubectl describe svc`). */
function endpointRows(ctx: RuleContext): EpRow[] {
  return endpointsRows(ctx).map((r) => ({
    namespace: r.namespace,
    name: r.name,
    empty: noEndpoints(r),
    notReady: r.notReady,
    evidence: r.evidence,
  }));
}

/** The operator's Service, from `kubectl get svc` rows carrying the NodePort (`80:30080/TCP`) or the ClusterIP. */
function tiedService(
  ctx: RuleContext,
  port: string | undefined,
  vip: string | undefined,
): { namespace: string | null; name: string; evidence: Evidence } | null {
  for (const { source, facts } of ctx.of('kubectl-get'))
    for (const t of facts.tables)
      for (const r of t.rows) {
        const ports = r.cells['PORT(S)'];
        const ip = r.cells['CLUSTER-IP'];
        if (!ports || !r.cells.NAME) continue;
        const byPort = port !== undefined && new RegExp(`(?:^|,)\\d+:${port}/`).test(ports);
        const byVip = vip !== undefined && ip === vip;
        if (byPort || byVip)
          return {
            namespace: r.cells.NAMESPACE ?? null,
            name: r.cells.NAME.replace(/^service\//, ''),
            evidence: cite(source, r),
          };
      }
  for (const { source, facts } of ctx.of('k8s-object'))
    for (const o of facts.objects) {
      const svc = o.service;
      if (!svc || !o.name) continue;
      const byPort = port !== undefined && svc.ports.some((p) => String(p.nodePort) === port);
      const byVip = vip !== undefined && svc.clusterIP?.value === vip;
      if (byPort || byVip)
        return { namespace: o.namespace, name: o.name, evidence: cite(source, svc.clusterIP ?? o) };
    }
  return null;
}

/**
 * Cilium's kube-proxy replacement: the Service's frontends on this node with no backend (the agent
 * sees no ready endpoint), or the datapath dropping for "Service backend not found".
 */
function ciliumVerdict(ctx: RuleContext): RuleResult | null {
  const { port, vip, vport } = ctx.vars;
  if (!port && !vip) {
    const listed = listedWithoutBackends(ctx);
    if (listed) return listed;
  }
  const mine =
    port || vip ? frontendsFor(ciliumFrontends(ctx), vip ? { vip, vport } : { port }) : [];
  const what = vip ? (vport ? `${vip}:${vport}` : vip) : (port ?? '');
  const empty = mine.filter((f) => f.backends === 0 && !f.l7);
  if (empty.length > 0)
    return finding(
      'high',
      { key: `${K}.ciliumNoBackends`, params: { what } },
      empty.slice(0, 4).map((f) => f.evidence),
      { datapath: 'cilium' },
    );
  const ports = [port, vport].map(Number).filter((p) => Number.isInteger(p) && p > 0);
  for (const { source, facts } of ctx.of('cilium-monitor')) {
    const drops = facts.drops.filter((d) => /service backend not found/i.test(d.reason));
    if (drops.length === 0) continue;
    const ours = drops.filter((d) => ports.includes(destinationPort(d.destination) ?? -1));
    return finding(
      ours.length > 0 ? 'high' : 'medium',
      {
        key: `${K}.ciliumBackendNotFound`,
        params: { n: drops.length, to: (ours[0] ?? drops[0]!).destination ?? '?' },
      },
      (ours.length > 0 ? ours : drops).slice(0, 4).map((d) => cite(source, d)),
      { datapath: 'cilium' },
    );
  }
  if (mine.length > 0)
    return ruledOut(
      { key: `${K}.ciliumBackends`, params: { what } },
      mine.slice(0, 3).map((f) => f.evidence),
    );
  return null;
}

/**
 * No port or address given: the Services pasted beside the agent's table (`kubectl get svc`,
 * Service objects) say which frontends matter. A listed Service whose every frontend in the table
 * (its ClusterIP ports, its NodePorts) has no backend is one the agent serves to nobody; one
 * frontend with a backend is enough to say the agent sees its endpoints.
 */
function listedWithoutBackends(ctx: RuleContext): RuleResult | null {
  const all = ciliumFrontends(ctx).filter((f) => !f.l7);
  if (all.length === 0) return null;
  for (const s of serviceRows(ctx)) {
    const mine = all.filter(
      (f) =>
        (f.ip === s.clusterIP && s.ports.includes(f.port)) ||
        (/NodePort/i.test(f.type) && s.nodePorts.includes(f.port)),
    );
    if (mine.length === 0 || mine.some((f) => f.backends > 0)) continue;
    const service = s.namespace ? `${s.namespace}/${s.name}` : s.name;
    return finding(
      'medium',
      { key: `${K}.ciliumNoBackends`, params: { what: `${service} (${s.clusterIP})` } },
      [s.evidence, ...mine.slice(0, 3).map((f) => f.evidence)],
      { datapath: 'cilium', namespace: s.namespace ?? 'default', service: s.name },
    );
  }
  return null;
}
