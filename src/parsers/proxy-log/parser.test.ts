import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import {
  claimsOnly,
  direct,
  only,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { readTestData } from '../../testing/test-data';
import { parsePaste } from '../registry';
import { proxyLog } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const log = (text: string) => only(text, 'proxy-log');
const caseFile = (p: string) => readTestData(`cases/${p}`);

describe('proxy-log: Traefik', () => {
  it('a dial i/o timeout is a connect timeout to the pod (dask/dask#9185)', () => {
    const r = log(caseFile('301-dask9185-traefik-504-dial-io-timeout-networkpolicy/traefik.log'));
    expect(r.facts.errors).toEqual([
      expect.objectContaining({
        kind: 'timeout-connect',
        source: 'traefik',
        level: 'debug',
        upstream: '10.240.0.192:8000',
        line: 2,
      }),
    ]);
  });

  it('connection refused, the fence glued to the line (traefik/traefik#7102)', () => {
    const r = log(caseFile('302-traefik7102-fence-glued-502-connection-refused/traefik.log'));
    expect(r.facts.errorCounts).toEqual({ refused: 1 });
    expect(r.facts.errors[0]).toMatchObject({ upstream: '10.244.0.146:5000', line: 1 });
  });

  it("Traefik's other debug lines are its own, and no upstream errors", () => {
    const r = log(
      caseFile('303-traefik4297-indented-504-dial-io-timeout-docker-network/traefik.log'),
    );
    expect(r.problems).toEqual([]);
    expect(r.facts.errorCounts).toEqual({ 'timeout-connect': 1 });
  });

  it('stern and kubectl --prefix prefixes, v3 zerolog lines, the Go errors that say why', () => {
    const r = log(
      [
        '[traefik-6655b5c5f4-jdw45 traefik] time="2020-09-26T01:59:50Z" level=debug msg="\'504 Gateway Timeout\' caused by: dial tcp 192.168.1.59:8443: i/o timeout"',
        '[pod/traefik-abc/traefik] time="2021-12-06T10:00:00Z" level=debug msg="\'502 Bad Gateway\' caused by: EOF"',
        '2024-05-01T10:00:00Z DBG github.com/traefik/traefik/v3/pkg/proxy/httputil/proxy.go:113 > 502 Bad Gateway error="dial tcp 10.42.0.5:80: connect: connection refused"',
        '',
      ].join('\n'),
    );
    expect(r.facts.errors.map((e) => [e.kind, e.upstream])).toEqual([
      ['timeout-connect', '192.168.1.59:8443'],
      ['premature-close', null],
      ['refused', '10.42.0.5:80'],
    ]);
  });

  it('v3 lines without time and caller, only the `>` separator left (Traefik blog, retry demo)', () => {
    const r = log(
      caseFile('1502-traefik-blog-retry-k3s-dbg-no-time-502-refused-port-81/traefik.log'),
    );
    expect(r.facts.errors.map((e) => [e.kind, e.upstream, e.line])).toEqual([
      ['refused', '10.42.0.11:81', 5],
      ['refused', '10.42.0.12:81', 8],
      ['refused', '10.42.0.11:81', 11],
      ['refused', '10.42.0.12:81', 14],
    ]);
    // The same form behind a docker compose prefix (a sadservers write-up, 2025).
    const compose = log(
      [
        'traefik-1 | DBG > Service selected by WRR: http://172.19.0.2:81',
        'traefik-1 | DBG > 502 Bad Gateway error="dial tcp 172.19.0.2:81: connect: connection refused"',
        '',
      ].join('\n'),
    );
    expect(compose.facts.errorCounts).toEqual({ refused: 1 });
    // Other messages after the bare separator are no upstream error; a lone `>` is no message.
    for (const line of ['DBG > Service selected by WRR: 265d14423adb2c79', 'ERR >', 'DBG >> 502']) {
      const d = direct(proxyLog, `${line}\n`);
      expect(d.status === 'rejected' ? [] : d.facts.errors).toEqual([]);
    }
  });

  it("Traefik's own 'no endpoints' errors name the Service (v1, v2 logfmt, v3 zerolog)", () => {
    // Real v2 sample: k3s's bundled Traefik, an Ingress asking for a port the Service lacks.
    const v2 = log(
      caseFile(
        '1343-k3s-interview-notes-traefik-v2-skipping-service-no-endpoints-port-8080-vs-8090/traefik.log',
      ),
    );
    expect(v2.facts.errors).toEqual([
      expect.objectContaining({
        kind: 'no-endpoints',
        source: 'traefik',
        service: 'default/interview',
      }),
    ]);
    // v3 (a homelab blog, 2024): the fields follow the message.
    const v3 = log(
      '2024-08-10T02:10:44Z ERR Skipping service: no endpoints found ingress=podinfo namespace=podinfo providerName=kubernetes serviceName=podinfo servicePort=&ServiceBackendPort{Name:,Number:9898,}\n',
    );
    expect(v3.facts.errors[0]).toMatchObject({ kind: 'no-endpoints', service: 'podinfo/podinfo' });
    // v1 (dusansusic/kubernetes-traefik#10): the Service in the message itself.
    const v1 = log(
      [
        'time="2020-05-09T18:30:18Z" level=warning msg="Endpoints not available for default/stilton"',
        'time="2020-05-09T18:30:18Z" level=error msg="Service not found for default/wensleydale"',
        'time="2020-05-09T18:30:18Z" level=warning msg="Endpoints not found for default/wensleydale"',
      ].join('\n'),
    );
    expect(v1.facts.errors.map((e) => [e.kind, e.service])).toEqual([
      ['no-endpoints', 'default/stilton'],
      ['no-endpoints', 'default/wensleydale'],
    ]);
  });

  it('only those messages: other wording about endpoints is no such event', () => {
    for (const msg of [
      'Skipping service: no endpoints foundation',
      'Endpoints not available for default/stilton, retrying later',
      'Endpoints not available',
      'Skipping Kubernetes event kind *v1.Endpoints',
    ]) {
      const text = `time="2020-05-09T18:30:18Z" level=warning msg="${msg}" providerName=kubernetes\n`;
      const r = direct(proxyLog, text);
      expect(r.status).not.toBe('rejected');
      expect(r.status === 'rejected' ? null : r.facts.errors).toEqual([]);
    }
  });

  it('a logfmt line of any other Go program is not claimed', () => {
    const text = 'time="2020-01-01T00:00:00Z" level=info msg="starting server"\n';
    expect(proxyLog.detect(toLines(text), { command: null })).toBe(false);
  });
});

describe('proxy-log: Envoy', () => {
  it("kail's `namespace/pod[container]: ` prefix before a 503 NR (knative net-contour#202)", () => {
    const r = log(
      caseFile(
        '1035-netcontour202-kail-prefix-envoy-503-nr-listener-update-not-no-endpoints/envoy.log',
      ),
    );
    expect(r.facts.access).toMatchObject({ total: 1, statuses: { '503': 1 } });
    // No route: Envoy tried no upstream, so no connect failure, refusal or missing endpoint.
    expect(r.facts.errors.filter((e) => e.kind !== 'other')).toEqual([]);
    expect(r.facts.access.serverErrors[0]).toMatchObject({ status: 503, upstreams: [] });
    // Healthy counterpart under the same prefix: a 200 through to the pod.
    const ok = log(
      'contour-external/envoy-2qphz[envoy]: [2020-08-16T11:02:25.650Z] "GET / HTTP/1.1" 200 - 0 73 2 2 "35.232.8.97" "Go-http-client/1.1" "eb4d354f-bd8d-445e-80c4-814c385c686b" "svc.example.com" "10.28.6.9:8012"\n',
    );
    expect(ok.facts.access).toMatchObject({ total: 1, statuses: { '200': 1 } });
    // The prefix makes no other program's line Envoy's or Traefik's.
    const other = 'ns/app-1[app]: time="2020-01-01T00:00:00Z" level=info msg="starting server"\n';
    expect(proxyLog.detect(toLines(other), { command: null })).toBe(false);
  });

  it('the default text format, bold status codes, UF without a reason (istio/istio#8750)', () => {
    const r = log(local('proxy-log--istio8750-envoy-text-uf-bold.txt'));
    expect(r.problems).toEqual([]);
    expect(r.facts.access).toMatchObject({ total: 4, statuses: { '200': 1, '503': 3 } });
    // A connection failure that does not say why is neither a refusal nor a timeout.
    expect(r.facts.errorCounts).toEqual({ 'connect-failed': 3 });
    expect(r.facts.access.serverErrors[0]).toMatchObject({
      status: 503,
      upstreams: ['137.117.17.70:443'],
      upstreamTimes: [],
      requestTime: 1.001,
      line: 2,
    });
  });

  it('Istio text format: UH is an upstream with no healthy endpoint (istio/istio#54023)', () => {
    const r = log(local('proxy-log--istio54023-envoy-text-uh-subset.txt'));
    expect(r.facts.errors[0]).toMatchObject({
      kind: 'no-live-upstreams',
      source: 'envoy',
      message: '503 UH no_healthy_upstream',
    });
  });

  it('a request without the protocol, "POST /foo/bar": UC at once (zhaohuabing istio-guide)', () => {
    const r = log(
      caseFile(
        '1503-zhaohuabing-istio-guide-zh-503-uc-connection-termination-duration-0-keepalive/envoy-access.log',
      ),
    );
    expect(r.facts.errors).toEqual([
      expect.objectContaining({
        kind: 'premature-close',
        source: 'envoy',
        upstream: '30.183.173.155:1984',
        request: 'POST /foo/bar',
        line: 2,
      }),
    ]);
    expect(r.facts.access.serverErrors[0]).toMatchObject({ requestTime: 0 });
    // Two words only when they look like a method and a path; no other bracketed log line.
    for (const request of ['post /foo/bar', 'GET', 'hello world', 'GET foo']) {
      const line = `[2023-01-05T04:21:37.764Z] "${request}" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 0 95 0 - "-"\n`;
      expect(proxyLog.detect(toLines(line), { command: null })).toBe(false);
    }
  });

  // Istio logs TCP proxying with `"- - -"` and response code 0; a refused connect is its UF.
  it('a TCP line (code 0) and an HTTP line, both refused, labelled and backquoted (istio/istio#51267)', () => {
    const r = log(
      caseFile('723-istio51267-backquoted-envoy-uf-delayed-connect-111-inbound/istio-proxy.log'),
    );
    expect(r.facts.errors.map((e) => [e.kind, e.request, e.upstream, e.line])).toEqual([
      ['refused', '- - -', '100.72.2.95:7801', 3],
      [
        'refused',
        'POST /plugins/high-availability/event/ref-updated HTTP/1.1',
        '100.72.2.83:8080',
        7,
      ],
    ]);
    expect(r.facts.access.statuses).toEqual({ '0': 1, '503': 1 });
    // Only 0 stands in for a code: any other short number is not Envoy's line.
    const tcp =
      '[2024-05-28T18:42:53.929Z] "- - -" 0 UF,URX - - "delayed_connect_error:_111" 0 0 0 - "-" "-" "-" "-" "100.72.2.95:7801" InboundPassthroughClusterIpv4 - 100.72.2.95:7801 100.72.9.97:33948 - -';
    for (const code of ['00', '42'])
      expect(parsePaste(tcp.replace('" 0 UF', `" ${code} UF`), 'x')[0]!.kind).not.toBe('proxy-log');
    // A TCP line that went through (no flags) is no error.
    expect(
      log(tcp.replace('0 UF,URX - - "delayed_connect_error:_111"', '0 - - - "-"')).facts.errors,
    ).toEqual([]);
  });

  it('JSON, camelCase keys, in inline backquotes (envoyproxy/envoy#17432)', () => {
    const r = log(local('proxy-log--envoy17432-json-camel-uf-urx.txt'));
    expect(r.facts.errorCounts).toEqual({ 'connect-failed': 1 });
    expect(r.facts.access.statuses).toEqual({ '503': 1 });
  });

  it('UAEX (denied by the authorization check) names no upstream problem (istio/istio#19056)', () => {
    const r = log(caseFile('304-istio19056-json-503-uaex-policy-no-healthy-upstream/gateway.log'));
    expect(r.command).toMatch(/kubectl logs/);
    expect(r.facts.errorCounts).toEqual({ other: 1 });
    expect(r.facts.errors[0]!.kind).not.toBe('no-live-upstreams');
  });

  it('the transport failure reason and flags tell refused, timeout and keepalive apart', () => {
    let ms = 100;
    const line = (flags: string, details: string, reason: string) =>
      `[2023-01-01T00:00:00.${(ms += 111)}Z] "GET / HTTP/1.1" 503 ${flags} ${details} - "${reason}" 0 91 2 - "-" "curl/7.81.0" "id" "example.com" "10.1.2.3:8080" outbound|80||web.default.svc.cluster.local 10.1.0.9:40000 10.1.2.3:8080 10.1.0.1:5000 - default`;
    const r = log(
      [
        line(
          'UF,URX',
          'upstream_reset_before_response_started{remote_connection_failure,delayed_connect_error:_111}',
          'delayed_connect_error:_111',
        ),
        line(
          'UF,URX',
          'upstream_reset_before_response_started{connection_failure}',
          'delayed_connect_error:_110',
        ),
        line('UC', 'upstream_reset_before_response_started{connection_termination}', '-'),
        line('UT', 'response_timeout', '-'),
        '',
      ].join('\n'),
    );
    expect(r.facts.errors.map((e) => [e.kind, e.upstream])).toEqual([
      ['refused', '10.1.2.3:8080'],
      ['timeout-connect', '10.1.2.3:8080'],
      ['premature-close', '10.1.2.3:8080'],
      ['timeout-read', '10.1.2.3:8080'],
    ]);
  });

  it("Envoy's local replies as the client saw them", () => {
    const r = log(
      [
        'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111',
        'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
        'no healthy upstream',
        '',
      ].join('\n'),
    );
    expect(r.facts.errors.map((e) => e.kind)).toEqual([
      'refused',
      'premature-close',
      'no-live-upstreams',
    ]);
  });

  it('a 200 line alone is a healthy log, and its own application log is read', () => {
    const r = direct(
      proxyLog,
      [
        '[2018-05-20 22:58:19.489][41][info][upstream] external/envoy/source/common/upstream/cluster_manager_impl.cc:379] add/update cluster outbound|9103||monitoring-exporter.kube-system.svc.cluster.local during init',
        '[2021-01-01T00:00:00.000Z] "GET / HTTP/1.1" 200 - via_upstream - "-" 0 5 3 2 "-" "curl/7.81.0" "id" "example.com" "10.1.2.3:8080" outbound|80||web.default.svc.cluster.local - - - - -',
      ].join('\n'),
    );
    expect(r.status).toBe('parsed');
    if (r.status === 'rejected') return;
    expect(r.facts.errors).toEqual([]);
    expect(r.facts.access.statuses).toEqual({ '200': 1 });
  });

  it('an ingress-nginx log stays ingress-nginx-log', () => {
    const text =
      '2023/03/08 16:02:40 [error] 31#31: *569 upstream timed out (110: Operation timed out) while connecting to upstream, client: 1.2.3.4, server: x, request: "GET / HTTP/1.1", upstream: "http://192.168.215.1:80/", host: "x"\n';
    expect(parsePaste(text, 'x')[0]!.kind).toBe('ingress-nginx-log');
  });
});

describe('proxy-log: only proxy logs are claimed', () => {
  claimsOnly(proxyLog, []);
});

describe('proxy-log: texts', () => {
  textsMatch('proxy-log', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('proxy-log: hostile input', () => {
  survivesHostileInput(
    proxyLog,
    [
      'time="2022-06-13T09:08:53Z" level=debug msg="\'504 Gateway Timeout\' caused by: dial tcp 10.240.0.192:8000: i/o timeout"',
      '[2018-09-15T06:34:53.973Z] "GET /x HTTP/1.1" 503 UF 0 57 1001 - "172.17.0.1" "curl/7.61.0" "id" "example.org" "137.117.17.70:443"',
      '{"response_code":"503","response_flags":"UH","upstream_host":"-","duration":"0"}',
      'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
      'not a log line',
    ],
    { commands: [null, 'kubectl -n istio-system logs deploy/istio-ingressgateway'] },
  );
});
