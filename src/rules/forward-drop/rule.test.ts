import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';

const cause = 'forward-drop';
const counting = readTestData(
  'fixtures/48-rke485-forward-policy-drop-counter-nodeport/iptables-L-FORWARD.txt',
);

describe(cause, () => {
  it('finds ip_forward = 0', () => {
    expect(
      verdictOf(
        diagnoseTexts({ s: 'net.ipv4.ip_forward = 0\nnet.ipv4.tcp_timestamps = 1\n' }),
        cause,
      ),
    ).toBe('found:high');
  });

  it('finds a counting DROP policy even with KUBE-FORWARD present (fixture 48)', () => {
    expect(verdictOf(diagnoseTexts({ l: counting }), cause)).toBe('found:medium');
  });

  it('finds a DROP policy with nothing accepting', () => {
    const save =
      '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\nCOMMIT\n';
    expect(verdictOf(diagnoseTexts({ f: save }), cause)).toBe('found:high');
  });

  it('rules it out when fixed: ip_forward = 1 and policy ACCEPT', () => {
    const save =
      '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n';
    expect(
      verdictOf(
        diagnoseTexts({ s: 'net.ipv4.ip_forward = 1\nnet.ipv4.tcp_timestamps = 1\n', f: save }),
        cause,
      ),
    ).toBe('ruled-out');
    expect(
      verdictOf(
        diagnoseTexts({ l: counting.replace('policy DROP 3 packets', 'policy ACCEPT 3 packets') }),
        cause,
      ),
    ).toBe('ruled-out');
  });
});
