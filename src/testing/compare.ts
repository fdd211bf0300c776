import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareNodes, type Difference, type NodeDiff } from '../compare';
import { parsePaste, type SectionResult } from '../parsers/registry';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(SRC, '..');

/** A file of src/ (a rule's fixture, a compare fixture), parsed as one paste. */
export const parsedFile = (path: string, source = basename(path)): SectionResult[] =>
  parsePaste(readFileSync(join(SRC, path), 'utf8'), source);

/** Text parsed as one paste. */
export const parsedText = (text: string, source: string): SectionResult[] =>
  parsePaste(text, source);

/** A bench generator's output (test-data/bench/gen-*.mjs), same arguments → same bytes. */
export const generated = (generator: string, args: string[]): string =>
  execFileSync(process.execPath, [join(ROOT, 'test-data/bench', generator), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });

/** The comparison of two files of src/. */
export const compareFiles = (good: string, bad: string): NodeDiff =>
  compareNodes(parsedFile(good), parsedFile(bad));

/** A difference as one line, for readable expectations. */
export const brief = (d: Difference) => ({
  kind: d.kind,
  key: d.key,
  good: d.good,
  bad: d.bad,
  explainedBy: d.explainedBy,
});
