import { useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { WizardState } from '../engine/replay';
import { workStorage } from './storage';

interface WizardStore {
  /** Work in progress per tree (and per example), kept so a reload or a closed tab loses nothing. */
  byTree: Record<string, WizardState>;
  /** What is typed in a step's text box and not yet sent on, by `<store key>/<node>`. */
  drafts: Record<string, string>;
  answer(tree: string, node: string, value: string): void;
  paste(tree: string, node: string, text: string | null): void;
  /** Keeps `state` under `key` (its tree by default; `example:<tree>` for an example). */
  load(state: WizardState, key?: string): void;
  /** Forgets the work kept under `key`, and its drafts. */
  reset(key: string): void;
  draft(key: string, node: string, text: string): void;
}

const empty = (tree: string): WizardState => ({ tree, answers: {}, pastes: {} });

export const useWizard = create<WizardStore>()(
  persist(
    (set) => ({
      byTree: {},
      drafts: {},
      answer: (tree, node, value) =>
        set((s) => {
          const cur = s.byTree[tree] ?? empty(tree);
          return {
            byTree: { ...s.byTree, [tree]: { ...cur, answers: { ...cur.answers, [node]: value } } },
          };
        }),
      paste: (tree, node, text) =>
        set((s) => {
          const cur = s.byTree[tree] ?? empty(tree);
          return {
            byTree: { ...s.byTree, [tree]: { ...cur, pastes: { ...cur.pastes, [node]: text } } },
          };
        }),
      load: (state, key = state.tree) => set((s) => ({ byTree: { ...s.byTree, [key]: state } })),
      reset: (key) =>
        set((s) => {
          const rest = { ...s.byTree };
          delete rest[key];
          const drafts = Object.fromEntries(
            Object.entries(s.drafts).filter(([k]) => !k.startsWith(`${key}/`)),
          );
          return { byTree: rest, drafts };
        }),
      draft: (key, node, text) =>
        set((s) => {
          const id = `${key}/${node}`;
          if ((s.drafts[id] ?? '') === text) return s;
          const drafts = { ...s.drafts };
          if (text) drafts[id] = text;
          else delete drafts[id];
          return { drafts };
        }),
    }),
    {
      name: 'net-triage:work',
      version: 1,
      // IndexedDB: a 6 MB paste survives a reload too (see storage.ts).
      storage: workStorage<Pick<WizardStore, 'byTree' | 'drafts'>>(),
      partialize: (s) => ({ byTree: s.byTree, drafts: s.drafts }),
    },
  ),
);

/** True once the kept work has been read back (IndexedDB answers asynchronously). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    (changed) => useWizard.persist.onFinishHydration(changed),
    () => useWizard.persist.hasHydrated(),
  );
}

/** Whether a tree's state holds any of the operator's answers or pastes. */
export const hasWork = (s: WizardState | undefined): boolean =>
  !!s && (Object.keys(s.answers).length > 0 || Object.keys(s.pastes).length > 0);

// One empty state per tree, so that a tree without work is the same object on every render.
const EMPTY = new Map<string, WizardState>();

export const stateOf = (
  byTree: Record<string, WizardState>,
  tree: string,
  key: string = tree,
): WizardState =>
  byTree[key] ?? EMPTY.get(tree) ?? (EMPTY.set(tree, empty(tree)), EMPTY.get(tree)!);
