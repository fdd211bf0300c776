import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

  it("does not take Docker's own accepts for kube-proxy's or the CNI's (k8s 72370, kube-arm 62)", () => {
    for (const f of ['k8s72370-docker-accepts-only', 'kubearm62-fragment-docker-accepts']) {
      const text = readFileSync(
        join(dirname(fileURLToPath(import.meta.url)), 'fixtures', `broken--${f}.txt`),
        'utf8',
      );
      expect(verdictOf(diagnoseTexts({ f: text }), cause)).toBe('found:high');
    }
    // The same Docker rules beside KUBE-FORWARD and cali-FORWARD, the policy not counting: fine.
    const quiet = counting.replace('policy DROP 3 packets', 'policy DROP 0 packets');
    expect(verdictOf(diagnoseTexts({ l: quiet }), cause)).not.toMatch(/^found/);
    // An accept of replies only lets no new flow through.
    const replies =
      '*filter\n:FORWARD DROP [0:0]\n-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\nCOMMIT\n';
    expect(verdictOf(diagnoseTexts({ f: replies }), cause)).toBe('found:high');
    const pods = replies.replace('COMMIT', '-A FORWARD -s 10.244.0.0/16 -j ACCEPT\nCOMMIT');
    expect(verdictOf(diagnoseTexts({ f: pods }), cause)).not.toMatch(/^found/);
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
