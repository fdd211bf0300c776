import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `triage diff` as a process. Built into a directory of its own (not dist-cli, which
// cli.test.ts rebuilds meanwhile), the whole CLI in one bundle with its chunks.
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'triage-diff-'));
const F = join(root, 'src/compare/fixtures');
const GOOD = join(F, 'netns-good-node.txt');
const BAD = join(F, 'netns-bad-node.txt');

const triage = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(dir, 'triage.mjs'), 'diff', ...args], {
    encoding: 'utf8',
    input,
    cwd: root,
  });

beforeAll(async () => {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: { triage: join(root, 'src/cli/main.ts') },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    plugins: [
      {
        name: 'raw',
        setup(b) {
          b.onResolve({ filter: /\?raw$/ }, (a) => ({
            path: join(a.resolveDir, a.path.slice(0, -'?raw'.length)),
            namespace: 'raw',
          }));
          b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({
            contents: readFileSync(a.path, 'utf8'),
            loader: 'text',
          }));
        },
      },
    ],
  });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('triage diff', () => {
  it('json: the documented shape, the differences explained first', () => {
    const r = triage(['--format', 'json', GOOD, BAD]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const k of ['differences', 'explained', 'coverage', 'against', 'noiseLeftOut'])
      expect(out).toHaveProperty(k);
    expect(out.differences[0]).toMatchObject({
      kind: 'services',
      key: 'NodePort tcp/3003',
      bad: null,
      explainedBy: 'kube-proxy-rules-missing',
      noise: false,
    });
    expect(Object.keys(out.differences[0]).sort()).toEqual(
      ['bad', 'evidence', 'explainedBy', 'good', 'key', 'kind', 'noise'].sort(),
    );
    expect(out.differences[0].evidence.good[0]).toMatchObject({ source: 'netns-good-node.txt#4' });
    expect(out.explained.map((e: { cause: string }) => e.cause)).toContain('forward-drop');
    expect(out.noiseLeftOut).toBeGreaterThan(100);
    expect(out.differences.some((d: { noise: boolean }) => d.noise)).toBe(false);
    // The counter of the FORWARD policy: dropped on the bad node, none on the good one.
    expect(out.differences).toContainEqual(
      expect.objectContaining({ key: 'FORWARD policy drops', good: '0', bad: '3' }),
    );
  });

  it('--all keeps the noise in', () => {
    const out = JSON.parse(triage(['--format', 'json', '--all', GOOD, BAD]).stdout);
    expect(out.noiseLeftOut).toBe(0);
    expect(out.differences.some((d: { noise: boolean }) => d.noise)).toBe(true);
    const text = triage(['--all', GOOD, BAD]).stdout;
    expect(text).toMatch(/\[noise\]/);
    expect(text).not.toMatch(/left out as noise/);
  });

  it('md: a table for a ticket; text: each difference with both values and their lines', () => {
    const md = triage(['--format', 'md', GOOD, BAD]);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^## Differences from the node that works\n/);
    expect(md.stdout).toContain('| | good node | bad node |');
    expect(md.stdout).toMatch(
      /\| \*\*NodePort tcp\/3003\*\* \(explained by: .+\) \| `ns3\/svc3:p80` netns-good-node\.txt#4:\d+ \| none \|/,
    );
    const text = triage([GOOD, BAD]);
    expect(text.stdout).toMatch(
      /^kube-proxy has not programmed this node \(kube-proxy-rules-missing\):\n {2}NodePort tcp\/3003\n {4}good node: ns3\/svc3:p80 {2}\(netns-good-node\.txt#4:\d+\)\n {4}bad node: none\n/,
    );
    expect(text.stdout).toContain('packets dropped by the FORWARD policy');
  });

  it('--lang zh-CN words the report in Chinese', () => {
    const r = triage(['--lang', 'zh-CN', '--format', 'md', GOOD, BAD]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^## 与正常节点的差异/);
    expect(r.stdout).toContain('| | 正常节点 | 故障节点 |');
    expect(r.stdout).toContain('FORWARD 默认策略丢弃的包数');
  });

  it('identical files: no difference', () => {
    const r = triage([GOOD, GOOD]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^The two nodes show no difference/);
    const json = JSON.parse(triage(['--format', 'json', GOOD, GOOD]).stdout);
    expect(json).toMatchObject({ differences: [], explained: [], coverage: [], noiseLeftOut: 0 });
  });

  it.each([[[]], [[GOOD]], [[GOOD, BAD, BAD]]])('%j: usage error, exit 2', (files) => {
    const r = triage(files);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^triage: diff needs two files/);
    expect(r.stdout).toBe('');
  });

  it('a file it cannot read: exit 2, saying which', () => {
    const r = triage([GOOD, join(dir, 'no-such-file.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*no-such-file\.txt: ENOENT/);
    expect(triage(['--format', 'xml', GOOD, BAD]).status).toBe(2);
  });

  it('standard input for one node; an unreadable paste says nothing was compared', () => {
    const stdin = triage(['-', BAD], readFileSync(GOOD, 'utf8'));
    expect(stdin.status).toBe(0);
    expect(stdin.stdout).toContain('(stdin#4:');
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, '\u0000\u0001garbage ==> <== \r\n\u001b[31mred\u001b[0m\n');
    const r = triage([junk, junk]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Nothing was compared/);
  });

  it('two files of one name are cited by the paths given', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    for (const [d, f] of [
      [a, GOOD],
      [b, BAD],
    ] as const) {
      spawnSync('mkdir', ['-p', d]);
      writeFileSync(join(d, 'bundle.txt'), readFileSync(f));
    }
    const out = JSON.parse(
      triage(['--format', 'json', join(a, 'bundle.txt'), join(b, 'bundle.txt')]).stdout,
    );
    expect(out.differences[0].evidence.good[0].source).toBe(`${join(a, 'bundle.txt')}#4`);
  });
});
