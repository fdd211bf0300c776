import type { SectionResult } from '../parsers/registry';
import type { ParseRequest, ParseResponse } from './protocol';

type Pending = { resolve: (s: SectionResult[]) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
const cache = new Map<string, Promise<SectionResult[]>>();
const CACHE_SIZE = 24;

async function createWorker(): Promise<Worker> {
  // The single-file build turns this into an inline (blob:) worker; see vite.config.ts.
  const mod = await import('./parse.worker.ts?worker');
  const w = new mod.default();
  w.onmessage = (e: MessageEvent<ParseResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('error' in e.data) p.reject(new Error(e.data.error));
    else p.resolve(e.data.sections);
  };
  w.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || 'worker failed'));
    pending.clear();
    worker = null;
  };
  return w;
}

async function run(text: string, source: string): Promise<SectionResult[]> {
  if (typeof Worker === 'undefined') {
    const { analysePaste } = await import('./analyse');
    return analysePaste(text, source);
  }
  worker ??= await createWorker();
  const id = nextId++;
  const req: ParseRequest = { id, text, source };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage(req);
  });
}

/** Parses a paste off the main thread; the same text and source are parsed once. */
export function parseOffThread(text: string, source: string): Promise<SectionResult[]> {
  const key = `${source}\u0000${text}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = run(text, source);
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return hit;
}
