#!/usr/bin/env node
// `npm run bench:lighthouse`: Lighthouse's performance score of the built app (dist/, so
// `npm run build` first), on its simulated mobile network and CPU unless --desktop is given.
// A benchmark, not a test: it prints the scores and fails only if Lighthouse cannot run.
//
//   node scripts/bench-lighthouse.mjs [--runs N] [--desktop] [--json FILE] [DIR]
//
// DIR is the built app to serve, dist/ by default.
//
// The app is served by scripts/serve.mjs (gzip, as a web server sends it) on a free port of
// 127.0.0.1; the browser is $CHROME_PATH, else Debian's /usr/bin/chromium. Several runs, and
// their median, because one run's score moves by a few points.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let dist = join(root, 'dist');
const lighthouse = join(root, 'node_modules', '.bin', 'lighthouse');

let runs = 3;
let desktop = false;
let jsonOut = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--runs') runs = Number(argv[++i]);
  else if (argv[i] === '--desktop') desktop = true;
  else if (argv[i] === '--json') jsonOut = argv[++i];
  else if (!argv[i].startsWith('-')) dist = resolve(argv[i]);
  else {
    console.error(
      'usage: node scripts/bench-lighthouse.mjs [--runs N] [--desktop] [--json FILE] [DIR]',
    );
    process.exit(2);
  }
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench-lighthouse: --runs takes a whole number ≥ 1');
  process.exit(2);
}

const chrome =
  process.env.CHROME_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');
if (!chrome) {
  console.error('bench-lighthouse: no browser: set CHROME_PATH, or apt-get install chromium');
  process.exit(1);
}
if (!existsSync(lighthouse)) {
  console.error('bench-lighthouse: node_modules/.bin/lighthouse not found: run npm ci');
  process.exit(1);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bench-lighthouse: ${join(dist, 'index.html')} not found: run npm run build first`);
  process.exit(1);
}

/** Starts scripts/serve.mjs on a free port; resolves with its URL and the process. */
function serve() {
  const server = spawn(
    process.execPath,
    [join(root, 'scripts', 'serve.mjs'), dist, '--port', '0', '--strict-port'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, server });
    });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
}

const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];

const { url, server } = await serve();
const work = mkdtempSync(join(tmpdir(), 'net-triage-lighthouse-'));
const results = [];
try {
  console.log(
    `Lighthouse ${desktop ? 'desktop' : 'mobile'} performance of ${url} (${dist}), ${runs} run(s):`,
  );
  for (let run = 1; run <= runs; run++) {
    const out = join(work, `run-${run}.json`);
    const args = [
      url,
      '--only-categories=performance',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      // The machine's own network: no first-run, update or telemetry traffic.
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
      ...(desktop ? ['--preset=desktop'] : []),
    ];
    const r = spawnSync(lighthouse, args, {
      env: { ...process.env, CHROME_PATH: chrome },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0 || !existsSync(out)) {
      throw new Error(`lighthouse exited with ${r.status ?? r.signal ?? r.error?.message}`);
    }
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const score = Math.round((report.categories.performance.score ?? 0) * 100);
    const metrics = Object.fromEntries(
      METRICS.map(([id, short]) => [short, report.audits[id]?.displayValue ?? '?']),
    );
    const bytes = (report.audits['network-requests']?.details?.items ?? [])
      .filter((i) => i.resourceType === 'Script')
      .reduce((sum, i) => sum + (i.transferSize ?? 0), 0);
    results.push({ run, score, metrics, scriptTransferKB: Math.round(bytes / 100) / 10 });
    const shown = METRICS.map(([, short]) => `${short} ${metrics[short]}`).join(', ');
    console.log(`  run ${run}: ${score}  (${shown}; script transferred ${bytes} B)`);
  }
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}

const scores = results.map((r) => r.score).sort((a, b) => a - b);
const median = scores[Math.floor((scores.length - 1) / 2)];
console.log(
  `performance (${desktop ? 'desktop' : 'mobile'}): median ${median} of ${runs} (min ${scores[0]}, max ${scores.at(-1)}; target ≥ 95)`,
);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ desktop, median, results }, null, 2)}\n`);
