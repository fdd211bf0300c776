import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import type { Evidence } from '../../engine/types';
import type { K8sObject } from '../../parsers/k8s-object/facts';
import { eventsOf } from '../combine/ingress';

const K = 'cause.ingress-hostnetwork-dns.verdict';
/** An ingress controller's pod, DaemonSet or Deployment: by name, labels or image. */
const CONTROLLER = /ingress|nginx-controller/i;
/** A search domain of the cluster's own (`ns.svc.cluster.local`, `svc.cluster.local`). */
const CLUSTER_DOMAIN = /(?:^|\.)svc(?:\.|$)|(?:^|\.)cluster\.local\.?$/i;

/**
 * With hostNetwork: true a pod gets the node's /etc/resolv.conf unless dnsPolicy is
 * ClusterFirstWithHostNet; ClusterFirst (the default) then silently means "the node's DNS",
 * which cannot resolve cluster names, and the controller stops updating its upstreams.
 */
export default defineRule({
  cause: 'ingress-hostnetwork-dns',
  needs: ['k8s-object', 'ingress-nginx-log', 'resolv-conf'],
  check(ctx) {
    const dnsErrors = eventsOf(ctx.of('ingress-nginx-log'), 'dns');
    const controllerDns = dnsErrors.filter((x) => x.e.source === 'controller');
    const logEv: Evidence[] = (controllerDns.length > 0 ? controllerDns : dnsErrors)
      .slice(0, 3)
      .map((x) => cite(x.source, x.e));

    // A fragment of pod-spec fields (`grep -E 'dnsPolicy|hostNetwork'`) names no workload: pasted
    // beside the controller's own log, it is the controller's spec.
    // So is one beside a resolv.conf that knows no cluster domain (the node's, as such a pod
    // gets it: `kubectl exec` / `crictl exec … cat /etc/resolv.conf` in the controller).
    const nodeResolv = ctx
      .of('resolv-conf')
      .flatMap(({ source, facts }) =>
        facts.nameservers.length > 0 &&
        !(facts.search?.value ?? []).some((d) => CLUSTER_DOMAIN.test(d))
          ? [cite(source, facts.search ?? facts.nameservers[0]!)]
          : [],
      );
    const beside =
      nodeResolv.length > 0 ||
      ctx.of('ingress-nginx-log').some(({ facts }) => facts.errors.length + facts.access.total > 0);
    const specs: { source: string; o: K8sObject }[] = [];
    for (const { source, facts } of ctx.of('k8s-object'))
      for (const o of facts.objects)
        if (o.pod && (isController(o) || (beside && anonymous(o)))) specs.push({ source, o });

    for (const { source, o } of specs) {
      const pod = o.pod!;
      if (pod.hostNetwork?.value !== true) continue;
      const policy = pod.dnsPolicy?.value.trim();
      if (policy === 'ClusterFirstWithHostNet' || policy === 'None') continue;
      // A fragment without dnsPolicy may have left it out (grep, a cut paste): not the default then.
      if (o.fragment && !pod.dnsPolicy) continue;
      const vars = {
        ...(o.namespace ? { ingressns: o.namespace } : {}),
        // A bare Pod is fixed in its owner: keep the default workload name then.
        ...(o.name && o.kind !== 'Pod' ? { workload: `${o.kind.toLowerCase()}/${o.name}` } : {}),
      };
      // A nameless fragment is the controller's only by the log beside it.
      const strength = logEv.length > 0 ? 'high' : anonymous(o) ? 'low' : 'medium';
      return finding(
        strength,
        {
          key: `${K}.${anonymous(o) ? 'fragment' : pod.dnsPolicy ? 'clusterFirst' : 'defaultPolicy'}`,
          params: { name: o.name ?? '?', policy: policy ?? '' },
        },
        [
          cite(source, pod.hostNetwork),
          ...(pod.dnsPolicy ? [cite(source, pod.dnsPolicy)] : []),
          ...logEv,
          ...(logEv.length === 0 && anonymous(o) ? nodeResolv.slice(0, 1) : []),
        ],
        vars,
      );
    }
    const healthy = specs.find(({ o }) => o.pod!.hostNetwork?.value === true && o.pod!.dnsPolicy);
    if (healthy)
      return ruledOut({ key: `${K}.withHostNet` }, [
        cite(healthy.source, healthy.o.pod!.hostNetwork!),
        cite(healthy.source, healthy.o.pod!.dnsPolicy!),
      ]);
    // A spec without hostNetwork: only API output (it always prints dnsPolicy) or an explicit
    // `hostNetwork: false` proves it; a cut-off manifest may have it further down.
    const podNetwork = specs.find(
      ({ o }) => o.pod!.hostNetwork?.value === false || o.pod!.dnsPolicy,
    );
    if (podNetwork && controllerDns.length === 0)
      return ruledOut({ key: `${K}.noHostNetwork` }, [
        cite(podNetwork.source, podNetwork.o.pod!.hostNetwork ?? podNetwork.o.pod!.dnsPolicy!),
      ]);
    if (controllerDns.length > 0) return finding('low', { key: `${K}.logOnly` }, logEv);
    return noEvidence;
  },
  fix: {
    now: [
      'kubectl -n {ingressns} patch {workload} -p \'{"spec":{"template":{"spec":{"dnsPolicy":"ClusterFirstWithHostNet"}}}}\'',
      '# @{rollout}',
    ].join('\n'),
    persist: '# @{helm}',
    verify: [
      "kubectl -n {ingressns} get {workload} -o jsonpath='{.spec.template.spec.hostNetwork} {.spec.template.spec.dnsPolicy}'; echo",
      'kubectl -n {ingressns} exec {workload} -- cat /etc/resolv.conf   # @{verify}',
    ].join('\n'),
    rollback:
      'kubectl -n {ingressns} patch {workload} -p \'{"spec":{"template":{"spec":{"dnsPolicy":"ClusterFirst"}}}}\'',
    defaults: { ingressns: 'ingress-nginx', workload: 'daemonset/ingress-nginx-controller' },
  },
});

/** A fragment that says nothing of whose spec it is (no name, labels nor containers). */
function anonymous(o: K8sObject): boolean {
  return (
    o.fragment === true &&
    !o.name &&
    Object.keys(o.labels).length === 0 &&
    (o.pod?.containers.length ?? 0) === 0
  );
}

function isController(o: K8sObject): boolean {
  if (CONTROLLER.test(o.name ?? '')) return true;
  if (Object.values(o.labels).some((l) => CONTROLLER.test(l.value))) return true;
  return (o.pod?.containers ?? []).some(
    (c) => /ingress/i.test(c.image ?? '') || /ingress/i.test(c.name),
  );
}
