import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';
import { readRules } from '../../testing/read-rules';

const cause = 'upstream-no-endpoints';
const glog = readRules('upstream-no-endpoints/fixtures/broken--in1537-no-active-endpoints.txt');
const timeout = readTestData(
  'fixtures/18-ingressnginx9443-upstream-timeout-quoted/ingress-controller.log',
);
const emptyEp = readRules(
  '../parsers/k8s-object/fixtures/k8s-object--k8s47711-endpoints-empty.txt',
);
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds the controller saying the Service has no active endpoint (ingress-nginx#1537)', () => {
    const f = diagnoseTexts({ glog }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('high');
    expect(f.fix.now).toContain('kubectl -n default get endpoints kube-lego-service');
  });

  it('links 503s to a backend whose endpoints are <none>', () => {
    const access =
      '10.0.0.7 - - [29/Dec/2018:16:02:02 +0000] "GET / HTTP/1.1" 503 190 "-" "curl/7.58.0" 76 0.000 [shop-web-80] [] - - - - 2c1f3e\n';
    const ep = 'NAMESPACE   NAME   ENDPOINTS   AGE\nshop        web    <none>      2d\n';
    expect(verdict({ access, ep })).toBe('found:high');
  });

  it('is a hint from empty endpoints alone', () => {
    expect(verdict({ emptyEp })).toBe('found:low');
  });

  it('rules it out when nginx had pod addresses to try (fixture 18)', () => {
    expect(verdict({ timeout })).toBe('ruled-out');
  });

  // ingress-nginx#6135 (cmoulliard): the controller says no active Endpoint while the Endpoints
  // of that very Service, pasted with it, list a ready pod.
  const w6135 =
    'W0408 16:38:40.185591       7 controller.go:909] Service "ci/jenkinsci" does not have any active Endpoint.\n';
  const ep6135 = [
    'kc get endpoints -n ci',
    'NAME                        ENDPOINTS            AGE',
    'jenkinsci                   10.244.0.251:8080    20m',
    'jenkinsci-agent             10.244.0.251:50000   20m',
  ].join('\n');

  it('rules it out when the Endpoints of the Service the controller names list ready addresses', () => {
    const r = diagnoseTexts({ w6135, ep6135 });
    expect(verdictOf(r, cause)).toBe('ruled-out');
  });

  it('still finds it when those Endpoints are <none>, or list only another Service', () => {
    const none = ep6135.replace('10.244.0.251:8080 ', '<none>            ');
    expect(verdict({ w6135, none })).toBe('found:high');
    const other = ep6135
      .split('\n')
      .filter((l) => !/^jenkinsci /.test(l))
      .join('\n');
    expect(verdict({ w6135, other })).toBe('found:high');
    const otherNs =
      'NAMESPACE   NAME        ENDPOINTS           AGE\nprod        jenkinsci   10.244.0.9:8080     2d\n';
    expect(verdict({ w6135, otherNs })).toBe('found:high');
  });
});

describe('upstream-no-endpoints from kubectl describe ingress', () => {
  // kubernetes/kubectl issue 592: kubectl 1.13 printed `(<none>)` for the backends of every
  // ingress outside kube-system, endpoints or not. It proves nothing.
  const kubectl592 = [
    'Name:             test',
    'Namespace:        test',
    'Default backend:  default-http-backend:80 (<none>)',
    'Rules:',
    '  Host                       Path  Backends',
    '  ----                       ----  --------',
    '  example.com',
    '                             /*   example:80 (<none>)',
    'Annotations:',
  ].join('\n');

  it('<none> proves nothing; a missing Endpoints object does; the default backend never counts', () => {
    expect(verdictOf(diagnoseTexts({ d: kubectl592 }), 'upstream-no-endpoints')).toBe(
      'no-evidence',
    );
    const missing = kubectl592.replace(
      'example:80 (<none>)',
      'example:80 (<error: endpoints "example" not found>)',
    );
    expect(verdictOf(diagnoseTexts({ d: missing }), 'upstream-no-endpoints')).toBe('found:low');
    const onlyDefault = kubectl592
      .replace('(<none>)', '(<error: endpoints "default-http-backend" not found>)')
      .replace('example:80 (<none>)', 'example:80 (10.1.2.3:8080)');
    expect(verdictOf(diagnoseTexts({ d: onlyDefault }), 'upstream-no-endpoints')).toBe('ruled-out');
  });
});

