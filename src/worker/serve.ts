import type { Reply, Request } from './protocol';
import { Session } from './session';

const session = new Session();

/** Answers one request of the page (in the worker, or in the page where no worker runs). */
export function answer(req: Request, post: (m: Reply) => void): void {
  const { id } = req;
  try {
    if (req.op === 'parse') {
      const progress = (done: number, total: number) => post({ id, progress: { done, total } });
      post({ id, paste: session.parse(req.paste, req.text, req.source, progress) });
    } else if (req.op === 'forget') {
      session.forget(req.pastes);
      post({ id, done: true });
    } else if (req.op === 'tree') {
      post({ id, tree: session.tree(req.tree, req.answers, req.pastes, req.good) });
    } else if (req.op === 'walk') {
      post({ id, walk: session.walk(req.pastes, req.packet, req.addresses) });
    } else {
      post({ id, bundle: session.bundle(req.paste) });
    }
  } catch (err) {
    post({ id, error: String((err as Error)?.message ?? err) });
  }
}
