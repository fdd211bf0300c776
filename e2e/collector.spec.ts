import { expect, test } from '@playwright/test';
import { checkA11y, trackRequests } from './helpers';
import { answer, choose, testData, skip } from './wizard';

test.use({ locale: 'en-US' });

const bundle = [
  '==> sysctl net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps <==',
  testData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt').trimEnd(),
  '==> netstat -s <==',
  testData('fixtures/27-insights-netstat-s-healthy-rhel7/netstat-s.txt').trimEnd(),
  testData('fixtures/13-charmed489-etp-local-no-local-endpoints/iptables-save.txt').trimEnd(),
  '',
].join('\n');

test('a bundle of real outputs: suggested symptom, steps filled, diagnosis reached', async ({
  page,
}) => {
  const outside = trackRequests(page);
  await page.goto('./');
  await expect(page.getByTestId('collector')).toContainText(
    'sudo sh collect.sh -s all > net-triage.txt',
  );
  await page.getByTestId('paste-everything').fill(bundle);
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.getByTestId('suggestion')).toHaveAttribute('data-symptom', 'nodeport-one-node');
  await expect(page.locator('[data-cause-id="tcp-tw-recycle-nat"]')).toBeVisible();
  // Cited lines are numbered in the whole paste, and say so.
  await expect(
    page.locator('[data-cause-id="tcp-tw-recycle-nat"] .where-from').first(),
  ).toContainText(/^Your paste, line \d+/);
  expect(await checkA11y(page)).toEqual([]);

  await page.getByTestId('continue-suggested').click();
  await answer(page, '31610');
  await answer(page, 'k8s-node03');
  await choose(page, 'iptables');
  await skip(page); // kube-system pods
  await skip(page); // kube-proxy log
  // The rules step was filled from the bundle and its drop settles the diagnosis.
  await expect(page).toHaveURL(/verdict-rules$/);
  await expect(page.locator('[data-cause-id="etp-local-no-endpoint"]')).toBeVisible();
  expect(outside).toEqual([]);
});

test('inside a tree: the collector one-liner carries the answers, and a pasted bundle fills the steps', async ({
  page,
}) => {
  await page.goto('./#/s/nodeport-one-node/port');
  await answer(page, '31710');
  await answer(page, 'k8s-node03');
  await choose(page, 'iptables');
  await page.getByText('Collect everything at once').click();
  await expect(page.getByTestId('collector')).toContainText(
    'sudo sh collect.sh -s nodeport -p 31710 > net-triage.txt',
  );
  const download = page.waitForEvent('download');
  await page.getByTestId('collector-download').click();
  expect((await download).suggestedFilename()).toBe('collect.sh');

  await page.getByTestId('paste-everything-tree').fill(bundle);
  await page.getByRole('button', { name: 'Read it and fill the steps' }).click();
  await expect(page.getByRole('status')).toContainText('3 steps filled');
});

test('collect.sh is served beside the app', async ({ request }) => {
  const r = await request.get('./collect.sh');
  expect(r.ok()).toBe(true);
  expect(await r.text()).toMatch(/^#!\/bin\/sh\n# net-triage collector/);
});

test('two pastes of the same counters show what grew between them', async ({ page }) => {
  await page.goto('./');
  const twice = [
    '[root@k8s-node03 ~]# netstat -s | grep -i -E "listen|time stamp"',
    '    1073 passive connections rejected because of time stamp',
    '    1073 SYNs to LISTEN sockets dropped',
    '[root@k8s-node03 ~]# netstat -s | grep -i -E "listen|time stamp"',
    '    1287 passive connections rejected because of time stamp',
    '    1287 SYNs to LISTEN sockets dropped',
    '',
  ].join('\n');
  await page.getByTestId('paste-everything').fill(twice);
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.getByTestId('deltas')).toContainText('+214');
  await expect(page.getByTestId('deltas')).toContainText('ListenDrops');
});

test('the result of paste everything can be shared: the link carries each output in its step', async ({
  page,
  browser,
}) => {
  await page.goto('./');
  await page.getByTestId('paste-everything').fill(bundle);
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.getByTestId('suggestion')).toHaveAttribute('data-symptom', 'nodeport-one-node');
  await page.getByTestId('share-open').click();
  const link = page.getByRole('dialog').getByTestId('share-link');
  await expect(link).toHaveAttribute('data-ready', 'true');
  const url = await link.inputValue();

  const context = await browser.newContext({ locale: 'en-US' });
  const other = await context.newPage();
  await other.goto(url);
  // A new browser has no work of its own: the shared triage opens in the wizard, and the
  // receiver's walk meets the shared outputs in their steps (the rules settle it).
  await expect(other).toHaveURL(/#\/s\/nodeport-one-node\/port$/);
  await answer(other, '31610');
  await answer(other, 'k8s-node03');
  await choose(other, 'iptables');
  await skip(other); // kube-system pods
  await skip(other); // kube-proxy log
  await expect(other).toHaveURL(/verdict-rules$/);
  await expect(other.locator('[data-cause-id="etp-local-no-endpoint"]')).toBeVisible();
  await context.close();
});
