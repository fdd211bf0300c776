import type { Parser } from '../define';
import { conntrack } from '../conntrack/parser';
import type { ConntrackFacts } from '../conntrack/facts';
import { conntrackStat } from '../conntrack-S/parser';
import type { ConntrackStatFacts } from '../conntrack-S/facts';
import { kernelLog } from '../kernel-log/parser';
import type { KernelLogFacts } from '../kernel-log/facts';
import { ipvsadm } from '../ipvsadm/parser';
import type { IpvsFacts } from '../ipvsadm/facts';
import { ethtoolK } from '../ethtool-k/parser';
import type { EthtoolFacts } from '../ethtool-k/facts';
import { uname } from '../uname/parser';
import type { UnameFacts } from '../uname/facts';
import { lsmod } from '../lsmod/parser';
import type { LsmodFacts } from '../lsmod/facts';
import { ipAddr } from '../ip-addr/parser';
import type { IpAddrFacts } from '../ip-addr/facts';
import { ipRoute } from '../ip-route/parser';
import type { IpRouteFacts } from '../ip-route/facts';
import { ipNeigh } from '../ip-neigh/parser';
import type { IpNeighFacts } from '../ip-neigh/facts';
import { pingMtu } from '../ping-mtu/parser';
import type { PingFacts } from '../ping-mtu/facts';
import { tcpdump } from '../tcpdump/parser';
import type { TcpdumpFacts } from '../tcpdump/facts';
import { ss } from '../ss/parser';
import type { SsFacts } from '../ss/facts';
import { firewallCmd } from '../firewall-cmd/parser';
import type { FirewallFacts } from '../firewall-cmd/facts';
import { resolvConf } from '../resolv-conf/parser';
import type { ResolvConfFacts } from '../resolv-conf/facts';
import { dnsAnswer } from '../dns-answer/parser';
import type { DnsAnswerFacts } from '../dns-answer/facts';
import { microk8sInspect } from '../microk8s-inspect/parser';
import type { Microk8sInspectFacts } from '../microk8s-inspect/facts';

/** Facts of the node/kernel-side kinds (merged into the registry's FactsByKind). */
export interface NodeFactsByKind {
  conntrack: ConntrackFacts;
  'conntrack-S': ConntrackStatFacts;
  'kernel-log': KernelLogFacts;
  ipvsadm: IpvsFacts;
  'ethtool-k': EthtoolFacts;
  uname: UnameFacts;
  lsmod: LsmodFacts;
  'ip-addr': IpAddrFacts;
  'ip-route': IpRouteFacts;
  'ip-neigh': IpNeighFacts;
  'ping-mtu': PingFacts;
  tcpdump: TcpdumpFacts;
  ss: SsFacts;
  'firewall-cmd': FirewallFacts;
  'resolv-conf': ResolvConfFacts;
  'dns-answer': DnsAnswerFacts;
  'microk8s-inspect': Microk8sInspectFacts;
}
export type NodeKind = keyof NodeFactsByKind;

/** The node/kernel-side parsers, in the order the registry asks them (specific sniffs first). */
export const NODE_PARSERS: { [K in NodeKind]: Parser<K, NodeFactsByKind[K]> }[NodeKind][] = [
  ipvsadm,
  conntrackStat,
  conntrack,
  kernelLog,
  ethtoolK,
  ipAddr,
  // Before ip route: `10.0.0.1 dev eth0 lladdr ... REACHABLE` has a `dev` too.
  ipNeigh,
  ipRoute,
  pingMtu,
  tcpdump,
  ss,
  firewallCmd,
  microk8sInspect,
  dnsAnswer,
  resolvConf,
  lsmod,
  uname,
];
