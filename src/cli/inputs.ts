import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseBytesFast } from '../parsers/bytes';
import type { SectionResult } from '../parsers/registry';
import { UsageError } from './args';

/** A file named on the command line, as bytes (a conntrack dump is read straight from them). */
export interface Input {
  source: string;
  bytes: Uint8Array;
}

export function readInputs(files: string[]): Input[] {
  return files.map((f) => {
    try {
      const bytes = readFileSync(f === '-' ? 0 : f);
      return { source: f === '-' ? 'stdin' : basename(f), bytes };
    } catch (e) {
      throw new UsageError(
        `cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
  });
}

/**
 * Every input's outputs, parsed. The parsers (and their dictionaries) are loaded only for an
 * input the byte path declines: `triage detect` on a conntrack dump never loads them.
 */
export async function parseInputs(inputs: Input[]): Promise<SectionResult[]> {
  const out: SectionResult[] = [];
  for (const { bytes, source } of inputs) {
    const fast = parseBytesFast(bytes, source);
    if (fast) out.push(fast);
    else {
      const { analysePaste, decodePaste } = await import('../worker/analyse');
      out.push(...analysePaste(decodePaste(bytes), source));
    }
  }
  return out;
}
