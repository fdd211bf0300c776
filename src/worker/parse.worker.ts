/// <reference lib="webworker" />
import { analysePaste } from './analyse';
import type { ParseRequest, ParseResponse } from './protocol';

// Parsing runs here so a huge paste never blocks the page.
self.onmessage = (e: MessageEvent<ParseRequest>) => {
  const { id, text, source } = e.data;
  const reply: ParseResponse = { id, sections: analysePaste(text, source) };
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
};
