import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';
import { readRules } from '../../testing/read-rules';

const cause = 'upstream-refused';
const refused = readTestData('fixtures/21-ingressnginx8731-502-refused/ingress-controller.log');
const timeout = readTestData(
  'fixtures/18-ingressnginx9443-upstream-timeout-quoted/ingress-controller.log',
);
const old = readRules('upstream-refused/fixtures/broken--in3610-refused-old-format.txt');
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds connect() refused (fixture 21) and fills the pod address into the fix', () => {
    const f = diagnoseTexts({ refused }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('high');
    expect(f.fix.now).toContain('grep -w -e 10.244.111.111');
    expect(f.fix.persist).toContain('<TARGETPORT>');
  });

  it('finds it in the old log format too (ingress-nginx#3610)', () => {
    expect(verdict({ old })).toBe('found:high');
  });

  it('takes a 502 whose attempts all failed at once as a hint', () => {
    const access = old
      .split('\n')
      .filter((l) => l.includes('" 502 '))
      .join('\n');
    expect(verdict({ access })).toBe('found:low');
  });

  it('finds the Service of the pod when `kubectl get ep` lists it', () => {
    const ep =
      'NAMESPACE   NAME        ENDPOINTS           AGE\nlabs        weather     10.244.111.111:80   3d\n';
    const f = diagnoseTexts({ refused, ep }).findings.find((x) => x.cause === cause)!;
    expect(f.fix.now).toContain('kubectl -n labs get service weather');
  });

  it('rules it out when the errors are timeouts (fixture 18)', () => {
    expect(verdict({ timeout })).toBe('ruled-out');
  });

  it("finds Traefik's connection refused, and not its dial timeout (traefik#7102, dask#9185)", () => {
    const traefik = readTestData(
      'cases/302-traefik7102-fence-glued-502-connection-refused/traefik.log',
    );
    const f = diagnoseTexts({ traefik }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('high');
    expect(f.fix.now).toContain('grep -w -e 10.244.0.146');
    // Traefik's image has busybox wget, not curl; its pods are not ingress-nginx's.
    expect(f.fix.now).toContain('-n traefik exec deploy/traefik -- wget -q -T 5');
    expect(f.fix.now).not.toContain('curl');
    expect(f.fix.verify).toContain('grep -c "connection refused"');
    const dial = readTestData(
      'cases/301-dask9185-traefik-504-dial-io-timeout-networkpolicy/traefik.log',
    );
    expect(verdict({ dial })).toBe('ruled-out');
  });

  it('an instant 502 explained by a failed TLS handshake with the pod is no refusal (rook#13449)', () => {
    const tls = readTestData(
      'cases/1420-rook13449-ceph-dashboard-tls13-only-ssl-handshake-protocol-version-502/controller.log',
    );
    expect(verdict({ tls })).not.toMatch(/^found/);
    // The same 502 alone still hints at a refusal, and a real refusal next to it is still found.
    const access = tls
      .split('\n')
      .filter((l) => l.includes('" 502 '))
      .join('\n');
    expect(verdict({ access })).toBe('found:low');
    expect(verdict({ tls, refused })).toBe('found:high');
  });

  it('an Envoy UF with no failure reason is no refusal', () => {
    const envoy = readRules(
      '../parsers/proxy-log/fixtures/proxy-log--istio8750-envoy-text-uf-bold.txt',
    );
    expect(verdict({ envoy })).not.toMatch(/^found/);
  });
});
