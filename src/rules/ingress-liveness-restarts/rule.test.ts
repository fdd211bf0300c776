import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';

const cause = 'ingress-liveness-restarts';
const killed = readRules(
  'ingress-liveness-restarts/fixtures/broken--in8790-killed-by-liveness.txt',
);
const old = readRules('ingress-liveness-restarts/fixtures/broken--contrib1715-old-events.txt');
const pods = readRules('ingress-liveness-restarts/fixtures/broken--in7384-restart-counts.txt');
const readiness = readRules(
  'ingress-liveness-restarts/fixtures/healthy--in7384-readiness-only.txt',
);
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds restarts by the liveness probe, in both event formats', () => {
    expect(verdict({ killed })).toBe('found:high');
    expect(verdict({ old })).toBe('found:high');
  });

  it('finds a failing liveness probe on 10254 before it restarts anything', () => {
    const events = [
      'Events:',
      '  Type     Reason     Age                  From     Message',
      '  ----     ------     ----                 ----     -------',
      '  Warning  Unhealthy  2m46s (x24 over 5d4h)  kubelet  Liveness probe failed: Get http://10.24.4.106:10254/healthz: net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
      '',
    ].join('\n');
    expect(verdict({ events })).toBe('found:medium');
  });

  it('reads kubectl get events -A rows that lost their header (ingress-nginx 12796)', () => {
    const rows = readFileSync(
      new URL(
        '../../parsers/kubectl-get/fixtures/kubectl-get--in12796-headerless-events-A.txt',
        import.meta.url,
      ),
      'utf8',
    );
    expect(verdict({ rows })).toBe('found:high');
    // the same controller's reload events alone say nothing about its probe
    const reloads = rows
      .split('\n')
      .filter((l) => /RELOAD/.test(l))
      .join('\n');
    expect(verdict({ reloads })).toBe('no-evidence');
  });

  it('is a hint from restart counts alone, and surer when they grow between pastes', () => {
    expect(verdict({ pods })).toBe('found:low');
    const later = pods.replace(/(89m7d\s+1\/1\s+Running\s+)3/, '$15');
    expect(verdict({ a: pods, b: later })).toBe('found:medium');
  });

  it('does not count readiness failures, and rules it out with no restarts', () => {
    expect(verdict({ readiness })).toBe('no-evidence');
    const steady = pods.replace(/Running(\s+)\d+/g, 'Running$10');
    expect(verdict({ steady })).toBe('ruled-out');
  });
});

// `kubectl get events` in the columns of kubectl 1.20+, written by hand with the kubelet's own
// event messages (the public threads we found show these events through describe only).
describe('ingress-liveness-restarts from kubectl get events', () => {
  const table = (rows: string[]) =>
    [
      '$ kubectl -n ingress-nginx get events',
      'LAST SEEN   TYPE      REASON      OBJECT                                          MESSAGE',
      ...rows,
    ].join('\n');
  const unhealthy =
    '12m         Warning   Unhealthy   pod/ingress-nginx-controller-7d9f8c6b5d-x2k9p   Liveness probe failed: Get "http://10.244.1.17:10254/healthz": context deadline exceeded';
  const killing =
    '12m         Normal    Killing     pod/ingress-nginx-controller-7d9f8c6b5d-x2k9p   Container controller failed liveness probe, will be restarted';

  it('a kill for a failed liveness probe is high, failures alone medium', () => {
    expect(
      verdictOf(diagnoseTexts({ e: table([unhealthy, killing]) }), 'ingress-liveness-restarts'),
    ).toBe('found:high');
    expect(verdictOf(diagnoseTexts({ e: table([unhealthy]) }), 'ingress-liveness-restarts')).toBe(
      'found:medium',
    );
  });

  it("another pod's probes say nothing of the controller", () => {
    const other = unhealthy.replace(
      'ingress-nginx-controller-7d9f8c6b5d-x2k9p',
      'web-5c7d9f8b6-abcde    ',
    );
    expect(verdictOf(diagnoseTexts({ e: table([other]) }), 'ingress-liveness-restarts')).toBe(
      'no-evidence',
    );
  });

  it('reads Event objects (`kubectl get events -o yaml|json`) as it reads event rows', () => {
    // A real Event of a Knative pod: not an ingress controller, so nothing.
    const knative = readFileSync(
      new URL(
        '../../parsers/k8s-object/fixtures/k8s-object--knative-event-liveness-yaml.txt',
        import.meta.url,
      ),
      'utf8',
    );
    expect(verdict({ knative })).toBe('no-evidence');
    // The shape of `-o json` (an EventList) with a controller pod's kubelet events.
    const ev = (reason: string, message: string) => ({
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name: `c.${reason}`, namespace: 'ingress-nginx' },
      involvedObject: {
        kind: 'Pod',
        namespace: 'ingress-nginx',
        name: 'ingress-nginx-controller-7d4f-x2',
      },
      reason,
      message,
      source: { component: 'kubelet' },
      count: 4,
      type: reason === 'Killing' ? 'Normal' : 'Warning',
    });
    const list = JSON.stringify(
      {
        kind: 'List',
        apiVersion: 'v1',
        items: [
          ev(
            'Unhealthy',
            'Liveness probe failed: Get http://10.0.0.9:10254/healthz: net/http: request canceled',
          ),
          ev('Killing', 'Container controller failed liveness probe, will be restarted'),
        ],
      },
      null,
      4,
    );
    expect(verdict({ list })).toBe('found:high');
    const failing = JSON.stringify(
      {
        kind: 'EventList',
        items: [ev('Unhealthy', 'Liveness probe failed: Get http://10.0.0.9:10254/healthz: EOF')],
      },
      null,
      2,
    );
    expect(verdict({ failing })).toBe('found:medium');
  });
});
