import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';
import { parsePaste } from '../../parsers/registry';

const cause = 'ingress-stray-traffic';
const histogram = readRules('ingress-stray-traffic/fixtures/broken--seed001-state-histogram.txt');
const few = readRules('ingress-stray-traffic/fixtures/healthy--proc-nf_conntrack-centos.txt');
const netstat = readRules(
  'ingress-stray-traffic/fixtures/broken--netstat-uniq-c-fin-wait1-syn-recv.txt',
);
const netstatFew = readRules('ingress-stray-traffic/fixtures/healthy--netstat-awk-state-count.txt');
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds thousands of half-open entries (seed 001)', () => {
    const f = diagnoseTexts({ histogram }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.why.params).toMatchObject({ halfOpen: 2238 });
    expect(f.fix.now).toContain('return 444');
    expect(f.fix.now).toContain("'*.old.example.com'");
  });

  it('is surer when the access log shows 5xx for hosts no Ingress serves', () => {
    const line = (i: number) =>
      `203.0.113.${i} - - [20/Nov/2018:22:30:22 +0000] "GET / HTTP/1.1" 503 190 "-" "Mozilla/5.0" 70 0.000 [upstream-default-backend] [] 127.0.0.1:8181 190 0.000 503 ab${i}`;
    const access = Array.from({ length: 12 }, (_, i) => line(i + 1)).join('\n');
    expect(verdict({ histogram, access })).toBe('found:high');
  });

  it('a listing too short to hold the threshold (9 entries, one socket) rules nothing out', () => {
    expect(verdict({ few })).toBe('no-evidence');
    // The grepped netstat of test-data case 1050: read as a socket listing, yet one socket.
    const one =
      '$ sudo netstat -lptenu | grep 8472\nudp        0      0 0.0.0.0:8472            0.0.0.0:*                           0          345455728  -';
    expect(parsePaste(one, 'one').map((s) => s.kind)).toEqual(['ss']);
    expect(verdict({ one })).toBe('no-evidence');
  });

  it('reads socket states too: netstat FIN_WAIT1/SYN_RECV/LAST_ACK/CLOSING, not FIN_WAIT2', () => {
    const f = diagnoseTexts({ netstat }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('low');
    expect(f.why.params).toMatchObject({ halfOpen: 426, total: 5773 });
  });

  it('rules it out from a socket histogram with few half-open sockets', () => {
    expect(verdict({ netstatFew })).toBe('ruled-out');
  });

  it('`ss -s`: its synrecv count', () => {
    const many =
      'Total: 9000 (kernel 0)\nTCP:   8000 (estab 3000, closed 400, orphaned 900, synrecv 1200, timewait 2000/0), ports 0';
    expect(verdict({ many })).toBe('found:medium');
    const none =
      'Total: 470 (kernel 0)\nTCP:   220 (estab 47, closed 150, orphaned 0, synrecv 0, timewait 71/0), ports 0';
    expect(verdict({ none })).toBe('ruled-out');
  });
});
