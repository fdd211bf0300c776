import type { Parser } from '../define';
import { conntrack } from '../conntrack/parser';
import type { ConntrackFacts } from '../conntrack/facts';
import { conntrackStat } from '../conntrack-S/parser';
import type { ConntrackStatFacts } from '../conntrack-S/facts';
import { kernelLog } from '../kernel-log/parser';
import type { KernelLogFacts } from '../kernel-log/facts';
import { ipvsadm } from '../ipvsadm/parser';
import type { IpvsFacts } from '../ipvsadm/facts';

/** Facts of the node/kernel-side kinds (merged into the registry's FactsByKind). */
export interface NodeFactsByKind {
  conntrack: ConntrackFacts;
  'conntrack-S': ConntrackStatFacts;
  'kernel-log': KernelLogFacts;
  ipvsadm: IpvsFacts;
}
export type NodeKind = keyof NodeFactsByKind;

/** The node/kernel-side parsers, in the order the registry asks them (specific sniffs first). */
export const NODE_PARSERS: { [K in NodeKind]: Parser<K, NodeFactsByKind[K]> }[NodeKind][] = [
  ipvsadm,
  conntrackStat,
  conntrack,
  kernelLog,
];
