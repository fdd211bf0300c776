#!/usr/bin/env node
// `npm run bench`: generates the corpora of ../shared/bench (deterministic, into
// $BENCH_DIR or /tmp/net-triage-bench, once) and times the parsers on them in Node.
// A benchmark, not a test: it prints numbers and fails only if something crashes.
import { execFileSync } from 'node:child_process';
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
  const gen = join(root, '..', 'shared', 'bench', 'make-corpora.sh');
  if (!existsSync(gen)) {
    console.error(`bench: ${gen} not found (the shared/ folder sits beside the checkout)`);
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
