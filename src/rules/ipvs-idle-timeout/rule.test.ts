import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';

const cause = 'ipvs-idle-timeout';
const both = readRules('ipvs-idle-timeout/fixtures/broken--kubeasz688-timeout-keepalive.txt');
const fixed = readRules('ipvs-idle-timeout/fixtures/fixed--kubeasz688-keepalive-600.txt');
const timeoutOnly = readRules('ipvs-idle-timeout/fixtures/healthy--k8s84041-timeout-only.txt');
const fenced = readRules('ipvs-idle-timeout/fixtures/healthy--k8s81308-fence-glued-timeout.txt');
const verdict = (pastes: Record<string, string>, vars = {}) =>
  verdictOf(diagnoseTexts(pastes, vars), cause);

describe(cause, () => {
  it('finds keepalive (7200 s) above the IPVS timeout (900 s); sure for "fails after idle"', () => {
    expect(verdict({ both })).toBe('found:medium');
    expect(verdict({ both }, { pattern: 'after-idle' })).toBe('found:high');
  });

  it('fills a keepalive below the timeout into the fix', () => {
    const f = diagnoseTexts({ both }).findings.find((x) => x.cause === cause)!;
    expect(f.fix.now).toContain('net.ipv4.tcp_keepalive_time=540');
  });

  // The defaults alone (900 120 300, on every IPVS node) are no finding: #84041 and #81308 paste
  // them with no failure. Only the operator's "fails after idle" (or a keepalive above) makes it one.
  it('is no finding with the default timeout alone, medium for "fails after idle"', () => {
    expect(verdict({ timeoutOnly })).toBe('no-evidence');
    expect(verdict({ fenced })).toBe('no-evidence');
    expect(verdict({ timeoutOnly }, { pattern: 'after-idle' })).toBe('found:medium');
  });

  it('rules it out when keepalive comes first, or the timeout outlasts the default keepalive', () => {
    expect(verdict({ fixed })).toBe('ruled-out');
    expect(verdict({ t: 'Timeout (tcp tcpfin udp): 7260 120 300\n' })).toBe('ruled-out');
  });

  it("reads a client pod's own keepalive, read in its shell, like the node's", () => {
    const t = 'Timeout (tcp tcpfin udp): 900 120 300\n';
    const pod =
      '$ kubectl exec -it client-0 -- sh\n/ # sysctl net.ipv4.tcp_keepalive_time\nnet.ipv4.tcp_keepalive_time = 600\n';
    expect(verdict({ t, pod })).toBe('ruled-out');
    expect(verdict({ t, pod: pod.replace('= 600', '= 7200') })).toBe('found:medium');
  });
});
