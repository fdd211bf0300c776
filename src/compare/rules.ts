import { elementTarget, kubeProxyTables, serviceName } from '../parsers/nft/kube-proxy';
import type { NftElement } from '../parsers/nft/facts';
import { showsWholeNat, type IptablesRule } from '../parsers/iptables-save/facts';
import { cite, type Side } from './side';
import { put, type Facts } from './keyed';
import { NO_ENDPOINTS, PRESENT } from './types';

/**
 * A Service as kube-proxy's rules hold it, by identity (protocol, port, ClusterIP or external
 * address; a NodePort by protocol and port), never by the node's own addresses. The value is the
 * Service's name when the rules give it, or `no endpoints` where kube-proxy rejects or drops.
 */

export const serviceKey = (proto: string, address: string, port: string) =>
  `Service ${proto.toLowerCase()}/${address.includes(':') ? `[${address}]` : address}:${port}`;
export const nodePortKey = (proto: string, port: string) =>
  `NodePort ${proto.toLowerCase()}/${port}`;

/** `default/nginx:http` from `"default/nginx:http has no endpoints"` or `default/nginx:http cluster IP`. */
const nameIn = (comment: string | null) =>
  comment === null ? null : (/^([\w.-]+\/[\w.-]+(?::[\w.-]*)?)/.exec(comment)?.[1] ?? null);

const destination = (r: IptablesRule) =>
  /(?:^|\s)-d\s+([0-9a-fA-F.:]+?)(?:\/(?:32|128))?(?=\s)/.exec(r.text)?.[1] ?? null;

/** Which nodes pasted rules this comparer reads: a nat table, or kube-proxy's nft table. */
export function showsServiceRules(side: Side): boolean {
  return (
    side.of('iptables-save').some((p) => p.facts.tables.includes('nat')) ||
    side.of('nft').some((p) => kubeProxyTables(p.facts).length > 0)
  );
}

/**
 * Which nodes pasted every Service kube-proxy programmed, so that one missing there is missing
 * from the node: a whole nat table (not a grep, not cut) of iptables mode, or the four maps of
 * nftables mode. In IPVS mode the nat table matches ipsets and names no Service.
 */
export function listsAllServiceRules(side: Side): boolean {
  return (
    side
      .of('iptables-save')
      .some(
        (p) =>
          showsWholeNat(p.facts) &&
          !p.facts.rules.some((r) => /--match-set KUBE-CLUSTER-IP\b/.test(r.text)),
      ) || side.of('nft').some((p) => kubeProxyTables(p.facts).some((t) => t.mapsShown))
  );
}

/** kube-proxy's iptables rules: KUBE-SERVICES and KUBE-NODEPORTS jumps, `has no endpoints` rejects. */
export function readIptablesServices(side: Side, facts: Facts): void {
  for (const { source, facts: f } of side.of('iptables-save')) {
    // Endpoints per service chain: its jumps to KUBE-SEP- chains.
    const endpoints = new Map<string, number>();
    for (const r of f.rules)
      if (r.chain.startsWith('KUBE-SVC-') && r.target?.startsWith('KUBE-SEP-'))
        endpoints.set(r.chain, (endpoints.get(r.chain) ?? 0) + 1);
    const valueOf = (r: IptablesRule) =>
      r.target?.startsWith('KUBE-SVC-') && !endpoints.has(r.target)
        ? NO_ENDPOINTS
        : (nameIn(r.comment) ?? PRESENT);
    for (const r of f.rules) {
      if (r.proto === null || r.dport === null) continue;
      const evidence = [cite(source, r)];
      if (
        /has no (?:local )?endpoints/.test(r.comment ?? '') &&
        /REJECT|DROP/.test(r.target ?? '')
      ) {
        const d = destination(r);
        const key = d === null ? nodePortKey(r.proto, r.dport) : serviceKey(r.proto, d, r.dport);
        put(facts, key, { value: NO_ENDPOINTS, evidence });
      } else if (r.chain === 'KUBE-NODEPORTS' && /^KUBE-(?:SVC|EXT|XLB|FW)-/.test(r.target ?? ''))
        put(facts, nodePortKey(r.proto, r.dport), { value: valueOf(r), evidence });
      else if (r.chain === 'KUBE-SERVICES' && /^KUBE-(?:SVC|EXT|FW)-/.test(r.target ?? '')) {
        const d = destination(r);
        if (d !== null)
          put(facts, serviceKey(r.proto, d, r.dport), { value: valueOf(r), evidence });
      }
    }
  }
}

const elementFact = (source: string, e: NftElement, value: string) => ({
  value,
  evidence: [cite(source, e)],
});

/** kube-proxy's nftables maps: service-ips, service-nodeports and their no-endpoint twins. */
export function readNftServices(side: Side, facts: Facts): void {
  for (const { source, facts: f } of side.of('nft'))
    for (const t of kubeProxyTables(f)) {
      const named = (e: NftElement) => serviceName(elementTarget(e) ?? e.comment) ?? PRESENT;
      for (const e of t.serviceIps) {
        const [address, proto, port] = e.key;
        if (address && proto && port)
          put(facts, serviceKey(proto, address, port), elementFact(source, e, named(e)));
      }
      for (const e of t.noEndpointServices) {
        const [address, proto, port] = e.key;
        if (address && proto && port)
          put(facts, serviceKey(proto, address, port), elementFact(source, e, NO_ENDPOINTS));
      }
      for (const e of t.nodePorts) {
        const [proto, port] = e.key;
        if (proto && port) put(facts, nodePortKey(proto, port), elementFact(source, e, named(e)));
      }
      for (const e of t.noEndpointNodePorts) {
        const [proto, port] = e.key;
        if (proto && port)
          put(facts, nodePortKey(proto, port), elementFact(source, e, NO_ENDPOINTS));
      }
    }
}
