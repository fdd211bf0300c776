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
