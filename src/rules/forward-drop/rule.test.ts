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

  it('is only medium when the operator cut the rules out of the listing (k3s#1114)', () => {
    const cut = '$ iptables -t filter -L FORWARD\nChain FORWARD (policy DROP)\n...\n';
    expect(verdictOf(diagnoseTexts({ l: cut }), cause)).toBe('found:medium');
    const whole =
      '$ iptables -t filter -L FORWARD\nChain FORWARD (policy DROP)\ntarget     prot opt source               destination\n';
    expect(verdictOf(diagnoseTexts({ l: whole }), cause)).toBe('found:high');
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

  it('accepts after a catch-all DROP in FORWARD never match (microk8s 4310)', () => {
    const text = readTestData(
      'cases/263-microk8s4310-iptables-save-forward-drop-before-microk8s-accepts/iptables-save.txt',
    );
    const d = diagnoseTexts({ f: text });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause);
    expect(f?.why.key).toBe('cause.forward-drop.verdict.policyDropAcceptsShadowed');
    expect(f?.evidence.map((e) => e.text.trim())).toContain('-A FORWARD -j DROP');
    // The same accepts before the DROP let pod traffic through.
    const lines = text.split('\n');
    const drop = lines.findIndex((l) => l === '-A FORWARD -j DROP');
    const moved = [...lines.slice(0, drop), ...lines.slice(drop + 1, drop + 3), lines[drop]!];
    const before = [...moved, ...lines.slice(drop + 3)].join('\n');
    expect(verdictOf(diagnoseTexts({ f: before }), cause)).not.toMatch(/^found/);
    // A DROP that only matches some traffic (one interface) does not shadow what follows.
    const scoped = text.replace('-A FORWARD -j DROP', '-A FORWARD -i wlan0 -j DROP');
    expect(verdictOf(diagnoseTexts({ f: scoped }), cause)).not.toMatch(/^found/);
  });

  it("reads `microk8s inspect`'s FORWARD warning by the MicroK8s it comes from (microk8s 541)", () => {
    const inspect = readTestData(
      'cases/262-microk8s541-inspect-warning-forward-policy-drop/microk8s-inspect.txt',
    );
    // Before 1.21 nothing of the CNI accepted pod traffic in FORWARD: the policy drops it.
    expect(verdictOf(diagnoseTexts({ i: inspect }), cause)).toBe('found:medium');
    // Since kubelite, Calico's cali-FORWARD accepts pod traffic: the warning alone proves nothing.
    const kubelite = inspect
      .replace(/^.*daemon-(?:proxy|kubelet|scheduler|controller-manager|etcd) is running\n/gm, '')
      .replace('daemon-apiserver is running', 'daemon-kubelite is running');
    expect(kubelite).toContain('kubelite');
    expect(verdictOf(diagnoseTexts({ i: kubelite }), cause)).not.toMatch(/^found/);
    // A pasted FORWARD chain with the accepts says more than the warning.
    const chain =
      '*filter\n:FORWARD DROP [0:0]\n-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD\nCOMMIT\n';
    expect(verdictOf(diagnoseTexts({ i: inspect, f: chain }), cause)).not.toMatch(/^found/);
  });

  it("a pod's own ip_forward = 0 is not the node's (k3s 201)", () => {
    const text = readTestData(
      'cases/266-k3s201-sysctl-host-forward-on-pod-shell-forward-off/sysctl-host-and-pod.txt',
    );
    expect(verdictOf(diagnoseTexts({ s: text }), cause)).toBe('ruled-out');
    // The node's own 0 still is.
    const node = text.replace('net.ipv4.ip_forward = 1', 'net.ipv4.ip_forward = 0');
    expect(verdictOf(diagnoseTexts({ s: node }), cause)).toBe('found:high');
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

  it('finds forwarding off on the device pods come in through, though ip_forward is 1 (case 965)', () => {
    const zgz = readFileSync(
      join(
        dirname(fileURLToPath(import.meta.url)),
        'fixtures',
        'broken--zgz-sysctl-a-docker0-forwarding-0.txt',
      ),
      'utf8',
    );
    const d = diagnoseTexts({ s: zgz });
    expect(verdictOf(d, cause)).toBe('found:medium'); // docker0 alone: maybe no pod on it
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.text)).toEqual(['net.ipv4.conf.docker0.forwarding = 0']);
    expect(f.fix.now).toBe(
      'sudo sysctl -w net.ipv4.conf.default.forwarding=1 net.ipv4.conf.docker0.forwarding=1',
    );
    // A CNI bridge with forwarding off is surely the pods' way out.
    const cni = 'net.ipv4.ip_forward = 1\nnet.ipv4.conf.cni0.forwarding = 0\n';
    expect(verdictOf(diagnoseTexts({ s: cni }), cause)).toBe('found:high');
    // all.forwarding is ip_forward under another name.
    const all = 'net.ipv4.conf.all.forwarding = 0\nnet.ipv4.conf.eth0.forwarding = 0\n';
    expect(verdictOf(diagnoseTexts({ s: all }), cause)).toBe('found:high');
  });

  it('a default of 0 warns for devices to come, unless the pod bridge already forwards', () => {
    const line = 'net.ipv4.conf.default.forwarding=0\n';
    expect(verdictOf(diagnoseTexts({ s: line }), cause)).toBe('found:medium');
    const bridgeOn =
      'net.ipv4.ip_forward = 1\nnet.ipv4.conf.cni0.forwarding = 1\nnet.ipv4.conf.default.forwarding = 0\n';
    expect(verdictOf(diagnoseTexts({ s: bridgeOn }), cause)).toBe('ruled-out');
  });

  it('ignores IPv6, bridge ports, the uplink, loopback and a container shell', () => {
    const noise = [
      'net.ipv4.conf.all.forwarding = 1',
      'net.ipv4.conf.default.forwarding = 1',
      'net.ipv4.conf.cni0.forwarding = 1',
      'net.ipv4.conf.veth10d8150.forwarding = 0',
      'net.ipv4.conf.eth0.forwarding = 0',
      'net.ipv4.conf.lo.forwarding = 0',
      'net.ipv4.conf.docker0.mc_forwarding = 0',
      'net.ipv6.conf.all.forwarding = 0',
      'net.ipv6.conf.cni0.forwarding = 0',
      '',
    ].join('\n');
    expect(verdictOf(diagnoseTexts({ s: noise }), cause)).toBe('no-evidence');
    // A pod's own namespace is not the node's (the k3s#201 framing).
    const pod =
      '# sysctl net.ipv4.ip_forward\nnet.ipv4.ip_forward = 1\ncrictl exec -it pod bash\n(In Pod) #  sysctl net.ipv4.conf.cni0.forwarding\nnet.ipv4.conf.cni0.forwarding = 0\n';
    expect(verdictOf(diagnoseTexts({ s: pod }), cause)).not.toMatch(/^found/);
  });

  it('an ACCEPT policy behind a catch-all REJECT neither finds nor rules out (case 600)', () => {
    const save = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A FORWARD -j REJECT --reject-with icmp-host-prohibited
COMMIT
`;
    expect(verdictOf(diagnoseTexts({ f: save }), cause)).toBe('no-evidence');
    // With ip_forward = 1 pasted too, that sysctl still rules it out.
    expect(verdictOf(diagnoseTexts({ f: save, s: 'net.ipv4.ip_forward = 1\n' }), cause)).toBe(
      'ruled-out',
    );
  });
});
