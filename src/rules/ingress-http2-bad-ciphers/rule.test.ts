import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';

const cause = 'ingress-http2-bad-ciphers';
const both = readRules(
  'ingress-http2-bad-ciphers/fixtures/broken--seed001-ciphers-and-browser.txt',
);
const lines = readRules('ingress-http2-bad-ciphers/fixtures/broken--seed001-ssl-lines.txt');
const fixed = readRules('ingress-http2-bad-ciphers/fixtures/fixed--seed001-default-ciphers.txt');
const rke = readRules('ingress-http2-bad-ciphers/fixtures/healthy--rke-pci-ingress-options.txt');
const browser = readRules('../parsers/nginx-tls/fixtures/nginx-tls--seed001-browser.txt');
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds AES128-SHA first with the browser refusal (seed 001)', () => {
    const f = diagnoseTexts({ both }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('high');
    expect(f.why.params).toMatchObject({ cipher: 'AES128-SHA' });
    expect(f.fix.now).toContain('"path":"/data/ssl-ciphers"');
  });

  it('is less sure with the settings alone (HTTP/2 on by default), or the browser alone', () => {
    expect(verdict({ lines })).toBe('found:medium');
    expect(verdict({ browser })).toBe('found:medium');
  });

  it('rules it out with the default ciphers, or ECDHE AEAD suites first', () => {
    expect(verdict({ fixed })).toBe('ruled-out');
    expect(verdict({ rke })).toBe('ruled-out');
  });

  it("reads only the controller's ConfigMap", () => {
    const kubeProxy = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: kube-proxy',
      '  namespace: kube-system',
      'data:',
      '  config.conf: |-',
      '    mode: ipvs',
      '',
    ].join('\n');
    expect(verdict({ kubeProxy })).toBe('no-evidence');
  });

  it('rules it out when HTTP/2 is off', () => {
    expect(verdict({ lines, cm: 'use-http2: "false"\nssl-protocols: "TLSv1.2"\n' })).toBe(
      'ruled-out',
    );
  });

  it('believes what a client negotiated: h2 over a forbidden cipher', () => {
    const curl = [
      '$ curl -vk --http2 -o /dev/null https://ke.example.com/',
      '*   Trying 10.0.0.5:443...',
      '* Connected to ke.example.com (10.0.0.5) port 443 (#0)',
      '* ALPN: offers h2,http/1.1',
      '* SSL connection using TLSv1.2 / AES128-SHA',
      '* ALPN: server accepted h2',
      '',
    ].join('\n');
    expect(verdict({ curl })).toBe('found:high');
  });

  it('an ssl_protocols with TLSv1.3 lets browsers avoid the TLS 1.2 list', () => {
    const with13 = lines.replace(/^ssl_protocols .*$/m, 'ssl_protocols TLSv1.2 TLSv1.3;');
    expect(verdict({ with13 })).toBe('ruled-out');
    // ...unless the browser says it refused all the same.
    expect(verdict({ with13, browser })).toMatch(/^found/);
  });

  it('the browser refusal outranks a list shown starting with a safe suite (EasyEngine#863)', () => {
    // nano cut the line at the screen edge: what follows the shown suites is unknown.
    const cut = readRules(
      '../parsers/nginx-tls/fixtures/nginx-tls--easyengine863-cut-ssl-ciphers.txt',
    );
    const f = diagnoseTexts({ cut, browser }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.why).toMatchObject({
      key: `cause.${cause}.verdict.browserGoodFirst`,
      params: { cipher: 'ECDHE-RSA-AES128-GCM-SHA256' },
    });
    // Healthy counterpart: the same list without a refusal is ruled out, as before.
    expect(verdict({ cut })).toBe('ruled-out');
  });
});

