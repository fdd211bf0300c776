import type { BundleAssessment, TreeAssessment } from '../diagnosis/assess';
import type { WizardState } from '../engine/replay';
import type { PasteView } from '../diagnosis/paste-view';
import type { TreeId } from '../tree';
import type { Reply, Request, WalkOutcome } from './protocol';
import type { Packet } from '../walk/types';
import { goodSource } from '../engine/replay';

export type Progress = (done: number, total: number) => void;

/** A request without its id (the client numbers them). */
type Ask = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(r: Reply): void;
  reject(e: Error): void;
  progress?: (done: number, total: number) => void;
}

let nextId = 1;
const pending = new Map<number, Pending>();
let transport: Promise<(req: Request) => void> | null = null;

/** The worker, or (where none can run: tests in Node or jsdom) the same code in the page. */
async function connect(): Promise<(req: Request) => void> {
  const onReply = (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    if ('progress' in m) return p.progress?.(m.progress.done, m.progress.total);
    pending.delete(m.id);
    if ('error' in m) p.reject(new Error(m.error));
    else p.resolve(m);
  };
  if (typeof Worker === 'undefined') {
    const { answer } = await import('./serve');
    // Later, as the worker would: a caller's `then` never runs inside `post`.
    return (req) => void Promise.resolve().then(() => answer(req, onReply));
  }
  // The single-file build turns this into an inline (blob:) worker; see vite.config.ts.
  const mod = await import('./parse.worker.ts?worker');
  const worker: Worker = new mod.default();
  worker.onmessage = (e: MessageEvent<Reply>) => onReply(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    worker.terminate();
    lost(e.message || 'the worker stopped');
  };
  return (req) => worker.postMessage(req);
}

/** The worker is gone, and the facts it held with it: every caller hears it, and may retry. */
function lost(why: string): void {
  transport = null;
  for (const p of pending.values()) p.reject(new Error(why));
  pending.clear();
  pastes.length = 0;
  assessed.length = 0;
}

function ask(req: Ask, progress?: Progress): Promise<Reply> {
  const id = nextId++;
  const reply = new Promise<Reply>((resolve, reject) =>
    pending.set(id, { resolve, reject, progress }),
  );
  const t = (transport ??= connect());
  t.then(
    (send) => send({ ...req, id } as Request),
    (e: unknown) => {
      transport = null;
      pending.get(id)?.reject(e instanceof Error ? e : new Error(String(e)));
      pending.delete(id);
    },
  );
  return reply;
}

// Pastes the worker holds, most recent last. Texts are compared with ===, which is instant for
// the same string object (the usual case) and never hashes a 40 MB paste on the main thread.
interface Held {
  paste: number;
  source: string;
  text: string;
  views: Promise<PasteView>;
  progress: Set<Progress>;
}
const pastes: Held[] = [];
const HOLD = 24;
let nextPaste = 1;

function hold(text: string, source: string): Held {
  const i = pastes.findIndex(
    (h) => h.source === source && h.text.length === text.length && h.text === text,
  );
  if (i >= 0) {
    const [hit] = pastes.splice(i, 1);
    pastes.push(hit!);
    return hit!;
  }
  const progress = new Set<Progress>();
  const paste = nextPaste++;
  const views = ask({ op: 'parse', paste, text, source }, (d, t) =>
    progress.forEach((f) => f(d, t)),
  ).then((r) => {
    if (!('paste' in r)) throw new Error('unexpected reply');
    return r.paste;
  });
  const held: Held = { paste, source, text, views, progress };
  // A failed parse is asked again next time.
  views.catch(() => {
    const at = pastes.indexOf(held);
    if (at >= 0) pastes.splice(at, 1);
  });
  pastes.push(held);
  if (pastes.length > HOLD) {
    const gone = pastes.splice(0, pastes.length - HOLD).map((h) => h.paste);
    void ask({ op: 'forget', pastes: gone }).catch(() => {});
  }
  return held;
}

/** Parses a paste off the main thread (once per text and source): what it was read as. */
export function parseOffThread(
  text: string,
  source: string,
  onProgress?: Progress,
): Promise<PasteView> {
  const held = hold(text, source);
  if (onProgress) held.progress.add(onProgress);
  return held.views;
}

// Recent assessments by what they were asked about: the wizard's page and its "advance" ask
// the same question at once, and get one answer.
const assessed: { key: string; result: Promise<TreeAssessment> }[] = [];

/** Replays a tree's state over its parsed pastes and judges them, in the worker. */
export function assessTreeOffThread(tree: TreeId, state: WizardState): Promise<TreeAssessment> {
  const ids: Record<string, number | null> = {};
  const parsing: Promise<unknown>[] = [];
  for (const [node, text] of Object.entries(state.pastes)) {
    if (text === null) ids[node] = null;
    else {
      const held = hold(text, node);
      ids[node] = held.paste;
      parsing.push(held.views);
    }
  }
  // The node that works: each paste held under `good:<step>`, the name its lines are cited by.
  const good: Record<string, number> = {};
  for (const [step, text] of Object.entries(state.good?.pastes ?? {})) {
    if (!/\S/.test(text)) continue; // not trim(): it copies a 40 MB paste
    const held = hold(text, goodSource(step));
    good[step] = held.paste;
    parsing.push(held.views);
  }
  const key = JSON.stringify([tree, state.answers, ids, good]);
  const hit = assessed.find((a) => a.key === key);
  if (hit) return hit.result;
  // The parse requests were sent first, so the worker has every paste when this arrives.
  const result = Promise.all(parsing)
    .then(() => ask({ op: 'tree', tree, answers: state.answers, pastes: ids, good }))
    .then((r) => {
      if (!('tree' in r)) throw new Error('unexpected reply');
      return r.tree;
    });
  const entry = { key, result };
  result.catch(() => {
    const at = assessed.indexOf(entry);
    if (at >= 0) assessed.splice(at, 1);
  });
  assessed.push(entry);
  if (assessed.length > 8) assessed.shift();
  return result;
}

/** "Paste everything" in the worker: each part read, every rule run, the likely class. */
export async function assessBundleOffThread(text: string): Promise<BundleAssessment> {
  const held = hold(text, 'bundle');
  await held.views;
  const r = await ask({ op: 'bundle', paste: held.paste });
  if (!('bundle' in r)) throw new Error('unexpected reply');
  return r.bundle;
}

/**
 * A packet walked through the rules of these pastes (one node's), in the worker: the rules'
 * facts never reach the page.
 */
export async function walkOffThread(
  texts: { text: string; source: string }[],
  packet: Packet,
  addresses: string[] | null,
): Promise<WalkOutcome> {
  const held = texts.map(({ text, source }) => hold(text, source));
  await Promise.all(held.map((h) => h.views));
  const r = await ask({ op: 'walk', pastes: held.map((h) => h.paste), packet, addresses });
  if (!('walk' in r)) throw new Error('unexpected reply');
  return r.walk;
}
