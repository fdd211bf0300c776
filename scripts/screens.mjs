#!/usr/bin/env node
// Screenshots of every screen in both languages, for review and for the README:
//   node scripts/screens.mjs [BASE_URL] [OUT_DIR]
// Expects the built app served at BASE_URL (default http://127.0.0.1:4173/).
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4173/';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const executablePath =
  process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

for (const locale of ['en-US', 'zh-CN']) {
  const tag = locale.slice(0, 2);
  const page = await browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
  const shot = async (name) =>
    page.screenshot({ path: `${out}/${tag}-${name}.png`, fullPage: true });
  await page.goto(base);
  await page.locator('[data-symptom-id]').first().waitFor();
  await shot('start');
  await page.getByTestId('example-nodeport-one-node').click();
  await page.locator('[data-cause-id]').first().waitFor();
  await shot('diagnosis');
  await page.getByTestId('flowchart-toggle').click();
  await page.locator('[data-testid=flowchart] g.node').first().waitFor({ state: 'attached' });
  await page.getByTestId('flowchart').screenshot({ path: `${out}/${tag}-flowchart.png` });
  await page.goto(`${base}#/s/nodeport-one-node/mode`);
  await page.locator('fieldset.choices').waitFor();
  await shot('question');
  await page.goto(`${base}#/s/nodeport-one-node/kernel`);
  await page.getByTestId('evidence-paste').waitFor();
  await shot('evidence');
  await page
    .getByTestId('evidence-paste')
    .fill(
      '              total        used        free\nMem:          15884        2390        9861\n',
    );
  await page.locator('[data-status="rejected"]').waitFor();
  await shot('evidence-rejected');
  await page.goto(`${base}#/s/not-sure`);
  await page.locator('fieldset.choices').waitFor();
  await page.getByRole('radio').first().check();
  await page.locator('form button[type=submit]').click();
  await page.getByRole('radio').nth(2).check();
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('route-next').waitFor();
  await shot('not-sure-route');
  await page.goto(`${base}#/s/clusterip-ipvs-timeout`);
  await page.locator('input.answer').waitFor();
  await page.locator('input.answer').fill('10.102.246.104');
  await page.locator('form button[type=submit]').click();
  await page.locator('input.answer').fill('8080');
  await page.locator('form button[type=submit]').click();
  await page.locator('fieldset.choices').waitFor();
  // The flowchart stays open from step to step once opened.
  if ((await page.getByTestId('flowchart-toggle').getAttribute('aria-expanded')) !== 'true')
    await page.getByTestId('flowchart-toggle').click();
  await page.locator('[data-testid=flowchart] g.node').first().waitFor({ state: 'attached' });
  await shot('clusterip-question');
  // Paste everything: the suggestion and the diagnosis of a bundle of real outputs.
  const bundle = [
    '==> sysctl <==',
    'net.ipv4.tcp_timestamps = 1',
    'net.ipv4.tcp_tw_recycle = 1',
    '==> dmesg <==',
    '[1454500.910215] nf_conntrack: table full, dropping packet',
    '',
  ].join('\n');
  await page.goto(base);
  await page.getByTestId('paste-everything').fill(bundle);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('suggestion').waitFor();
  await shot('paste-all');
  // An evidence step with the collector box open (a fresh start: the example's answers are stored).
  await page.evaluate(() => localStorage.removeItem('net-triage:work'));
  await page.goto(`${base}#/`);
  await page.reload();
  await page.goto(`${base}#/s/nodeport-one-node/port`);
  await page.locator('input.answer').fill('31710');
  await page.locator('form button[type=submit]').click();
  await page.locator('input.answer').fill('k8s-node03');
  await page.locator('form button[type=submit]').click();
  await page.getByRole('radio').first().check();
  await page.locator('form button[type=submit]').click();
  await page.locator('.bundle-box summary').click();
  await shot('collector');
  // The share dialog on the example's diagnosis.
  await page.goto(base);
  await page.getByTestId('example-nodeport-one-node').click();
  await page.locator('[data-cause-id]').first().waitFor();
  await page.getByTestId('share-open').click();
  await page.getByTestId('share-link').waitFor();
  await shot('share');
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}/`);
