import { describe, expect, it } from 'vitest';
import { brief, compareFiles, generated, parsedText } from '../testing/compare';
import { compareNodes, shown } from '.';

const F = 'rules/ipvs-modules-missing/fixtures/';

describe('kube-proxy mode and version', () => {
  it('IPVS on the good node, iptables on the bad (kube-proxy fell back): kubernetes#76717 against #63801', () => {
    const diff = compareFiles(
      `${F}healthy--k8s76717-ipvs-startup.txt`,
      `${F}broken--k8s63801-fallback.txt`,
    );
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'kube-proxy',
        key: 'kube-proxy mode',
        good: 'ipvs',
        bad: 'iptables',
        explainedBy: 'ipvs-modules-missing',
      },
      {
        kind: 'kube-proxy',
        key: 'kube-proxy version',
        good: 'v1.14.0',
        bad: 'v1.10.2',
        explainedBy: null,
      },
    ]);
    expect(diff.differences[0]!.evidence.bad[0]!.text).toMatch(/Using iptables Proxier/);
  });

  it('reads the mode from the rules when there is no log: KUBE-SVC- chains, kube-proxy’s nft table', () => {
    const iptables = parsedText(
      generated('gen-iptables-save.mjs', ['--services', '5', '--seed', 'm']),
      'iptables-save.txt',
    );
    const again = parsedText(
      generated('gen-iptables-save.mjs', ['--services', '5', '--seed', 'm']),
      'again.txt',
    );
    expect(compareNodes(iptables, again).same.find((s) => s.key === 'kube-proxy mode')?.value).toBe(
      'iptables',
    );
    const nftables = compareFiles(
      'rules/kube-proxy-rules-missing/fixtures/healthy--nft-kube-proxy-nodeport.txt',
      'rules/kube-proxy-rules-missing/fixtures/healthy--nft-kube-proxy-nodeport.txt',
    );
    expect(nftables.same.find((s) => s.key === 'kube-proxy mode')?.value).toBe('nftables');
    const mixed = compareNodes(
      iptables,
      parsedText(generated('gen-ipvsadm.mjs', ['--services', '5', '--seed', 'm']), 'ipvsadm.txt'),
    );
    expect(mixed.differences.find((d) => d.key === 'kube-proxy mode')).toMatchObject({
      good: 'iptables',
      bad: 'ipvs',
      explainedBy: null,
    });
  });
});
