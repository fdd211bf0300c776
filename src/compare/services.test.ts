import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, generated, parsedText } from '../testing/compare';
import { compareNodes, shown } from '.';

const gen = (g: string, args: string[], source: string) => parsedText(generated(g, args), source);

describe('Services and NodePorts', () => {
  it('iptables: one Service fewer on the bad node (the bench generator, 300 against 299 services)', () => {
    // Same seed: the 299-service dump is the 300-service one without its last service.
    const good = gen('gen-iptables-save.mjs', ['--services', '300', '--seed', '7'], 'good.txt');
    const bad = gen('gen-iptables-save.mjs', ['--services', '299', '--seed', '7'], 'bad.txt');
    const diff = compareNodes(good, bad);
    const list = shown(diff);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((d) => d.kind === 'services' && d.bad === null)).toBe(true);
    expect(list.every((d) => d.explainedBy === 'kube-proxy-rules-missing')).toBe(true);
    // One service: its ClusterIP, and its NodePort when it has one; named as its rules name it.
    const names = new Set(list.map((d) => d.good));
    expect(names.size).toBe(1);
    expect(list.map((d) => d.key)).toContainEqual(
      expect.stringMatching(/^Service tcp\/10\.\d+\.\d+\.\d+:\d+$/),
    );
    expect(diff.same.filter((s) => s.kind === 'services').length).toBeGreaterThan(299);
    // The chains' packet counters differ between the two dumps, and are not compared.
    expect(diff.differences.filter((d) => d.kind !== 'services')).toEqual([]);
  });

  it('a grep or a cut dump on one node shows no Service missing, only a whole one does', () => {
    const dump = generated('gen-iptables-save.mjs', ['--services', '40', '--seed', '7']);
    const good = parsedText(dump, 'good.txt');
    const lines = dump.split('\n');
    const grep = lines.filter((l) => l.includes('orders/')).join('\n');
    const cut = lines.slice(0, lines.indexOf('COMMIT') - 20).join('\n');
    for (const bad of [grep, cut]) {
      const diff = compareNodes(good, parsedText(bad, 'bad.txt'));
      expect(shown(diff).filter((d) => d.kind === 'services' && d.bad === null)).toEqual([]);
      // Nor the other way: the whole dump's extra Services are not the bad node's.
      const back = compareNodes(parsedText(bad, 'good.txt'), good);
      expect(shown(back).filter((d) => d.kind === 'services' && d.good === null)).toEqual([]);
    }
  });

  it('IPVS: virtual servers by Service identity, NodePorts by port across node addresses', () => {
    const good = gen('gen-ipvsadm.mjs', ['--services', '200', '--seed', '3'], 'good.txt');
    const bad = gen(
      'gen-ipvsadm.mjs',
      ['--services', '200', '--seed', '3', '--node-addrs', '172.17.0.1,192.168.7.22'],
      'bad.txt',
    );
    // Another node's addresses, the same Services: nothing differs.
    expect(compareNodes(good, bad).differences).toEqual([]);
    const fewer = gen('gen-ipvsadm.mjs', ['--services', '199', '--seed', '3'], 'fewer.txt');
    const diff = compareNodes(good, fewer);
    expect(shown(diff).length).toBeGreaterThan(0);
    for (const d of shown(diff)) {
      expect(d.key).toMatch(/^(?:Service (?:tcp|udp)\/[\d.]+:\d+|NodePort (?:tcp|udp)\/3\d{4})$/);
      expect(d.explainedBy).toBe('kube-proxy-rules-missing');
    }
  });

  it('a virtual server without real servers on the bad node only: IPVS has no endpoints for it', () => {
    const vs = (rs: string) =>
      `IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\nTCP  10.96.0.10:53 rr\n${rs}`;
    const good = parsedText(
      vs('  -> 10.244.151.128:53            Masq    1      0          0\n'),
      'g',
    );
    const bad = parsedText(vs(''), 'b');
    expect(shown(compareNodes(good, bad)).map(brief)).toEqual([
      {
        kind: 'services',
        key: 'Service tcp/10.96.0.10:53',
        good: 'present',
        bad: 'no endpoints',
        explainedBy: 'ipvs-no-real-servers',
      },
    ]);
  });

  it('nftables: a NodePort missing from the bad node’s service-nodeports map', () => {
    // kube-proxy's nftables ruleset as the real nft listed it (src/parsers/nft/fixtures/netns),
    // and the same listing with one NodePort element kube-proxy had not yet written.
    const listing = readFileSync(
      join(__dirname, '../parsers/nft/fixtures/netns/kube-proxy-list.txt'),
      'utf8',
    );
    const without = listing.replace(
      /,\n\s+tcp \. 3003 : goto external-4AT6LBPK-ns3\/svc3\/tcp\/p80 }/,
      ' }',
    );
    expect(without).not.toBe(listing);
    const diff = compareNodes(parsedText(listing, 'good.txt'), parsedText(without, 'bad.txt'));
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'services',
        key: 'NodePort tcp/3003',
        good: 'ns3/svc3',
        bad: null,
        explainedBy: 'kube-proxy-rules-missing',
      },
    ]);
  });
});
