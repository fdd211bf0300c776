import { parseBytesFast } from '../parsers/bytes';
import { parsePaste, type SectionResult } from '../parsers/registry';
import { MAX_PASTE_BYTES } from './protocol';

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

/**
 * A paste as a file's bytes (the command line reads them so): a plain `conntrack -L` dump is
 * summarised straight from them, anything else decoded and parsed as text.
 */
export function analyseBytes(bytes: Uint8Array, source: string): SectionResult[] {
  if (bytes.length <= MAX_PASTE_BYTES) {
    try {
      const fast = parseBytesFast(bytes, source);
      if (fast) return [fast];
    } catch {
      // the general path parses it again and reports what goes wrong
    }
  }
  return analysePaste(decodePaste(bytes), source);
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
