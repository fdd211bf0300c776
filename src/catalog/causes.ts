/**
 * The cause catalog of causes.md: stable ids and their symptom classes. Titles and
 * explanations are i18n keys (`cause.<id>.title`, `cause.<id>.why`).
 */
export const SYMPTOMS = [
  'nodeport-one-node',
  'clusterip-ipvs-timeout',
  'pod-external-intermittent',
  'ingress-5xx',
] as const;
export type SymptomId = (typeof SYMPTOMS)[number];

const N = 'nodeport-one-node';
const C = 'clusterip-ipvs-timeout';
const P = 'pod-external-intermittent';
const I = 'ingress-5xx';

export const CAUSES = {
  'tcp-tw-recycle-nat': [N, P],
  'kube-proxy-rules-missing': [N, C],
  'etp-local-no-endpoint': [N],
  'forward-drop': [N, C, P],
  // ClusterIP too: a firewall dropping the overlay between nodes fails backends on other nodes.
  'host-firewall-blocks': [N, C],
  'rp-filter-asymmetric': [N, P],
  'conntrack-table-full': [N, P, I],
  'conntrack-close-wait-buildup': [I, N],
  'conntrack-snat-race': [P],
  'vxlan-checksum-offload': [C],
  'ipvs-no-real-servers': [C],
  'ipvs-modules-missing': [C],
  'br-netfilter-off': [C, P],
  'ipvs-conn-reuse-delay': [C],
  'mtu-mismatch': [P, C],
  'dns-search-domain-leak': [P],
  'cni-unhealthy': [P, C, N],
  'ingress-hostnetwork-dns': [I],
  'ingress-http2-bad-ciphers': [I],
  'ingress-liveness-restarts': [I],
  'upstream-no-endpoints': [I],
  'upstream-timeout': [I],
  'upstream-refused': [I],
  'ingress-stray-traffic': [I],
  'ipvs-idle-timeout': [C, P],
  'ipvs-stale-realserver': [C],
  'conntrack-invalid-rst': [C, P],
  // Pod egress too: a FORWARD verdict split across the two backends drops pods' traffic.
  'iptables-backend-mismatch': [N, C, P],
  'nodeport-port-range-clash': [N],
  'arp-neigh-overflow': [N, P, I],
  'ingress-upstream-keepalive-mismatch': [I],
  'ingress-upstream-header-too-big': [I],
  'service-no-endpoints': [N, C],
  'cilium-kpr-frontend-missing': [N, C],
  'cilium-policy-drop': [N, C, P],
} as const satisfies Record<string, readonly SymptomId[]>;

export type CauseId = keyof typeof CAUSES;
export const CAUSE_IDS = Object.keys(CAUSES) as CauseId[];

export function isCauseId(id: string): id is CauseId {
  return Object.hasOwn(CAUSES, id);
}

export function isSymptomId(id: string): id is SymptomId {
  return (SYMPTOMS as readonly string[]).includes(id);
}

export function causesOf(symptom: SymptomId): CauseId[] {
  return CAUSE_IDS.filter((c) => (CAUSES[c] as readonly SymptomId[]).includes(symptom));
}
