import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import type { IngressAccessLine } from '../../parsers/ingress-nginx-log/facts';
import {
  accessWith,
  eventsOf,
  ingressLogs,
  ingressSettings,
  logSpeaks,
  otherKinds,
  proxyVars,
  upstreamVars,
} from '../combine/ingress';

const K = 'cause.ingress-upstream-keepalive-mismatch.verdict';
/** Requests nginx retries on the next connection by default (not POST, LOCK, PATCH). */
const IDEMPOTENT = /^(?:GET|HEAD|OPTIONS|PUT|DELETE) /;

type Event = ReturnType<typeof eventsOf>[number];

/**
 * When a pooled (keepalive) upstream connection fails, nginx gives the request one more try,
 * and it retries an idempotent request on a new connection: a stale pooled connection costs a
 * GET an error line, not a 502. A GET answered 502 after a single premature close on its client
 * connection (`*94`) failed on a fresh connection: the backend closes new connections too (it
 * speaks TLS or gRPC, or it crashes). Every nginx premature close of the log being such a
 * failure rules the cause out; null when one is not (a POST, a retried or an unanswered one).
 */
function freshConnectionFailures(
  logs: ReturnType<typeof ingressLogs>,
  premature: Event[],
): (Event & { a: IngressAccessLine })[] | null {
  if (premature.length === 0) return null;
  const key = (e: Event['e']) => `${/\*(\d+) /.exec(e.text)?.[1] ?? '?'} ${e.request}`;
  const tries = new Map<string, number>();
  for (const x of premature) tries.set(key(x.e), (tries.get(key(x.e)) ?? 0) + 1);
  const out: (Event & { a: IngressAccessLine })[] = [];
  for (const x of premature) {
    if (x.e.source !== 'nginx' || !x.e.request || !IDEMPOTENT.test(x.e.request)) return null;
    if (tries.get(key(x.e)) !== 1 || !/\*\d+ /.test(x.e.text)) return null;
    const a = accessWith(logs, 502).find(
      (y) => y.source === x.source && y.a.request === x.e.request,
    );
    if (!a) return null;
    out.push({ ...x, a: a.a });
  }
  return out;
}

/**
 * Protocols nginx never keeps an idle upstream connection for: its uwsgi and SCGI modules close
 * each connection after its one request (only HTTP, FastCGI with fastcgi_keep_conn, gRPC and
 * memcached connections go back to a keepalive pool), so no stale pooled connection exists.
 */
const UNPOOLED = /^(?:uwsgi|scgi)$/;

/** Below this, a close may be the backend's idle timer firing as the request arrived (s). */
const RACE_WINDOW = 1;

/**
 * How long the upstream held the request before closing: the Envoy line's own duration, or the
 * upstream times of the nginx 502 access line of the same request (the shortest attempt, so
 * that one quick failure among slow ones still counts as quick). Null when no line tells.
 */
function heldFor(logs: ReturnType<typeof ingressLogs>, x: Event): number | null {
  const lines = logs
    .filter((l) => l.source === x.source)
    .flatMap((l) => l.facts.access.serverErrors);
  const a =
    x.e.source === 'envoy'
      ? lines.find((y) => y.line === x.e.line)
      : x.e.source === 'nginx' && x.e.request
        ? lines.find((y) => y.status === 502 && y.request === x.e.request)
        : undefined;
  if (!a) return null;
  const times = a.upstreamTimes.filter((t): t is number => t !== null);
  return times.length > 0 ? Math.min(...times) : a.requestTime;
}

/**
 * A stale pooled connection fails as soon as the request is written on it: the backend had
 * closed it, or closes it in that instant, so the close comes back within a round trip. A close
 * that comes seconds into the request cut a request the backend was working on (its own request
 * or write timeout, a crash, a proxy limit between them): every premature close being such a
 * one rules the cause out; null when one is quick or its time unknown.
 */
function busyConnectionCloses(
  logs: ReturnType<typeof ingressLogs>,
  premature: Event[],
): { seconds: number } | null {
  if (premature.length === 0) return null;
  let least = Infinity;
  for (const x of premature) {
    const t = heldFor(logs, x);
    if (t === null || t < RACE_WINDOW) return null;
    least = Math.min(least, t);
  }
  return { seconds: least };
}

/**
 * nginx reuses idle keepalive connections to the pods for upstream-keepalive-timeout (60 s by
 * default); a backend that closes idle connections sooner (Node.js 5 s, many app servers
 * 5-30 s) closes one just as nginx sends a request on it: "upstream prematurely closed
 * connection while reading response header", or a reset, and a 502.
 */
