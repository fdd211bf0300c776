import type { SectionResult } from '../parsers/registry';
import type { ParseRequest, ParseResponse } from './protocol';

export type Progress = (done: number, total: number) => void;

interface Pending {
  resolve(s: SectionResult[]): void;
  reject(e: Error): void;
  progress: Set<Progress>;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

async function createWorker(): Promise<Worker> {
  // The single-file build turns this into an inline (blob:) worker; see vite.config.ts.
  const mod = await import('./parse.worker.ts?worker');
  const w = new mod.default();
  w.onmessage = (e: MessageEvent<ParseResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    if ('progress' in e.data) {
      for (const f of p.progress) f(e.data.progress.done, e.data.progress.total);
      return;
    }
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

async function run(
  text: string,
  source: string,
  progress: Set<Progress>,
): Promise<SectionResult[]> {
  if (typeof Worker === 'undefined') {
    const { analysePaste } = await import('./analyse');
    return analysePaste(text, source, (d, t) => progress.forEach((f) => f(d, t)));
  }
  worker ??= await createWorker();
  const id = nextId++;
  const req: ParseRequest = { id, text, source };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    worker!.postMessage(req);
  });
}

// Recent results by source. Texts are compared with ===, which is instant for the same
// string object (the usual case) and never hashes a 40 MB paste on the main thread.
const cache: {
  source: string;
  text: string;
  result: Promise<SectionResult[]>;
  progress: Set<Progress>;
}[] = [];
const CACHE_SIZE = 24;

/** Parses a paste off the main thread; the same text and source are parsed once. */
export function parseOffThread(
  text: string,
  source: string,
  onProgress?: Progress,
): Promise<SectionResult[]> {
  let hit = cache.find(
    (c) => c.source === source && c.text.length === text.length && c.text === text,
  );
  if (!hit) {
    const progress = new Set<Progress>();
    hit = { source, text, result: run(text, source, progress), progress };
    const entry = hit;
    hit.result.catch(() => {
      const i = cache.indexOf(entry);
      if (i >= 0) cache.splice(i, 1);
    });
    cache.push(hit);
    if (cache.length > CACHE_SIZE) cache.shift();
  }
  if (onProgress) hit.progress.add(onProgress);
  return hit.result;
}
