import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, compareFiles, generated, parsedText } from '../testing/compare';
import { compareNodes, shown } from '.';

/** A line of a recorded node's `sysctl -a` (fixtures/SOURCES.md). */
const sysctlLine = (key: string) =>
  readFileSync(join(__dirname, 'fixtures/netns-good-node.txt'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${key} = `))!;

describe('conntrack', () => {
  it('a table near its limit on the bad node only: conntrack-table-full', () => {
    const max = sysctlLine('net.netfilter.nf_conntrack_max');
    expect(max).toBe('net.netfilter.nf_conntrack_max = 262144');
    const good = parsedText(
      `${sysctlLine('net.netfilter.nf_conntrack_count')}\n${max}\n`,
      'good.txt',
    );
    // The bad node: the same limit, and a conntrack -L of 240,000 flows (the bench generator).
    const dump = generated('gen-conntrack.mjs', ['--lines', '240000', '--seed', 'full']);
    const bad = parsedText(
      `$ sysctl net.netfilter.nf_conntrack_max\n${max}\n$ conntrack -L\n${dump}`,
      'bad.txt',
    );
    const diff = compareNodes(good, bad);
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'conntrack',
        key: 'conntrack fill',
        good: '0% (4/262144)',
        bad: '91.6% (240000/262144)',
        explainedBy: 'conntrack-table-full',
      },
    ]);
    expect(diff.differences[0]!.evidence.bad.map((e) => e.text)).toEqual([
      expect.stringMatching(/240000 flow entries have been shown/),
      max,
    ]);
  });

  it('two fill levels of one band are alike: counts move with load', () => {
    const at = (count: number) =>
      parsedText(
        `net.netfilter.nf_conntrack_count = ${count}\nnet.netfilter.nf_conntrack_max = 262144\n`,
        'x',
      );
    const diff = compareNodes(at(1200), at(9800));
    expect(shown(diff)).toEqual([]);
    // The count itself, as sysctl prints it, is noise; the fill level is the same.
    expect(diff.differences.map((d) => [d.kind, d.key, d.noise])).toEqual([
      ['sysctl', 'net.netfilter.nf_conntrack_count', true],
    ]);
    expect(diff.same.filter((s) => s.kind === 'conntrack').map((s) => s.key)).toEqual([
      'conntrack fill',
    ]);
  });

  it('conntrack -S: insert_failed zero on the good node, not on the bad (rke2#3924 against weave#3287)', () => {
    const diff = compareFiles(
      'rules/conntrack-snat-race/fixtures/healthy--rke2-3924-per-cpu.txt',
      'rules/conntrack-snat-race/fixtures/broken--weave3287-per-cpu.txt',
    );
    expect(shown(diff).map((d) => [d.key, d.good, d.explainedBy])).toEqual([
      ['conntrack -S insert_failed', '0', 'conntrack-snat-race'],
    ]);
    // invalid is non-zero on both: a counter that grows everywhere.
    expect(diff.same.map((s) => s.key)).toContain('conntrack -S invalid');
  });
});
