import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test-data/ in the repository: seeds, fixtures, bench generators and specs the tests read. */
// From the path string, not a URL object: jsdom's URL is not the one node:url accepts.
export const TEST_DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-data');

export interface FixtureCase {
  name: string;
  symptom: string;
  expect: string[];
  forbid: string[];
  files: { name: string; text: string }[];
  /** A known gap of the product this case shows (why it is not diagnosed right yet), if any. */
  unresolved?: string;
}

export function fixtureCases(): FixtureCase[] {
  return casesIn('fixtures');
}

/**
 * The real cases collected from public threads (`test-data/cases/`), in the same shape as the
 * fixtures: one folder per case, its pastes as posted and a `case.json`.
 */
export function realCases(): FixtureCase[] {
  return casesIn('cases');
}

function casesIn(dirName: string): FixtureCase[] {
  const root = join(TEST_DATA, dirName);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(root, d.name);
      const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
      const files = readdirSync(dir)
        .filter((f) => f !== 'case.json')
        .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
      return {
        name: d.name,
        symptom: meta.symptom,
        expect: meta.expect,
        forbid: meta.forbid,
        files,
        ...(meta.unresolved ? { unresolved: String(meta.unresolved) } : {}),
      };
    });
}

export const readTestData = (path: string): string => readFileSync(join(TEST_DATA, path), 'utf8');
