import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchPrompt, promptCommand, toLines } from './lines';
import type { Line } from './types';

/** toLines as it was first written (a regex per line): the fast one must give the same lines. */
function reference(raw: string): Line[] {
  const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
  const NON_TEXT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
  const text = raw.replace(/^\uFEFF/, '');
  const out: Line[] = [];
  let start = 0;
  let n = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    n += 1;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.includes('\r')) line = line.slice(line.lastIndexOf('\r') + 1);
    if (line.includes('\x1b')) line = line.replace(ANSI, '');
    line = line.replace(NON_TEXT, '');
    out.push({ n, text: line });
    start = end + 1;
  }
  if (out.length > 0 && out[out.length - 1]!.text === '') out.pop();
  const nonEmpty = out.filter((l) => l.text.trim() !== '');
  if (nonEmpty.length === 0 || !nonEmpty.every((l) => /^\s*>(\s|$)/.test(l.text))) return out;
  return out.map((l) => ({ n: l.n, text: l.text.replace(/^\s*> ?/, '') }));
}

const PIECES = [
  '\n',
  '\r',
  '\r\n',
  '\x1b[1;31m',
  '\x1b[0m',
  '\x1b]0;t\x07',
  '\0',
  '\x01',
  '\x7f',
  '\t',
  ' ',
  '> ',
  '>',
  'a',
  'tcp 6',
  '\uFEFF',
  '$ ',
  '# ',
  '[root@h ~]# ',
  'é',
  '文',
];

describe('toLines (fast path) gives the lines the straightforward version gives', () => {
  it('on strings built from the characters it cleans', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => {
        const s = parts.join('');
        expect(toLines(s)).toEqual(reference(s));
      }),
      { numRuns: 2000 },
    );
    // Thousands of runs: room for a loaded machine.
  }, 60_000);

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(toLines(s)).toEqual(reference(s));
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});

describe('promptCommand: the pre-check never hides a prompt', () => {
  const PROMPTISH = [
    ' ',
    '\t',
    '\u00a0',
    '$',
    '#',
    '%',
    '[',
    ']',
    '@',
    ':',
    '~',
    '/',
    '.',
    'root',
    'host',
    'kubectl get pods',
    'ls',
    'x'.repeat(70),
    '>',
    '➜',
    '❯',
    '→',
    '🐳',
    '✗',
    'PS C:\\x',
    'bash-4.2',
    'git:(main)',
    'a@b',
    '±',
    '|',
    '|master {1} S:5 ?:1 ✗|',
  ];
  it('agrees with the bare regexes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PROMPTISH), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(promptCommand(s)).toEqual(matchPrompt(s));
      }),
      { numRuns: 5000 },
    );
  }, 60_000);
});
