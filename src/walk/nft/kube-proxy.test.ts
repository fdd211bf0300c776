import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../../parsers/registry';
import { factsOf } from '../../testing/facts';
import { runPrograms } from '../engine';
import { parsePacket } from '../packet';
import type { Packet, WalkResult } from '../types';
import { compileNft } from '.';

/** kube-proxy's nftables mode, walked on its own ruleset as the kernel listed it. */
const listing = (path: string) =>
  readFileSync(new URL(`../../parsers/nft/fixtures/${path}`, import.meta.url), 'utf8');
const program = (path: string) =>
  compileNft(factsOf(parsePaste(listing(path), path)[0], 'nft'), path);

const kubeProxy = program('netns/kube-proxy-list.txt');
const NODE = { addresses: ['192.168.0.2'] };

function walk(text: string, opts: Partial<Packet> = {}): WalkResult {
  const packet = parsePacket(text, { inIface: 'eth0' });
  if (!packet) throw new Error(`not a packet: ${text}`);
  return runPrograms([kubeProxy], { ...packet, ...opts }, NODE);
}
const chainsOf = (r: WalkResult) => r.hops.map((h) => h.chain);

describe("kube-proxy's nftables ruleset (TestOverallNFTablesRules, listed by nft)", () => {
  it('sends a pod to a ClusterIP with two endpoints, half each (numgen random mod 2)', () => {
    const r = walk('tcp 10.0.1.5:40000 -> 172.30.0.44:80', { inIface: 'cni0' });
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints).toEqual([
      { address: '10.180.0.4', port: 80, probability: 0.5 },
      { address: '10.180.0.5', port: 80, probability: 0.5 },
    ]);
    // From inside the pod network: no masquerade mark.
    expect(r.branches.every((b) => !b.masquerade)).toBe(true);
    expect(chainsOf(r)).toContain('service-LAUZTJTB-ns4/svc4/tcp/p80');
    const dnat = r.branches[0]!.hops.find((h) => h.action.startsWith('DNAT'))!;
    expect(dnat.rule).toBe('meta l4proto tcp dnat to 10.180.0.4:80');
    expect(dnat.table).toBe('ip kube-proxy');
    const numgen = r.hops.find((h) => h.rule.startsWith('numgen random mod 2'))!;
    expect(numgen.line).toBe(
      listing('netns/kube-proxy-list.txt')
        .split('\n')
        .findIndex((l) => l.includes('numgen random mod 2')) + 1,
    );
  });

  it('masquerades traffic from off the cluster to a ClusterIP (mark-for-masquerade, masquerading)', () => {
    const r = walk('tcp 192.168.0.50:40000 -> 172.30.0.41:80');
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints).toEqual([{ address: '10.180.0.1', port: 80, probability: 1 }]);
    expect(r.branches[0]!.masquerade).toBe(true);
    const actions = r.hops.map((h) => `${h.chain}: ${h.action}`);
    expect(actions).toContain('mark-for-masquerade: meta mark set meta mark | 0x00004000');
    expect(actions).toContain('masquerading: meta mark set meta mark ^ 0x00004000');
    expect(actions.at(-1)).toBe('masquerading: MASQUERADE');
  });

  it('sends a NodePort through its external chain to the endpoint, masqueraded', () => {
    const r = walk('tcp 203.0.113.9:40000 -> 192.168.0.2:3003');
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints).toEqual([{ address: '10.180.0.3', port: 80, probability: 1 }]);
    expect(r.branches[0]!.masquerade).toBe(true);
    expect(chainsOf(r)).toEqual(
      expect.arrayContaining([
        'services',
        'external-4AT6LBPK-ns3/svc3/tcp/p80',
        'service-4AT6LBPK-ns3/svc3/tcp/p80',
      ]),
    );
  });

  it('rejects a Service without endpoints (no-endpoint-services → reject-chain)', () => {
    const r = walk('tcp 10.0.1.5:40000 -> 172.30.0.46:80', { inIface: 'cni0' });
    expect(r.verdict).toBe('reject');
    expect(r.branches[0]!.rejectWith).toBe('icmp type port-unreachable');
    expect(r.branches[0]!.decidedBy).toMatchObject({ chain: 'reject-chain', rule: 'reject' });
    expect(chainsOf(r)).toEqual(
      expect.arrayContaining(['filter-forward', 'service-endpoints-check', 'reject-chain']),
    );
  });

  it('drops a Local-policy NodePort without a local endpoint (no-endpoint-nodeports : drop)', () => {
    const r = walk('tcp 203.0.113.9:40000 -> 192.168.0.2:3001');
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy).toMatchObject({
      chain: 'nodeport-endpoints-check',
      rule: 'ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports',
    });
    // The service-nodeports map sent it to the external chain, which had nothing for it.
    expect(r.hops.map((h) => h.action)).toContain('goto external-42NFTM6N-ns2/svc2/tcp/p80');
    expect(r.endpoints).toEqual([]);
  });

  it('short-circuits the node itself to the Local-policy service (fib saddr type local)', () => {
    const r = runPrograms(
      [kubeProxy],
      { ...parsePacket('tcp 192.168.0.2:40000 -> 192.168.99.22:80')!, local: true },
      NODE,
    );
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints).toEqual([{ address: '10.180.0.2', port: 80, probability: 1 }]);
    expect(r.branches[0]!.masquerade).toBe(true);
  });

  it('drops a LoadBalancer IP from outside its source ranges (firewall-ips)', () => {
    const r = walk('tcp 10.1.1.1:40000 -> 5.6.7.8:80');
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy).toMatchObject({
      chain: 'firewall-HVFWP5L3-ns5/svc5/tcp/p80',
      rule: 'ip saddr != 203.0.113.0/25 drop',
    });
    const allowed = walk('tcp 203.0.113.7:40000 -> 5.6.7.8:80');
    expect(allowed.verdict).toBe('dnat');
    expect(allowed.endpoints.map((e) => e.address)).toEqual(['10.180.0.3']);
  });

  it('rejects a ClusterIP on a port it does not serve, drops an unallocated ClusterIP', () => {
    expect(walk('tcp 10.0.1.5:40000 -> 172.30.0.41:81', { inIface: 'cni0' }).verdict).toBe(
      'reject',
    );
    const r = walk('tcp 10.0.1.5:40000 -> 172.30.0.99:80', { inIface: 'cni0' });
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy?.rule).toBe(
      'ip daddr 172.30.0.0/16 drop comment "Drop traffic to unallocated ClusterIPs"',
    );
  });

  it('lets an IPv6 packet pass the ip table untouched', () => {
    const r = runPrograms(
      [kubeProxy],
      parsePacket('tcp [fd00::5]:40000 -> [fd00::1]:80', { inIface: 'eth0' })!,
      { addresses: ['fd00::2'] },
    );
    expect(r.verdict).toBe('forward');
    expect(r.endpoints).toEqual([]);
    // The kernel never runs an ip table's chains for IPv6: no hop at all.
    expect(r.hops).toEqual([]);
  });

  it('walks the same ruleset read from nft -j (JSON) to the same endpoints', () => {
    const json = program('netns/kube-proxy.json');
    const r = runPrograms(
      [json],
      parsePacket('tcp 10.0.1.5:40000 -> 172.30.0.44:80', { inIface: 'cni0' })!,
      NODE,
    );
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints.map((e) => [e.address, e.port, e.probability])).toEqual([
      ['10.180.0.4', 80, 0.5],
      ['10.180.0.5', 80, 0.5],
    ]);
    expect(
      runPrograms(
        [json],
        parsePacket('tcp 203.0.113.9:40000 -> 192.168.0.2:3001', { inIface: 'eth0' })!,
        NODE,
      ).verdict,
    ).toBe('drop');
  });

  it('splits nine ways on the k3s listing (numgen random mod 9)', () => {
    const k3s = program('nft--latencyk8s-k3s-kube-proxy-nftables-reject-chain.txt');
    const r = runPrograms(
      [k3s],
      parsePacket('tcp 10.42.0.9:40000 -> 10.43.195.72:8000', { inIface: 'cni0' })!,
      { addresses: ['10.34.4.246'] },
    );
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints).toHaveLength(9);
    for (const e of r.endpoints) expect(e.probability).toBeCloseTo(1 / 9, 9);
    expect(r.endpoints.map((e) => e.port)).toEqual(new Array(9).fill(8080));
  });

  it('rejects the k3s Service without endpoints in no-endpoint-services', () => {
    const k3s = program('nft--latencyk8s-k3s-kube-proxy-nftables-reject-chain.txt');
    const r = runPrograms(
      [k3s],
      parsePacket('tcp 10.42.0.9:40000 -> 10.43.21.102:4317', { inIface: 'cni0' })!,
      { addresses: ['10.34.4.246'] },
    );
    expect(r.verdict).toBe('reject');
    expect(r.branches[0]!.decidedBy?.chain).toBe('reject-chain');
  });
});
