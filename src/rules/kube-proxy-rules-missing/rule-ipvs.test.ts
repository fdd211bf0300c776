import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';

const cause = 'kube-proxy-rules-missing';
const table = readTestData('fixtures/46-kubeadm2205-ipvsadm-healthy-nodeport-vs/ipvsadm-Ln.txt');
const verdict = (pastes: Record<string, string>, vars = {}) =>
  verdictOf(diagnoseTexts(pastes, vars), cause);

describe(`${cause} in IPVS mode`, () => {
  it('rules it out when the NodePort has virtual servers (fixture 46, port 30449)', () => {
    expect(verdict({ table }, { port: '30449' })).toBe('ruled-out');
  });

  it('says nothing about a table when no port or ClusterIP was named', () => {
    expect(verdict({ table })).toBe('no-evidence');
  });

  it('finds a NodePort that a whole table lacks', () => {
    const f = diagnoseTexts({ table }, { port: '31234' }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('high');
    expect(f.evidence[0]!.text).toContain('IP Virtual Server version');
  });

  it('checks the ClusterIP virtual server', () => {
    expect(verdict({ table }, { vip: '10.96.0.10', vport: '53' })).toBe('ruled-out');
    expect(verdict({ table }, { vip: '10.96.0.99', vport: '80' })).toBe('found:high');
  });

  it('does not call a grep of the table proof of absence', () => {
    const grep =
      'TCP  10.96.0.10:53 rr\n  -> 10.244.151.128:53            Masq    1      0          0\n';
    expect(verdict({ grep }, { port: '31234' })).toBe('no-evidence');
  });

  it('takes `ipvsadm -S` as proof of presence, never of absence (no header: maybe a grep)', () => {
    const save =
      '-A -t 10.96.0.10:53 -s rr\n-a -t 10.96.0.10:53 -r 10.244.151.128:53 -m -w 1\n-A -t 10.0.2.4:30449 -s rr\n-a -t 10.0.2.4:30449 -r 10.244.36.197:80 -m -w 1\n';
    expect(verdict({ save }, { port: '30449' })).toBe('ruled-out');
    expect(verdict({ save }, { vip: '10.96.0.10', vport: '53' })).toBe('ruled-out');
    expect(verdict({ save }, { port: '31234' })).toBe('no-evidence');
    expect(verdict({ save }, { vip: '10.96.0.99', vport: '80' })).toBe('no-evidence');
  });
});
