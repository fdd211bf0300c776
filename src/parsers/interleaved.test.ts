import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../testing/parser-checks';
import { readTestData } from '../testing/test-data';
import { parsePaste } from './registry';

// Fixture files that are one output of one kind, with no prompt that would split them anyway.
const single = fixtureFiles().flatMap((file) => {
  const text = readTestData(`fixtures/${file}`);
  const rs = parsePaste(text, 'x');
  const only = rs.length === 1 && rs[0]!.status !== 'rejected' ? rs[0]!.kind : null;
  return only && !/^\s*\S*[#$%] /m.test(text) ? [{ file, text, kind: only }] : [];
});
// Both klog: an ingress-nginx controller log may hold kube-proxy-like lines and is read whole.
const KLOG = new Set(['kube-proxy-log', 'ingress-nginx-log']);
const pairs = single.flatMap((a) =>
  single
    .filter((b) => b.kind !== a.kind && !(KLOG.has(a.kind!) && KLOG.has(b.kind!)))
    .map((b) => [a, b] as const),
);

describe('two outputs pasted one after the other, no prompt between them', () => {
  it('has enough real pairs to mean something', () => {
    expect(pairs.length).toBeGreaterThan(100);
  });

  it.each(pairs.map(([a, b]) => [`${a.file} + ${b.file}`, a, b] as const))(
    '%s: both are read, in order',
    (_, a, b) => {
      const rs = parsePaste(`${a.text.replace(/\n?$/, '\n')}${b.text}`, 'x');
      const read = rs.filter((r) => r.status !== 'rejected').map((r) => r.kind);
      expect(read).toContain(a.kind);
      expect(read).toContain(b.kind);
      expect(read.indexOf(a.kind)).toBeLessThan(read.lastIndexOf(b.kind));
    },
  );
});

// Three different kinds in every order the fixtures allow, thinned to a few dozen.
const allTriples = pairs.flatMap(([a, b]) =>
  single
    .filter(
      (c) =>
        c.kind !== a.kind &&
        c.kind !== b.kind &&
        !(KLOG.has(c.kind!) && (KLOG.has(a.kind!) || KLOG.has(b.kind!))),
    )
    .map((c) => [a, b, c] as const),
);
const triples = allTriples.filter(
  (_, i) => i % Math.max(1, Math.floor(allTriples.length / 60)) === 0,
);

describe('three outputs in Markdown fences between the author’s prose, no prompt at all', () => {
  it('has enough real triples to mean something', () => {
    expect(triples.length).toBeGreaterThan(40);
  });

  it.each(triples.map((t) => [t.map((x) => x.file).join(' + '), t] as const))(
    '%s: all three are read',
    (_, t) => {
      const post = t
        .map(
          (x, k) =>
            `Output ${k + 1} from the node:\n\n\`\`\`\n${x.text.replace(/\n?$/, '\n')}\`\`\`\n`,
        )
        .join('\n');
      const read = parsePaste(post, 'x')
        .filter((r) => r.status !== 'rejected')
        .map((r) => r.kind);
      for (const x of t) expect(read).toContain(x.kind);
    },
  );
});
