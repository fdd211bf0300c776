#!/usr/bin/env node
/* global window, document, DataTransfer, ClipboardEvent -- page.evaluate callbacks run in the page */
// Part of `npm run bench`: in Chromium, pastes a big corpus into an evidence step of the
// built app (dist/) and reports the longest main-thread task while it is read, and how long
// reading took. Usage: node scripts/bench-browser.mjs FILE [FILE...]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2);
if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.log('browser bench: no dist/ (run npm run build first); skipped');
  process.exit(0);
}
const executablePath =
  process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const server = spawn(
  process.execPath,
  [join(root, 'scripts/serve.mjs'), 'dist', '--port', '4199'],
  { cwd: root },
);
const url = await new Promise((resolve) =>
  server.stdout.on('data', (d) => /(http:\/\/\S+)/.test(d) && resolve(/(http:\/\/\S+)/.exec(d)[1])),
);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  console.log(
    '\nin Chromium: corpus                 MB   read ms  longest main-thread task ms  recognised as',
  );
  for (const file of files) {
    const page = await browser.newPage();
    await page.goto(`${url}#/s/nodeport-one-node/port`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${url}#/s/nodeport-one-node/port`);
    for (const [sel, v] of [
      ['input.answer', '31710'],
      ['input.answer', 'node-1'],
    ]) {
      await page.locator(sel).fill(v);
      await page.locator('form button[type=submit]').click();
    }
    await page.getByRole('radio').first().check();
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('evidence-paste').waitFor();
    const text = readFileSync(file, 'utf8');
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push(e))).observe(
        { entryTypes: ['longtask'] },
      );
    });
    // Paste as a user does: a paste event carrying the text.
    const started = Date.now();
    await page.evaluate((t) => {
      const box = document.querySelector('[data-testid=evidence-paste]');
      const data = new DataTransfer();
      data.setData('text/plain', t);
      box.focus();
      box.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
      window.__pasted = performance.now();
    }, text);
    await page.locator('[data-testid=paste-result]').waitFor({ timeout: 120_000 });
    const ms = Date.now() - started;
    // Tasks after the synthetic paste: the test harness's own task (building a 40 MB
    // clipboard in the page) is not the app's.
    const worst = await page.evaluate(() =>
      Math.max(
        0,
        ...window.__tasks.filter((e) => e.startTime >= window.__pasted).map((e) => e.duration),
      ),
    );
    const harness = await page.evaluate(() =>
      Math.max(
        0,
        ...window.__tasks.filter((e) => e.startTime < window.__pasted).map((e) => e.duration),
      ),
    );
    const kinds = await page
      .locator('[data-testid=paste-result] > li')
      .evaluateAll((els) => els.map((e) => e.dataset.kind).join(','));
    console.log(
      `  ${file.split('/').pop().padEnd(32)} ${(text.length / 1e6).toFixed(1).padStart(5)} ${String(ms).padStart(8)} ${worst.toFixed(0).padStart(28)}  ${kinds}  (harness paste task: ${harness.toFixed(0)} ms)`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
