import { SYMPTOMS, isCauseId, type SymptomId } from '../causes/catalog';
import type { Tree } from '../engine/tree';
import type { Lang } from '../i18n/resources';
import { translate } from '../i18n/translate';
import { genericTree } from './generic';
import { nodeportOneNode } from './nodeport-one-node';

/** The symptom classes' trees plus the short "not sure" triage that hands over to one of them. */
export const TREE_IDS = [...SYMPTOMS] as const;
export type TreeId = (typeof TREE_IDS)[number];

const GUIDED: Partial<Record<SymptomId, Tree>> = {
  'nodeport-one-node': nodeportOneNode,
};

/** The decision tree of every symptom class: its guided tree, or the paste-and-diagnose one. */
export const TREES: Record<TreeId, Tree> = Object.fromEntries(
  SYMPTOMS.map((s) => [s, GUIDED[s] ?? genericTree(s)]),
) as Record<TreeId, Tree>;

export const isTreeId = (id: string): id is TreeId => (TREE_IDS as readonly string[]).includes(id);

export const isGuided = (s: TreeId): boolean => GUIDED[s as SymptomId] !== undefined;

/** i18n prefix of a tree node's texts. */
export const nodeKey = (tree: TreeId, node: string): string =>
  `tree.${isGuided(tree) ? tree : 'generic'}.${node}`;

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
    parts.push(translate(lang, 'cond.found', { cause: translate(lang, `cause.${e.condition.slice(6)}.title`) }));
  else if (e.condition) parts.push(translate(lang, `cond.${e.condition}`));
  if (e.otherwise) parts.push(translate(lang, 'cond.otherwise'));
  return parts.join(' · ');
}
