import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';

const cause = 'ingress-hostnetwork-dns';
const broken = readRules('ingress-hostnetwork-dns/fixtures/broken--learnk8s-ds-clusterfirst.txt');
const fixed = readRules('ingress-hostnetwork-dns/fixtures/fixed--learnk8s-ds-with-hostnet-dns.txt');
const cut = readRules('ingress-hostnetwork-dns/fixtures/healthy--ingressnginx29-pod.txt');
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds hostNetwork with dnsPolicy ClusterFirst, and patches that DaemonSet', () => {
    const f = diagnoseTexts({ broken }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.fix.now).toContain(
      'kubectl -n ingress-nginx patch daemonset/nginx-ingress-controller',
    );
    expect(f.fix.now).toContain('"dnsPolicy":"ClusterFirstWithHostNet"');
  });

  it('is sure when the controller also fails to resolve cluster names', () => {
    // The nginx line rancher/rancher#20950 quotes (client and host names made up).
    const log =
      '2019/06/18 16:37:23 [error] 11720#11720: *24849 authelia.coq.svc.cluster.local could not be resolved (3: Host not found), client: 10.1.2.3, server: chc.example.com, request: "GET / HTTP/2.0", subrequest: "/_external-auth-Lw", host: "chc.example.com"\n';
    expect(verdict({ broken, log })).toBe('found:high');
  });

  it('finds hostNetwork without any dnsPolicy (ClusterFirst by default)', () => {
    const noPolicy = broken.replace(/^\s*dnsPolicy: ClusterFirst\n/m, '');
    expect(verdict({ noPolicy })).toBe('found:medium');
  });

  it('rules it out with ClusterFirstWithHostNet', () => {
    expect(verdict({ fixed })).toBe('ruled-out');
  });

  it('does not take a cut-off manifest without hostNetwork as proof', () => {
    expect(verdict({ cut })).toBe('no-evidence');
  });
});

describe('ingress-hostnetwork-dns from fields grep-ed out of the object', () => {
  it('the command names the controller: its hostNetwork and dnsPolicy are enough', () => {
    const grepped =
      "$ kubectl -n ingress-nginx get ds ingress-nginx-controller -o yaml | grep -E 'dnsPolicy|hostNetwork'\n      dnsPolicy: ClusterFirst\n      hostNetwork: true\n";
    const d = diagnoseTexts({ g: grepped }, {}, 'ingress-5xx');
    expect(verdictOf(d, 'ingress-hostnetwork-dns')).toBe('found:medium');
    const f = d.findings.find((x) => x.cause === 'ingress-hostnetwork-dns')!;
    expect(f.evidence.map((e) => e.line)).toEqual([3, 2]);
  });

  it('fields of no named object prove nothing about the controller', () => {
    const d = diagnoseTexts(
      { g: '      dnsPolicy: ClusterFirst\n      hostNetwork: true\n' },
      {},
      'ingress-5xx',
    );
    expect(verdictOf(d, 'ingress-hostnetwork-dns')).not.toMatch(/^found/);
  });

  // rancher/rancher#20950: three lines of the DaemonSet's spec, then the controller's nginx error.
  const spec = 'dnsPolicy: ClusterFirst\nhostNetwork: true\nrestartPolicy: Always\n';
  const notResolved =
    '2019/06/18 16:37:23 [error] 11720#11720: *24849 authelia.coq.svc.cluster.local could not be resolved (3: Host not found), client: w.x.y.z, server: chc-coq.primary.a.b.c.d, request: "GET / HTTP/2.0", subrequest: "/_external-auth-Lw", host: "chc-coq.primary.a.b.c.\n';

  it("a nameless fragment beside the controller's log is the controller's spec", () => {
    const d = diagnoseTexts({ spec, log: notResolved }, {}, 'ingress-5xx');
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.source)).toEqual(['spec', 'spec', 'log']);
  });

  it('a nameless fragment with ClusterFirstWithHostNet beside the log rules it out', () => {
    const fixedSpec = spec.replace('ClusterFirst', 'ClusterFirstWithHostNet');
    expect(
      verdictOf(diagnoseTexts({ fixedSpec, log: notResolved }, {}, 'ingress-5xx'), cause),
    ).toBe('ruled-out');
  });

  it('a fragment with hostNetwork but no dnsPolicy may have cut it: not a finding of the spec', () => {
    const d = diagnoseTexts(
      { g: 'hostNetwork: true\nrestartPolicy: Always\n', log: notResolved },
      {},
      'ingress-5xx',
    );
    expect(verdictOf(d, cause)).toBe('no-evidence');
  });
});
