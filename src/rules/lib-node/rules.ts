import type { Rule } from '../../engine/rule';
import conntrackTableFull from '../conntrack-table-full/rule';
import conntrackCloseWaitBuildup from '../conntrack-close-wait-buildup/rule';
import conntrackSnatRace from '../conntrack-snat-race/rule';
import conntrackInvalidRst from '../conntrack-invalid-rst/rule';
import arpNeighOverflow from '../arp-neigh-overflow/rule';
import brNetfilterOff from '../br-netfilter-off/rule';
import rpFilterAsymmetric from '../rp-filter-asymmetric/rule';
import hostFirewallBlocks from '../host-firewall-blocks/rule';
import serviceNoEndpoints from '../service-no-endpoints/rule';
import iptablesBackendMismatch from '../iptables-backend-mismatch/rule';
import mtuMismatch from '../mtu-mismatch/rule';
import dnsSearchDomainLeak from '../dns-search-domain-leak/rule';
import cniUnhealthy from '../cni-unhealthy/rule';

/** The node-side rules (conntrack, kernel settings, host firewall, endpoints, MTU, DNS, CNI), registered together in ../index.ts. */
export const NODE_RULES: Rule[] = [
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
];
