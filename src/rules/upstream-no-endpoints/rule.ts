import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import type { Evidence } from '../../engine/types';
import { accessWith, eventsOf, ingressLogs, type IngressLog } from '../combine/ingress';
import type { IngressErrorEvent } from '../../parsers/ingress-nginx-log/facts';
import { endpointsRows, noEndpoints, type EndpointsRow } from '../combine/k8s';

const K = 'cause.upstream-no-endpoints.verdict';

/** `localhost`, `127.x.x.x`, `[::1]`: processes on nginx's own host, never a Service's pods. */
const LOCAL_GROUP = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;
/** An upstream nginx actually connected to: an address with a port. */
const ADDRESS = /^\[?[\d.:a-f]+\]?:\d+$/i;

type Cite = { source: string; e: IngressErrorEvent };

/**
 * Why a `no live upstreams` says nothing about endpoints: nginx says it when every server of an
 * upstream group is marked failed. A group named `localhost` (or a loopback address) is a plain
 * nginx upstream of local processes; a failed connect to an address earlier in the same log is
 * nginx marking the servers it had down itself. Either way the group had servers.
 */
function discounted(x: Cite, logs: IngressLog[]): { why: 'local' | 'failed'; by: Cite } | null {
  if (x.e.upstream && LOCAL_GROUP.test(x.e.upstream)) return { why: 'local', by: x };
  const log = logs.find((l) => l.source === x.source);
  const failed = log?.facts.errors.find(
    (e) =>
      e.line < x.e.line &&
      e.kind !== 'no-live-upstreams' &&
      e.kind !== 'placeholder-upstream' &&
      e.upstream !== null &&
      ADDRESS.test(e.upstream),
  );
  return failed ? { why: 'failed', by: { source: x.source, e: failed } } : null;
}

/**
 * 503: the controller has no endpoint for the backend Service (it logs "does not have any
 * active Endpoint"), so nginx has no upstream to try ("no live upstreams").
 */
