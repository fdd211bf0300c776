import { parseBytesFast } from '../parsers/bytes';
import { parsePaste, type SectionResult } from '../parsers/registry';
import { MAX_PASTE_BYTES } from '../parsers/limits';

/** From this size, a paste that starts like a conntrack entry is read as bytes first. */
const BYTES_PATH_FROM = 1 << 20;
const CONNTRACK_START = /^(?:ipv[46] +\d+ +)?[a-z]+ +\d+ +\d+ /;

/** Parses one paste, turning size limits and unexpected errors into a rejected section. */
export function analysePaste(
  text: string,
  source: string,
  onProgress?: (done: number, total: number) => void,
): SectionResult[] {
  if (text.length > MAX_PASTE_BYTES) {
    return [
      rejected(source, { key: 'parse.tooBig', params: { max: MAX_PASTE_BYTES / 1024 / 1024 } }),
    ];
  }
  // A 40 MB `conntrack -L` dump: a few times faster than splitting it into 250,000 lines.
  if (text.length >= BYTES_PATH_FROM && CONNTRACK_START.test(text.slice(0, 200))) {
    const fast = parseBytesFast(new TextEncoder().encode(text), source);
    if (fast) return [fast];
  }
  try {
    return parsePaste(text, source, onProgress);
  } catch (e) {
    return [
      rejected(source, {
        key: 'parse.failed',
        params: { error: String((e as Error)?.message ?? e).slice(0, 200) },
      }),
    ];
  }
}

/** UTF-8, or UTF-16 when the bytes start with its byte-order mark (PowerShell redirects write it). */
export function decodePaste(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder().decode(bytes);
}

function rejected(
  source: string,
  msg: { key: string; params?: Record<string, string | number> },
): SectionResult {
  return {
    source,
    command: null,
    kind: null,
    status: 'rejected',
    problems: [{ msg }],
    lineCount: 0,
  };
}
