import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../../parsers/registry';
import type { PacketState } from '../program';
import { compileNft } from '.';
import { readPriority } from './priority';
import { splitElements, tokenize } from './tokens';

/** Every published listing compiles: each rule to matches and actions, none silently empty. */
const dirs = [
  new URL('../../parsers/nft/fixtures/', import.meta.url),
  new URL('../../parsers/nft/fixtures/netns/', import.meta.url),
  new URL('./fixtures/', import.meta.url),
];
const listings = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.json'))
    .map((f) => ({ name: f, raw: readFileSync(new URL(f, d), 'utf8') })),
);

const probe: PacketState = {
  proto: 'tcp',
  src: '10.0.1.5',
  sport: 40000,
  dst: '10.96.0.1',
  dport: 443,
  iif: 'eth0',
  oif: 'eth1',
  mark: 0,
  ctmark: 0,
  ctstate: 'NEW',
  local: false,
  nodeAddresses: ['192.168.0.2'],
};

describe('published listings', () => {
  it.each(listings)('$name: every rule compiles and answers for a packet', ({ name, raw }) => {
    for (const section of parsePaste(raw, name)) {
      if (section.kind !== 'nft' || section.status === 'rejected') continue;
      const program = compileNft(section.facts as Parameters<typeof compileNft>[0], name);
      for (const chain of program.chains.values())
        for (const rule of chain.rules) {
          // A bare `counter packets N bytes N` only counts: nothing to match, nothing to do.
          const onlyCounts = /^counter packets \d+ bytes \d+$/.test(rule.cite.rule);
          expect(rule.matches.length + rule.actions.length > 0, rule.cite.rule).toBe(!onlyCounts);
          for (const m of rule.matches) {
            const r = m.test(probe);
            expect(typeof r === 'boolean' || 'probability' in r || 'unknown' in r).toBe(true);
          }
        }
    }
  });
});

describe('priorities and tokens', () => {
  it('reads numbers, named priorities and their arithmetic', () => {
    expect(
      [
        '-100',
        'dstnat',
        'filter + 10',
        'dstnat - 10',
        'mangle + 1',
        'srcnat',
        'raw',
        'security',
      ].map(readPriority),
    ).toEqual([-100, -100, 10, -110, -149, 100, -300, 50]);
    expect(readPriority('out')).toBeNull();
  });

  it('keeps sets, strings and groups whole; splits elements at top-level commas only', () => {
    const t = tokenize(
      'iifname { "wan", "br-lan.10" } tcp flags & (fin | syn) == syn comment "a b"',
    );
    expect(t.map((x) => x.kind)).toEqual([
      'word',
      'group',
      'word',
      'word',
      'word',
      'group',
      'word',
      'word',
      'word',
      'string',
    ]);
    expect(splitElements('10.0.0.1 . tcp . 80 comment "x, y" : goto a, fd00::1 : drop')).toEqual([
      {
        parts: ['10.0.0.1', 'tcp', '80'],
        value: 'goto a',
        text: '10.0.0.1 . tcp . 80 comment "x, y" : goto a',
      },
      { parts: ['fd00::1'], value: 'drop', text: 'fd00::1 : drop' },
    ]);
  });
});
