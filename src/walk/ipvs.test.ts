import { describe, expect, it } from 'vitest';
import type { IpvsFacts, VirtualService } from '../parsers/ipvsadm/facts';
import { factsOf } from '../testing/facts';
import { parsePaste } from '../parsers/registry';
import { readPaste } from './iptables/fixtures/load';
import { compileIpvs, kubeSetsFromIpvs, shares } from './ipvs';
import type { PacketState } from './program';

const ipvsOf = (path: string): IpvsFacts =>
  factsOf(parsePaste(readPaste(path), path)[0], 'ipvsadm');
const KUBEADM = ipvsOf(
  'test-data/fixtures/46-kubeadm2205-ipvsadm-healthy-nodeport-vs/ipvsadm-Ln.txt',
);
const WEIGHT0 = ipvsOf(
  'src/rules/ipvs-stale-realserver/fixtures/broken--k8s73960-weight-zero-persistent.txt',
);

const state = (over: Partial<PacketState>): PacketState => ({
  proto: 'tcp',
  src: '192.168.9.50',
  sport: 40000,
  dst: '10.96.0.10',
  dport: 53,
  iif: 'eth0',
  oif: null,
  mark: 0,
  ctmark: 0,
  ctstate: 'NEW',
  local: false,
  nodeAddresses: [],
  ...over,
});

describe('scheduler shares', () => {
  it('rr shares equally among servers of weight > 0', () => {
    const vs = WEIGHT0.services[0]!;
    expect(shares(vs).map((s) => [s.rs.address, s.probability])).toEqual([
      ['10.0.137.45:6443', 1 / 3],
      ['10.0.153.246:6443', 1 / 3],
      ['10.0.163.20:6443', 1 / 3],
    ]);
  });

  it('wrr and wlc share by weight', () => {
    const vs: VirtualService = {
      ...WEIGHT0.services[0]!,
      scheduler: 'wrr',
      realServers: WEIGHT0.services[0]!.realServers.map((rs, i) => ({ ...rs, weight: i })),
    };
    // weights 0,1,2,3,4: the first gets nothing, the rest 1/10 … 4/10
    expect(shares(vs).map((s) => s.probability)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(shares({ ...vs, scheduler: 'wlc' }).map((s) => s.probability)).toEqual([
      0.1, 0.2, 0.3, 0.4,
    ]);
  });

  it('compiles one INPUT rule per virtual server at priority 98, citing its line', () => {
    const p = compileIpvs(KUBEADM, 'ipvsadm.txt');
    const chain = [...p.chains.values()][0]!;
    expect(chain.base).toEqual({ hook: 'input', priority: 98, type: 'filter', policy: 'accept' });
    expect(chain.rules.map((r) => r.cite.line)).toEqual(KUBEADM.services.map((s) => s.line));
  });
});

describe("kube-proxy's sets derived from ipvsadm", () => {
  const sets = kubeSetsFromIpvs([KUBEADM], {
    addresses: ['192.168.9.101', '10.0.2.4', '172.17.0.1'],
  });

  it('KUBE-CLUSTER-IP holds service ip,proto:port; not node addresses', () => {
    expect(sets.lookup('KUBE-CLUSTER-IP', ['dst', 'dst'], state({}))).toBe(true);
    expect(sets.lookup('KUBE-CLUSTER-IP', ['dst', 'dst'], state({ proto: 'udp' }))).toBe(false);
    expect(
      sets.lookup('KUBE-CLUSTER-IP', ['dst', 'dst'], state({ dst: '192.168.9.101', dport: 30449 })),
    ).toBe(false);
    expect(sets.lookup('KUBE-6-CLUSTER-IP', ['dst', 'dst'], state({}))).toBe(true);
  });

  it('KUBE-NODE-PORT-TCP holds the ports of virtual servers on node addresses', () => {
    expect(
      sets.lookup('KUBE-NODE-PORT-TCP', ['dst'], state({ dst: '10.0.2.4', dport: 30449 })),
    ).toBe(true);
    expect(sets.lookup('KUBE-NODE-PORT-TCP', ['dst'], state({ dport: 53 }))).toBe(false);
    expect(sets.lookup('KUBE-NODE-PORT-UDP', ['dst'], state({ proto: 'udp', dport: 30449 }))).toBe(
      false,
    );
  });

  it('KUBE-LOOP-BACK: an endpoint reaching itself', () => {
    const hairpin = state({ src: '10.244.36.197', dst: '10.244.36.197', dport: 80 });
    expect(sets.lookup('KUBE-LOOP-BACK', ['dst', 'dst', 'src'], hairpin)).toBe(true);
    expect(
      sets.lookup('KUBE-LOOP-BACK', ['dst', 'dst', 'src'], { ...hairpin, src: '10.244.1.1' }),
    ).toBe(false);
  });

  it('sets the table cannot tell stay unknown where they could hold the packet', () => {
    expect(
      sets.lookup('KUBE-NODE-PORT-LOCAL-TCP', ['dst'], state({ dst: '10.0.2.4', dport: 30449 })),
    ).toBeNull();
    expect(sets.lookup('KUBE-NODE-PORT-LOCAL-TCP', ['dst'], state({ dport: 31000 }))).toBe(false);
    expect(sets.lookup('KUBE-LOAD-BALANCER', ['dst', 'dst'], state({}))).toBeNull();
    expect(sets.lookup('KUBE-LOAD-BALANCER', ['dst', 'dst'], state({ dst: '203.0.113.9' }))).toBe(
      false,
    );
    expect(sets.lookup('cali40masq-ipam-pools', ['src'], state({}))).toBeNull();
  });
});
