import { describe, expect, it } from 'vitest';
import { brief, compareFiles, parsedFile } from '../testing/compare';
import { causeSummary, compareNodes, shown } from '.';

// Two nodes of one cluster each, as posted in public threads (fixtures/SOURCES.md).
const pair = (name: string) =>
  compareFiles(`compare/fixtures/${name}-good.txt`, `compare/fixtures/${name}-bad.txt`);

describe('real pairs: two nodes of one cluster', () => {
  it('calico#2720: calico-node ready on the master, not on node-1 (649 restarts)', () => {
    const diff = pair('calico2720');
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'pods',
        key: 'pod calico-node',
        good: 'Running 1/1',
        bad: 'Running 0/1',
        explainedBy: 'cni-unhealthy',
      },
    ]);
    expect(diff.differences[0]!.evidence.bad[0]!.text).toMatch(
      /^kube-system\s+calico-node-hzcsh\s+0\/1/,
    );
    expect(diff.differences[0]!.evidence.good[0]!.text).toMatch(/calico-node-q267c\s+1\/1/);
    // 4 restarts against 649: both restarted, which alone tells nothing.
    expect(diff.same.map((s) => s.key)).toEqual(['pod calico-node restarts']);
    expect(causeSummary(diff).supports.map((s) => s.cause)).toEqual(['cni-unhealthy']);
  });

  it('kubernetes#100434: the NIC both nodes have has one MTU; NICs of one node only are noise', () => {
    const diff = pair('k8s100434');
    expect(shown(diff)).toEqual([]);
    expect(diff.same.map((s) => [s.kind, s.key, s.value])).toEqual([['mtu', 'mtu ens224', '1500']]);
    expect(diff.differences.map((d) => [d.key, d.noise])).toEqual([
      ['mtu ens161', true],
      ['mtu ens192', true],
    ]);
    expect(diff.coverage).toEqual([]);
  });

  it('k3s#1719: master and worker uplinks alike; the `bridge fdb` outputs are not compared', () => {
    const diff = pair('k3s1719');
    expect(diff.differences).toEqual([]);
    expect(diff.same.map((s) => [s.key, s.value])).toEqual([['mtu enp0s3', '1500']]);
    // Each paste holds two outputs; `bridge fdb` is no kind the compare reads.
    expect(parsedFile('compare/fixtures/k3s1719-good.txt').map((s) => s.kind)).toEqual([
      'ip-addr',
      null,
    ]);
  });

  it('each real pair the other way round explains nothing: the harmful side is the good node’s', () => {
    const reversed = compareFiles(
      'compare/fixtures/calico2720-bad.txt',
      'compare/fixtures/calico2720-good.txt',
    );
    expect(shown(reversed).map((d) => [d.key, d.explainedBy])).toEqual([['pod calico-node', null]]);
    const both = compareNodes(
      parsedFile('compare/fixtures/calico2720-bad.txt', 'a.txt'),
      parsedFile('compare/fixtures/calico2720-bad.txt', 'b.txt'),
    );
    expect(both.differences).toEqual([]);
  });
});
