import { expect, test } from '@playwright/test';
import { answer, choose, testData } from './wizard';

const SYSCTL_07 = testData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
const WORKER = /parse\.worker-[\w-]+\.js$/;

// The worker's script cannot be loaded (a proxy, a full disk, a broken deploy): the page says
// so in an alert with a retry, never a step stuck on "Reading…", and the retry recovers.
test.describe('when the worker cannot start', () => {
  // The service worker would serve the script from its cache.
  test.use({ serviceWorkers: 'block' });

  test('the wizard shows an alert with a retry, and the retry goes on', async ({ page }) => {
    await page.route(WORKER, (route) => route.abort());
    await page.goto('./#/s/nodeport-one-node');
    const failed = page.getByTestId('worker-failed');
    await expect(failed).toBeVisible({ timeout: 15_000 });
    await expect(failed).toHaveAttribute('role', 'alert');
    await expect(page.getByText('Reading the output…')).toHaveCount(0);

    await page.unroute(WORKER);
    await page.getByTestId('worker-retry').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which NodePort fails?');
    await answer(page, '31710');
    await answer(page, 'k8s-node03');
    await choose(page, 'iptables');
    await expect(page.getByTestId('worker-failed')).toHaveCount(0);
  });

  test('Paste everything says so too, and reads the paste on retry', async ({ page }) => {
    await page.goto('./');
    await page.route(WORKER, (route) => route.abort());
    await page.getByTestId('paste-everything').fill(SYSCTL_07);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect(page.getByTestId('worker-failed')).toBeVisible({ timeout: 15_000 });
    await page.unroute(WORKER);
    await page.getByTestId('worker-retry').click();
    await expect(page.getByTestId('paste-result')).toContainText('sysctl', { timeout: 15_000 });
  });
});