describe(`${cause}: TLS objects of Istio, Envoy Gateway, Traefik, Contour`, () => {
  const istio = readRules(
    'ingress-http2-bad-ciphers/fixtures/broken--istio37765-gateway-tls12.txt',
  );

  it('an Istio Gateway capped at TLS 1.2 whose first suite is forbidden', () => {
    const d = diagnoseTexts({ istio }, {}, 'ingress-5xx');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.why.params).toMatchObject({ cipher: 'AES128-GCM-SHA256', max: 'TLSV1_2' });
    expect(f.evidence.map((e) => e.text.trim())).toEqual([
      'cipherSuites:',
      'maxProtocolVersion: TLSV1_2',
    ]);
    expect(verdict({ istio, browser })).toBe('found:high');
  });

  it("the thread's fixes: TLSV1_3 allowed, or ECDHE suites first", () => {
    expect(
      verdict({ g: istio.replace('maxProtocolVersion: TLSV1_2', 'maxProtocolVersion: TLSV1_3') }),
    ).toBe('ruled-out');
    const reordered = istio
      .replace('      - AES128-GCM-SHA256\n      - AES256-GCM-SHA384\n', '')
      .replace('      maxProtocolVersion', '      - AES128-GCM-SHA256\n      maxProtocolVersion');
    expect(verdict({ reordered })).toBe('ruled-out');
  });

  it('Traefik (Go) orders the suites itself: only a list without any HTTP/2 suite breaks it', () => {
    const option = (suites: string[]) =>
      [
        'apiVersion: traefik.io/v1alpha1',
        'kind: TLSOption',
        'metadata:',
        '  name: default',
        'spec:',
        '  minVersion: VersionTLS12',
        '  maxVersion: VersionTLS12',
        '  cipherSuites:',
        ...suites.map((x) => `    - ${x}`),
        '',
      ].join('\n');
    expect(
      verdict({
        t: option(['TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']),
      }),
    ).toBe('ruled-out');
    expect(verdict({ t: option(['TLS_RSA_WITH_AES_256_GCM_SHA384']) })).toBe('found:medium');
  });
});

describe(`${cause}: the fix is written for the product the evidence came from`, () => {
  const fixOf = (pastes: Record<string, string>) =>
    diagnoseTexts(pastes, {}, 'ingress-5xx').findings.find((x) => x.cause === cause)!.fix;
  const istio = readRules(
    'ingress-http2-bad-ciphers/fixtures/broken--istio37765-gateway-tls12.txt',
  );

  it('an Istio Gateway: edit that Gateway (its name, its API group), never the nginx ConfigMap', () => {
    const f = fixOf({ istio });
    expect(f.now).toContain('kubectl -n default edit gateways.networking.istio.io my-gw');
    expect(f.verify).toContain('get gateways.networking.istio.io my-gw -o yaml');
    expect(f.rollback).toContain('edit gateways.networking.istio.io my-gw');
    for (const part of Object.values(f)) {
      expect(part).not.toContain('configmap');
      expect(part).not.toContain('[gateway=');
    }
  });

  it('Envoy Gateway and Contour: remove the TLS 1.2 cap of the object, in its namespace', () => {
    const ctp = [
      'apiVersion: gateway.envoyproxy.io/v1alpha1',
      'kind: ClientTrafficPolicy',
      'metadata:',
      '  name: tls-policy',
      '  namespace: envoy-gateway-system',
      'spec:',
      '  tls:',
      '    maxVersion: "1.2"',
      '    ciphers:',
      '    - AES128-SHA',
      '',
    ].join('\n');
    const f = fixOf({ ctp });
    expect(f.now).toContain(
      'kubectl -n envoy-gateway-system patch clienttrafficpolicies.gateway.envoyproxy.io tls-policy --type json',
    );
    expect(f.now).toContain('/spec/tls/maxVersion');
    const contour = [
      'apiVersion: projectcontour.io/v1alpha1',
      'kind: ContourConfiguration',
      'metadata:',
      '  name: contour',
      '  namespace: projectcontour',
      'spec:',
      '  envoy:',
      '    tls:',
      '      maximumProtocolVersion: "1.2"',
      '      cipherSuites:',
      '      - AES128-SHA',
      '',
    ].join('\n');
    const c = fixOf({ contour });
    expect(c.now).toContain('patch contourconfigurations.projectcontour.io contour');
    expect(c.now).toContain('/spec/envoy/tls/maximumProtocolVersion');
    expect(c.now).not.toContain('ssl-ciphers');
  });

  it("Traefik's old API group is kept; a Go server's own log gets no kubectl command", () => {
    const old = [
      'apiVersion: traefik.containo.us/v1alpha1',
      'kind: TLSOption',
      'metadata:',
      '  name: default',
      '  namespace: traefik',
      'spec:',
      '  maxVersion: VersionTLS12',
      '  cipherSuites:',
      '    - TLS_RSA_WITH_AES_256_GCM_SHA384',
      '',
    ].join('\n');
    expect(fixOf({ old }).now).toContain(
      'kubectl -n traefik edit tlsoptions.traefik.containo.us default',
    );
    const go = readRules(
      'ingress-http2-bad-ciphers/fixtures/broken--go-http2-sshwifty70-order.txt',
    );
    const g = fixOf({ go });
    expect(g.now).not.toContain('kubectl');
    expect(g.now).toContain('cipher');
  });

  it('ingress-nginx settings (healthy counterpart of the above): the ConfigMap fix, as before', () => {
    const f = fixOf({ both });
    expect(f.now).toContain('patch configmap ingress-nginx-controller');
    expect(f.now).not.toContain('gateways.networking.istio.io');
    expect(f.rollback).toContain('edit configmap ingress-nginx-controller');
  });
});
