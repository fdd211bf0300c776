#!/usr/bin/env node
// `npm run bench`: generates the corpora of test-data/bench (deterministic, into
// $BENCH_DIR or /tmp/net-triage-bench, once) and times the parsers on them in Node.
// A benchmark, not a test: it prints numbers and fails only if something crashes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.BENCH_DIR ?? join(tmpdir(), 'net-triage-bench');
const corpora = [
  'iptables-save-5000x3.txt',
  'ipvsadm-5000x3.txt',
  'dmesg-100k.txt',
  'conntrack-250k.txt',
  'conntrack-250k-seed001.txt',
];

if (!corpora.every((f) => existsSync(join(dir, f)))) {
  const gen = join(root, 'test-data', 'bench', 'make-corpora.sh');
  if (!existsSync(gen)) {
    console.error(`bench: ${gen} not found (test-data/bench is part of the repository)`);
    process.exit(1);
  }
  console.log(`generating corpora into ${dir} …`);
  execFileSync('bash', [gen, dir], { stdio: 'inherit' });
}

const out = join(mkdtempSync(join(tmpdir(), 'net-triage-bench-')), 'run.mjs');
await build({
  entryPoints: [join(root, 'src/bench/run.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: out,
  logLevel: 'warning',
});
execFileSync(process.execPath, [out, ...corpora.map((f) => join(dir, f))], { stdio: 'inherit' });

// Whole processes on the 40 MB conntrack paste: `triage detect` as a user runs it (bin/triage.mjs:
// start, build check, read, parse, print) against the shell pipeline the seed used to get the
// same state histogram, and against the floors of any Node tool (start; start, read, split).
const { buildCli } = await import('./build-cli.mjs');
await buildCli();
const ct = join(dir, 'conntrack-250k.txt');
const splitScript = join(root, 'test-data', 'bench', 'baseline-split.mjs');
const processes = [
  ['triage detect', process.execPath, [join(root, 'bin', 'triage.mjs'), 'detect', ct]],
  ["awk '{print $4}' | sort | uniq -c", 'sh', ['-c', `awk '{print $4}' '${ct}' | sort | uniq -c`]],
  ['node -e 0', process.execPath, ['-e', '0']],
  ["node: read + split('\\n')", process.execPath, [splitScript, ct]],
];
// Rounds interleave the commands, so a change in the machine's load hits them all alike.
const ROUNDS = 9;
console.log(`\nwhole processes on conntrack-250k.txt (median of ${ROUNDS}, after 1 warm-up):`);
const times = processes.map(() => []);
for (let round = 0; round <= ROUNDS; round++) {
  processes.forEach(([name, cmd, args], i) => {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${name} exited with ${r.status}`);
    if (round > 0) times[i].push(performance.now() - t0);
  });
}
const medians = times.map((t) => t.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]);
processes.forEach(([name], i) => {
  console.log(`  ${name.padEnd(36)} ${medians[i].toFixed(0).padStart(6)} ms`);
});

// In Chromium, on the built app: the page stays responsive while a big paste is read and
// diagnosed, and reading it takes about what the CLI takes on the same file.
execFileSync(
  process.execPath,
  [
    join(root, 'scripts/bench-browser.mjs'),
    ...['conntrack-250k.txt', 'iptables-save-5000x3.txt'].map((f) => join(dir, f)),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, BENCH_CLI_MS: JSON.stringify({ 'conntrack-250k.txt': medians[0] }) },
  },
);
