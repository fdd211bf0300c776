import { describe, expect, it } from 'vitest';
import { brief, compareFiles, parsedFile } from '../testing/compare';
import { causeSummary, compareNodes, differs, explained, sameOnBothNodes, shown } from '.';

// Two "nodes" recorded from network namespaces by scripts/compare-fixtures.sh (fixtures/SOURCES.md).
const GOOD = 'compare/fixtures/netns-good-node.txt';
const BAD = 'compare/fixtures/netns-bad-node.txt';

describe('compareNodes on two recorded nodes', () => {
  const diff = compareFiles(GOOD, BAD);

  it('reports what the bad node got wrong, each with the cause it is the evidence of, first', () => {
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'services',
        key: 'NodePort tcp/3003',
        good: 'ns3/svc3:p80',
        bad: null,
        explainedBy: 'kube-proxy-rules-missing',
      },
      {
        kind: 'policies',
        key: 'FORWARD policy',
        good: 'ACCEPT',
        bad: 'DROP',
        explainedBy: 'forward-drop',
      },
      // 3 packets under ACCEPT on the good node were let through: none dropped there.
      {
        kind: 'policies',
        key: 'FORWARD policy drops',
        good: '0',
        bad: '3',
        explainedBy: 'forward-drop',
      },
      {
        kind: 'sysctl',
        key: 'net.ipv4.conf.all.rp_filter',
        good: '2',
        bad: '1',
        explainedBy: 'rp-filter-asymmetric',
      },
      {
        kind: 'mtu',
        key: 'mtu veth*',
        good: '1450',
        bad: '1450, 1500',
        explainedBy: 'mtu-mismatch',
      },
      {
        kind: 'routes',
        key: 'route 10.244.2.0/24',
        good: 'via 10.244.2.0 dev flannel.1',
        bad: null,
        explainedBy: 'cni-unhealthy',
      },
      {
        kind: 'sysctl',
        key: 'net.ipv4.ip_local_port_range',
        good: '32768 60999',
        bad: '1024 65535',
        explainedBy: 'nodeport-port-range-clash',
      },
    ]);
  });

  it('cites the lines of both nodes', () => {
    const forward = differs(diff, 'policies', 'FORWARD policy')!;
    expect(forward.evidence.good).toEqual([
      expect.objectContaining({ text: ':FORWARD ACCEPT [3:180]' }),
    ]);
    expect(forward.evidence.bad).toEqual([
      expect.objectContaining({ text: ':FORWARD DROP [3:180]' }),
    ]);
    expect(forward.evidence.bad[0]!.source).toMatch(/^netns-bad-node\.txt#\d$/);
    const mtu = differs(diff, 'mtu', 'mtu veth*')!;
    expect(mtu.evidence.bad.map((e) => e.text)).toEqual([
      expect.stringMatching(/^\d+: veth6b2e71d4@if2: .* mtu 1450 /),
      expect.stringMatching(/^\d+: veth90c4d5e8@if2: .* mtu 1500 /),
    ]);
  });

  it('keeps noise (counters, random ids, pods’ veth keys, own pod subnets) out of the default report', () => {
    const noise = diff.differences.filter((d) => d.noise);
    expect(noise.length).toBeGreaterThan(0);
    const keys = noise.map((d) => d.key);
    expect(keys).toContain('kernel.random.uuid');
    expect(keys).toContain('route 10.244.0.0/24'); // each node's own subnet is on its cni0
    expect(keys.some((k) => /^net\.ipv4\.conf\.veth[0-9a-f]+\./.test(k))).toBe(true);
    expect(shown(diff).some((d) => d.noise)).toBe(false);
    expect(shown(diff, true)).toHaveLength(diff.differences.length);
    // Noise comes after every difference that is not.
    const firstNoise = diff.differences.findIndex((d) => d.noise);
    expect(diff.differences.slice(firstNoise).every((d) => d.noise)).toBe(true);
  });

  it('reports nothing at all for the same bundle twice', () => {
    const twice = compareNodes(parsedFile(GOOD, 'a.txt'), parsedFile(GOOD, 'b.txt'));
    expect(twice.differences).toEqual([]);
    expect(twice.coverage).toEqual([]);
    expect(twice.same.length).toBeGreaterThan(1000);
  });

  it('answers rules: same on both nodes, or differs', () => {
    expect(sameOnBothNodes(diff, 'sysctl', 'net.ipv4.ip_forward')).toBe(true);
    expect(differs(diff, 'sysctl', 'net.ipv4.ip_forward')).toBeNull();
    expect(sameOnBothNodes(diff, 'sysctl', 'net.ipv4.conf.all.rp_filter')).toBe(false);
    expect(differs(diff, 'sysctl', 'net.ipv4.conf.all.rp_filter')?.bad).toBe('1');
    expect(sameOnBothNodes(diff, 'services', 'NodePort tcp/3001')).toBe(true);
    expect(sameOnBothNodes(diff, 'sysctl', 'no.such.key')).toBe(false);
  });

  it('sums up the causes it supports and the ones a shared setting argues against', () => {
    const s = causeSummary(diff);
    expect(s.supports.map((x) => x.cause)).toEqual([
      'kube-proxy-rules-missing',
      'forward-drop',
      'rp-filter-asymmetric',
      'mtu-mismatch',
      'cni-unhealthy',
      'nodeport-port-range-clash',
    ]);
    // tcp_keepalive_time 7200 and nf_conntrack_tcp_be_liberal 0 are on both nodes.
    expect(s.against.map((x) => x.cause)).toEqual(['ipvs-idle-timeout', 'conntrack-invalid-rst']);
    expect(s.against[0]!.shared.map((x) => [x.key, x.value])).toEqual([
      ['net.ipv4.tcp_keepalive_time', '7200'],
    ]);
  });

  it('indexes the explained differences of a list by cause', () => {
    const list = shown(diff);
    const groups = explained(list);
    expect(groups.map((g) => g.cause)).toContain('forward-drop');
    for (const g of groups)
      for (const i of g.differences) expect(list[i]!.explainedBy).toBe(g.cause);
  });

  it('says which kinds were pasted for one node only, instead of listing their differences', () => {
    const sysctlOnly = parsedFile(GOOD).filter((s) => s.command === 'sysctl -a');
    const d = compareNodes(sysctlOnly, parsedFile(BAD));
    expect(d.coverage).toEqual([
      { kind: 'kube-proxy', missingOn: 'good' },
      { kind: 'services', missingOn: 'good' },
      { kind: 'policies', missingOn: 'good' },
      { kind: 'mtu', missingOn: 'good' },
      { kind: 'routes', missingOn: 'good' },
    ]);
    expect(d.differences.every((x) => x.kind === 'sysctl' || x.kind === 'conntrack')).toBe(true);
  });
});
