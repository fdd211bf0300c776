/**
 * Checks every parser's tests share (imported by tests only): which fixtures of test-data its detector
 * claims, its en/zh-CN texts, and hostile input.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { toLines } from '../engine/lines';
import parseEn from '../i18n/parse.en';
import parseZh from '../i18n/parse.zh-CN';
import type { Parser } from '../parsers/define';
import { parsePaste, type SectionResult } from '../parsers/registry';
import { splitPaste } from '../parsers/split';
import { readTestData, TEST_DATA } from './test-data';

/** A file of test-data/ (fixtures/..., seeds/..., bench/...). */
/** The seed numbered `n` (`001`, ...). */
export const seed = (n: string): string => {
  const file = readdirSync(join(TEST_DATA, 'seeds')).find((f) => f.startsWith(`${n}_`))!;
  return readTestData(`seeds/${file}`);
};
/** Lines `from`..`to` (1-based, inclusive) of a text, joined with LF and a final LF. */
export const slice = (text: string, from: number, to: number): string =>
  text
    .split('\n')
    .slice(from - 1, to)
    .join('\n') + '\n';

/** Every file of test-data/fixtures as `folder/file` (case.json left out). */
export function fixtureFiles(): string[] {
  return readdirSync(join(TEST_DATA, 'fixtures')).flatMap((d) =>
    d.includes('.')
      ? []
      : readdirSync(join(TEST_DATA, 'fixtures', d))
          .filter((f) => f !== 'case.json')
          .map((f) => `${d}/${f}`),
  );
}

/** One `it` per test-data fixture file: the parser's detector claims exactly the files in `mine`. */
export function claimsOnly(parser: Parser, mine: string[]): void {
  const own = new Set(mine);
  it.each(fixtureFiles())('%s', (file) => {
    const claimed = splitPaste(readTestData(`fixtures/${file}`), 'x').some((s) => {
      const head = s.lines.filter((l) => l.text.trim() !== '').slice(0, 40);
      return head.length > 0 && parser.detect(head, { command: s.command });
    });
    expect(claimed).toBe(own.has(file));
  });
}

/** The single section of a paste, parsed as `kind` (fails the test otherwise). */
export function only<K extends SectionResult['kind']>(text: string, kind: K) {
  const rs = parsePaste(text, 'x');
  expect(rs.map((r) => r.kind)).toEqual([kind]);
  const r = rs[0]!;
  if (r.status === 'rejected') throw new Error(`rejected: ${JSON.stringify(r.problems)}`);
  return r as Extract<SectionResult, { kind: K }>;
}

/** A section of a wider paste, asserted to be read (parsed or partial) as `kind`. */
export function parsedAs<K extends SectionResult['kind']>(r: SectionResult | undefined, kind: K) {
  if (r?.kind !== kind || r.status === 'rejected')
    throw new Error(`not parsed as ${kind}: ${JSON.stringify(r)}`);
  return r as Extract<SectionResult, { kind: K }>;
}

/** Parses lines directly with one parser (no registry). */
export function direct<F>(parser: Parser<string, F>, text: string, command: string | null = null) {
  return parser.parse(toLines(text), { command });
}

type Texts = Record<string, Record<string, string> | string | undefined>;
const PARSE_TEXTS = { en: parseEn.parse as Texts, zh: parseZh.parse as Texts };
/** The `parse.<kind>` texts of one language. */
function textsOf(lang: keyof typeof PARSE_TEXTS, kind: string): Record<string, string> {
  const found = PARSE_TEXTS[lang][kind];
  expect(typeof found, `${lang} texts of ${kind}`).toBe('object');
  return found as Record<string, string>;
}

/** en and zh-CN texts of `kind` share keys and placeholders; every key the sources use exists. */
export function textsMatch(kind: string, sources: string[]): void {
  it('has en and zh-CN texts, with the same placeholders, for every key the parser uses', () => {
    const mine = textsOf('en', kind);
    const theirs = textsOf('zh', kind);
    expect(Object.keys(mine).sort()).toEqual(Object.keys(theirs).sort());
    const used = sources.flatMap((src) =>
      [...src.matchAll(/\$\{K\}\.(\w+)|'(summary\w*)'|ReadError\([^,]+,\s*'(\w+)'/g)].map(
        (m) => (m[1] ?? m[2] ?? m[3])!,
      ),
    );
    expect(used.length).toBeGreaterThan(0);
    for (const k of used) expect(mine, k).toHaveProperty(k);
    const holes = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(mine)) expect(holes(theirs[k]!), k).toEqual(holes(mine[k]!));
  });
}

