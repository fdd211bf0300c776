import { expect, test, type Page } from '@playwright/test';
import { checkA11y, trackRequests } from './helpers';
import { answer, choose, paste, pasteEvent, seed003KubeProxyLog, skip, testData } from './wizard';

// Fixture 07 (haomeiwen): the failing node's sysctl, tcp_tw_recycle on behind a NAT. The node
// that works prints the same keys with it off (the write-up: only the failing node had it on).
const FAILING = testData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
const WORKING = FAILING.replace('net.ipv4.tcp_tw_recycle = 1', 'net.ipv4.tcp_tw_recycle = 0');
const NETSTAT_27 = testData('fixtures/27-insights-netstat-s-healthy-rhel7/netstat-s.txt');

const LOCALES = [
  {
    locale: 'en-US',
    dontKnow: 'I don’t know',
    differs: 'Differs from the node that works: net.ipv4.tcp_tw_recycle is 1 here, 0 there.',
    same: /The same on the node that works \(net\.ipv4\.tcp_tw_recycle: 1\)/,
  },
  {
    locale: 'zh-CN',
    dontKnow: '我不知道',
    differs: '与正常节点不同：net.ipv4.tcp_tw_recycle 在本节点为 1，在正常节点为 0。',
    same: /正常节点上相同（net\.ipv4\.tcp_tw_recycle：1）/,
  },
];

/** The NodePort path of the wizard to its diagnosis, with the failing node's real outputs. */
async function toDiagnosis(page: Page, dontKnow: string) {
  await page.goto('./');
  await page.locator('[data-symptom-id="nodeport-one-node"]').click();
  await answer(page, '31710');
  await answer(page, 'k8s-node03');
  await choose(page, dontKnow);
  await skip(page); // the kube-system pods
  await paste(page, seed003KubeProxyLog(), 'kube-proxy-log');
  await skip(page); // the IPVS table
  await paste(page, FAILING, 'sysctl');
  await paste(page, NETSTAT_27, 'netstat-s');
  await skip(page); // kernel log
  await skip(page); // capture
  await expect(page.locator('[data-cause-id="tcp-tw-recycle-nat"]')).toBeVisible();
}

async function compareWith(page: Page, name: string, text: string) {
  await page.getByTestId('good-name').fill(name);
  await page.getByTestId('good-paste').fill(text);
  await page.getByTestId('good-compare').click();
  await expect(page.getByTestId('comparison')).toBeVisible({ timeout: 30_000 });
}

for (const l of LOCALES) {
  test.describe(`a node that works (${l.locale})`, () => {
    test.use({ locale: l.locale });

    test('the difference is cited by the diagnosis, kept across a reload', async ({
      page,
    }, info) => {
      const outside = trackRequests(page);
      await toDiagnosis(page, l.dontKnow);
      const finding = page.locator('[data-cause-id="tcp-tw-recycle-nat"]');
      await expect(finding.getByTestId('finding-compare')).toHaveCount(0);

      await compareWith(page, 'k8s-node01', WORKING);
      const row = page.locator('[data-testid=comparison] tr[data-difference]');
      await expect(row).toHaveCount(1);
      await expect(row).toHaveAttribute('data-difference', 'net.ipv4.tcp_tw_recycle');
      await expect(row).toHaveAttribute('data-explained-by', 'tcp-tw-recycle-nat');
      await expect(finding.getByTestId('finding-compare')).toHaveText(l.differs);
      await expect(finding).toHaveClass(/conf-high/);
      // The fix says on which node it runs: the one the operator named as failing.
      await expect(finding.locator('.fix .where').first()).toContainText('k8s-node03');
      // Both nodes' lines are the evidence, the one that works named as the operator named it.
      await expect(finding.locator('.where-from', { hasText: 'k8s-node01' })).toHaveCount(1);
      await expect(finding.locator('code.line')).toContainText([
        'net.ipv4.tcp_tw_recycle = 1',
        'net.ipv4.tcp_tw_recycle = 0',
      ]);
      expect(await checkA11y(page)).toEqual([]);
      await page.screenshot({ path: info.outputPath('comparison.png'), fullPage: true });
      // On a phone the table scrolls inside its box: the page is no wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
        .toBeLessThanOrEqual(390);
      await page
        .getByTestId('comparison')
        .screenshot({ path: info.outputPath('comparison-phone.png') });
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.reload();
      await expect(page.getByTestId('comparison')).toBeVisible({ timeout: 30_000 });
      await expect(finding.getByTestId('finding-compare')).toHaveText(l.differs);
      expect(outside).toEqual([]);
    });

    test('a setting both nodes share rules its cause out, and says why', async ({ page }) => {
      await toDiagnosis(page, l.dontKnow);
      await compareWith(page, 'k8s-node01', FAILING);
      await expect(page.locator('[data-cause-id="tcp-tw-recycle-nat"]')).toHaveCount(0);
      const ruled = page.locator('[data-ruled-out="tcp-tw-recycle-nat"]');
      await expect(ruled).toBeVisible();
      await expect(ruled).toContainText(l.same);
      await expect(page.getByTestId('comparison-none')).toBeVisible();

      // Removed, the node that works no longer counts: the finding is back.
      await page.getByTestId('good-remove').click();
      await expect(page.locator('[data-cause-id="tcp-tw-recycle-nat"]')).toBeVisible();
      await expect(page.getByTestId('comparison')).toHaveCount(0);
    });
  });
}

