import type { NftElement, NftFacts, NftRule, NftSet, NftTable } from './facts';

/**
 * kube-proxy's nftables mode as its tables show it (`table ip kube-proxy`, `ip6 kube-proxy`):
 * which destinations it sends to a Service (service-ips, service-nodeports) and which it drops or
 * rejects for want of endpoints (no-endpoint-services, no-endpoint-nodeports).
 */
export interface KubeProxyNft {
  table: NftTable;
  /** `172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80` (ClusterIP, external, LB IPs). */
  serviceIps: NftElement[];
  /** `tcp . 3001 : goto external-42NFTM6N-ns2/svc2/tcp/p80`. */
  nodePorts: NftElement[];
  /** `172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain` (or `: drop`). */
  noEndpointServices: NftElement[];
  noEndpointNodePorts: NftElement[];
  /** The maps above were all in the paste (a `list chain` or a cut paste shows only part). */
  mapsShown: boolean;
}

const MAPS = ['service-ips', 'service-nodeports', 'no-endpoint-services', 'no-endpoint-nodeports'];

// Several rules and the routing conditions read the same ruleset in one judgement: read it once.
const read = new WeakMap<NftFacts, KubeProxyNft[]>();

export function kubeProxyTables(facts: NftFacts): KubeProxyNft[] {
  let out = read.get(facts);
  if (!out) read.set(facts, (out = readKubeProxy(facts)));
  return out;
}

function readKubeProxy(facts: NftFacts): KubeProxyNft[] {
  // A listing cut from its table (`?`) is kube-proxy's when it holds one of kube-proxy's maps.
  const isKubeProxy = (t: NftTable) =>
    t.name === 'kube-proxy'
      ? t.family === 'ip' || t.family === 'ip6'
      : t.name === '?' && facts.sets.some((s) => s.table === '?' && MAPS.includes(s.name));
  return facts.tables.filter(isKubeProxy).map((table) => {
    const sets = new Map<string, NftSet>();
    for (const s of facts.sets)
      if (s.table === table.name && s.family === table.family) sets.set(s.name, s);
    const elements = (name: string) => sets.get(name)?.elements ?? [];
    return {
      table,
      serviceIps: elements('service-ips'),
      nodePorts: elements('service-nodeports'),
      noEndpointServices: elements('no-endpoint-services'),
      noEndpointNodePorts: elements('no-endpoint-nodeports'),
      mapsShown: table.name !== '?' && MAPS.every((m) => sets.has(m)),
    };
  });
}

/** `ns2/svc2` from a kube-proxy chain name (`service-42NFTM6N-ns2/svc2/tcp/p80`) or element comment. */
export function serviceName(s: string | null): string | null {
  if (!s) return null;
  const chain = /^(?:service|external|endpoint|firewall)-[A-Z0-9]+-([^/\s]+\/[^/\s:]+)/.exec(s);
  if (chain) return chain[1]!;
  return /^([a-z0-9.-]+\/[a-z0-9.-]+)(?::|$)/.exec(s)?.[1] ?? null;
}

/** The chain a map element sends to (`goto service-…` → `service-…`). */
export function elementTarget(e: NftElement): string | null {
  return /^(?:goto|jump)\s+(\S+)$/.exec(e.value ?? '')?.[1] ?? null;
}

/** The endpoint chains a service chain balances over (its `numgen … vmap { 0 : goto endpoint-… }`). */
export function endpointChains(facts: NftFacts, table: NftTable, chain: string): NftRule[] {
  return facts.rules.filter(
    (r) =>
      r.table === table.name &&
      r.family === table.family &&
      r.chain === chain &&
      /\bgoto\s+endpoint-/.test(r.body),
  );
}
