import { createContext, useContext } from 'react';

/**
 * Where a wizard's state lives: the operator's own work (`/s/…`), or an example (`/x/…`) kept
 * apart so that trying one never touches, and is never mixed with, the operator's work.
 */
export type Space = 'work' | 'example';

export const SpaceContext = createContext<Space>('work');

export const useSpace = (): Space => useContext(SpaceContext);

/** The route of a tree (and step) in a space. */
export function routeOf(space: Space, tree: string, node?: string): string {
  const base = space === 'example' ? '/x' : '/s';
  return node ? `${base}/${tree}/${node}` : `${base}/${tree}`;
}

/** The key a tree's state is kept under in the store. */
export function storeKey(space: Space, tree: string): string {
  return space === 'example' ? `example:${tree}` : tree;
}