test.describe('a node that works, step by step', () => {
  test.use({ locale: 'en-US' });

  test('an output kept at its step is compared at the diagnosis', async ({ page }, info) => {
    await page.goto('./');
    await page.locator('[data-symptom-id="nodeport-one-node"]').click();
    await answer(page, '31710');
    await answer(page, 'k8s-node03');
    await choose(page, 'I don’t know');
    await skip(page);
    await paste(page, seed003KubeProxyLog(), 'kube-proxy-log');
    await skip(page);
    // The kernel settings step: this node's output, and the same from the node that works.
    await page.getByTestId('good-step').locator('summary').click();
    await page.getByTestId('good-step-paste').fill(WORKING);
    await page.getByTestId('good-step-keep').click();
    await expect(
      page.getByTestId('good-step').locator('[data-testid=paste-result] [data-kind=sysctl]'),
    ).toBeVisible();
    await page.screenshot({ path: info.outputPath('good-step.png'), fullPage: true });
    await paste(page, FAILING, 'sysctl');
    await paste(page, NETSTAT_27, 'netstat-s');
    await skip(page);
    await skip(page);
    const finding = page.locator('[data-cause-id="tcp-tw-recycle-nat"]');
    await expect(finding.getByTestId('finding-compare')).toHaveText(
      'Differs from the node that works: net.ipv4.tcp_tw_recycle is 1 here, 0 there.',
    );
    await expect(
      finding.locator('.where-from', {
        hasText: 'Which kernel settings drop connections? (the node that works)',
      }),
    ).toHaveCount(1);
  });
});

test.describe('a node that works, shared', () => {
  test.use({ locale: 'en-US' });

  test('the link carries it: the receiver sees the same comparison and finding', async ({
    page,
    browser,
  }) => {
    await toDiagnosis(page, 'I don’t know');
    await compareWith(page, 'k8s-node01', WORKING);
    await page.getByTestId('share-open').click();
    const dialog = page.getByRole('dialog');
    for (const key of ['omitRaw', 'redact'] as const)
      await dialog.getByTestId(`share-${key}`).setChecked(false);
    await expect(dialog.getByTestId('share-sees-good')).toContainText('k8s-node01');
    const input = dialog.getByTestId('share-link');
    await expect(input).toHaveAttribute('data-ready', 'true');
    const link = await input.inputValue();

    const context = await browser.newContext({ locale: 'zh-CN' });
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByTestId('comparison')).toBeVisible({ timeout: 30_000 });
    await expect(
      other.locator('[data-testid=comparison] tr[data-difference="net.ipv4.tcp_tw_recycle"]'),
    ).toHaveAttribute('data-explained-by', 'tcp-tw-recycle-nat');
    await expect(
      other.locator('[data-cause-id="tcp-tw-recycle-nat"] [data-testid=finding-compare]'),
    ).toHaveText('与正常节点不同：net.ipv4.tcp_tw_recycle 在本节点为 1，在正常节点为 0。');
    await context.close();
  });
});

test.describe('a node that works, big outputs', () => {
  test.use({ locale: 'en-US' });

  test('a multi-megabyte paste of the node that works is kept out of its text box', async ({
    page,
  }) => {
    await toDiagnosis(page, 'I don’t know');
    // The working node's sysctl, then its conntrack table: 3 MB in all.
    const entry =
      'ipv4     2 tcp      6 86398 ESTABLISHED src=10.244.1.7 dst=10.96.0.1 sport=40000 dport=443 src=10.0.0.5 dst=10.244.1.7 sport=6443 dport=40000 [ASSURED] mark=0 zone=0 use=2\n';
    await pasteEvent(
      page,
      `==> sysctl -a <==\n${WORKING}\n==> conntrack -L <==\n${entry.repeat(20000)}`,
      'good-paste',
    );
    const panel = page.getByTestId('good-node');
    await expect(panel.getByTestId('huge-paste')).toContainText(/\d\.\d MB pasted/);
    await expect(panel.getByTestId('good-paste')).toHaveValue('');
    await panel.getByTestId('good-compare').click();
    await expect(
      page.locator('[data-testid=comparison] tr[data-difference="net.ipv4.tcp_tw_recycle"]'),
    ).toBeVisible({ timeout: 60_000 });
  });
});
