import { SYMPTOMS, type SymptomId } from '../causes/catalog';
import type { Tree } from '../engine/tree';
import { genericTree } from './generic';
import { nodeportOneNode } from './nodeport-one-node';

const GUIDED: Partial<Record<SymptomId, Tree>> = {
  'nodeport-one-node': nodeportOneNode,
};

/** The decision tree of every symptom class: its guided tree, or the paste-and-diagnose one. */
export const TREES: Record<SymptomId, Tree> = Object.fromEntries(
  SYMPTOMS.map((s) => [s, GUIDED[s] ?? genericTree(s)]),
) as Record<SymptomId, Tree>;

export const isGuided = (s: SymptomId): boolean => GUIDED[s] !== undefined;

/** i18n prefix of a tree node's texts. */
export const nodeKey = (tree: SymptomId, node: string): string =>
  `tree.${isGuided(tree) ? tree : 'generic'}.${node}`;
