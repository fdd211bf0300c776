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
}

export function fixtureCases(): FixtureCase[] {
  const root = join(TEST_DATA, 'fixtures');
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
      };
    });
}

export const readTestData = (path: string): string => readFileSync(join(TEST_DATA, path), 'utf8');
