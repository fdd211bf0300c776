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
});
