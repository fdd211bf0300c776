import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';
import { readRules } from '../../testing/read-rules';

const cause = 'ipvs-no-real-servers';
const empty = readRules('ipvs-no-real-servers/fixtures/broken--k8s70493-empty-vs.txt');
const full = readRules('ipvs-no-real-servers/fixtures/healthy--k8s70493-vs-with-rs.txt');
const table = readTestData('fixtures/46-kubeadm2205-ipvsadm-healthy-nodeport-vs/ipvsadm-Ln.txt');
const vip = { vip: '10.109.131.66', vport: '6379' };
const verdict = (pastes: Record<string, string>, vars = {}) =>
  verdictOf(diagnoseTexts(pastes, vars), cause);

describe(cause, () => {
  it('finds the named ClusterIP without real servers (kubernetes#70493)', () => {
    const f = diagnoseTexts({ empty }, vip).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('high');
    expect(f.fix.verify).toContain('ipvsadm -Ln -t 10.109.131.66:6379');
  });

  it('is unsure about an empty virtual server nobody named', () => {
    expect(verdict({ empty })).toBe('found:low');
  });

  it('counts weight-0 real servers as none', () => {
    const draining = `${empty}  -> 172.31.3.224:6379            Masq    0      0          3\n`;
    expect(verdict({ draining }, vip)).toBe('found:high');
  });

  it('rules it out with real servers (the same VS on another node; fixture 46)', () => {
    expect(verdict({ full }, vip)).toBe('ruled-out');
    expect(verdict({ table })).toBe('ruled-out');
    expect(verdict({ table }, { vip: '10.96.0.10', vport: '53' })).toBe('ruled-out');
  });

  it('leaves a ClusterIP missing from the table to kube-proxy-rules-missing', () => {
    expect(verdict({ table }, { vip: '10.96.0.99', vport: '80' })).toBe('no-evidence');
  });

  it('joins the table with `kubectl get svc,ep` (<none>) to be surer', () => {
    const svc =
      'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE\nredis ClusterIP 10.109.131.66 <none> 6379/TCP 3d\n';
    const ep = 'NAME ENDPOINTS AGE\nredis <none> 3d\n';
    const d = diagnoseTexts({ empty, svc, ep });
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.fix.now).toContain('get endpoints redis');
  });

  it('reads the kernel\'s "no destination available"', () => {
    const dmesg =
      '[Thu May  3 10:12:01 2018] IPVS: rr: TCP 10.254.159.251:9004 - no destination available\n';
    expect(verdict({ dmesg })).toBe('found:medium');
    expect(verdict({ dmesg }, { vip: '10.254.159.251', vport: '9004' })).toBe('found:high');
  });

  it('an empty virtual server the kernel also met with no destination is surer (kubernetes#80034)', () => {
    const ipvsadm = [
      'TCP  10.102.212.12:9090 wlc',
      '  -> 172.26.173.122:9090          Masq    1      0          0',
      'TCP  10.102.99.1:80 wlc',
      'TCP  10.102.203.22:443 wlc',
    ].join('\n');
    const dmesg = '[275968.997796] IPVS: wlc: TCP 10.102.203.22:443 - no destination available\n';
    const f = diagnoseTexts({ ipvsadm, dmesg }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    // The virtual server the kernel named, not the first empty one of the table.
    expect(f.evidence.map((e) => e.text)).toEqual([
      'TCP  10.102.203.22:443 wlc',
      dmesg.trim(),
      'TCP  10.102.99.1:80 wlc',
    ]);
    // A kernel line about another virtual server adds nothing: still an unused Service maybe.
    const other = '[1.0] IPVS: rr: TCP 10.96.0.10:53 - no destination available\n';
    expect(verdict({ ipvsadm, other })).toBe('found:low');
  });

  it('reads `ipvsadm -S` too: weight-0 only is none, weighted real servers rule it out', () => {
    const save = (w: number) =>
      `-A -t 10.109.131.66:6379 -s rr\n-a -t 10.109.131.66:6379 -r 172.31.3.224:6379 -m -w ${w}\n`;
    expect(verdict({ s: save(0) }, vip)).toBe('found:high');
    expect(verdict({ s: save(1) }, vip)).toBe('ruled-out');
    // calico#3258: a grep of the save, the apiserver VIP with its three real servers.
    const calico = readTestData(
      'cases/122-calico3258-ipvsadm-save-healthy-apiserver-syn-recv/terminal.txt',
    );
    expect(verdict({ calico }, { vip: '10.254.0.1', vport: '443' })).toBe('ruled-out');
  });
});
