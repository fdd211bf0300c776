import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnoseTexts } from '../testing/diagnose-text';
import { forDatapath, forVariant } from './render';

const NFT = readFileSync(
  new URL('../parsers/nft/fixtures/netns/kube-proxy-list.txt', import.meta.url),
  'utf8',
);

describe('fix lines for one product', () => {
  const template =
    'curl -sv https://x/\n[gateway=ingress-nginx] kubectl patch configmap c\n[gateway=istio,contour] kubectl edit gw g';

  it('keeps the lines listing the value, drops the others, keeps untagged lines', () => {
    expect(forVariant(template, { gateway: 'istio' })).toBe(
      'curl -sv https://x/\nkubectl edit gw g',
    );
    expect(forVariant(template, { gateway: 'contour' })).toBe(
      'curl -sv https://x/\nkubectl edit gw g',
    );
    expect(forVariant(template, { gateway: 'ingress-nginx' })).toBe(
      'curl -sv https://x/\nkubectl patch configmap c',
    );
  });

  it('keeps every line without a value, and leaves other bracketed text alone', () => {
    expect(forVariant(template, {})).toBe(
      'curl -sv https://x/\nkubectl patch configmap c\nkubectl edit gw g',
    );
    const odd = '[iptables] iptables-save\n[gateway=] x\n  [gateway=istio] indented';
    expect(forVariant(odd, { gateway: 'istio' })).toBe(odd);
  });
});

describe('fix lines for one datapath', () => {
  const template =
    'kubectl get ep\n[iptables] sudo iptables-save\n[nftables] sudo nft list ruleset';

  it('keeps the finding’s datapath, drops the others, keeps untagged lines', () => {
    expect(forDatapath(template, 'nftables')).toBe('kubectl get ep\nsudo nft list ruleset');
    expect(forDatapath(template, 'iptables')).toBe('kubectl get ep\nsudo iptables-save');
  });

  it('keeps every line, untagged, when the finding names no datapath', () => {
    expect(forDatapath(template, undefined)).toBe(
      'kubectl get ep\nsudo iptables-save\nsudo nft list ruleset',
    );
  });

  it('an nftables finding’s fix names no iptables command, with curl’s %{http_code} intact', () => {
    const d = diagnoseTexts({ 'nft.txt': NFT }, { port: '3001' }, 'nodeport-one-node');
    const f = d.findings.find((x) => x.cause === 'etp-local-no-endpoint')!;
    expect(f.fix.verify).toContain('sudo nft list map ip kube-proxy no-endpoint-nodeports');
    expect(f.fix.verify).not.toContain('iptables');
    expect(f.fix.verify).toContain("-w '%{http_code}\\n'");
    expect(f.fix.now).toContain('kubectl -n ns2 get endpoints svc2');
  });
});
