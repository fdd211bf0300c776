import type { CauseId } from '../catalog/causes';
import type { CommandId } from '../catalog/commands';
import type { Kind } from '../catalog/kinds';
import { evidence, type EvidenceNode } from '../engine/tree';

/**
 * A step that pastes the node's proxy rules (a dump, a listing, a ruleset): when they already
 * prove one of `causes`, the search ends at `verdict`; otherwise it goes on to `next`.
 */
export function rulesStep(
  wants: Kind[],
  command: CommandId,
  causes: CauseId[],
  verdict: string,
  next: string,
): EvidenceNode {
  return evidence({
    wants,
    command,
    where: 'bad-node',
    // iptables listings of the filter table alone hold no Service DNAT rules.
    ...(command === 'iptables-save' ? { tables: ['nat'] } : {}),
    next: {
      branch: causes.map((c) => ({ if: `found:${c}` as const, go: verdict })),
      otherwise: next,
    },
  });
}

/**
 * Cilium's kube-proxy replacement on the node, in three steps: its agent's status, its Service
 * frontends (a missing frontend or one without backends ends the search at `verdict`), and its
 * drops (a policy drop ends it too); then on to `next`.
 */
export function ciliumSteps(verdict: string, next: string): Record<string, EvidenceNode> {
  return {
    'cilium-status': evidence({
      wants: ['cilium-status'],
      command: 'cilium-status',
      where: 'kubectl',
      next: 'cilium-services',
    }),
    'cilium-services': evidence({
      wants: ['cilium-service', 'cilium-bpf-lb'],
      command: 'cilium-service-list',
      where: 'kubectl',
      next: {
        branch: [
          { if: 'found:cilium-kpr-frontend-missing', go: verdict },
          { if: 'found:service-no-endpoints', go: verdict },
        ],
        otherwise: 'cilium-drops',
      },
    }),
    'cilium-drops': evidence({
      wants: ['cilium-monitor'],
      command: 'cilium-monitor-drop',
      where: 'kubectl',
      next: { branch: [{ if: 'found:cilium-policy-drop', go: verdict }], otherwise: next },
    }),
  };
}
