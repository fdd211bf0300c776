import { inflateSync } from 'node:zlib';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { checkA11y, trackRequests } from './helpers';
import { answer, choose, paste, seed003KubeProxyLog, testData, skip } from './wizard';

const SYSCTL_07 = testData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
const NETSTAT_27 = testData('fixtures/27-insights-netstat-s-healthy-rhel7/netstat-s.txt');
const PROXY_LOG = seed003KubeProxyLog(); // holds the node's address, 172.16.1.112

/** The NodePort path of nodeport.spec.ts with real pastes, to its diagnosis. */
async function walkNodePort(page: Page) {
  await page.goto('./#/s/nodeport-one-node');
  await answer(page, '31710');
  await answer(page, 'k8s-node03');
  await choose(page, /I don’t know/);
  await skip(page); // kube-system pods
  await paste(page, PROXY_LOG, 'kube-proxy-log');
  await skip(page); // IPVS table (the log says IPVS)
  await paste(page, SYSCTL_07, 'sysctl');
  await paste(page, NETSTAT_27, 'netstat-s');
  await skip(page); // kernel log
  await skip(page); // capture
  await expect(page.locator('[data-cause-id]').first()).toBeVisible();
}

/** Opens the share dialog, sets its options, and returns the link once it is ready. */
async function shareLink(page: Page, options: { omitRaw?: boolean; redact?: boolean } = {}) {
  await page.getByTestId('share-open').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  for (const key of ['omitRaw', 'redact'] as const)
    await dialog.getByTestId(`share-${key}`).setChecked(options[key] ?? false);
  const input = dialog.getByTestId('share-link');
  await expect(input).toHaveAttribute('data-ready', 'true');
  await expect(dialog.getByTestId('share-preview')).toContainText('"tree": "nodeport-one-node"');
  // Above the exact payload, in words: what the receiver will see.
  await expect(dialog.getByTestId('share-sees')).toContainText('NodePort fails on one node');
  return input.inputValue();
}

