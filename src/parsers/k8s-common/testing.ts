/** Test helpers shared by the Kubernetes-side parser tests (imported by tests only). */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import en from '../../i18n/parsers-k8s.en';
import zh from '../../i18n/parsers-k8s.zh-CN';
import type { Parser } from '../define';
import { parsePaste, type SectionResult } from '../registry';
import { splitPaste } from '../split';

const SHARED = new URL('../../../../shared/', import.meta.url);
export const shared = (p: string): string => readFileSync(new URL(p, SHARED), 'utf8');
export const seed = (n: string): string => {
  const file = readdirSync(new URL('seeds/', SHARED)).find((f) => f.startsWith(`${n}_`))!;
  return shared(`seeds/${file}`);
};
/** Lines `from`..`to` (1-based, inclusive) of a text, joined with LF and a final LF. */
export const slice = (text: string, from: number, to: number): string =>
  text
    .split('\n')
    .slice(from - 1, to)
    .join('\n') + '\n';

/** Every file of ../shared/fixtures as `folder/file` (case.json left out). */
export function fixtureFiles(): string[] {
  return readdirSync(new URL('fixtures/', SHARED)).flatMap((d) =>
    d.includes('.')
      ? []
      : readdirSync(new URL(`fixtures/${d}/`, SHARED))
          .filter((f) => f !== 'case.json')
          .map((f) => `${d}/${f}`),
  );
}

/** One `it` per shared fixture file: the parser's detector claims exactly the files in `mine`. */
export function claimsOnly(parser: Parser, mine: string[]): void {
  const own = new Set(mine);
  it.each(fixtureFiles())('%s', (file) => {
    const claimed = splitPaste(shared(`fixtures/${file}`), 'x').some((s) => {
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

/** Parses lines directly with one parser (no registry). */
export function direct<F>(parser: Parser<string, F>, text: string, command: string | null = null) {
  return parser.parse(toLines(text), { command });
}

/** en and zh-CN texts of `kind` share keys and placeholders; every key the sources use exists. */
export function textsMatch(kind: string, sources: string[]): void {
  it('has en and zh-CN texts, with the same placeholders, for every key the parser uses', () => {
    const mine = (en.parse as Record<string, Record<string, string>>)[kind]!;
    const theirs = (zh.parse as Record<string, Record<string, string>>)[kind]!;
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
const MUTATE = fc.constantFrom(
  (s: string) => s,
  (s: string) => `\x1b[36m${s}\x1b[0m`,
  (s: string) => `> ${s}`,
  (s: string) => s.replace(/ /g, '\u0000 '),
  (s: string) => s.slice(0, Math.floor(s.length / 2)),
  (s: string) => s.replace(/\s+/g, ' '),
  (s: string) => s.replace(/"/g, ''),
  (s: string) => `  ${s}`,
);

/**
 * fast-check properties: arbitrary text and mutated real lines never make the parser (or the
 * registry) throw, and always give one of the three outcomes; a 5 MB line and binary garbage
 * come back quickly.
 */
export function survivesHostileInput(
  parser: Parser,
  real: string[],
  commands: (string | null)[] = [null],
): void {
  const parse = (s: string, command: string | null) => parser.parse(toLines(s), { command }).status;

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(ANY_TEXT, fc.constantFrom(...commands), (s, command) => {
        for (const r of parsePaste(s, 'x')) expect(STATUSES).toContain(r.status);
        expect(STATUSES).toContain(parse(s, command));
        expect(STATUSES).toContain(parse(`${real[0]}\n${s}`, command));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on mutated real lines, joined with LF or CRLF', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...real, ''), MUTATE), { maxLength: 30 }),
        fc.boolean(),
        fc.constantFrom(...commands),
        (parts, crlf, command) => {
          const text = parts.map(([l, m]) => m(l)).join(crlf ? '\r\n' : '\n');
          for (const r of parsePaste(text, 'x')) expect(STATUSES).toContain(r.status);
          expect(STATUSES).toContain(parse(text, command));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives a 5 MB line without a newline and binary garbage, quickly', () => {
    const started = Date.now();
    expect(STATUSES).toContain(parse(real[0]! + ' x'.repeat(2_500_000), commands[0] ?? null));
    expect(STATUSES).toContain(parse(real[0]!.slice(0, 30) + '('.repeat(5_000_000), null));
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
