import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';

const cause = 'upstream-timeout';
const timeout = readTestData(
  'fixtures/18-ingressnginx9443-upstream-timeout-quoted/ingress-controller.log',
);
const refused = readTestData('fixtures/21-ingressnginx8731-502-refused/ingress-controller.log');
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);
const errorLine = (phase: string) =>
  `2023/03/08 16:02:40 [error] 31#31: *569 upstream timed out (110: Connection timed out) while ${phase} upstream, client: 10.0.0.1, server: a.example.com, request: "GET / HTTP/1.1", upstream: "http://10.244.1.9:8080/", host: "a.example.com"\n`;

describe(cause, () => {
  it('finds "timed out while connecting" (fixture 18) and tests that pod from the controller', () => {
    const f = diagnoseTexts({ timeout }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('high');
    expect(f.why.key).toMatch(/\.connect$/);
    expect(f.fix.now).toContain('curl -sv -m 5 -o /dev/null http://192.168.215.1:80/');
    expect(f.fix.now).toContain('grep -w -e 192.168.215.1');
  });

  it('tells reading from connecting', () => {
    const f = diagnoseTexts({ l: errorLine('reading response header from') }).findings.find(
      (x) => x.cause === cause,
    )!;
    expect(f.why.key).toMatch(/\.read$/);
  });

  it('reads a 504 access line alone, connect timeouts by their 5 s attempts', () => {
    const access = timeout
      .split('\n')
      .filter((l) => l.includes('" 504 '))
      .join('\n');
    const d = diagnoseTexts({ access });
    expect(verdictOf(d, cause)).toBe('found:medium');
    expect(d.findings.find((x) => x.cause === cause)!.why.key).toMatch(/accessConnect$/);
  });

  it('rules it out when the errors are something else (fixture 21)', () => {
    expect(verdict({ refused })).toBe('ruled-out');
  });

  it("names the proxy's own settings: ingress-nginx's annotation, Traefik's ServersTransport", () => {
    const nginx = diagnoseTexts({ timeout }).findings.find((x) => x.cause === cause)!;
    expect(nginx.fix.now).toContain('nginx.ingress.kubernetes.io/proxy-read-timeout=120');
    expect(nginx.fix.now).toContain('exec deploy/ingress-nginx-controller -- curl');
    const traefik = readTestData(
      'cases/301-dask9185-traefik-504-dial-io-timeout-networkpolicy/traefik.log',
    );
    const f = diagnoseTexts({ traefik }).findings.find((x) => x.cause === cause)!;
    expect(f.fix.now).toContain('serverstransports.traefik.io');
    expect(`${f.fix.now}${f.fix.persist}${f.fix.rollback}`).not.toContain('nginx.ingress');
    // An operator's answer wins over the usual place of Traefik's pods.
    const answered = diagnoseTexts({ traefik }, { ingressns: 'edge' }).findings.find(
      (x) => x.cause === cause,
    )!;
    expect(answered.fix.verify).toContain('-n edge logs deploy/traefik');
  });
});
