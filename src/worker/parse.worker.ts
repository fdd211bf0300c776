/// <reference lib="webworker" />
import type { Reply, Request } from './protocol';
import { answer } from './serve';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: Reply) => scope.postMessage(m);

// Parsing, fact routes and the judge run here, so a huge paste never blocks the page.
scope.onmessage = (e: MessageEvent<Request>) => answer(e.data, post);
