import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { tMsg } from '../../i18n/translate';
import { parsePaste, type SectionResult } from '../registry';
import { kubeProxyTables, serviceName } from './kube-proxy';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string): SectionResult => {
  const rs = parsePaste(text, 'x');
  expect(rs.map((r) => r.kind)).toEqual([rs[0]!.kind]);
  return rs[0]!;
};
const nftOf = (text: string) => factsOf(one(text), 'nft');
const summaryOf = (s: SectionResult) => {
  if (s.status === 'rejected') throw new Error(`rejected: ${s.problems[0]?.msg.key}`);
  return s.summary;
};

describe('nft list ruleset, as the kernel printed it (fixtures/netns)', () => {
  const list = local('netns/kube-proxy-list.txt');

  it("reads kube-proxy's nftables table: chains, rules, maps and their elements", () => {
    const s = one(list);
    expect(s.status).toBe('parsed');
    const f = factsOf(s, 'nft');
    expect([f.tables.length, f.chains.length, f.rules.length, f.sets.length]).toEqual([
      1, 32, 57, 8,
    ]);
    expect(f.tables[0]).toMatchObject({
      family: 'ip',
      name: 'kube-proxy',
      comment: 'rules for kube-proxy',
      line: 1,
    });
    expect(f.chains.find((c) => c.name === 'filter-prerouting-pre-dnat')).toMatchObject({
      type: 'filter',
      hook: 'prerouting',
      priority: 'dstnat - 10',
      policy: 'accept',
    });
    expect(f.chains.find((c) => c.name === 'services')).toMatchObject({ hook: null, policy: null });
    const vmap = f.rules.find((r) => r.chain === 'services')!;
    expect(vmap.verdict).toEqual({ kind: 'vmap', target: '@service-ips' });
    const dnat = f.rules.find(
      (r) => r.chain.startsWith('endpoint-5OJB2KTY') && r.verdict?.kind === 'dnat',
    )!;
    expect(dnat).toMatchObject({
      proto: 'tcp',
      verdict: { kind: 'dnat', target: '10.180.0.1:80' },
    });
    const comment = f.rules.find((r) => r.chain === 'cluster-ips-check')!;
    expect(comment).toMatchObject({
      comment: 'Reject traffic to invalid ports of ClusterIPs',
      verdict: { kind: 'reject' },
    });
  });

  it('reads map elements over several lines, each with its own line, key, value and comment', () => {
    const [kp] = kubeProxyTables(nftOf(list));
    expect(kp!.mapsShown).toBe(true);
    expect(kp!.serviceIps).toHaveLength(9);
    expect(kp!.nodePorts.map((e) => e.key)).toEqual([
      ['tcp', '3001'],
      ['tcp', '3002'],
      ['tcp', '3003'],
    ]);
    const reject = kp!.noEndpointServices.at(-1)!;
    expect(reject).toMatchObject({
      key: ['172.30.0.46', 'tcp', '80'],
      value: 'goto reject-chain',
      comment: 'ns6/svc6:p80',
      line: 34,
    });
    expect(reject.text).toContain('172.30.0.46 . tcp . 80');
    expect(kp!.noEndpointNodePorts[0]).toMatchObject({
      key: ['tcp', '3001'],
      value: 'drop',
      line: 26,
    });
    expect(serviceName(reject.comment)).toBe('ns6/svc6');
    expect(serviceName('external-42NFTM6N-ns2/svc2/tcp/p80')).toBe('ns2/svc2');
  });

  it('nft -a gives the same model with handles; nft -j gives the same model', () => {
    const plain = nftOf(list);
    const handles = nftOf(local('netns/kube-proxy-list-a.txt'));
    const json = nftOf(local('netns/kube-proxy.json'));
    const shape = (f: typeof plain) => ({
      chains: f.chains.map((c) => [c.table, c.name, c.hook, c.policy]),
      rules: f.rules.map((r) => [r.chain, r.verdict, r.dport, r.proto, r.daddr, r.comment]),
      sets: f.sets.map((s) => [s.name, s.elements.map((e) => [e.key, e.value, e.comment])]),
    });
    expect(shape(handles)).toEqual(shape(plain));
    expect(shape(json)).toEqual(shape(plain));
    expect(handles.rules.every((r) => r.handle !== null)).toBe(true);
    expect(handles.chains.find((c) => c.name === 'services')!.handle).toBeGreaterThan(0);
    expect(json.format).toBe('json');
    expect(json.version?.value).toBe('1.0.6');
  });

  it("reads iptables-nft's tables: comments it cannot print lost, counters kept", () => {
    const s = one(local('netns/iptables-nft-list.txt'));
    const f = factsOf(s, 'nft');
    expect(summaryOf(s).key).toBe('parse.nft.summaryXtables');
    expect(f.tables.map((t) => t.name)).toEqual(['mangle', 'filter', 'nat']);
    const entry = f.rules.find((r) => r.chain === 'KUBE-NODEPORTS' && r.dport === '31610')!;
    expect(entry).toMatchObject({
      proto: 'tcp',
      packets: 0,
      verdict: { kind: 'jump', target: 'KUBE-XLB-NLDKPDYL22EOGGDT' },
    });
    const svc = f.rules.find((r) => r.chain === 'KUBE-SERVICES' && r.daddr === '10.96.0.10')!;
    expect(svc).toMatchObject({ proto: 'udp', dport: '53' });
  });
});

