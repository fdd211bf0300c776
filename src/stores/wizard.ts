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
    {
      name: 'net-triage:work',
      version: 1,
      storage: createJSONStorage(() => safeStorage()),
      // localStorage holds a few MB: a huge paste stays in this tab only, the rest survives a reload.
      partialize: (s) => ({
        byTree: Object.fromEntries(Object.entries(s.byTree).map(([k, v]) => [k, keepable(v)])),
      }),
    },
  ),
);

const KEEP_MAX = 1_000_000;

function keepable(state: WizardState): WizardState {
  const pastes = Object.fromEntries(
    Object.entries(state.pastes).filter(([, p]) => p === null || p.length <= KEEP_MAX),
  );
  return { ...state, pastes };
}

// One empty state per tree, so that a tree without work is the same object on every render.
const EMPTY = new Map<string, WizardState>();

export const stateOf = (byTree: Record<string, WizardState>, tree: string): WizardState =>
  byTree[tree] ?? EMPTY.get(tree) ?? (EMPTY.set(tree, empty(tree)), EMPTY.get(tree)!);

/** localStorage, or an in-memory stand-in where it is blocked (file://, privacy modes). */
function safeStorage(): Storage {
  try {
    const probe = '__net-triage__';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return quotaSafe(localStorage);
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

/** A full storage must not break the wizard: the write is skipped, the state stays in memory. */
function quotaSafe(storage: Storage): Storage {
  return {
    get length() {
      return storage.length;
    },
    clear: () => storage.clear(),
    getItem: (k) => storage.getItem(k),
    key: (i) => storage.key(i),
    removeItem: (k) => storage.removeItem(k),
    setItem: (k, v) => {
      try {
        storage.setItem(k, v);
      } catch {
        /* quota exceeded: keep working without persisting this write */
      }
    },
  };
}