/** The JSON a link carries, decoded here independently of the app. */
function carried(link: string): string {
  const token = new URL(link).hash.replace(/^#\/share\/v1\./, '');
  return inflateSync(Buffer.from(token, 'base64url')).toString('utf8');
}

/** What the diagnosis shows: each finding's cause and its evidence lines (line number and text). */
async function findings(page: Page) {
  await expect(page.locator('[data-cause-id]').first()).toBeVisible();
  return page.locator('[data-cause-id]').evaluateAll((cards) =>
    cards.map((c) => ({
      cause: c.getAttribute('data-cause-id'),
      evidence: [...c.querySelectorAll('code.line')].map(
        (l) => `${l.getAttribute('data-line')}: ${l.textContent}`,
      ),
    })),
  );
}

async function openElsewhere(browser: Browser, link: string, locale = 'zh-CN') {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const outside = trackRequests(page, new URL(link).origin);
  await page.goto(link);
  return { context, page, outside };
}

test.describe('share links', () => {
  test.use({ locale: 'en-US' });

  test('a link opens the same step, evidence and diagnosis in a new browser, in its own language', async ({
    page,
    browser,
  }) => {
    await walkNodePort(page);
    const sent = await findings(page);
    expect(sent.map((f) => f.cause)).toContain('tcp-tw-recycle-nat');
    const link = await shareLink(page);
    const url = new URL(link);
    expect(url.search).toBe(''); // the state is in the fragment only: servers never see it
    expect(url.hash).toMatch(/^#\/share\/v1\.[A-Za-z0-9_-]+$/);
    expect(carried(link)).toContain('net.ipv4.tcp_tw_recycle = 1');
    expect(await checkA11y(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByTestId('share-open')).toBeFocused();

    const other = await openElsewhere(browser, link, 'zh-CN');
    await expect(other.page).toHaveURL(/#\/s\/nodeport-one-node\/verdict$/);
    await expect(other.page.getByRole('heading', { level: 1 })).toHaveText('诊断结果');
    await expect(other.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(await findings(other.page)).toEqual(sent);
    await expect(other.page.locator('.trail li')).toHaveCount(11);
    expect(other.outside).toEqual([]);
    await other.context.close();
  });

  test('a link made in the middle of the path opens at that step', async ({ page, browser }) => {
    await page.goto('./#/s/nodeport-one-node');
    await answer(page, '31710');
    await answer(page, 'k8s-node03');
    await choose(page, /iptables/);
    await skip(page); // kube-system pods
    await expect(page).toHaveURL(/\/proxy-log$/);
    const link = await shareLink(page);
    const other = await openElsewhere(browser, link, 'en-US');
    await expect(other.page).toHaveURL(/#\/s\/nodeport-one-node\/proxy-log$/);
    await expect(other.page.getByRole('heading', { level: 1 })).toHaveText(
      'What does kube-proxy on that node say?',
    );
    await expect(other.page.locator('.code-big')).toContainText('spec.nodeName=k8s-node03');
    await other.context.close();
  });

  test('a link without the raw output shows the same findings and evidence lines', async ({
    page,
    browser,
  }) => {
    await walkNodePort(page);
    const sent = await findings(page);
    const link = await shareLink(page, { omitRaw: true });
    const json = carried(link);
    expect(json).toContain('net.ipv4.tcp_tw_recycle = 1'); // an evidence line
    expect(json).not.toContain('total packets received'); // the rest of the netstat output
    // "Using ipvs Proxier" may travel (it rules out a cause), the rest of the log must not.
    expect(json).not.toContain('Waiting for caches to sync');

    const other = await openElsewhere(browser, link, 'en-US');
    await expect(other.page.getByTestId('shared-view')).toBeVisible();
    await expect(other.page.getByRole('heading', { level: 1 })).toHaveText('Diagnosis');
    expect(await findings(other.page)).toEqual(sent);
    await expect(other.page.getByText('left the raw output out')).toBeVisible();
    expect(await checkA11y(other.page)).toEqual([]);
    await other.context.close();
  });

  test('with redaction on, no original address or host name is in the link or on the receiver’s page', async ({
    page,
    browser,
  }) => {
    await walkNodePort(page);
    const sent = await findings(page);
    for (const omitRaw of [false, true]) {
      const link = await shareLink(page, { omitRaw, redact: true });
      await expect(page.locator('.share-replaced summary')).toBeVisible();
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
      const json = carried(link);
      for (const original of ['172.16.1.112', 'k8s-node03']) expect(json).not.toContain(original);
      expect(json).toContain('"node":"node-1"');

      const other = await openElsewhere(browser, link, 'en-US');
      expect(await findings(other.page)).toEqual(sent);
      const html = await other.page.content();
      for (const original of ['172.16.1.112', 'k8s-node03']) expect(html).not.toContain(original);
      // The receiver is told the values are stand-ins before anything else.
      await expect(other.page.getByTestId('redacted-note')).toBeVisible();
      if (!omitRaw) {
        // A redacted link does not open as the receiver's work by itself; once it does, the
        // wizard keeps saying its values are stand-ins.
        await other.page.getByTestId('share-adopt').click();
        await expect(other.page.getByTestId('redacted-work')).toContainText('stand-ins');
        await other.page
          .locator('.trail a', { hasText: 'What does kube-proxy on that node say?' })
          .first()
          .click();
        await expect(other.page.locator('.code-big')).toContainText('spec.nodeName=node-1');
        await expect(other.page.getByTestId('evidence-paste')).toHaveValue(/198\.18\.0\.1/);
      }
      await other.context.close();
    }
  });

  test('a mangled, truncated or old link says so, changes nothing, and the app still works', async ({
    page,
    browser,
  }) => {
    const good = await exampleLink(browser);
    await page.goto('./#/s/nodeport-one-node');
    await answer(page, '30080'); // work in progress
    await expect(page).toHaveURL(/\/node$/);
    for (const [bad, says] of [
      [good.slice(0, Math.floor(good.length * 0.6)), 'incomplete or damaged'],
      [good.replace(/v1\.(....)/, 'v1.$1!~'), 'incomplete or damaged'],
      [good.replace(/v1\.(.{40})./, 'v1.$1A'), 'incomplete or damaged'],
      [good.replace('#/share/v1.', '#/share/v0.'), 'another version of net-triage (v0)'],
      [good.replace(/#\/share\/.*/, '#/share/'), 'holds no triage'],
    ] as const) {
      await page.goto(bad);
      await expect(page.getByRole('alert')).toContainText(says);
    }
    expect(await checkA11y(page)).toEqual([]);
    await page.getByRole('link', { name: 'Go to the start page' }).click();
    await expect(page.locator('[data-symptom-id]')).toHaveCount(4);
    await page.locator('[data-symptom-id="nodeport-one-node"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which node does not answer?');
    await expect(page.locator('.trail')).toContainText('30080');
  });

  test('a link does not replace the receiver’s own work unless they choose to', async ({
    page,
    browser,
  }) => {
    await walkNodePort(page);
    const link = await shareLink(page);
    const context = await browser.newContext({ locale: 'en-US' });
    const other = await context.newPage();
    await other.goto(new URL('./#/s/nodeport-one-node', link).href);
    await answer(other, '30080');
    await expect(other).toHaveURL(/\/node$/); // the wizard moved on: nothing pending
    await other.goto(link);
    await expect(other.getByTestId('shared-view')).toBeVisible();
    await expect(other.locator('[data-cause-id="tcp-tw-recycle-nat"]')).toBeVisible();
    await other.getByRole('link', { name: 'Back to my own work' }).click();
    await expect(other.locator('.trail')).toContainText('30080');
    await other.goto(link);
    await other.getByTestId('share-adopt').click();
    await expect(other).toHaveURL(/#\/s\/nodeport-one-node\/verdict$/);
    await expect(other.locator('.trail')).toContainText('31710');
    await context.close();
  });

  test('work in progress survives a reload, at every step', async ({ page }) => {
    await page.goto('./#/s/nodeport-one-node');
    await answer(page, '31710');
    await answer(page, 'k8s-node03');
    await choose(page, /I don’t know/);
    await skip(page);
    await paste(page, PROXY_LOG, 'kube-proxy-log');
    await expect(page).toHaveURL(/\/ipvs-table$/); // the log says IPVS
    const step = await page.getByRole('heading', { level: 1 }).textContent();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(step!);
    await expect(page.locator('.trail')).toContainText('31710');
    await expect(page.locator('.trail')).toContainText('k8s-node03');
    await skip(page);
    await paste(page, SYSCTL_07, 'sysctl');
    await paste(page, NETSTAT_27, 'netstat-s');
    await skip(page);
    await skip(page);
    const before = await findings(page);
    await page.reload();
    await expect(page).toHaveURL(/#\/s\/nodeport-one-node\/verdict$/);
    expect(await findings(page)).toEqual(before);
  });

  test('browser back and forward move through the steps', async ({ page }) => {
    await page.goto('./#/s/nodeport-one-node');
    const h1 = page.getByRole('heading', { level: 1 });
    await answer(page, '31710');
    await answer(page, 'k8s-node03');
    await expect(h1).toHaveText('Which mode does kube-proxy run in?');
    await page.goBack();
    await expect(h1).toHaveText('Which node does not answer?');
    await page.goBack();
    await expect(h1).toHaveText('Which NodePort fails?');
    await page.goForward();
    await expect(h1).toHaveText('Which node does not answer?');
    await page.goForward();
    await expect(h1).toHaveText('Which mode does kube-proxy run in?');
  });

  test('link lengths for the example incident (printed for the notes)', async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('example-nodeport-one-node').click();
    await expect(page.locator('[data-cause-id]').first()).toBeVisible();
    const full = await shareLink(page);
    await expect(page.getByTestId('share-length')).toContainText(full.length.toLocaleString('en'));
    await page.getByTestId('share-omitRaw').check();
    await expect(page.getByTestId('share-link')).not.toHaveValue(full);
    await expect(page.getByTestId('share-link')).toHaveAttribute('data-ready', 'true');
    const omitted = await page.getByTestId('share-link').inputValue();
    const hash = (l: string) => new URL(l).hash.length;
    console.log(
      `example link: ${full.length} characters with raw output (fragment ${hash(full)}), ` +
        `${omitted.length} without (fragment ${hash(omitted)})`,
    );
    expect(omitted.length).toBeLessThan(full.length);
  });
});

/** A real link to the example incident, made in a browser of its own. */
async function exampleLink(browser: Browser): Promise<string> {
  const baseURL = test.info().project.use.baseURL;
  const context = await browser.newContext({ locale: 'en-US', baseURL });
  const maker = await context.newPage();
  await maker.goto('./');
  await maker.getByTestId('example-nodeport-one-node').click();
  const link = await shareLink(maker);
  await context.close();
  return link;
}
