#!/usr/bin/env node
/* global window, document, DataTransfer, ClipboardEvent, MutationObserver -- page.evaluate callbacks run in the page */
// Part of `npm run bench`: in Chromium, on the built app (dist/), pastes a big corpus into an
// evidence step as a user does, waits for its summary, goes on and skips to the diagnosis. It
// reports the time from paste to summary and to diagnosis, and the longest main-thread task in
// all that time (the page must stay responsive: under 50 ms). With BENCH_CLI_MS (JSON: file name
// -> `triage detect` whole-process ms, from bench.mjs) it also gives paste-to-summary / CLI.
// Usage: node scripts/bench-browser.mjs FILE [FILE...]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2);
const cliMs = JSON.parse(process.env.BENCH_CLI_MS ?? '{}');
if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.log('browser bench: no dist/ (run npm run build first); skipped');
  process.exit(0);
}
const executablePath =
  process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const server = spawn(
  process.execPath,
  [join(root, 'scripts/serve.mjs'), 'dist', '--port', '4199'],
  {
    cwd: root,
  },
);
const url = await new Promise((resolve) =>
  server.stdout.on('data', (d) => /(http:\/\/\S+)/.test(d) && resolve(/(http:\/\/\S+)/.exec(d)[1])),
);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** Submits the current step and waits until the next one is on the page (not only in the URL). */
async function submitAndMove(page, button) {
  const before = page.url();
  const title = await page.locator('h1').textContent();
  await button.click();
  await page.waitForURL((u) => u.toString() !== before, { timeout: 120_000 });
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent !== t, title, {
    timeout: 120_000,
  });
}

/**
 * The same corpus pasted as the node that works, compared: the time from Compare to the
 * comparison on the page (parsing the second copy and comparing, in the worker).
 */
async function compareWithItself(page, text) {
  if ((await page.getByTestId('good-paste').count()) === 0) return null;
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document
      .querySelector('[data-testid=good-paste]')
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
  }, text);
  await page.evaluate(() => {
    window.__compared = null;
    new MutationObserver(() => {
      if (!window.__compared && document.querySelector('[data-testid=comparison]'))
        window.__compared = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
    window.__compare = performance.now();
  });
  await page.getByTestId('good-compare').click();
  await page.getByTestId('comparison').waitFor({ timeout: 120_000 });
  // From the click on: the harness's paste (a 40 MB clipboard built in the page) came before.
  return page.evaluate(() => ({
    ms: window.__compared - window.__compare,
    worst: Math.max(
      0,
      ...window.__tasks.filter((e) => e.startTime >= window.__compare).map((e) => e.duration),
    ),
  }));
}

const RUNS = 3;
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** One paste of `text` into a fresh page, walked to its diagnosis. */
async function runOnce(text) {
  const page = await browser.newPage();
  try {
    await page.goto(`${url}#/s/nodeport-one-node/port`);
    for (const v of ['31710', 'node-1']) {
      await page.locator('input.answer').fill(v);
      await submitAndMove(page, page.locator('form button[type=submit]'));
    }
    await page.getByRole('radio').first().check();
    await submitAndMove(page, page.locator('form button[type=submit]'));
    await page.getByTestId('evidence-paste').waitFor();
    // When each part first shows, by the page's clock (a poll from here would add its interval).
    await page.evaluate(() => {
      window.__seen = {};
      new MutationObserver(() => {
        for (const id of ['paste-result', 'diagnosis'])
          if (!window.__seen[id] && document.querySelector(`[data-testid=${id}]`))
            window.__seen[id] = performance.now();
      }).observe(document.body, { childList: true, subtree: true });
      window.__tasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push(e))).observe(
        { entryTypes: ['longtask'] },
      );
    });
    // Paste as a user does: a paste event carrying the text. Times are the page's own clock.
    await page.evaluate((t) => {
      const box = document.querySelector('[data-testid=evidence-paste]');
      const data = new DataTransfer();
      data.setData('text/plain', t);
      box.focus();
      window.__pasted = performance.now();
      box.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
    await page.locator('[data-testid=paste-result]').waitFor({ timeout: 120_000 });
    const summaryMs = await page.evaluate(() => window.__seen['paste-result'] - window.__pasted);
    const kinds = await page
      .locator('[data-testid=paste-result] > li')
      .evaluateAll((els) => els.map((e) => e.dataset.kind).join(','));
    // On to the diagnosis: Continue with the paste, then skip every step left.
    await submitAndMove(page, page.locator('form button[type=submit]'));
    while ((await page.getByTestId('evidence-paste').count()) > 0)
      await submitAndMove(page, page.getByRole('button', { name: /Skip/ }));
    await page.getByTestId('diagnosis').waitFor({ timeout: 120_000 });
    const diagnosisMs = await page.evaluate(() => window.__seen.diagnosis - window.__pasted);
    // Tasks from the paste on; the harness's own task (building a 40 MB clipboard in the page)
    // comes before it and is not the app's.
    const [worst, harness] = await page.evaluate(() => {
      const after = window.__tasks.filter((e) => e.startTime >= window.__pasted);
      const before = window.__tasks.filter((e) => e.startTime < window.__pasted);
      return [after, before].map((l) => Math.max(0, ...l.map((e) => e.duration)));
    });
    const outcome = new URL(page.url()).hash.split('/').pop();
    const compared = await compareWithItself(page, text);
    return {
      summaryMs,
      diagnosisMs,
      compareMs: compared?.ms ?? null,
      worst: Math.max(worst, compared?.worst ?? 0),
      harness,
      kinds: `${kinds} -> ${outcome}`,
    };
  } finally {
    await page.close();
  }
}

const rows = [];
try {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runOnce(text));
    rows.push({
      file: basename(file),
      mb: text.length / 1e6,
      summaryMs: median(runs.map((r) => r.summaryMs)),
      diagnosisMs: median(runs.map((r) => r.diagnosisMs)),
      compareMs: runs[0].compareMs === null ? null : median(runs.map((r) => r.compareMs)),
      // Responsiveness is about the worst moment, not the typical one.
      worst: Math.max(...runs.map((r) => r.worst)),
      harness: Math.max(...runs.map((r) => r.harness)),
      kinds: runs[0].kinds,
    });
  }
} finally {
  await browser.close();
  server.kill();
}

console.log(
  `\nin Chromium, pasted into an evidence step and walked to the diagnosis (median of ${RUNS}; longest task: the worst run):`,
);
console.log(
  '  corpus                              MB  to summary ms  to diagnosis ms  compare ms  longest task ms  summary/CLI  read as',
);
for (const r of rows) {
  const cli = cliMs[r.file];
  const ratio = cli ? `${(r.summaryMs / cli).toFixed(2)}×`.padStart(11) : '          -';
  console.log(
    `  ${r.file.padEnd(32)} ${r.mb.toFixed(1).padStart(5)} ${r.summaryMs.toFixed(0).padStart(14)} ${r.diagnosisMs.toFixed(0).padStart(16)} ${(r.compareMs === null ? '-' : r.compareMs.toFixed(0)).padStart(11)} ${r.worst.toFixed(0).padStart(16)}  ${ratio}  ${r.kinds}  (harness paste task ${r.harness.toFixed(0)} ms)`,
  );
}
