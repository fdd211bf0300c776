import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureCases } from '../testing/test-data';
import { KINDS } from '../catalog/kinds';
import { parsePaste } from './registry';

/**
 * Every registered kind is proven on real output: a file in its folder's fixtures/, or a shared
 * fixture recognised as that kind. And every shared fixture is recognised (none rejected).
 */
const HERE = fileURLToPath(new URL('.', import.meta.url));
const TEXT = /\.(?:txt|log|out|conf|ya?ml|json)$/;

const recognised = (text: string, source: string) =>
  parsePaste(text, source)
    .filter((s) => s.status !== 'rejected')
    .map((s) => s.kind);

const shared = fixtureCases().flatMap((c) =>
  c.files.map((f) => ({ name: `${c.name}/${f.name}`, kinds: recognised(f.text, f.name) })),
);

function localFixtures(kind: string): { name: string; kinds: (string | null)[] }[] {
  const dir = join(HERE, kind, 'fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => TEXT.test(f))
    .map((f) => ({ name: f, kinds: recognised(readFileSync(join(dir, f), 'utf8'), f) }));
}

describe('every kind has a real fixture recognised as it', () => {
  it.each([...KINDS])('%s', (kind) => {
    const mine = localFixtures(kind).filter((f) => f.kinds.includes(kind));
    const theirs = shared.filter((f) => f.kinds.includes(kind));
    expect(
      [...mine, ...theirs].map((f) => f.name),
      `no real fixture parses as ${kind}: add one to src/parsers/${kind}/fixtures/`,
    ).not.toEqual([]);
  });
});

describe('every shared fixture file is recognised', () => {
  it.each(fixtureCases().flatMap((c) => c.files.map((f) => [`${c.name}/${f.name}`, f.text])))(
    '%s',
    (name, text) => {
      const rejected = parsePaste(text, name).filter((s) => s.status === 'rejected');
      expect(rejected.map((s) => [s.source, s.kind, s.problems[0]?.msg.key])).toEqual([]);
    },
  );
});
