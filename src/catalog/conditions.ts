import { isCauseId, type CauseId } from './causes';

/**
 * Named routes on facts: a tree branches or skips a step on what a paste showed, not only on
 * what the operator clicked. Trees refer to these by name so the trees stay data; the
 * diagnosis layer evaluates them (src/diagnosis/conditions.ts).
 */
export const CONDITION_NAMES = [
  /** kube-proxy runs in IPVS mode: its log says so, or the operator said so and no log contradicts. */
  'proxy-mode-ipvs',
  /** kube-proxy runs in nftables mode: its log, its table in a pasted nft ruleset, or the answer. */
  'proxy-mode-nftables',
  /** kube-proxy runs in iptables mode, by its log or the answer. */
  'proxy-mode-iptables',
  /** The mode is known and it is not IPVS: IPVS-only checks are skipped. */
  'proxy-mode-not-ipvs',
  /** No kube-proxy: Cilium's eBPF kube-proxy replacement handles Services (its status, or the answer). */
  'proxy-replaced',
] as const;

export type ConditionName = (typeof CONDITION_NAMES)[number];

/**
 * A named condition, or `found:<cause>`: the evidence so far already establishes that cause
 * (its rule returns a finding), so the tree can go straight to the verdict. Routing reuses
 * the rules instead of repeating their logic.
 */
export type ConditionId = ConditionName | `found:${CauseId}`;

export function isConditionId(id: string): id is ConditionId {
  if ((CONDITION_NAMES as readonly string[]).includes(id)) return true;
  return id.startsWith('found:') && isCauseId(id.slice(6));
}
