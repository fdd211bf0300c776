import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';

const cause = 'cilium-policy-drop';
const verdict = (text: string, vars: Record<string, string> = {}) =>
  verdictOf(diagnoseTexts({ hubble: text }, vars), cause);

describe(cause, () => {
  // cilium/cilium#34387: only the policy-verdict event was posted, not the drop beside it.
  const denied =
    'my-test-pod:38762 (ID:97997) <> 169.254.170.23:80 (host) policy-verdict:none EGRESS DENIED (TCP Flags: SYN)\n';

  it('takes a policy-verdict DENIED event for the drop it stands for', () => {
    expect(verdict(denied)).toBe('found:high');
    expect(verdict(denied, { port: '80' })).toBe('found:high');
  });

  it('says medium when the denied flow is to another port than the operator’s', () => {
    expect(verdict(denied, { port: '30080' })).toBe('found:medium');
  });

  it('rules it out on allowed verdicts and drops for other reasons (cilium#35989)', () => {
    const allowed =
      'Feb  2 11:07:38.587: a/b:46544 (ID:1) -> c/d:6379 (ID:2) policy-verdict:L3-L4 INGRESS ALLOWED (TCP Flags: SYN)\n';
    expect(verdict(allowed)).toBe('ruled-out');
    const fib =
      'Nov 14 15:59:22.627: kube-system/c-4p5mh:51616 (ID:20596) <> 169.254.170.23:80 (world) FIB lookup failed DROPPED (TCP Flags: SYN)\n';
    expect(verdict(fib)).toBe('ruled-out');
  });

  it('takes the monitor’s `action deny` verdict for a drop, not `action audit` (host firewall guide)', () => {
    const line = (action: string) =>
      `Policy verdict log: flow 0x0 local EP ID 1687, remote ID 2, proto 6, ingress, action ${action}, match none, 10.0.2.2:49038 -> 10.0.2.15:21 tcp SYN\n`;
    const monitor = (text: string, vars: Record<string, string> = {}) =>
      verdictOf(diagnoseTexts({ monitor: text }, vars), cause);
    expect(monitor(line('deny'), { port: '21' })).toBe('found:high');
    expect(monitor(line('audit'))).toBe('ruled-out');
    expect(monitor(line('allow'))).toBe('ruled-out');
  });

  it('fills the fix with the namespace whose policy decides (destination on ingress, source on egress)', () => {
    const fix = (text: string) =>
      diagnoseTexts({ hubble: text }).findings.find((x) => x.cause === cause)!.fix.persist;
    // ephico2real2/cilium-implementation-poc demo 53: ingress to a pod.
    expect(
      fix(
        'Sep 18 19:37:18.678: 10.20.0.33:53156 (ingress) <> shop-edge/grpc-c59b4f578-dqr55:9090 (ID:145376) Policy denied DROPPED (TCP Flags: SYN)\n',
      ),
    ).toContain('kubectl -n shop-edge get');
    // An egress verdict: the source pod's namespace holds the policy.
    expect(
      fix(
        'Jul 24 10:01:02.003: team-a/api-0:38762 (ID:97997) <> 169.254.170.23:80 (host) policy-verdict:none EGRESS DENIED (TCP Flags: SYN)\n',
      ),
    ).toContain('kubectl -n team-a get');
    // Bare addresses name no namespace: the placeholder stays.
    expect(fix(denied)).toContain('kubectl -n NAMESPACE get');
  });
});
