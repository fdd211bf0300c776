import type { Rule } from '../../engine/rule';
import vxlanChecksumOffload from '../vxlan-checksum-offload/rule';
import ipvsNoRealServers from '../ipvs-no-real-servers/rule';
import ipvsModulesMissing from '../ipvs-modules-missing/rule';
import ipvsConnReuseDelay from '../ipvs-conn-reuse-delay/rule';
import ipvsIdleTimeout from '../ipvs-idle-timeout/rule';
import ipvsStaleRealserver from '../ipvs-stale-realserver/rule';
import ingressHostnetworkDns from '../ingress-hostnetwork-dns/rule';
import ingressHttp2BadCiphers from '../ingress-http2-bad-ciphers/rule';
import ingressLivenessRestarts from '../ingress-liveness-restarts/rule';
import upstreamNoEndpoints from '../upstream-no-endpoints/rule';
import upstreamTimeout from '../upstream-timeout/rule';
import upstreamRefused from '../upstream-refused/rule';
import ingressStrayTraffic from '../ingress-stray-traffic/rule';
import ingressUpstreamKeepaliveMismatch from '../ingress-upstream-keepalive-mismatch/rule';
import ingressUpstreamHeaderTooBig from '../ingress-upstream-header-too-big/rule';

/** The IPVS, VXLAN and ingress rules, registered together in ../index.ts. */
export const IPVS_INGRESS_RULES: Rule[] = [
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
];
