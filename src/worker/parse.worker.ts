/// <reference lib="webworker" />
import { analysePaste } from './analyse';
import type { ParseRequest, ParseResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: ParseResponse) => scope.postMessage(m);

// Parsing runs here so a huge paste never blocks the page.
scope.onmessage = (e: MessageEvent<ParseRequest>) => {
  const { id, text, source } = e.data;
  try {
    post({
      id,
      sections: analysePaste(text, source, (done, total) =>
        post({ id, progress: { done, total } }),
      ),
    });
  } catch (err) {
    post({ id, error: String((err as Error)?.message ?? err) });
  }
};
