import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_DATA } from '../testing/test-data';
import { parseBytesFast } from './bytes';
import { analysePaste, decodePaste } from '../worker/analyse';
import { parsePaste } from './registry';

const encode = (text: string) => new TextEncoder().encode(text);
const local = (p: string) =>
  readFileSync(new URL(`./conntrack/fixtures/${p}`, import.meta.url), 'utf8');
/** `conntrack -L` as the shared benchmark generator writes it (small, same format). */
const generated = (...args: string[]) =>
  execFileSync(process.execPath, [join(TEST_DATA, 'bench', 'gen-conntrack.mjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });

/**
 * The fast path declines (null) or gives exactly what the general path gives: the same JSON,
 * keys in the same order, since the command line prints it.
 */
function agrees(input: string | Uint8Array) {
  const bytes = typeof input === 'string' ? encode(input) : input;
  const fast = parseBytesFast(bytes, 'x.txt');
  if (fast)
    expect(JSON.stringify([fast])).toBe(JSON.stringify(parsePaste(decodePaste(bytes), 'x.txt')));
  return fast;
}

const ENTRY =
  'tcp      6 119 TIME_WAIT src=10.244.1.5 dst=10.96.0.10 sport=40000 dport=53 src=10.244.2.9 dst=10.244.1.5 sport=53 dport=40000 [ASSURED] mark=0 use=1';
const UDP =
  'udp      17 28 src=10.244.1.5 dst=10.96.0.10 sport=53000 dport=53 [UNREPLIED] src=10.244.2.9 dst=10.244.1.5 sport=53 dport=53000 mark=0 use=1';
const V6 =
  'tcp      6 431999 ESTABLISHED src=fd00::1 dst=fd00::2 sport=40000 dport=443 src=fd00::2 dst=fd00::1 sport=443 dport=40000 [ASSURED] mark=0 use=1';
const PROC = `ipv4     2 ${UDP}`;
const ICMP =
  'icmp     1 29 src=10.244.1.5 dst=10.244.2.9 type=8 code=0 id=4242 src=10.244.2.9 dst=10.244.1.5 type=0 code=0 id=4242 mark=0 use=1';
const CLOSING = 'conntrack v1.4.6 (conntrack-tools): 3 flow entries have been shown.';

describe('conntrack -L read from bytes', () => {
  it.each([
    ['busy node mix', ['--lines', '3000', '--seed', '7']],
    ['seed 001 mix', ['--lines', '3000', '--state-mix', 'seed001']],
    ['secmark flavour', ['--lines', '2000', '--flavor', 'secmark']],
    ['closing line first', ['--lines', '2000', '--summary', 'start']],
    ['no closing line', ['--lines', '2000', '--summary', 'none']],
    ['zones and marks', ['--lines', '2000', '--zone-frac', '0.3', '--mark-frac', '0.3']],
  ])('%s: taken, and the same as the general path', (_, args) => {
    const fast = agrees(generated(...args));
    expect(fast?.kind).toBe('conntrack');
    expect(fast?.status).toBe('parsed');
  });

  it('the page reads a big dump this way too, with the same result', () => {
    const text = generated('--lines', '9000', '--seed', '3');
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(JSON.stringify(analysePaste(text, 'x.txt'))).toBe(
      JSON.stringify(parsePaste(text, 'x.txt')),
    );
    // and a big dump with a prompt before it still goes the general way
    expect(analysePaste(`$ conntrack -L\n${text}`, 'x.txt')[0]).toMatchObject({
      kind: 'conntrack',
      command: 'conntrack -L',
    });
  });

  it('real outputs: seed 001 lines, /proc/net/nf_conntrack (prompt left out)', () => {
    expect(agrees(local('conntrack--seed001-router.txt'))).not.toBeNull();
    expect(agrees(local('conntrack--seed001-secmark.txt'))).not.toBeNull();
    const proc = local('conntrack--proc-nf_conntrack-centos.txt');
    const body = proc.slice(proc.indexOf('\n') + 1);
    // Indented as the thread quoted it: the general path dedents it, the byte path leaves it.
    expect(agrees(body)).toBeNull();
    expect(agrees(body.replace(/^ {2}/gm, ''))?.facts).toMatchObject({ format: 'proc' });
    expect(parsePaste(body, 'x.txt')[0]).toMatchObject({ kind: 'conntrack', status: 'parsed' });
  });

  it('IPv6, blank and space-only lines, no final newline, a wrong count in the closing line', () => {
    const text = `\n${ENTRY}\n   \n${V6}\n\n${UDP}\n${CLOSING.replace('3', '4')}`;
    const fast = agrees(text);
    expect(fast?.status).toBe('partial');
    expect(fast?.lineCount).toBe(7);
  });

  it('a tab, a colour or other text after the fields it reads: the same as the general path', () => {
    const tail = (x: string) => `${ENTRY}${x}\n${UDP}\n`;
    for (const x of [' \t', ' \x1b[0m', ' café', ' \x00'])
      expect(agrees(tail(x)), JSON.stringify(x)).not.toBeNull();
    expect(agrees(tail(' \x1b[0m'))?.facts).toMatchObject({ total: 2 });
  });

  it.each([
    ['a prompt before it', `$ conntrack -L\n${ENTRY}\n`],
    ['a bundle header', `==> conntrack -L <==\n${ENTRY}\n`],
    ['CRLF line ends', `${ENTRY}\r\n${UDP}\r\n`],
    ['ANSI colours', `\x1b[32m${ENTRY}\x1b[0m\n`],
    ['a byte-order mark', `\ufeff${ENTRY}\n`],
    ['a tab between fields', ENTRY.replace(' src=', '\tsrc=')],
    ['a colour inside an address', ENTRY.replace('10.244.1.5', '10.244\x1b[1m.1.5')],
    ['a CR inside a line', `${ENTRY}\rtcp 6\n`],
    ['a NUL', `${ENTRY}\n\0\n`],
    ['non-ASCII text', `${ENTRY}\n注意\n`],
    ['a quoted paste', `> ${ENTRY}\n> ${UDP}\n`],
    [
      'the tool failing',
      `conntrack v1.4.4 (conntrack-tools): Operation failed: invalid parameters\n`,
    ],
    ['a line of something else', `${ENTRY}\nwhatever\n${UDP}\n`],
    ['only the closing line', `${CLOSING}\n`],
    ['the state histogram', local('conntrack--seed001-state-histogram.txt')],
    ['nothing', ''],
    ['an over-long line', `${ENTRY}\n${'x'.repeat(20_000)}\n`],
  ])('declines %s (the general path decides)', (_, text) => {
    expect(parseBytesFast(encode(text), 'x.txt')).toBeNull();
  });

  it('mutated pastes: declined, or exactly the general path', () => {
    let taken = 0;
    const line = fc.oneof(
      { arbitrary: fc.constantFrom(ENTRY, UDP, V6, PROC, ICMP, CLOSING, '', '   '), weight: 5 },
      // an entry with a few characters changed (digits, keys, brackets, blanks, control
      // characters, colours, UTF-8, prompts)
      {
        arbitrary: fc
          .tuple(
            fc.constantFrom<string>(ENTRY, UDP, V6, PROC, ICMP),
            fc.array(
              fc.tuple(
                fc.nat(),
                fc.constantFrom(
                  ...[' ', '=', '[', ']', '0', '9', '.', ':', 'x', 'A', '', '\t', '\r', '\0'],
                  ...['\x0b', '\x1b[0m', '\x7f', 'é', '注', '> ', '$ ', '==> '],
                ),
              ),
              { maxLength: 4 },
            ),
          )
          .map(([base, edits]) =>
            edits.reduce<string>(
              (s, [at, c]) => s.slice(0, at % s.length) + c + s.slice((at % s.length) + 1),
              base,
            ),
          ),
        weight: 4,
      },
      { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), weight: 1 },
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.boolean(),
        // and sometimes a byte that is not UTF-8
        fc.option(fc.tuple(fc.nat(), fc.constantFrom(0x80, 0xc3, 0xff)), { freq: 4 }),
        (lines, finalNewline, badByte) => {
          const bytes = encode(lines.join('\n') + (finalNewline ? '\n' : ''));
          if (badByte && bytes.length > 0) bytes[badByte[0] % bytes.length] = badByte[1];
          if (agrees(bytes)) taken += 1;
        },
      ),
      { numRuns: 500 },
    );
    expect(taken).toBeGreaterThan(20);
  });
});
