import { conntrackFromBytes } from './conntrack/bytes';
import { MAX_PASTE_BYTES } from './limits';
import type { ParsedSection } from './registry';

/**
 * A whole paste read from its bytes, for the one shape where splitting it into lines costs
 * more than the parsing: a single `conntrack -L` dump (a busy node's is 40 MB). Null for
 * anything else: parse the decoded text with `parsePaste`, which gives the same result.
 * Imports no other parser, so the command line can answer before loading them.
 */
export function parseBytesFast(bytes: Uint8Array, source: string): ParsedSection | null {
  if (bytes.length > MAX_PASTE_BYTES) return null; // the general path says it is too big
  // The general path dedents an indented paste (a Markdown block) and cites its lines so.
  if (startsIndented(bytes)) return null;
  let read;
  try {
    read = conntrackFromBytes(bytes);
  } catch {
    return null; // the general path parses it again and reports what goes wrong
  }
  if (!read || read.outcome.status === 'rejected') return null;
  return {
    source,
    command: null,
    lineCount: read.lineCount,
    span: [1, read.lineCount],
    kind: 'conntrack',
    ...read.outcome,
  };
}

/** Does the first line with text start with a blank? */
function startsIndented(bytes: Uint8Array): boolean {
  let i = 0;
  for (;;) {
    const start = i;
    while (bytes[i] === 0x20 || bytes[i] === 0x09) i++;
    if (bytes[i] === 0x0a || bytes[i] === 0x0d) {
      i++;
      continue;
    }
    return i > start;
  }
}
