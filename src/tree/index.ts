import { SYMPTOMS, isCauseId } from '../catalog/causes';
import type { Tree } from '../engine/tree';
import type { Lang } from '../i18n/resources';
import { translate } from '../i18n/translate';
import { clusteripIpvsTimeout } from './clusterip-ipvs-timeout';
import { ingress5xx } from './ingress-5xx';
import { nodeportOneNode } from './nodeport-one-node';
import { notSure } from './not-sure';
import { podExternalIntermittent } from './pod-external-intermittent';

/** The symptom classes' trees plus the short "not sure" triage that hands over to one of them. */
export const TREE_IDS = [...SYMPTOMS, 'not-sure'] as const;
export type TreeId = (typeof TREE_IDS)[number];

export const TREES: Record<TreeId, Tree> = {
  'nodeport-one-node': nodeportOneNode,
  'clusterip-ipvs-timeout': clusteripIpvsTimeout,
  'pod-external-intermittent': podExternalIntermittent,
  'ingress-5xx': ingress5xx,
  'not-sure': notSure,
};

export const isTreeId = (id: string): id is TreeId => (TREE_IDS as readonly string[]).includes(id);

/** i18n prefix of a tree node's texts. */
export const nodeKey = (tree: TreeId, node: string): string => `tree.${tree}.${node}`;

/** The text on a flowchart edge: the option chosen, or the fact that routes there. */
export function edgeText(
  lang: Lang,
  tree: TreeId,
  from: string,
  e: { option?: string; condition?: string; otherwise?: boolean },
): string {
  const parts: string[] = [];
  if (e.option) parts.push(translate(lang, `${nodeKey(tree, from)}.options.${e.option}`));
  if (e.condition?.startsWith('found:') && isCauseId(e.condition.slice(6)))
    parts.push(
      translate(lang, 'cond.found', {
        cause: translate(lang, `cause.${e.condition.slice(6)}.title`),
      }),
    );
  else if (e.condition) parts.push(translate(lang, `cond.${e.condition}`));
  if (e.otherwise) parts.push(translate(lang, 'cond.otherwise'));
  return parts.join(' · ');
}
