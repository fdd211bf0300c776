import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsedText } from '../testing/compare';
import { diffJson, diffMarkdown, diffText } from './report';
import { compareNodes, shown } from '.';

const GOOD = readFileSync(join(__dirname, 'fixtures/netns-good-node.txt'), 'utf8');
const BAD = readFileSync(join(__dirname, 'fixtures/netns-bad-node.txt'), 'utf8');

const HOSTILE: Record<string, string> = {
  empty: '',
  blank: '\n\n   \n',
  garbage: '\u0000\u0001\u00ff\ufffd#!%$ lorem ipsum 12 :: ==> <== \n'.repeat(50),
  binary: String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
  'header only': '==> sysctl -a <==\n',
  'truncated bundle': BAD.slice(0, Math.floor(BAD.length / 3)),
  'cut mid-line': BAD.slice(0, BAD.indexOf('*filter') + 40),
};

/** Every report of a comparison, so a crash anywhere in them fails. */
function reportAll(good: string, bad: string) {
  const diff = compareNodes(parsedText(good, 'good.txt'), parsedText(bad, 'bad.txt'));
  return {
    diff,
    text: diffText(diff, 'en'),
    md: diffMarkdown(diff, 'zh-CN'),
    json: JSON.stringify(diffJson(diff)),
  };
}

describe('hostile pastes on either side', () => {
  it.each(Object.entries(HOSTILE))(
    '%s: a clear result against a whole bundle, both ways',
    (_, text) => {
      for (const [good, bad] of [
        [GOOD, text],
        [text, GOOD],
      ] as const) {
        const r = reportAll(good, bad);
        // What only one side shows is said as not compared, never as a difference.
        expect(
          r.diff.differences.every((d) => d.evidence.good.length + d.evidence.bad.length > 0),
        ).toBe(true);
        expect(r.text.length).toBeGreaterThan(0);
        expect(r.json).not.toMatch(/compare\.|cause\.[\w-]+\.title/);
      }
    },
  );

  it('nothing readable on either side says that nothing was compared, not that the nodes agree', () => {
    const r = reportAll(HOSTILE.garbage!, HOSTILE.empty!);
    expect(r.diff.compared).toEqual([]);
    expect(r.text).toMatch(/Nothing was compared/);
    expect(r.md).toMatch(/没有可对比的内容/);
    const whole = reportAll(GOOD, HOSTILE.empty!);
    expect(whole.diff.coverage.map((c) => c.missingOn)).toEqual(
      whole.diff.coverage.map(() => 'bad'),
    );
    expect(whole.text).toMatch(/not pasted for the bad node/);
  });

  it('CRLF line ends and ANSI colours compare as the plain text does', () => {
    const crlf = BAD.replace(/\n/g, '\r\n');
    const coloured = BAD.replace(
      /^(net\.ipv4\.[\w.]+)/gm,
      '\u001b[01;31m\u001b[K$1\u001b[m\u001b[K',
    );
    const plain = shown(compareNodes(parsedText(GOOD, 'g'), parsedText(BAD, 'b'))).map((d) => [
      d.key,
      d.bad,
    ]);
    for (const bad of [crlf, coloured])
      expect(
        shown(compareNodes(parsedText(GOOD, 'g'), parsedText(bad, 'b'))).map((d) => [d.key, d.bad]),
      ).toEqual(plain);
  });

  it('a truncated bad paste: what it still holds is compared, what it lost is not invented', () => {
    const r = reportAll(GOOD, HOSTILE['truncated bundle']!);
    expect(r.diff.compared).toContain('sysctl');
    // Its iptables-save was cut off: no Service is reported missing for want of the rest.
    expect(r.diff.differences.filter((d) => d.kind === 'services')).toEqual([]);
  });
});