const STATUSES = ['parsed', 'partial', 'rejected'];
// Control characters and NULs (binary-ascii), any code point (binary), printable text.
const ANY_TEXT = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string(),
);
const MUTATIONS: ((s: string) => string)[] = [
  (s) => s,
  (s) => `\x1b[36m${s}\x1b[0m`,
  (s) => `> ${s}`,
  (s) => s.replace(/ /g, '\u0000 '),
  (s) => s.slice(0, Math.floor(s.length / 2)),
  (s) => s.replace(/\s+/g, ' '),
  (s) => s.replace(/"/g, ''),
  (s) => `  ${s}`,
  (s) => s.replace(/\d+/, '99999999999999999999999'),
];

export interface HostileOptions {
  /** Command lines every parse is tried with (null: none); the first is used for long lines. */
  commands?: (string | null)[];
  /** Put before arbitrary text (besides the first real line), e.g. a rule's `-A X `. */
  prefixes?: string[];
  /** Mutations of real lines besides the common ones (colours, quotes, prompts, ...). */
  mutations?: ((s: string) => string)[];
  /** Long lines (5 MB or so) in the parser's own format, read within the same time bound. */
  longLines?: string[];
}

/**
 * fast-check properties: arbitrary text and mutated real lines never make the parser (or the
 * registry) throw, and always give one of the three outcomes, with every command of `commands`;
 * a 5 MB line and binary garbage come back quickly; lines built to backtrack are read in linear
 * time.
 */
export function survivesHostileInput(
  parser: Parser,
  real: string[],
  { commands = [null], prefixes = [], mutations = [], longLines = [] }: HostileOptions = {},
): void {
  const parse = (s: string, command: string | null) => parser.parse(toLines(s), { command }).status;
  const mutate = fc.constantFrom(...MUTATIONS, ...mutations);

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(ANY_TEXT, (s) => {
        for (const r of parsePaste(s, 'x')) expect(STATUSES).toContain(r.status);
        for (const command of commands) {
          expect(STATUSES).toContain(parse(s, command));
          expect(STATUSES).toContain(parse(`${real[0]}\n${s}`, command));
          for (const p of prefixes) expect(STATUSES).toContain(parse(`${p}${s}`, command));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on mutated real lines, joined with LF or CRLF', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...real, ''), mutate), { maxLength: 30 }),
        fc.boolean(),
        (parts, crlf) => {
          const text = parts.map(([l, m]) => m(l)).join(crlf ? '\r\n' : '\n');
          for (const r of parsePaste(text, 'x')) expect(STATUSES).toContain(r.status);
          for (const command of commands) expect(STATUSES).toContain(parse(text, command));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives a 5 MB line without a newline and binary garbage, quickly', () => {
    const started = Date.now();
    expect(STATUSES).toContain(parse(real[0]! + ' x'.repeat(2_500_000), commands[0] ?? null));
    expect(STATUSES).toContain(parse(real[0]!.slice(0, 30) + '('.repeat(5_000_000), null));
    for (const line of longLines) expect(STATUSES).toContain(parse(line, null));
    const bytes = Array.from({ length: 200_000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 256),
    ).join('');
    expect(STATUSES).toContain(parse(bytes, null));
    expect(parsePaste(bytes, 'x').length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads long lines built to make regexes backtrack in linear time', () => {
    const n = 90_000;
    const nasty = [
      `${real[0]}${' '.repeat(n)}x`,
      '1 '.repeat(n / 2),
      '9'.repeat(n),
      `a${' '.repeat(n)}`,
      `key: x${' '.repeat(n)}#`,
      `"${'a '.repeat(n / 2)}`,
      `ssl_ciphers ${' '.repeat(n)}`,
      `Name: x${' '.repeat(n)}y`,
      `* Trying ${'1'.repeat(n)}`,
      'allocate'.repeat(n / 8),
      `${'0 '.repeat(n / 2)}--:--:--`,
    ];
    for (const line of nasty) {
      const started = Date.now();
      for (const command of commands) expect(STATUSES).toContain(parse(line, command));
      expect(STATUSES).toContain(parse(`${line}\n${line}`, null));
      for (const r of parsePaste(line, 'x')) expect(STATUSES).toContain(r.status);
      expect(Date.now() - started, line.slice(0, 20)).toBeLessThan(1500);
    }
  });
}
