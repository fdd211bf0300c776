import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';
import { readRules } from '../../testing/read-rules';

const cause = 'ingress-upstream-keepalive-mismatch';
const premature = readRules(
  'ingress-upstream-keepalive-mismatch/fixtures/broken--in9877-post-premature-close.txt',
);
const everyGet = readRules(
  'ingress-upstream-keepalive-mismatch/fixtures/healthy--in12285-get-502-fresh-connection.txt',
);
const refused = readTestData('fixtures/21-ingressnginx8731-502-refused/ingress-controller.log');
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds "prematurely closed ... while reading response header" on a POST (ingress-nginx#9877)', () => {
    const f = diagnoseTexts({ premature }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.fix.now).toContain('"upstream-keepalive-timeout":"4"');
  });

  // nginx retries a GET once more when a reused connection fails: a GET's 502 after one premature
  // close failed on a fresh connection (a TLS backend spoken to in HTTP, ingress-nginx#12285).
  it('rules it out when every failure is a GET answered 502 after a single premature close', () => {
    const d = diagnoseTexts({ everyGet });
    expect(verdictOf(d, cause)).toBe('ruled-out');
    const r = d.ruledOut.find((x) => x.cause === cause)!;
    expect(r.because).toMatchObject({ key: `cause.${cause}.verdict.freshConnection` });
    expect(r.evidence.map((e) => e.text)).toContain(everyGet.split('\n')[1]);
    // A GET without its 502 access line (the retry may have succeeded), or one tried twice on its
    // client connection, is still the race.
    const errorsOnly = everyGet
      .split('\n')
      .filter((l) => !l.includes('" 502 '))
      .join('\n');
    expect(verdict({ errorsOnly })).toBe('found:medium');
    const first = everyGet.split('\n')[0]!;
    expect(verdict({ retried: `${everyGet}\n${first}\n` })).toBe('found:medium');
    // A POST among them: nginx does not retry it, so a stale connection shows as its 502.
    expect(verdict({ mixed: `${everyGet}\n${premature}` })).toBe('found:medium');
  });

  it('rules it out without keepalive to the pods, or with other errors (fixture 21)', () => {
    const cm = 'upstream-keepalive-connections: "0"\nproxy-read-timeout: "60"\nuse-http2: "true"\n';
    expect(verdict({ premature, cm })).toBe('ruled-out');
    expect(verdict({ refused })).toBe('ruled-out');
  });

  // A stale pooled connection fails as the request is written; a close seconds into the request
  // cut work in progress (istio/istio#51619: UC after 120001 ms on a slow POST).
  it('rules it out when every premature close came seconds into its request', () => {
    const slow = readTestData(
      'cases/722-istio51619-envoy-uc-after-120s-slow-post-not-keepalive/istio-proxy.log',
    );
    const d = diagnoseTexts({ slow });
    expect(verdictOf(d, cause)).toBe('ruled-out');
    expect(d.ruledOut.find((x) => x.cause === cause)!.because).toMatchObject({
      key: `cause.${cause}.verdict.busyConnection`,
      params: { n: 1, seconds: '120' },
    });
    // The same line answered at once is the race.
    expect(verdict({ quick: slow.replace(' 138 95 120001 ', ' 138 95 0 ') })).toBe('found:medium');
    // nginx: the 502 access line's upstream time tells the same.
    const held = premature.replace(
      ' 340 0.016 [XXX] [] XXX 0 0.000 502 ',
      ' 340 30.016 [XXX] [] XXX 0 30.004 502 ',
    );
    expect(verdict({ held })).toBe('ruled-out');
    // One quick attempt among slow ones, a time-less access line (-), or no access line at all:
    // still the race.
    const retried = premature.replace(
      ' XXX 0 0.000 502 ',
      ' XXX, XXX 0, 0 30.004, 0.001 502, 502 ',
    );
    expect(verdict({ retried })).toBe('found:medium');
    const dash = premature.replace(
      ' 340 0.016 [XXX] [] XXX 0 0.000 502 ',
      ' 340 0.016 [XXX] [] XXX 0 - 502 ',
    );
    expect(verdict({ dash })).toBe('found:medium');
    const errorOnly = premature
      .split('\n')
      .filter((l) => !l.includes('" 502 '))
      .join('\n');
    expect(verdict({ errorOnly })).toBe('found:medium');
  });

  // nginx's uwsgi and SCGI modules open a connection per request and pool none: a premature close
  // there is the backend closing a fresh connection (speedy-net/speedy-net#7, unbit/uwsgi#1414).
  it('rules it out when every close is on a uwsgi or SCGI upstream, which nginx never pools', () => {
    const uwsgi = readTestData(
      'cases/1174-speedynet7-fenced-premature-close-uwsgi-unix-socket-not-keepalive/nginx-error.log',
    );
    const d = diagnoseTexts({ uwsgi });
    expect(verdictOf(d, cause)).toBe('ruled-out');
    expect(d.ruledOut.find((x) => x.cause === cause)!.because).toMatchObject({
      key: `cause.${cause}.verdict.unpooledProtocol`,
      params: { n: 1, protocol: 'uwsgi' },
    });
    const scgi = uwsgi.replace('"uwsgi://', '"SCGI://');
    expect(verdict({ scgi })).toBe('ruled-out');
    // The same line to an HTTP upstream is the race; so is a mix of uwsgi and HTTP upstreams, a
    // line that names no upstream, and a scheme that only contains "uwsgi".
    const http = uwsgi.replace('"uwsgi://unix:', '"http://unix:');
    expect(verdict({ http })).toBe('found:medium');
    expect(verdict({ mixed: `${uwsgi}\n${premature}` })).toBe('found:medium');
    const bare = uwsgi.replace(/, upstream: "[^"]*"/, '');
    expect(verdict({ bare })).toBe('found:medium');
    expect(verdict({ odd: uwsgi.replace('"uwsgi://', '"xuwsgi://') })).toBe('found:medium');
  });

  it("reads Envoy's UC / connection termination as the same race, in its own words", () => {
    const envoy = [
      '[2023-05-10T00:37:32.476Z] "POST /api HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 120 95 0 - "-" "okhttp/4.9.0" "id-1" "api.example.com" "10.8.1.7:8080" outbound|8080||api.prod.svc.cluster.local 10.8.0.4:52110 10.8.1.7:8080 10.8.0.1:40000 - default',
      '[2023-05-10T00:41:02.113Z] "GET /health HTTP/1.1" 200 - via_upstream - "-" 0 2 3 2 "-" "kube-probe/1.25" "id-2" "api.example.com" "10.8.1.7:8080" outbound|8080||api.prod.svc.cluster.local 10.8.0.4:52114 10.8.1.7:8080 10.8.0.1:40002 - default',
      '',
    ].join('\n');
    const f = diagnoseTexts({ envoy }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.why).toMatchObject({ key: 'cause.ingress-upstream-keepalive-mismatch.verdict.proxy' });
    // Its fix is Envoy's: the DestinationRule's idle timeout, not ingress-nginx's ConfigMap.
    expect(f.fix.now).toContain('get destinationrules');
    expect(f.fix.now).toContain('connectionPool.http.idleTimeout');
    expect(`${f.fix.now}${f.fix.rollback}`).not.toMatch(/configmap|upstream-keepalive-timeout/);
    expect(f.fix.verify).toContain('-n istio-system logs deploy/istio-ingressgateway');
    // A refused connection through Envoy is not this cause.
    const refusedEnvoy = envoy.replace(
      '503 UC upstream_reset_before_response_started{connection_termination} - "-"',
      '503 UF,URX upstream_reset_before_response_started{remote_connection_failure,delayed_connect_error:_111} - "delayed_connect_error:_111"',
    );
    expect(verdict({ refusedEnvoy })).toBe('ruled-out');
  });
});
