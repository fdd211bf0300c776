import type { RuleContext } from '../rule';
import type { NftElement, NftFacts } from '../../parsers/nft/facts';
import { kubeProxyTables, type KubeProxyNft } from '../../parsers/nft/kube-proxy';

/** kube-proxy's nftables-mode tables in the pasted rulesets, each with its paste. */
export function kubeProxyNft(
  ctx: RuleContext,
): { source: string; facts: NftFacts; kp: KubeProxyNft }[] {
  return ctx
    .of('nft')
    .flatMap(({ source, facts }) => kubeProxyTables(facts).map((kp) => ({ source, facts, kp })));
}

/** The element of a NodePort map (`tcp . 30080 : …`) for the port. */
export function forNodePort(elements: NftElement[], port: string): NftElement | undefined {
  return elements.find((e) => e.key.length === 2 && e.key[1] === port);
}

/** The element of an address map (`10.96.0.10 . udp . 53 : …`) for `vip`:`vport` (`vport` optional). */
export function forAddress(
  elements: NftElement[],
  vip: string,
  vport: string | undefined,
): NftElement | undefined {
  return elements.find(
    (e) => e.key.length === 3 && e.key[0] === vip && (!vport || e.key[2] === vport),
  );
}

/** kube-proxy rejects (no endpoints at all) with `goto reject-chain`; it drops (`drop`) where a Local policy has no local endpoint. */
export const rejects = (e: NftElement) =>
  /^(?:goto|jump)\s+reject-chain$|^reject\b/.test(e.value ?? '');
export const drops = (e: NftElement) => e.value === 'drop';
