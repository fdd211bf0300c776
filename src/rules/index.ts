import type { CauseId } from '../catalog/causes';
import type { Rule } from './rule';
import { withWalk } from './combine/walk';
import { withComparison } from './combine/compare';
import tcpTwRecycleNat from './tcp-tw-recycle-nat/rule';
import kubeProxyRulesMissing from './kube-proxy-rules-missing/rule';
import etpLocalNoEndpoint from './etp-local-no-endpoint/rule';
import forwardDrop from './forward-drop/rule';
import nodeportPortRangeClash from './nodeport-port-range-clash/rule';
import conntrackTableFull from './conntrack-table-full/rule';
import conntrackCloseWaitBuildup from './conntrack-close-wait-buildup/rule';
import conntrackSnatRace from './conntrack-snat-race/rule';
import conntrackInvalidRst from './conntrack-invalid-rst/rule';
import arpNeighOverflow from './arp-neigh-overflow/rule';
import brNetfilterOff from './br-netfilter-off/rule';
import rpFilterAsymmetric from './rp-filter-asymmetric/rule';
import hostFirewallBlocks from './host-firewall-blocks/rule';
import serviceNoEndpoints from './service-no-endpoints/rule';
import iptablesBackendMismatch from './iptables-backend-mismatch/rule';
import mtuMismatch from './mtu-mismatch/rule';
import dnsSearchDomainLeak from './dns-search-domain-leak/rule';
import cniUnhealthy from './cni-unhealthy/rule';
import vxlanChecksumOffload from './vxlan-checksum-offload/rule';
import ipvsNoRealServers from './ipvs-no-real-servers/rule';
import ipvsModulesMissing from './ipvs-modules-missing/rule';
import ipvsConnReuseDelay from './ipvs-conn-reuse-delay/rule';
import ipvsIdleTimeout from './ipvs-idle-timeout/rule';
import ipvsStaleRealserver from './ipvs-stale-realserver/rule';
import ingressHostnetworkDns from './ingress-hostnetwork-dns/rule';
import ingressHttp2BadCiphers from './ingress-http2-bad-ciphers/rule';
import ingressLivenessRestarts from './ingress-liveness-restarts/rule';
import upstreamNoEndpoints from './upstream-no-endpoints/rule';
import upstreamTimeout from './upstream-timeout/rule';
import upstreamRefused from './upstream-refused/rule';
import ingressStrayTraffic from './ingress-stray-traffic/rule';
import ingressUpstreamKeepaliveMismatch from './ingress-upstream-keepalive-mismatch/rule';
import ingressUpstreamHeaderTooBig from './ingress-upstream-header-too-big/rule';
import ciliumKprFrontendMissing from './cilium-kpr-frontend-missing/rule';
import ciliumPolicyDrop from './cilium-policy-drop/rule';

/**
 * The one list of rules: one per cause id. A cause without a rule is listed as unexamined in
 * every diagnosis. Helpers that join facts of several outputs live in ./combine.
 */
export const RULES: Partial<Record<CauseId, Rule>> = Object.fromEntries(
  [
    tcpTwRecycleNat,
    kubeProxyRulesMissing,
    etpLocalNoEndpoint,
    forwardDrop,
    nodeportPortRangeClash,
    conntrackTableFull,
    conntrackCloseWaitBuildup,
    conntrackSnatRace,
    conntrackInvalidRst,
    arpNeighOverflow,
    brNetfilterOff,
    rpFilterAsymmetric,
    hostFirewallBlocks,
    serviceNoEndpoints,
    iptablesBackendMismatch,
    mtuMismatch,
    dnsSearchDomainLeak,
    cniUnhealthy,
    vxlanChecksumOffload,
    ipvsNoRealServers,
    ipvsModulesMissing,
    ipvsConnReuseDelay,
    ipvsIdleTimeout,
    ipvsStaleRealserver,
    ingressHostnetworkDns,
    ingressHttp2BadCiphers,
    ingressLivenessRestarts,
    upstreamNoEndpoints,
    upstreamTimeout,
    upstreamRefused,
    ingressStrayTraffic,
    ingressUpstreamKeepaliveMismatch,
    ingressUpstreamHeaderTooBig,
    ciliumKprFrontendMissing,
    ciliumPolicyDrop,
  ].map((r) => [r.cause, withComparison(withWalk(r))]),
);
