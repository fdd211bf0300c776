import { clean } from '../../engine/lines';
import type { Line, ParseOutcome } from '../../engine/types';
import { HEAD_LINES } from '../define';
import type { ConntrackFacts } from './facts';
import { conntrack, EntryReader } from './parser';
import { MAX_ENTRY } from './scan';

const NEWLINE = 10;
const CR = 13;
const SPACE = 32;

/**
 * A paste that is nothing but `conntrack -L` entries (a 40 MB dump saved to a file), read
 * straight from its bytes: no string per line, no line objects, which is most of the cost
 * of the general path on 250,000 lines. Gives exactly what that path gives (a test holds
 * them together), or null for anything else in the bytes (a prompt, a header, another
 * output, a character the line cleaner would change), and the caller takes the general path.
 *
 * Why reading bytes is safe: the line cleaner only drops control characters and colours (and
 * with a CR, what comes before it: no CR may be in the paste), the scan reads only the front
 * of an entry and says when a byte there was not printable ASCII, and the lines kept as text
 * (the first lines, examples, the closing line) are decoded and cleaned as `toLines` does.
 */
export function conntrackFromBytes(
  b: Uint8Array,
): { outcome: ParseOutcome<ConntrackFacts>; lineCount: number } | null {
  if (b.length === 0 || b.indexOf(CR) >= 0) return null;
  const reader = new EntryReader();
  const { scan } = reader;
  const head: Line[] = [];
  const n = b.length;
  let lineNo = 0;
  let start = 0;
  while (start < n) {
    let end = b.indexOf(NEWLINE, start);
    if (end < 0) end = n;
    lineNo += 1;
    if (end > start && !blank(b, start, end)) {
      const entry = end - start <= MAX_ENTRY && scan.addBytes(b, start, end, lineNo, null);
      if (scan.odd) return null;
      if (head.length < HEAD_LINES) head.push({ n: lineNo, text: textOf(b, start, end) });
      // Only the tool's closing line may sit among the entries; anything else is the general path's call.
      if (!entry) {
        if (end - start > MAX_ENTRY || !reader.closingLine(textOf(b, start, end), lineNo))
          return null;
      }
    }
    start = end + 1;
  }
  // The registry would have asked the detector, on the same first lines.
  if (scan.total === 0 || !conntrack.detect(head, { command: null })) return null;
  const outcome = reader.outcome();
  if (outcome.status === 'rejected') return null;
  for (const cited of Object.values(outcome.facts.examples).flat()) cited.text = clean(cited.text);
  return { outcome, lineCount: lineNo };
}

function blank(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i] !== SPACE) return false;
  return true;
}

const decoder = new TextDecoder();

/** The line as text, as `toLines` gives it. */
function textOf(b: Uint8Array, start: number, end: number): string {
  return clean(decoder.decode(b.subarray(start, end)));
}
