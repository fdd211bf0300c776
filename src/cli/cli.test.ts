import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATA, fixtureCases } from '../testing/test-data';

// Runs the real `triage` entry point (bin/triage.mjs → the bundle in dist-cli) as a process.
const root = fileURLToPath(new URL('../../', import.meta.url));
const triage = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(root, 'bin/triage.mjs'), ...args], {
    encoding: 'utf8',
    input,
    cwd: root,
  });
const fixture = (path: string) => join(TEST_DATA, 'fixtures', path);
/** kube-proxy's own expected iptables ruleset (src/walk/fixtures/oracle/SOURCES.md). */
const ORACLE_DUMP = join(root, 'src/walk/fixtures/oracle/kube-proxy-iptables.txt');

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], {
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
}, 60_000);

describe('triage CLI', () => {
  it('detect --format json gives one entry per paste, in the documented shape', () => {
    const free =
      '              total        used        free      shared  buff/cache   available\nMem:          15884        2390        9861         412        3632       12757\n';
    const r = triage(
      [
        'detect',
        '--format',
        'json',
        fixture('07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt'),
        '-',
      ],
      free,
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    expect(Object.keys(out[0]).sort()).toEqual(['kind', 'problems', 'source', 'status', 'summary']);
    expect(out[0]).toMatchObject({
      source: 'sysctl.txt',
      kind: 'sysctl',
      status: 'parsed',
      problems: [],
    });
    expect(out[1]).toMatchObject({ source: 'stdin', kind: null, status: 'rejected' });
    expect(out[1].problems[0]).toMatch(/\S/);
  });

  it.each(['en', 'zh-CN'])(
    'detect words every summary and problem from the parser dictionaries alone (%s)',
    (lang) => {
      const files = fixtureCases().flatMap((c) =>
        c.files.map((f) => fixture(`${c.name}/${f.name}`)),
      );
      const rows = JSON.parse(
        triage(['detect', '--format', 'json', '--lang', lang, ...files]).stdout,
      );
      expect(rows.length).toBeGreaterThanOrEqual(files.length);
      const texts = rows.flatMap((r: { summary: string; problems: string[] }) => [
        r.summary,
        ...r.problems,
      ]);
      expect(texts.filter((t: string) => /\bparse\.[\w-]+\.|^parse\./.test(t))).toEqual([]);
      if (lang === 'zh-CN') expect(texts.join('')).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('reads standard input and splits a bundle into sections', () => {
    const bundle =
      '==> sysctl -a <==\nnet.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_timestamps = 1\n==> iptables-save <==\n*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n';
    const out = JSON.parse(triage(['detect', '--format', 'json', '-'], bundle).stdout);
    expect(out.map((e: { source: string; kind: string }) => [e.source, e.kind])).toEqual([
      ['stdin#1', 'sysctl'],
      ['stdin#2', 'iptables-save'],
    ]);
  });

  it.each(fixtureCases())('diagnose $name as its case.json says', (c) => {
    const r = triage([
      'diagnose',
      '--symptom',
      c.symptom,
      '--format',
      'json',
      ...c.files.map((f) => fixture(`${c.name}/${f.name}`)),
    ]);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    const found = d.findings.map((f: { cause: string }) => f.cause);
    for (const id of c.expect) expect(found).toContain(id);
    for (const id of c.forbid) expect(found).not.toContain(id);
    for (const f of d.findings) {
      expect(['high', 'medium', 'low']).toContain(f.confidence);
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(Object.keys(f.fix).sort()).toEqual(['now', 'persist', 'risk', 'rollback', 'verify']);
    }
  });

  it('takes the answers the wizard asks for with --var, checked like the wizard checks them', () => {
    const ipt = fixture('13-charmed489-etp-local-no-local-endpoints/iptables-save.txt');
    const at = (...vars: string[]) =>
      JSON.parse(triage(['diagnose', '--symptom', 'nodeport-one-node', ...vars, ipt]).stdout)
        .findings[0];
    expect(at('--var', 'port=31610')).toMatchObject({
      cause: 'etp-local-no-endpoint',
      confidence: 'high',
    });
    expect(at()).toMatchObject({ cause: 'etp-local-no-endpoint', confidence: 'medium' });
    const bad = triage(['diagnose', '--var', 'vip=10.0.0.999', ipt]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a valid vip/);
    expect(triage(['diagnose', '--var', 'colour=blue', ipt]).stderr).toMatch(
      /unknown answer "colour"/,
    );
  });

  it('answers in Chinese and as Markdown', () => {
    const r = triage([
      'diagnose',
      '--symptom',
      'nodeport-one-node',
      '--lang',
      'zh-CN',
      '--format',
      'md',
      fixture('07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt'),
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('tcp_tw_recycle 丢弃 NAT 后客户端的 SYN');
    expect(r.stdout).toContain('```sh\nsudo sysctl -w net.ipv4.tcp_tw_recycle=0\n```');
  });

  it('lists causes and prints trees', () => {
    const causes = JSON.parse(triage(['causes', '--format', 'json']).stdout);
    expect(causes.find((c: { id: string }) => c.id === 'etp-local-no-endpoint')).toMatchObject({
      symptoms: ['nodeport-one-node'],
    });
    const mermaid = triage([
      'tree',
      '--symptom',
      'nodeport-one-node',
      '--format',
      'mermaid',
    ]).stdout;
    expect(mermaid).toMatch(/^flowchart TD/);
    expect(JSON.parse(triage(['tree', '--symptom', 'nodeport-one-node']).stdout).start).toBe(
      'port',
    );
  });

  it('walk --format json follows a packet to the line that drops it, in the documented shape', () => {
    const r = triage([
      'walk',
      '--packet',
      'tcp 192.168.1.20:40000 -> 192.168.1.10:3001',
      '--in',
      'eth0',
      '--format',
      'json',
      ORACLE_DUMP,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      verdict: string;
      endpoints: unknown[];
      hops: { table: string; chain: string; source: string; line: number; rule: string }[];
    };
    expect(out.verdict).toBe('drop');
    expect(out.endpoints).toEqual([]);
    expect(out.hops.at(-1)).toMatchObject({
      table: 'filter',
      chain: 'KUBE-EXTERNAL-SERVICES',
      source: 'kube-proxy-iptables.txt',
      line: 36,
    });
    expect(out.hops.at(-1)!.rule).toContain('has no local endpoints');
    // A NodePort with endpoints: every endpoint with its share, summing to 1.
    const dnat = JSON.parse(
      triage([
        'walk',
        '--packet',
        'tcp 192.168.1.20:40000 -> 192.168.1.10:3003',
        '--format',
        'json',
        ORACLE_DUMP,
      ]).stdout,
    ) as { verdict: string; endpoints: { address: string; port: number; probability: number }[] };
    expect(dnat.verdict).toBe('dnat');
    expect(dnat.endpoints.reduce((s, e) => s + e.probability, 0)).toBeCloseTo(1);
    // The text form says it in words, in either language.
    const zh = triage([
      'walk',
      '--packet',
      'tcp 192.168.1.20:40000 -> 192.168.1.10:3001',
      '--lang',
      'zh-CN',
      ORACLE_DUMP,
    ]);
    expect(zh.stdout).toContain('被丢弃');
  });

  it.each([
    [['diagnose', '--symptom', 'nope', 'x']],
    [['detect']],
    [['detect', '--format', 'xml', 'x']],
    [['frobnicate']],
    [['detect', '/no/such/file']],
    [['tree']],
    [['walk', ORACLE_DUMP]],
    [['walk', '--packet', 'rm -rf /', ORACLE_DUMP]],
    [
      [
        'walk',
        '--packet',
        'tcp 1.2.3.4:1 -> 5.6.7.8:80',
        fixture('07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt'),
      ],
    ],
    [['walk', '--packet', 'tcp 1.2.3.4:1 -> 5.6.7.8:80', '--node-ip', 'node-1', ORACLE_DUMP]],
    [['walk', '--packet', 'tcp 1.2.3.4:1 -> 5.6.7.8:80', '--state', 'WEIRD', ORACLE_DUMP]],
  ])('exits 2 with one line on stderr for %j', (args) => {
    const r = triage(args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^triage: /);
  });
});

describe('bin/triage.mjs', () => {
  it('rebuilds the CLI when a file it was built from changes, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-bin-'));
    try {
      for (const d of ['bin', 'scripts', 'src'])
        cpSync(join(root, d), join(dir, d), { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
      const run = () =>
        spawnSync(process.execPath, [join(dir, 'bin/triage.mjs'), 'causes'], { encoding: 'utf8' });
      const built = join(dir, 'dist-cli', 'triage.mjs');
      expect(run().status).toBe(0);
      const first = statSync(built).mtimeMs;
      expect(run().status).toBe(0);
      expect(statSync(built).mtimeMs).toBe(first);
      // a source the build read, edited later
      const input = JSON.parse(readFileSync(join(dir, 'dist-cli', 'inputs.json'), 'utf8'))[0];
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(dir, input), later, later);
      expect(run().status).toBe(0);
      expect(statSync(built).mtimeMs).toBeGreaterThan(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