describe(`${cause}: the 127.0.0.1:8181 placeholder upstream`, () => {
  const line = (upstream: string) =>
    `2018/11/20 17:57:10 [error] 5999#5999: *85 connect() failed (111: Connection refused) while connecting to upstream, client: 10.244.0.1, server: cafe.example.com, request: "GET /tea HTTP/1.1", upstream: "http://${upstream}/tea", host: "cafe.example.com"\n`;

  it('a refused connect to 127.0.0.1:8181 means no endpoints, not a pod that refused', () => {
    const d = diagnoseTexts({ log: line('127.0.0.1:8181') }, {}, 'ingress-5xx');
    expect(verdictOf(d, cause)).toBe('found:medium');
    expect(d.findings.find((x) => x.cause === cause)!.why.key).toBe(
      'cause.upstream-no-endpoints.verdict.placeholder',
    );
    expect(verdictOf(d, 'upstream-refused')).not.toMatch(/^found/);
  });

  it('healthy counterpart: a pod address refusing is the pod, not missing endpoints', () => {
    const d = diagnoseTexts({ log: line('10.244.1.7:80') }, {}, 'ingress-5xx');
    expect(verdictOf(d, 'upstream-refused')).toBe('found:high');
    expect(verdictOf(d, cause)).not.toMatch(/^found/);
  });

  it("reads Envoy's 503 UH as an upstream without a healthy endpoint, UAEX as none", () => {
    const uh = readRules(
      '../parsers/proxy-log/fixtures/proxy-log--istio54023-envoy-text-uh-subset.txt',
    );
    expect(verdict({ uh })).toBe('found:medium');
    const uaex = readTestData(
      'cases/304-istio19056-json-503-uaex-policy-no-healthy-upstream/gateway.log',
    );
    expect(verdict({ uaex })).not.toMatch(/^found/);
  });
});

describe(`${cause}: nginx's own 'no live upstreams'`, () => {
  const noLive = (upstream: string, conn = 51) =>
    `2019/11/20 23:04:29 [error] 236399#0: *${conn} no live upstreams while connecting to upstream, client: 10.0.20.67, server: dca.example.com, request: "GET /favicon.ico HTTP/2.0", upstream: "http://${upstream}/favicon.ico", host: "dca.example.com"\n`;
  // Real sample (case 1340): SELinux denies nginx's connect to both addresses of localhost, then
  // nginx has no live server left in the implicit `localhost` group.
  const selinux = readTestData(
    'cases/1340-walle-confluence-nginx-selinux-13-permission-denied-then-no-live-upstreams/error.log',
  );

  it('rules it out for a group of local processes (localhost, loopback)', () => {
    const d = diagnoseTexts({ log: selinux }, {}, 'ingress-5xx');
    expect(verdictOf(d, cause)).toBe('ruled-out');
    expect(d.ruledOut.find((x) => x.cause === cause)!.because.key).toBe(
      'cause.upstream-no-endpoints.verdict.noLiveLocal',
    );
    expect(verdict({ log: noLive('127.0.0.1:8080') })).toBe('ruled-out');
    expect(verdict({ log: noLive('[::1]:5100') })).toBe('ruled-out');
  });

  it("rules it out after nginx's own failed connects to the servers it had", () => {
    const refused =
      '2023/03/08 16:02:40 [error] 31#31: *569 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.5, server: shop.example.com, request: "GET / HTTP/1.1", upstream: "http://10.244.1.7:8080/", host: "shop.example.com"\n';
    const d = diagnoseTexts({ log: refused + noLive('upstream_balancer', 570) }, {}, 'ingress-5xx');
    expect(verdictOf(d, cause)).toBe('ruled-out');
    expect(d.ruledOut.find((x) => x.cause === cause)!.because.key).toBe(
      'cause.upstream-no-endpoints.verdict.noLiveAfterFailures',
    );
  });

  it('still finds it from a lone no live upstreams of a controller group', () => {
    expect(verdict({ log: noLive('upstream_balancer') })).toBe('found:medium');
    // A host that only starts like localhost is no loopback group.
    expect(verdict({ log: noLive('localhost.example.com') })).toBe('found:medium');
    // Empty endpoints pasted alongside keep the finding, whatever the group is called.
    const ep = 'NAMESPACE   NAME   ENDPOINTS   AGE\nshop        web    <none>      2d\n';
    expect(verdict({ log: noLive('localhost'), ep })).toMatch(/^found/);
  });
});

describe(`${cause}: Traefik's 'Skipping service: no endpoints found'`, () => {
  const traefik =
    'time="2025-02-12T02:17:51Z" level=error msg="Skipping service: no endpoints found" namespace=default serviceName=interview servicePort="&ServiceBackendPort{Name:,Number:8080,}" providerName=kubernetes ingress=interview\n';

  it('is the controller saying the Service has no endpoints (case 1343)', () => {
    const d = diagnoseTexts({ traefik }, {}, 'ingress-5xx');
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.fix.now).toContain(
      'kubectl -n default get endpoints interview',
    );
  });

  it('healthy counterpart: Endpoints of that Service listing a ready pod rule it out', () => {
    const ep = 'NAME        ENDPOINTS           AGE\ninterview   10.42.0.9:8090      3m\n';
    expect(verdict({ traefik, ep })).toBe('ruled-out');
  });
});
