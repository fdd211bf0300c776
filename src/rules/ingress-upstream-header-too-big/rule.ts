import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import {
  accessWith,
  eventsOf,
  ingressLogs,
  ingressSettings,
  logSpeaks,
  otherKinds,
  upstreamVars,
} from '../combine/ingress';

const K = 'cause.ingress-upstream-header-too-big.verdict';

/**
 * The backend's response headers (big cookies, long redirect URLs, auth tokens) do not fit
 * in proxy-buffer-size (4k or 8k by default): nginx logs "upstream sent too big header" and
 * answers 502.
 */
export default defineRule({
  cause: 'ingress-upstream-header-too-big',
  needs: ['ingress-nginx-log', 'proxy-log'],
  check(ctx) {
    const logs = ingressLogs(ctx);
    const big = eventsOf(logs, 'header-too-big');
    const settings = ingressSettings(ctx);
    const buffer = settings['proxy-buffer-size'];
    if (big.length > 0)
      return finding(
        'high',
        { key: `${K}.why`, params: { n: big.length, size: buffer?.value ?? '4k' } },
        [
          ...big.slice(0, 3).map((x) => cite(x.source, x.e)),
          ...accessWith(logs, 502)
            .slice(0, 1)
            .map((x) => cite(x.source, x.a)),
          ...(buffer ? [buffer.evidence] : []),
        ],
        {
          ...upstreamVars(ctx, big[0]!.e.upstream),
          ...(big[0]!.e.host ? { host: big[0]!.e.host } : {}),
        },
      );
    const other = otherKinds(logs, ['header-too-big']);
    if (logSpeaks(logs) && other) {
      const first = logs.flatMap(({ source, facts }) =>
        facts.errors.filter((e) => e.kind !== 'other').map((e) => cite(source, e)),
      )[0];
      return ruledOut({ key: `${K}.otherErrors`, params: { kinds: other } }, first ? [first] : []);
    }
    return noEvidence;
  },
  fix: {
    now: [
      '# @{annotate}',
      'kubectl -n {namespace} annotate ingress {ingress} nginx.ingress.kubernetes.io/proxy-buffer-size=16k --overwrite',
    ].join('\n'),
    persist: [
      '# @{global}',
      'kubectl -n {ingressns} patch configmap {configmap} --type merge -p \'{"data":{"proxy-buffer-size":"16k"}}\'',
    ].join('\n'),
    verify: [
      'curl -sk -o /dev/null -D - https://{host}/ | wc -c   # @{measure}',
      'kubectl -n {ingressns} logs deploy/{controller} --since=10m | grep -c "too big header"',
    ].join('\n'),
    rollback: [
      'kubectl -n {namespace} annotate ingress {ingress} nginx.ingress.kubernetes.io/proxy-buffer-size-',
      'kubectl -n {ingressns} patch configmap {configmap} --type json -p \'[{"op":"remove","path":"/data/proxy-buffer-size"}]\'',
    ].join('\n'),
    defaults: {
      ingressns: 'ingress-nginx',
      configmap: 'ingress-nginx-controller',
      controller: 'ingress-nginx-controller',
      namespace: 'default',
      ingress: 'INGRESS',
      host: 'HOST',
    },
  },
});
