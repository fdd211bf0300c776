import { create } from 'zustand';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { BigTexts, type Store } from './big-texts';

/**
 * Where the operator's work is kept across reloads: IndexedDB, which holds a 6 MB
 * iptables-save or a conntrack table; localStorage (a few MB) where IndexedDB is missing or
 * blocked; memory where both are. A refused write is said on the page (`useSaveTrouble`),
 * never silently dropped.
 */
export const useSaveTrouble = create<{ refused: boolean }>(() => ({ refused: false }));

const DB = 'net-triage';
const STORE = 'kv';
/** A browser whose IndexedDB never answers (some privacy modes) must not hold the page. */
const OPEN_WAIT_MS = 2_000;

function openDb(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), OPEN_WAIT_MS);
    const done = (db: IDBDatabase | null) => {
      clearTimeout(timer);
      resolve(db);
    };
    try {
      if (typeof indexedDB === 'undefined') return done(null);
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => done(req.result);
      req.onerror = () => done(null);
      req.onblocked = () => done(null);
    } catch {
      done(null);
    }
  });
}

function request<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  run: (s: IDBObjectStore) => IDBRequest,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = run(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result as T);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function local(): Storage | null {
  try {
    const probe = '__net-triage__';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return null;
  }
}

/** The object store as the big texts use it: one transaction per call. */
function storeOf(db: IDBDatabase): Store {
  return {
    put: (key, value) => request(db, 'readwrite', (s) => s.put(value, key)),
    get: (key) => request(db, 'readonly', (s) => s.get(key)),
    delete: (key) => request(db, 'readwrite', (s) => s.delete(key)),
    keys: (from, to) =>
      request<IDBValidKey[]>(db, 'readonly', (s) => s.getAllKeys(IDBKeyRange.bound(from, to))).then(
        (keys) => keys.filter((k): k is string => typeof k === 'string'),
      ),
  };
}

const refused = (yes: boolean) => {
  if (useSaveTrouble.getState().refused !== yes) useSaveTrouble.setState({ refused: yes });
};

/** Kept as JSON by an earlier version (and in localStorage): read back as the object. */
function parsed<S>(v: unknown): StorageValue<S> | null {
  if (typeof v !== 'string') return v && typeof v === 'object' ? (v as StorageValue<S>) : null;
  try {
    return JSON.parse(v) as StorageValue<S>;
  } catch {
    return null;
  }
}

/**
 * A zustand `PersistStorage` over IndexedDB, falling back to localStorage, then to memory.
 * IndexedDB keeps the state object itself (a structured clone, no JSON): turning a 40 MB paste
 * into JSON on every change held the page for a second. Changes that come while a write is
 * under way are written once it ends, the latest only.
 */
export function workStorage<S>(): PersistStorage<S> {
  let db: Promise<IDBDatabase | null> | null = null;
  const idb = () => (db ??= openDb());
  const memory = new Map<string, StorageValue<S>>();
  const latest = new Map<string, StorageValue<S>>();
  const writing = new Set<string>();
  const apart = new Map<string, BigTexts>();
  const bigTexts = (d: IDBDatabase, name: string) => {
    let b = apart.get(name);
    if (!b) apart.set(name, (b = new BigTexts(storeOf(d), `${name}:text`)));
    return b;
  };

  async function write(name: string): Promise<void> {
    writing.add(name);
    try {
      while (latest.has(name)) {
        const value = latest.get(name)!;
        latest.delete(name);
        const d = await idb();
        if (d) {
          // Big pastes in pieces first, then the work that refers to them; then what it no
          // longer refers to goes.
          const big = bigTexts(d, name);
          const { value: small, used } = await big.out(value);
          await request(d, 'readwrite', (s) => s.put(small, name));
          local()?.removeItem(name);
          await big.prune(used);
        } else {
          const ls = local();
          if (!ls) throw new Error('no storage');
          ls.setItem(name, JSON.stringify(value));
        }
      }
      refused(false);
    } catch {
      // Full or blocked: the work stays in this tab, and the page says it will not survive a reload.
      latest.delete(name);
      refused(true);
    } finally {
      writing.delete(name);
    }
  }

  return {
    async getItem(name) {
      const d = await idb();
      if (d) {
        const v = await request<unknown>(d, 'readonly', (s) => s.get(name)).catch(() => undefined);
        const got = parsed<S>(v);
        if (got) return (await bigTexts(d, name).in(got)) as StorageValue<S>;
      }
      // Work kept by an earlier version, or where IndexedDB is missing, is in localStorage.
      return parsed<S>(local()?.getItem(name)) ?? memory.get(name) ?? null;
    },
    async setItem(name, value) {
      memory.set(name, value);
      latest.set(name, value);
      if (!writing.has(name)) await write(name);
    },
    async removeItem(name) {
      memory.delete(name);
      const d = await idb();
      if (d) {
        await request(d, 'readwrite', (s) => s.delete(name)).catch(() => undefined);
        await bigTexts(d, name)
          .prune(new Set())
          .catch(() => undefined);
      }
      local()?.removeItem(name);
    },
  };
}
