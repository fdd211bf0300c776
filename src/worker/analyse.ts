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