describe('nft list ruleset, as people posted it (fixtures/nft--*)', () => {
  it('k3s kube-proxy in nftables mode: a Service without endpoints rejected', () => {
    const s = one(local('nft--latencyk8s-k3s-kube-proxy-nftables-reject-chain.txt'));
    expect(s.status).toBe('parsed');
    const [kp] = kubeProxyTables(factsOf(s, 'nft'));
    expect(kp!.noEndpointServices.map((e) => [e.key.join(' . '), e.value, e.comment])).toEqual([
      [
        '10.43.21.102 . tcp . 4317',
        'goto reject-chain',
        'riset/otelcol-opentelemetry-collector:otlp',
      ],
      [
        '10.43.21.102 . tcp . 4318',
        'goto reject-chain',
        'riset/otelcol-opentelemetry-collector:otlp-http',
      ],
    ]);
    expect(kp!.nodePorts.map((e) => e.key)).toEqual([['tcp', '30000']]);
    expect(tMsg('en', summaryOf(s))).toMatch(
      /kube-proxy \(nftables mode\): 9 service addresses, 1 NodePort, 2 without endpoints/,
    );
    expect(tMsg('zh-CN', summaryOf(s))).toContain('kube-proxy（nftables 模式）');
  });

  it('a listing the poster cut is read up to the cut, and says so', () => {
    const s = one(local('nft--temach-kube-proxy-nftables-handles.txt'));
    expect(s.status).toBe('partial');
    expect(s.command).toBe('nft -a list table kube-proxy');
    expect(s.problems.map((p) => p.msg.key)).toContain('parse.nft.unclosed');
    const [kp] = kubeProxyTables(factsOf(s, 'nft'));
    expect(kp!.serviceIps).toHaveLength(12);
    expect(kp!.serviceIps.every((e) => e.key.length === 3)).toBe(true);
  });

  it('an excerpt of one map, cut from its table, is still kube-proxy’s (and proves nothing absent)', () => {
    const f = nftOf(local('nft--k8s131765-no-endpoint-services-drop-snippet.txt'));
    const [kp] = kubeProxyTables(f);
    expect(kp!.mapsShown).toBe(false);
    expect(kp!.noEndpointServices).toEqual([
      expect.objectContaining({
        key: ['10.88.1.2', 'tcp', '80'],
        value: 'drop',
        comment: 'sys-ingress-priv/internal-ingress-controller-v2:web',
        line: 5,
      }),
    ]);
  });

  it('an untranslatable target: nft’s warning and its `xt target` line finish the rule', () => {
    const f = nftOf(local('nft--ytdl-k3s-iptables-nft-flannel-kuberouter.txt'));
    const rule = f.rules.find((r) => r.line === 130)!;
    expect(rule).toMatchObject({
      chain: expect.stringMatching(/^KUBE-SEP-/),
      packets: 0,
      verdict: { kind: 'dnat', target: null },
    });
    expect(f.rules.some((r) => r.text.startsWith('xt target'))).toBe(false);
    expect(f.xtablesManaged.length).toBeGreaterThanOrEqual(4);
    expect(f.tables.map((t) => `${t.family} ${t.name}`)).toContain('inet netbird_wt0');
  });

  it('old nft’s inline `# xt_…` marks, in a fragment without its table', () => {
    const s = one(local('nft--nixpkgs81172-iptables-nft-xt-untranslated-fragment.txt'));
    expect(summaryOf(s).key).toBe('parse.nft.summaryFragment');
    const f = factsOf(s, 'nft');
    expect(f.rules[0]).toMatchObject({ proto: 'tcp', verdict: { kind: 'accept' } });
    expect(f.chains.find((c) => c.name === 'FORWARD')).toMatchObject({
      hook: 'forward',
      policy: 'accept',
    });
  });

  it('a grep of the listing (rules and nft’s warnings only) is read as rules', () => {
    const s = one(local('nft--ytdl-k3s-ruleset-grep-xt-warnings.txt'));
    const f = factsOf(s, 'nft');
    expect(f.rules.find((r) => r.dport === '32443')).toMatchObject({
      packets: 6,
      verdict: { kind: 'jump', target: 'KUBE-EXT-CVG3OEGEH7H5P3HQ' },
    });
  });

  it('firewalld, Docker and flannel tables', () => {
    const fw = nftOf(local('nft--insights2022-rhel8-firewalld-libvirt.txt'));
    expect(fw.tables.map((t) => `${t.family} ${t.name}`)).toContain('inet firewalld');
    expect(
      fw.rules.filter((r) => r.table === 'firewalld' && r.verdict?.kind === 'reject').length,
    ).toBeGreaterThan(0);
    const docker = nftOf(local('nft--hnakamur-docker-ubuntu2204-filter-elided.txt'));
    expect(docker.chains.find((c) => c.name === 'FORWARD')).toMatchObject({
      policy: 'drop',
      hook: 'forward',
    });
    const moby = nftOf(local('nft--moby-docker-nftables-backend-portmap.txt'));
    expect(moby.sets.length).toBe(4);
    const flannel = nftOf(local('nft--temach-flannel-ipv4-table.txt'));
    expect(flannel.tables[0]!.name).toBe('flannel-ipv4');
  });
});

