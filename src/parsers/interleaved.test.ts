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
