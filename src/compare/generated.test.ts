import { describe, expect, it } from 'vitest';
import { brief, generated, parsedFile, parsedText } from '../testing/compare';
import { compareNodes, shown } from '.';

const SAVE = generated('gen-iptables-save.mjs', [
  '--services',
  '200',
  '--seed',
  'pair',
  '--nodeport-frac',
  '0.5',
]);

/** The dump without one Service's NodePort rules (kube-proxy did not write them on the bad node). */
function withoutNodePort(dump: string): { text: string; port: string; name: string } {
  const m = /^-A KUBE-NODEPORTS .*--comment "([^"]+)".*--dport (\d+) -j KUBE-(?:EXT|SVC)-/m.exec(
    dump,
  )!;
  const [, name, port] = m as unknown as [string, string, string];
  const text = dump.replace(new RegExp(`^-A KUBE-NODEPORTS .*--dport ${port} .*\\n`, 'gm'), '');
  return { text, port, name };
}

const conntrack = (lines: number, seed: string) =>
  generated('gen-conntrack.mjs', ['--lines', String(lines), '--seed', seed]);

describe('a generated pair (the bench generators)', () => {
  it('200 Services with one NodePort missing on the bad node, and a fuller conntrack table there', () => {
    const cut = withoutNodePort(SAVE);
    const max = 'net.netfilter.nf_conntrack_max = 65536';
    const good = parsedText(
      `$ iptables-save\n${SAVE}$ sysctl net.netfilter.nf_conntrack_max\n${max}\n$ conntrack -L\n${conntrack(6000, 'g')}`,
      'good.txt',
    );
    const bad = parsedText(
      `$ iptables-save\n${cut.text}$ sysctl net.netfilter.nf_conntrack_max\n${max}\n$ conntrack -L\n${conntrack(62000, 'b')}`,
      'bad.txt',
    );
    const diff = compareNodes(good, bad);
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'services',
        key: `NodePort tcp/${cut.port}`,
        good: cut.name.replace(/ .*/, ''),
        bad: null,
        explainedBy: 'kube-proxy-rules-missing',
      },
      {
        kind: 'conntrack',
        key: 'conntrack fill',
        good: '9.2% (6000/65536)',
        bad: '94.6% (62000/65536)',
        explainedBy: 'conntrack-table-full',
      },
    ]);
    // The ClusterIP of that Service is still there: only its NodePort is missing.
    expect(diff.same.filter((s) => s.kind === 'services').length).toBeGreaterThan(200);
    expect(diff.coverage).toEqual([]);
  });

  it('two fill levels of one band are no difference; two tables without a limit are noise', () => {
    const a = parsedText(conntrack(3000, 'x'), 'a.txt');
    const b = parsedText(conntrack(9000, 'y'), 'b.txt');
    const diff = compareNodes(a, b);
    expect(shown(diff)).toEqual([]);
    expect(diff.differences.map((d) => [d.key, d.noise])).toEqual([['conntrack entries', true]]);
  });

  it('identical bundles report no difference: the same text twice, and the netns good node against itself', () => {
    const twice = compareNodes(parsedText(SAVE, 'a.txt'), parsedText(SAVE, 'b.txt'));
    expect(twice.differences).toEqual([]);
    expect(twice.coverage).toEqual([]);
    const node = 'compare/fixtures/netns-good-node.txt';
    const self = compareNodes(parsedFile(node, 'a.txt'), parsedFile(node, 'b.txt'));
    expect(self.differences).toEqual([]);
    expect(self.coverage).toEqual([]);
  });
});
