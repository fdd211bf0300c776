import { cite, defineRule, finding } from '../rule';
import {
  CONNECT_FROM_PROXY,
  accessWith,
  eventsOf,
  ingressLogs,
  ruledOutByLog,
  proxyVars,
  telling,
  upstreamVars,
} from '../combine/ingress';

const K = 'cause.upstream-timeout.verdict';

/** ingress-nginx defaults: proxy-connect-timeout 5 s, proxy-read-timeout 60 s. */
const CONNECT_DEFAULT = 5;

/**
 * 504: nginx got no answer from the pod in time. "while connecting" means the SYN went
 * unanswered (the network between the controller and the pod); "while reading response header"
 * means the pod accepted and then said nothing for proxy-read-timeout (the app).
 */
export default defineRule({
  cause: 'upstream-timeout',
  needs: ['ingress-nginx-log', 'proxy-log'],
  check(ctx) {
    const logs = ingressLogs(ctx);
    const connect = eventsOf(logs, 'timeout-connect');
    const read = eventsOf(logs, 'timeout-read');
    const gateway = accessWith(logs, 504);
    if (connect.length + read.length > 0) {
      const phase = connect.length >= read.length ? 'connect' : 'read';
      const events = phase === 'connect' ? connect : read;
      const first = events[0]!;
      return finding(
        'high',
        {
          key: `${K}.${phase}`,
          params: { n: connect.length + read.length, upstream: first.e.upstream ?? '?' },
        },
        [
          ...telling(events).map((x) => cite(x.source, x.e)),
          ...gateway.slice(0, 1).map((x) => cite(x.source, x.a)),
          ...(phase === 'connect' ? read : connect).slice(0, 1).map((x) => cite(x.source, x.e)),
        ],
        {
          ...upstreamVars(ctx, first.e.upstream),
          ...(first.e.host ? { host: first.e.host } : {}),
          ...proxyVars(ctx, first),
        },
      );
    }
    if (gateway.length > 0) {
      // Each attempt's time tells the phase: ~5 s is the connect timeout, longer is reading.
      const times = gateway
        .flatMap((x) => x.a.upstreamTimes)
        .filter((t): t is number => t !== null);
      const phase =
        times.length > 0 && times.every((t) => t <= CONNECT_DEFAULT + 0.5)
          ? 'accessConnect'
          : 'access';
      const upstream = gateway.find((x) => x.a.upstreams[0])?.a.upstreams[0] ?? null;
      return finding(
        'medium',
        { key: `${K}.${phase}`, params: { n: gateway.length } },
        gateway.slice(0, 4).map((x) => cite(x.source, x.a)),
        { ...upstreamVars(ctx, upstream), ...proxyVars(ctx, gateway[0]!) },
      );
    }
    return ruledOutByLog(logs, ['timeout-connect', 'timeout-read'], K);
  },
  fix: {
    now: [
      '# @{connecting}',
      ...CONNECT_FROM_PROXY,
      'kubectl get pods -A -o wide | grep -w -e {upstreamip}',
      '# @{reading}',
      '[proxy=nginx] kubectl -n {namespace} annotate ingress {ingress} nginx.ingress.kubernetes.io/proxy-read-timeout=120 --overwrite',
      '[proxy=envoy] # @{readingEnvoy}',
      '[proxy=envoy] kubectl -n {namespace} get virtualservices -o yaml | grep -n -e "hosts:" -e "timeout:"',
      '[proxy=traefik] # @{readingTraefik}',
      '[proxy=traefik] kubectl get serverstransports.traefik.io -A -o yaml | grep -n -e "name:" -e responseHeaderTimeout',
    ].join('\n'),
    persist: [
      '# @{persistConnect}',
      '# @{persistRead}',
      '[proxy=nginx] kubectl -n {namespace} get ingress {ingress} -o yaml | grep proxy-read-timeout',
    ].join('\n'),
    verify: [
      '[proxy=nginx] kubectl -n {ingressns} logs deploy/{controller} --since=10m | grep -c "upstream timed out"   # @{verify}',
      '[proxy=envoy] kubectl -n {ingressns} logs deploy/{controller} --since=10m | grep -c -e " UT " -e "upstream request timeout"   # @{verify}',
      '[proxy=traefik] kubectl -n {ingressns} logs deploy/{controller} --since=10m | grep -c -e "i/o timeout" -e "Gateway Timeout"   # @{verify}',
    ].join('\n'),
    rollback: [
      '[proxy=nginx] kubectl -n {namespace} annotate ingress {ingress} nginx.ingress.kubernetes.io/proxy-read-timeout-',
      '[proxy=envoy,traefik] # @{rollbackEdit}',
    ].join('\n'),
    defaults: {
      proxy: 'nginx',
      ingressns: 'ingress-nginx',
      controller: 'ingress-nginx-controller',
      upstream: 'POD_IP:PORT',
      upstreamip: 'POD_IP',
      namespace: 'default',
      ingress: 'INGRESS',
    },
  },
});
