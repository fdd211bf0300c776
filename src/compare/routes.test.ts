import { describe, expect, it } from 'vitest';
import { brief, parsedText } from '../testing/compare';
import { compareNodes, shown } from '.';

// Calico in IPIP mode: each node has its own block as a blackhole and one route per pod on a
// cali* device; the other nodes' blocks go through tunl0 (`ip route` as calico prints it).
const node = (own: string, peers: string[], pods: string[]) =>
  [
    'default via 192.168.1.1 dev eth0 proto static metric 100',
    `blackhole ${own} proto bird`,
    ...pods.map((p, i) => `${p} dev cali${(0x5a1e0 + i).toString(16)}a9c1 scope link`),
    ...peers.map((p, i) => `${p} via 192.168.1.${11 + i} dev tunl0 proto bird onlink`),
    '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 metric 100',
  ].join('\n');

describe('routes to the pod network', () => {
  it('a peer’s block the bad node has no route to: its CNI agent did not add it', () => {
    const good = parsedText(
      node('10.244.0.0/26', ['10.244.1.0/26', '10.244.2.0/26'], ['10.244.0.5', '10.244.0.9']),
      'good.txt',
    );
    const bad = parsedText(node('10.244.1.0/26', ['10.244.0.0/26'], ['10.244.1.7']), 'bad.txt');
    const diff = compareNodes(good, bad);
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'routes',
        key: 'route 10.244.2.0/26',
        good: 'via 192.168.1.12 dev tunl0',
        bad: null,
        explainedBy: 'cni-unhealthy',
      },
    ]);
    // Each node's own block and its pods' routes are its own: noise, as is the default route (not compared).
    expect(
      diff.differences
        .filter((d) => d.noise)
        .map((d) => d.key)
        .sort(),
    ).toEqual([
      'route 10.244.0.0/26',
      'route 10.244.0.5',
      'route 10.244.0.9',
      'route 10.244.1.0/26',
      'route 10.244.1.7',
    ]);
  });
});
