import { cite, defineRule, finding } from '../rule';
import {
  CONNECT_FROM_PROXY,
  accessWith,
  proxyVars,
  eventsOf,
  ingressLogs,
  ruledOutByLog,
  telling,
  upstreamVars,
} from '../combine/ingress';

const K = 'cause.upstream-refused.verdict';

/**
 * 502 with "connect() failed (111: Connection refused)": the pod's IP answered with a RST, so
 * nothing listens on the targetPort (wrong port, app not up yet, pod restarting).
 */
export default defineRule({
  cause: 'upstream-refused',
  needs: ['ingress-nginx-log', 'proxy-log'],
  check(ctx) {
    const logs = ingressLogs(ctx);
    const refused = eventsOf(logs, 'refused');
    const bad = accessWith(logs, 502);
    if (refused.length > 0) {
      const first = refused[0]!;
      const upstreams = new Set(refused.map((x) => x.e.upstream).filter(Boolean));
      return finding(
        'high',
        {
          key: `${K}.why`,
          params: { n: refused.length, upstream: first.e.upstream ?? '?', pods: upstreams.size },
        },
        [
          ...telling(refused).map((x) => cite(x.source, x.e)),
          ...bad.slice(0, 1).map((x) => cite(x.source, x.a)),
        ],
        {
          ...upstreamVars(ctx, first.e.upstream),
          ...(first.e.host ? { host: first.e.host } : {}),
          ...proxyVars(ctx, first),
        },
      );
    }
    // A 502 whose attempts all failed at once (0.000 s) is what a refused connect looks like.
    const instant = bad.filter(
      (x) => x.a.upstreamTimes.length > 0 && x.a.upstreamTimes.every((t) => t !== null && t < 0.01),
    );
    const explained =
      eventsOf(
        logs,
        'premature-close',
        'reset',
        'header-too-big',
        'tls-upstream',
        'unreachable',
        'placeholder-upstream',
      ).length > 0;
    if (instant.length > 0 && !explained)
      return finding(
        'low',
        { key: `${K}.access`, params: { n: instant.length } },
        instant.slice(0, 3).map((x) => cite(x.source, x.a)),
        {
          ...upstreamVars(ctx, instant[0]!.a.upstreams[0] ?? null),
          ...proxyVars(ctx, instant[0]!),
        },
      );
    return ruledOutByLog(logs, ['refused'], K);
  },
  fix: {
    now: [
      '# @{who}',
      'kubectl get pods -A -o wide | grep -w -e {upstreamip}',
      '# @{ports}',
      'kubectl -n {namespace} get service {service} -o yaml | grep -A6 "ports:"',
      'kubectl -n {namespace} get endpoints {service} -o yaml | grep -A6 "ports:"',
      ...CONNECT_FROM_PROXY,
    ].join('\n'),
    persist: [
      '# @{targetPort}',
      'kubectl -n {namespace} patch service {service} --type=json -p \'[{"op":"replace","path":"/spec/ports/0/targetPort","value":{targetport}}]\'',
      '# @{readiness}',
    ].join('\n'),
    verify: [
      '[proxy=nginx] kubectl -n {ingressns} logs deploy/{controller} --since=10m | grep -c "Connection refused"   # @{verify}',
      '[proxy=envoy] kubectl -n {ingressns} logs deploy/{controller} --since=10m | grep -c -e "connect error: 111" -e "Connection refused"   # @{verify}',
      '[proxy=traefik] kubectl -n {ingressns} logs deploy/{controller} --since=10m | grep -c "connection refused"   # @{verify}',
    ].join('\n'),
    rollback: '# @{rollback}',
    defaults: {
      proxy: 'nginx',
      ingressns: 'ingress-nginx',
      controller: 'ingress-nginx-controller',
      upstream: 'POD_IP:PORT',
      upstreamip: 'POD_IP',
      namespace: 'default',
      service: 'SERVICE',
    },
  },
});