export default defineRule({
  cause: 'upstream-no-endpoints',
  needs: ['ingress-nginx-log', 'proxy-log', 'kubectl-get', 'k8s-object', 'kubectl-describe'],
  check(ctx) {
    const logs = ingressLogs(ctx);
    const controller = eventsOf(logs, 'no-endpoints');
    const allNoLive = eventsOf(logs, 'no-live-upstreams');
    const noLive = allNoLive.filter((x) => !discounted(x, logs));
    const placeholder = eventsOf(logs, 'placeholder-upstream');
    const unavailable = accessWith(logs, 503);
    const endpoints = endpointsRows(ctx);
    const empty = endpoints.filter(noEndpoints);
    /** The empty endpoints row of an ingress-nginx upstream name `ns-svc-port`. */
    const emptyFor = (upstreamName: string | null): EndpointsRow | undefined =>
      upstreamName
        ? empty.find((e) =>
            upstreamName.startsWith(`${e.namespace ? `${e.namespace}-` : ''}${e.name}-`),
          )
        : undefined;

    if (controller.length > 0 || noLive.length > 0 || placeholder.length > 0) {
      const named = controller.find((x) => x.e.service)?.e.service ?? null;
      const [ns, svc] = named ? named.split('/') : [undefined, undefined];
      // The controller says the Service has no active endpoint, yet its Endpoints, pasted with
      // the log, list ready addresses: the Service has endpoints, the controller does not match
      // them to the Ingress backend (a service port the Service does not have, a named
      // targetPort on old controllers, a stale controller view). Nothing in nginx's own lines
      // says otherwise (no `no live upstreams`, no placeholder upstream).
      const listed =
        named && noLive.length === 0 && placeholder.length === 0
          ? endpoints.find(
              (e) =>
                e.name === svc && (!e.namespace || e.namespace === ns) && e.addresses.length > 0,
            )
          : undefined;
      if (listed)
        return ruledOut(
          {
            key: `${K}.controllerDisagrees`,
            params: { service: named!, addresses: listed.addresses.slice(0, 3).join(', ') },
          },
          [cite(controller[0]!.source, controller[0]!.e), listed.evidence],
        );
      const ep = empty.find((e) => e.name === svc && (!e.namespace || e.namespace === ns));
      const evidence: Evidence[] = [
        ...controller.slice(0, 3).map((x) => cite(x.source, x.e)),
        ...noLive.slice(0, 2).map((x) => cite(x.source, x.e)),
        ...placeholder.slice(0, 2).map((x) => cite(x.source, x.e)),
        ...unavailable.slice(0, 2).map((x) => cite(x.source, x.a)),
        ...(ep ? [ep.evidence] : []),
      ];
      return finding(
        controller.length > 0 || ep ? 'high' : 'medium',
        {
          key: `${K}.${controller.length > 0 ? 'controller' : noLive.length > 0 ? 'noLive' : 'placeholder'}`,
          params: { service: named ?? '?' },
        },
        evidence,
        ns && svc ? { namespace: ns, service: svc } : undefined,
      );
    }
    // Every `no live upstreams` is a plain nginx group of local servers, or follows nginx's own
    // failed connects to the servers it had: the group was not empty.
    const first = allNoLive[0];
    const reason = first ? discounted(first, logs) : null;
    if (first && reason && empty.length === 0)
      return ruledOut(
        {
          key: `${K}.${reason.why === 'local' ? 'noLiveLocal' : 'noLiveAfterFailures'}`,
          params: { upstream: first.e.upstream ?? '?', failed: reason.by.e.upstream ?? '?' },
        },
        reason.why === 'local'
          ? [cite(first.source, first.e)]
          : [cite(reason.by.source, reason.by.e), cite(first.source, first.e)],
      );
    // 503s of a backend whose endpoints are `<none>`.
    const linked = unavailable
      .map((x) => ({ x, ep: emptyFor(x.a.upstreamName) }))
      .find((l) => l.ep);
    if (linked?.ep)
      return finding(
        'high',
        { key: `${K}.accessAndEndpoints`, params: { service: linked.ep.name } },
        [cite(linked.x.source, linked.x.a), linked.ep.evidence],
        {
          service: linked.ep.name,
          ...(linked.ep.namespace ? { namespace: linked.ep.namespace } : {}),
        },
      );
    if (empty.length > 0 && endpoints.length === empty.length) {
      const e = empty[0]!;
      return finding(
        'low',
        {
          key: `${K}.endpointsOnly`,
          // `kubectl describe svc` prints one `Endpoints:` line per port: count Services, not lines.
          params: {
            service: e.name,
            n: new Set(empty.map((r) => `${r.namespace}/${r.name}`)).size,
          },
        },
        empty.slice(0, 4).map((r) => r.evidence),
        { service: e.name, ...(e.namespace ? { namespace: e.namespace } : {}) },
      );
    }
    // nginx had pod addresses to try: the Service had endpoints when these requests came.
    for (const { source, facts } of logs) {
      const tried = facts.errors.find(
        (e) => e.upstream && /^\[?[\d.:a-f]+\]?:\d+$/i.test(e.upstream),
      );
      const line =
        tried ??
        facts.access.serverErrors.find((a) =>
          a.upstreams.some((u) => /^\[?[\d.:a-f]+\]?:\d+$/i.test(u)),
        );
      if (line) return ruledOut({ key: `${K}.triedPods` }, [cite(source, line)]);
    }
    const ready = endpoints.find((e) => e.addresses.length > 0);
    if (ready)
      return ruledOut({ key: `${K}.endpointsReady`, params: { service: ready.name } }, [
        ready.evidence,
      ]);
    return noEvidence;
  },
  fix: {
    now: [
      'kubectl -n {namespace} get endpoints {service} -o wide',
      '# @{selector}',
      'kubectl -n {namespace} describe service {service} | grep -e Selector -e Endpoints',
      'kubectl -n {namespace} get pods --show-labels -o wide',
      '# @{ready}',
      'kubectl -n {namespace} get events --field-selector reason=Unhealthy | tail -n 20',
    ].join('\n'),
    persist: '# @{persist}',
    verify: 'kubectl -n {namespace} get endpoints {service}   # @{verify}',
    rollback: '# @{rollback}',
    defaults: { namespace: 'default', service: 'SERVICE' },
  },
});
