import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { checkA11y, repoRoot, trackRequests } from './helpers';
import { answer, choose, skip } from './wizard';

/** kube-proxy's own expected iptables ruleset (src/walk/fixtures/oracle/SOURCES.md). */
const DUMP = readFileSync(
  join(repoRoot, 'src/walk/fixtures/oracle/kube-proxy-iptables.txt'),
  'utf8',
);

const LOCALES = [
  {
    locale: 'en-US',
    iptables: 'iptables',
    dropped: 'is dropped by line 36',
    show: 'Show in its paste',
    cited: 'A packet from outside the cluster to 192.168.1.10:3001 is dropped by line 36',
  },
  {
    locale: 'zh-CN',
    iptables: 'iptables',
    dropped: '被第 36 行',
    show: '在原文中查看',
    cited: '从集群外发往 192.168.1.10:3001 的数据包被第 36 行丢弃',
  },
];

/** The NodePort tree to the step that asks for the node's rules, with the rules pasted. */
async function toRulesStep(page: Page, iptables: string) {
  await page.goto('./');
  await page.locator('[data-symptom-id="nodeport-one-node"]').click();
  await answer(page, '3001');
  await answer(page, '192.168.1.10');
  await choose(page, iptables);
  await skip(page); // pods
  await skip(page); // kube-proxy log
  await page.getByTestId('evidence-paste').fill(DUMP);
  await expect(page.getByTestId('walk-panel')).toBeVisible();
}

for (const l of LOCALES) {
  test.describe(`walk a packet (${l.locale})`, () => {
    test.use({ locale: l.locale });

    test('a NodePort packet walks to the line that drops it, shown in its paste', async ({
      page,
    }) => {
      const outside = trackRequests(page);
      await toRulesStep(page, l.iptables);
      // Filled from the answers: to the NodePort on the node's address.
      await expect(page.getByTestId('walk-packet-input')).toHaveValue(
        'tcp 192.0.2.10:40000 -> 192.168.1.10:3001',
      );
      await page.getByTestId('walk-run').click();
      const headline = page.getByTestId('walk-headline');
      await expect(headline).toContainText(l.dropped);
      await expect(headline).toContainText('ns2/svc2:p80 has no local endpoints');
      await expect(page.getByTestId('walk-result')).toHaveAttribute('data-verdict', 'drop');
      // Every rule it passed, each one findable in the paste.
      const last = page.locator('[data-testid=walk-branch] ol.evidence > li').last();
      await expect(last.locator('code.line')).toHaveAttribute('data-line', '36');
      await last.getByRole('button', { name: l.show }).click();
      await expect(last.locator('.in-paste .cited')).toContainText('KUBE-EXTERNAL-SERVICES');
      await page.getByTestId('walk-diagram-toggle').click();
      await expect(page.locator('.walk-diagram li.decided')).toContainText('DROP');
      expect(await checkA11y(page)).toEqual([]);
      // A packet the walk cannot read is said so, and cannot be walked.
      await page.getByTestId('walk-packet-input').fill('tcp 1.2.3.4 -> nowhere');
      await expect(page.getByTestId('walk-packet-input')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('walk-run')).toBeDisabled();

      // On to the diagnosis: the finding cites the line the packet dies on.
      await page.locator('form button[type=submit]').first().click();
      const finding = page.locator('[data-cause-id="etp-local-no-endpoint"]');
      await expect(finding).toBeVisible();
      await expect(finding.getByTestId('finding-walk')).toContainText(l.cited);
      await expect(finding.locator('code.line[data-line="36"]')).toBeVisible();
      expect(outside).toEqual([]);
    });
  });
}

test.describe('a walk in a share link', () => {
  test.use({ locale: 'en-US' });

  test('the receiver sees the same walk', async ({ page, browser }) => {
    await toRulesStep(page, 'iptables');
    await page.getByTestId('walk-packet-input').fill('tcp 192.168.1.20:40000 -> 192.168.1.10:3003');
    await page.getByTestId('walk-run').click();
    await expect(page.getByTestId('walk-result')).toHaveAttribute('data-verdict', 'dnat');
    const sent = await page.getByTestId('walk-headline').textContent();
    // The walk is kept with the step: on, and back, it is walked again.
    const before = page.url();
    await page.locator('form button[type=submit]').first().click();
    await expect(page).not.toHaveURL(before);
    await page.locator('.trail a', { hasText: 'Are the NodePort’s rules on the node?' }).click();
    await expect(page.getByTestId('walk-headline')).toHaveText(sent!);

    await page.getByTestId('share-open').click();
    const dialog = page.getByRole('dialog');
    const input = dialog.getByTestId('share-link');
    await expect(input).toHaveAttribute('data-ready', 'true');
    const link = await input.inputValue();
    const token = new URL(link).hash.replace(/^#\/share\/v1\./, '');
    const payload = JSON.parse(inflateSync(Buffer.from(token, 'base64url')).toString('utf8')) as {
      walks: Record<string, { packet: string }>;
    };
    expect(Object.values(payload.walks)[0]?.packet).toBe(
      'tcp 192.168.1.20:40000 -> 192.168.1.10:3003',
    );

    const context = await browser.newContext({ locale: 'en-US' });
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByTestId('walk-result')).toHaveAttribute('data-verdict', 'dnat');
    await expect(other.getByTestId('walk-headline')).toHaveText(sent!);
    await context.close();
  });
});