export default defineRule({
  cause: 'ingress-upstream-keepalive-mismatch',
  needs: ['ingress-nginx-log', 'proxy-log', 'nginx-tls', 'k8s-object'],
  check(ctx) {
    const logs = ingressLogs(ctx);
    const settings = ingressSettings(ctx);
    const pool = settings['upstream-keepalive-connections'];
    const timeout = settings['upstream-keepalive-timeout'];
    // No pool, no reuse: a backend closing idle connections cannot bite.
    if (pool && /^0+$/.test(pool.value)) return ruledOut({ key: `${K}.noPool` }, [pool.evidence]);
    // Envoy's `UC` / `connection termination` and Traefik's `EOF` are said before any response
    // header by definition; nginx says in which phase it lost the connection.
    const beforeHeaders = (x: { e: { source: string; message: string } }, phase: RegExp) =>
      x.e.source === 'envoy' || x.e.source === 'traefik' || phase.test(x.e.message);
    const premature = eventsOf(logs, 'premature-close').filter((x) =>
      beforeHeaders(x, /response header/i),
    );
    const resets = eventsOf(logs, 'reset').filter((x) =>
      beforeHeaders(x, /response header|sending request/i),
    );
    const bad = accessWith(logs, 502);
    const extra = [
      ...(timeout ? [timeout.evidence] : []),
      ...bad.slice(0, 1).map((x) => cite(x.source, x.a)),
    ];
    const closes = [...premature, ...resets];
    if (closes.length > 0 && closes.every((x) => UNPOOLED.test(x.e.protocol ?? '')))
      return ruledOut(
        {
          key: `${K}.unpooledProtocol`,
          params: { n: closes.length, protocol: closes[0]!.e.protocol! },
        },
        closes.slice(0, 3).map((x) => cite(x.source, x.e)),
      );
    const fresh = freshConnectionFailures(logs, premature);
    if (fresh && resets.length === 0)
      return ruledOut(
        { key: `${K}.freshConnection`, params: { n: premature.length } },
        fresh.flatMap((x) => [cite(x.source, x.e), cite(x.source, x.a)]).slice(0, 4),
      );
    const busy = busyConnectionCloses(logs, premature);
    if (busy && resets.length === 0)
      return ruledOut(
        {
          key: `${K}.busyConnection`,
          params: { n: premature.length, seconds: String(Math.round(busy.seconds * 10) / 10) },
        },
        premature.slice(0, 3).map((x) => cite(x.source, x.e)),
      );
    const first = premature[0] ?? resets[0];
    if (!first) {
      const other = otherKinds(logs, ['premature-close', 'reset']);
      const line = logs.flatMap(({ source, facts }) =>
        facts.errors.filter((e) => e.kind !== 'other').map((e) => cite(source, e)),
      )[0];
      return logSpeaks(logs) && other && line
        ? ruledOut({ key: `${K}.otherErrors`, params: { kinds: other } }, [line])
        : noEvidence;
    }
    const proxies = premature.every((x) => x.e.source === 'envoy' || x.e.source === 'traefik');
    const key = premature.length > 0 ? (proxies ? 'proxy' : 'premature') : 'reset';
    return finding(
      premature.length > 0 ? 'medium' : 'low',
      {
        key: `${K}.${key}`,
        params: { n: premature.length + resets.length, timeout: timeout?.value ?? '60s' },
      },
      [...premature.slice(0, 3), ...resets.slice(0, 2)]
        .map((x) => cite(x.source, x.e))
        .concat(extra),
      { ...upstreamVars(ctx, first.e.upstream), ...proxyVars(ctx, first) },
    );
  },
  fix: {
    now: [
      '# @{backend}',
      '[proxy=nginx] # @{lower}',
      '[proxy=nginx] kubectl -n {ingressns} patch configmap {configmap} --type merge -p \'{"data":{"upstream-keepalive-timeout":"{keepalivetimeout}"}}\'',
      '[proxy=envoy] # @{lowerEnvoy}',
      '[proxy=envoy] kubectl -n {namespace} get destinationrules -o yaml | grep -n -e "host:" -e idleTimeout',
      '[proxy=traefik] # @{lowerTraefik}',
      '[proxy=traefik] kubectl get serverstransports.traefik.io -A -o yaml | grep -n -e "name:" -e idleConnTimeout',
    ].join('\n'),
    persist: '# @{persist}',
    verify: [
      '[proxy=nginx] kubectl -n {ingressns} logs deploy/{controller} --since=10m | grep -c "prematurely closed"   # @{verify}',
      '[proxy=envoy] kubectl -n {ingressns} logs deploy/{controller} --since=10m | grep -c -e " UC " -e "connection termination"   # @{verify}',
      '[proxy=traefik] kubectl -n {ingressns} logs deploy/{controller} --since=10m | grep -c "EOF"   # @{verify}',
    ].join('\n'),
    rollback: [
      '[proxy=nginx] kubectl -n {ingressns} patch configmap {configmap} --type json -p \'[{"op":"remove","path":"/data/upstream-keepalive-timeout"}]\'',
      '[proxy=envoy,traefik] # @{rollbackEdit}',
    ].join('\n'),
    defaults: {
      proxy: 'nginx',
      namespace: 'default',
      ingressns: 'ingress-nginx',
      configmap: 'ingress-nginx-controller',
      controller: 'ingress-nginx-controller',
      keepalivetimeout: '4',
    },
  },
});
