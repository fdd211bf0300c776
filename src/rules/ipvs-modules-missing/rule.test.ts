import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';
import { readRules } from '../../testing/read-rules';

const cause = 'ipvs-modules-missing';
const fallback = readTestData(
  'fixtures/08-k8s63801-kube-proxy-ipvs-modules-not-loaded/kube-proxy.log',
);
const healthy = readTestData('fixtures/44-k8s76717-kube-proxy-ipvs-healthy-startup/kube-proxy.log');
const table = readTestData('fixtures/46-kubeadm2205-ipvsadm-healthy-nodeport-vs/ipvsadm-Ln.txt');
const lsmodNoIpvs = readRules('../parsers/lsmod/fixtures/lsmod--centos77-jc.txt');
const lsmodIpvs = readRules('../parsers/lsmod/fixtures/lsmod--grep-ip_vs-centos7.txt');
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds the fallback to iptables (fixture 08) and says how to check built-in IPVS', () => {
    const d = diagnoseTexts({ log: fallback });
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('high');
    expect(f.evidence.map((e) => e.line)).toEqual([3, 4]);
    expect(f.fix.now).toContain('/lib/modules/$(uname -r)/modules.builtin');
    expect(f.fix.persist).toContain('/etc/modules-load.d/ipvs.conf');
  });

  it('is less sure when kube-proxy does not say why it gave up (kubernetes#55864)', () => {
    expect(
      verdict({
        log: readRules('ipvs-modules-missing/fixtures/broken--k8s55864-cant-use-ipvs.txt'),
      }),
    ).toBe('found:medium');
  });

  it("reads kubeadm's preflight warning (case 40), unless the node shows IPVS at work", () => {
    const preflight = readTestData(
      'cases/40-puppet310-kubeadm-preflight-ipvs-modules/kubeadm-preflight.txt',
    );
    const d = diagnoseTexts({ preflight });
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.evidence.map((e) => e.line)).toEqual([4]);
    // kube-proxy loaded them itself later: its log, the table or lsmod outweigh the join warning.
    expect(verdict({ preflight, log: healthy })).toBe('ruled-out');
    expect(verdict({ preflight, table })).toBe('ruled-out');
    expect(verdict({ preflight, lsmod: lsmodIpvs })).toBe('ruled-out');
  });

  it('rules it out on "Using ipvs Proxier" (fixture 44), also after an earlier failed start', () => {
    expect(verdict({ log: healthy })).toBe('ruled-out');
    expect(verdict({ log: `${fallback}${healthy.split('\n').slice(1).join('\n')}` })).toBe(
      'ruled-out',
    );
  });

  it('reads lsmod: a full list without ip_vs, a grep that shows them all', () => {
    expect(verdict({ lsmod: lsmodNoIpvs })).toBe('found:medium');
    expect(verdict({ lsmod: lsmodIpvs })).toBe('ruled-out');
  });

  it('trusts a programmed IPVS table over a list without ip_vs (built into the kernel)', () => {
    expect(verdict({ lsmod: lsmodNoIpvs, t: table })).toBe('ruled-out');
  });

  it('reads the kernel refusing each virtual server with ENOENT: a scheduler module (case 796)', () => {
    const refused = readTestData(
      'cases/796-k8s92033-headless-failed-to-add-ipvs-service-enoent-scheduler-sed-module/kube-proxy.log',
    );
    const d = diagnoseTexts({ refused });
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.evidence.map((e) => e.line)).toEqual([3, 6, 9]);
    expect(f.why.key).toBe('cause.ipvs-modules-missing.verdict.vsRefused');
    // Structured logging (1.2x): the same refusal.
    const structured =
      'I1007 13:57:20.100000       1 server_others.go:269] "Using ipvs Proxier"\nE1007 13:57:26.145840       1 proxier.go:2016] "Failed to add IPVS service" err="no such file or directory" svcName="kube-system/metrics-server"\n';
    expect(verdict({ structured })).toBe('found:medium');
  });

  it('does not read other refusals of a virtual server as missing modules', () => {
    // EEXIST: the virtual server is already there (another owner of the IPVS table).
    const exists =
      'I1007 13:57:20.100000       1 server_others.go:269] "Using ipvs Proxier"\nE1007 13:57:26.145840       1 proxier.go:2016] "Failed to add IPVS service" err="file exists" svcName="kube-system/metrics-server"\n';
    expect(verdict({ exists })).toBe('ruled-out');
  });

  it('does not call a grep for ip_vs proof that nf_conntrack is missing', () => {
    const grep =
      '$ lsmod | grep ip_vs\nip_vs_sh 12688 0\nip_vs_wrr 12697 0\nip_vs_rr 12600 0\nip_vs 141432 6 ip_vs_rr,ip_vs_sh,ip_vs_wrr\n';
    expect(verdict({ grep })).toBe('ruled-out');
  });
});