describe('what nft prints when it cannot list: a near miss that says what to do', () => {
  // Sections of fixtures/nft--errors.txt, each `=== source` header followed by what was posted.
  const sections = Object.fromEntries(
    local('nft--errors.txt')
      .split(/^=== /m)
      .filter((p) => p.trim() !== '')
      .map((p) => [p.split(' ')[0]!, p.slice(p.indexOf('\n') + 1)]),
  );
  it.each([
    ['kubernetes/kubernetes#123168', 'parse.nearMiss.nftTooOld'],
    ['intelligent-agent/Refactor#169', 'parse.nearMiss.nftUnsupported'],
    ['mattymcfatty/HoneyPi#19', 'parse.nearMiss.nftUnsupported'],
    ['telemt/telemt#842', 'parse.nearMiss.nftRoot'],
    ['coreos/go-iptables#73', 'parse.nearMiss.iptablesIncompatible'],
    ['mailcow/mailcow-dockerized#5847', 'parse.nearMiss.iptablesIncompatible'],
    ['Linuxfabrik/lfops#61', 'parse.nearMiss.nftMissing'],
  ])('%s → %s', (source, key) => {
    const rs = parsePaste(sections[source]!, 'x');
    expect(rs.some((r) => r.status === 'rejected' && r.problems[0]?.msg.key === key)).toBe(true);
  });

  it('`iptables -V` alone is its own kind (the host backend), not a near miss', () => {
    expect(one('iptables v1.8.9 (nf_tables)\n')).toMatchObject({
      kind: 'iptables-version',
      status: 'parsed',
    });
  });

  it('`nft list tables` asks for the ruleset', () => {
    const r = one(local('nft--temach-list-tables-only.txt'));
    expect(r.status).toBe('rejected');
    expect(r.status === 'rejected' && r.problems[0]!.msg.key).toBe('parse.nearMiss.nftTables');
  });
});

describe('hostile nft pastes', () => {
  const list = local('netns/kube-proxy-list.txt');

  it('a listing cut at any line is read up to the cut, never thrown', () => {
    const lines = list.split('\n');
    for (let cut = 2; cut < lines.length; cut += 7) {
      const s = one(lines.slice(0, cut).join('\n'));
      expect(s.kind).toBe('nft');
      expect(['parsed', 'partial']).toContain(s.status);
    }
  });

  it('CRLF, a 5,000-character line, and stray braces', () => {
    const crlf = nftOf(list.replace(/\n/g, '\r\n'));
    expect(crlf.rules).toHaveLength(57);
    const long = one(
      `table ip t {\n\tchain c {\n\t\tip daddr ${'1.1.1.1 '.repeat(700)}drop\n\t}\n}`,
    );
    expect(long.status).toBe('parsed');
    const braces = one('table ip t {\n}\n}\n}\n{{{{');
    expect(braces.status).toBe('partial');
  });

  it('JSON that is cut, or not nft’s, is refused with a reason', () => {
    const json = local('netns/kube-proxy.json');
    const cut = one(json.slice(0, json.length / 2));
    expect(cut.status === 'rejected' && cut.problems[0]!.msg.key).toBe('parse.nft.badJson');
    const other = parsePaste('{"nftables": 3}', 'x')[0]!;
    expect(other.status).toBe('rejected');
  });

  it('a quoted chain name with braces and quotes in a comment', () => {
    const f = nftOf(
      'table inet t {\n\tchain "my chain" {\n\t\ttcp dport 80 accept comment "a } \\"b\\" {"\n\t}\n}',
    );
    expect(f.chains[0]!.name).toBe('my chain');
    expect(f.rules[0]).toMatchObject({
      comment: 'a } "b" {',
      dport: '80',
      verdict: { kind: 'accept' },
    });
  });
});
