import type { Parser } from '../define';
import { ciliumStatus } from '../cilium-status/parser';
import type { CiliumStatusFacts } from '../cilium-status/facts';
import { ciliumService } from '../cilium-service/parser';
import type { CiliumServiceFacts } from '../cilium-service/facts';
import { ciliumBpfLb } from '../cilium-bpf-lb/parser';
import type { CiliumBpfLbFacts } from '../cilium-bpf-lb/facts';
import { ciliumMonitor } from '../cilium-monitor/parser';
import type { CiliumMonitorFacts } from '../cilium-monitor/facts';

/** Facts of Cilium's kube-proxy replacement outputs (merged into the registry's FactsByKind). */
export interface CiliumFactsByKind {
  'cilium-status': CiliumStatusFacts;
  'cilium-service': CiliumServiceFacts;
  'cilium-bpf-lb': CiliumBpfLbFacts;
  'cilium-monitor': CiliumMonitorFacts;
}
export type CiliumKind = keyof CiliumFactsByKind;

/** The Cilium parsers, in the order the registry asks them (each told by its own header or lines). */
export const CILIUM_PARSERS: { [K in CiliumKind]: Parser<K, CiliumFactsByKind[K]> }[CiliumKind][] =
  [ciliumStatus, ciliumService, ciliumBpfLb, ciliumMonitor];
