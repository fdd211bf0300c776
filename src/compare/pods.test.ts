import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_DATA } from '../testing/test-data';
import { brief, parsedText } from '../testing/compare';
import { compareNodes, shown } from '.';

// projectcalico/calico#2720: calico-node is ready on the master and not on the workers.
const pods = readFileSync(
  join(TEST_DATA, 'fixtures/23-calico2720-calico-node-not-ready-workers/kubectl-get-pods.txt'),
  'utf8',
).split('\n');
const header = pods[1]!;
/** The listing's header and the rows on one node, as `kubectl get pods -A -o wide | grep NODE` would keep. */
const onNode = (node: string) =>
  [header, ...pods.slice(2).filter((l) => new RegExp(`\\s${node}\\s`).test(l))].join('\n');

describe('CNI and kube-proxy pods', () => {
  it('calico-node ready on the good node, not on the bad one, restarting', () => {
    const diff = compareNodes(
      parsedText(onNode('k8s-master'), 'master.txt'),
      parsedText(onNode('node-1'), 'node-1.txt'),
    );
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'pods',
        key: 'pod calico-node',
        good: 'Running 1/1',
        bad: 'Running 0/1',
        explainedBy: 'cni-unhealthy',
      },
    ]);
    // 4 restarts against 649: both restarted, a count that only grows.
    expect(diff.same.map((s) => s.key)).toContain('pod calico-node restarts');
    expect(diff.differences[0]!.evidence.bad[0]!.text).toMatch(
      /^kube-system\s+calico-node-hzcsh\s+0\/1/,
    );
  });

  it('picks the node’s own row from a cluster-wide list by the host name of `uname -a`', () => {
    const all = pods.join('\n');
    const on = (host: string) =>
      parsedText(
        `$ uname -a\nLinux ${host} 4.15.0-55-generic #60-Ubuntu SMP Tue Jul 2 18:22:20 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux\n$ kubectl get pods --all-namespaces -o wide\n${all}`,
        `${host}.txt`,
      );
    const diff = compareNodes(on('k8s-master'), on('node-2'));
    expect(shown(diff).map((d) => [d.key, d.good, d.bad, d.explainedBy])).toEqual([
      ['pod calico-node', 'Running 1/1', 'Running 0/1', 'cni-unhealthy'],
    ]);
    // Without a host name, a list with three calico-node rows says nothing per node.
    const anon = parsedText(all, 'all.txt');
    expect(compareNodes(anon, anon).same.filter((s) => s.kind === 'pods')).toEqual([]);
  });
});
