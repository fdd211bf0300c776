import { create } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
import type { WizardState } from '../engine/replay';

interface WizardStore {
  /** Work in progress per tree, kept locally so a reload or a closed tab loses nothing. */
  byTree: Record<string, WizardState>;
  answer(tree: string, node: string, value: string): void;
  paste(tree: string, node: string, text: string | null): void;
  load(state: WizardState): void;
  reset(tree: string): void;
}

const empty = (tree: string): WizardState => ({ tree, answers: {}, pastes: {} });

export const useWizard = create<WizardStore>()(
  persist(
    (set) => ({
      byTree: {},
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
      load: (state) => set((s) => ({ byTree: { ...s.byTree, [state.tree]: state } })),
      reset: (tree) =>
        set((s) => {
          const rest = { ...s.byTree };
          delete rest[tree];
          return { byTree: rest };
        }),
    }),
    { name: 'net-triage:work', version: 1, storage: createJSONStorage(() => safeStorage()) },
  ),
);

export const stateOf = (byTree: Record<string, WizardState>, tree: string): WizardState =>
  byTree[tree] ?? empty(tree);

/** localStorage, or an in-memory stand-in where it is blocked (file://, privacy modes). */
function safeStorage(): Storage {
  try {
    const probe = '__net-triage__';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    const mem = new Map<string, string>();
    return {
      get length() {
        return mem.size;
      },
      clear: () => mem.clear(),
      getItem: (k) => mem.get(k) ?? null,
      key: (i) => [...mem.keys()][i] ?? null,
      removeItem: (k) => void mem.delete(k),
      setItem: (k, v) => void mem.set(k, v),
    };
  }
}
