import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkA11y, trackRequests } from './helpers';

// A value for each value question, by the step's input mode (ports numeric, the rest text).
const VALUES: Record<string, string> = {
  port: '31710',
  node: 'k8s-node03',
  vip: '10.102.246.104',
  vport: '8080',
  target: 'db.example.internal',
  tport: '3306',
  ns: 'default',
  pod: 'web-0',
  ingressns: 'ingress-nginx',
  host: 'shop.example.com',
};

/** Answers every question with its first choice (or a sample value) and skips every paste. */
async function walk(page: Page, tree: string): Promise<string[]> {
  const visited: string[] = [];
  for (let i = 0; i < 40; i++) {
    await expect(page.locator('h1')).toBeVisible();
    const node = decodeURIComponent(page.url().split('/').pop()!);
    visited.push(node);
    if (
      (await page.getByTestId('diagnosis').count()) ||
      (await page.getByTestId('route-next').count())
    )
      return visited;
    if (await page.locator('input.answer').count()) {
      await page.locator('input.answer').fill(VALUES[node] ?? 'x');
      await page.locator('form button[type=submit]').click();
    } else if (await page.getByRole('radio').count()) {
      await page.getByRole('radio').first().check();
      await page.locator('form button[type=submit]').click();
    } else {
      await page.getByRole('button', { name: /Skip/ }).click();
    }
    await expect(page).not.toHaveURL(new RegExp(`/${node.replace('.', '\\.')}$`));
  }
  throw new Error(`${tree}: no outcome after 40 steps`);
}

test.use({ locale: 'en-US' });

for (const tree of [
  'nodeport-one-node',
  'clusterip-ipvs-timeout',
  'pod-external-intermittent',
  'ingress-5xx',
]) {
  test(`${tree}: a complete path ends in a diagnosis with what to collect next`, async ({
    page,
  }) => {
    // Up to twenty steps, each read by the worker: room for a loaded machine.
    test.setTimeout(120_000);
    const outside = trackRequests(page);
    await page.goto('./');
    await page.locator(`[data-symptom-id="${tree}"]`).click();
    const visited = await walk(page, tree);
    expect(visited.length).toBeGreaterThan(3);
    await expect(page.getByTestId('diagnosis')).toContainText('What to collect next');
    await expect(page.locator('.note')).toContainText('You skipped');
    expect(await checkA11y(page)).toEqual([]);
    expect(outside).toEqual([]);
  });
}

test('not sure: two questions hand over to the right tree', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('not-sure').click();
  await page.getByRole('radio', { name: 'Pods inside the cluster' }).check();
  await page.locator('form button[type=submit]').click();
  await page.getByRole('radio', { name: 'Something outside the cluster' }).check();
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('route-next').click();
  await expect(page).toHaveURL(/#\/s\/pod-external-intermittent\/target$/);
});

test('the flowchart loads mermaid only when opened, marks the path, and goes back on a click', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('./');
  await page.getByTestId('example-nodeport-one-node').click();
  await expect(page.locator('[data-cause-id]').first()).toBeVisible();
  expect(scripts.filter((s) => /mermaid/i.test(s))).toEqual([]);

  await page.getByTestId('flowchart-toggle').click();
  const chart = page.getByTestId('flowchart');
  await expect(chart.locator('svg g.node').first()).toBeAttached();
  expect(scripts.some((s) => /mermaid/i.test(s))).toBe(true);
  await expect(chart).toHaveAttribute('data-current', 'verdict');
  expect(await chart.locator('g.node.visited').count()).toBeGreaterThanOrEqual(9);
  await expect(chart.locator('g.node.current')).toHaveCount(1);
  expect(await checkA11y(page)).toEqual([]);

  // At its natural size the labels are legible, and none lies on another; it can be fitted.
  const layout = () =>
    chart.evaluate((box) => {
      const els = [...box.querySelectorAll('g.edgeLabel, g.node')]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 2);
      let overlaps = 0;
      for (let i = 0; i < els.length; i++)
        for (let j = i + 1; j < els.length; j++) {
          const [a, b] = [els[i]!, els[j]!];
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 2 && y > 2) overlaps += 1;
        }
      const heights = [...box.querySelectorAll('g.node text')].map(
        (t) => t.getBoundingClientRect().height,
      );
      return {
        overlaps,
        smallest: Math.min(...heights),
        width: box.querySelector('svg')!.getBoundingClientRect().width,
      };
    });
  const natural = await layout();
  expect(natural.overlaps).toBe(0);
  expect(natural.smallest).toBeGreaterThanOrEqual(14);
  await page.getByTestId('flowchart-fit').click();
  await expect(page.getByTestId('flowchart-fit')).toHaveAttribute('aria-pressed', 'true');
  expect((await layout()).width).toBeLessThan(natural.width);
  await page.getByTestId('flowchart-fit').click();

  await chart.locator('g.node[data-node="mode"]').click();
  await expect(page).toHaveURL(/#\/x\/nodeport-one-node\/mode$/);
  await expect(page.getByRole('radio', { name: 'iptables' })).toBeChecked();
});

const EXAMPLE_FINDS: Record<string, string> = {
  'nodeport-one-node': 'tcp-tw-recycle-nat',
  'clusterip-ipvs-timeout': 'vxlan-checksum-offload',
  'pod-external-intermittent': 'tcp-tw-recycle-nat',
  'ingress-5xx': 'upstream-timeout',
};

for (const [tree, cause] of Object.entries(EXAMPLE_FINDS)) {
  for (const locale of ['en-US', 'zh-CN']) {
    test.describe(() => {
      test.use({ locale });
      test(`${tree}: its example walks to ${cause} (${locale})`, async ({ page }) => {
        await page.goto('./');
        await page.getByTestId(`example-${tree}`).click();
        const finding = page.locator(`[data-cause-id="${cause}"]`);
        await expect(finding).toBeVisible();
        await expect(page.locator('.trail li[aria-current]')).toHaveCount(1);
        // Its fix: now, persist, verify, roll back, each copyable.
        await expect(finding.locator('.fix-part pre')).toHaveCount(4);
        await expect(finding.locator('.fix-part button')).toHaveCount(4);
        // The Markdown export for the ticket names the cause and carries the fix.
        const download = page.waitForEvent('download');
        await page.getByTestId('export').getByRole('button').nth(1).click();
        const file = await (await download).path();
        const md = readFileSync(file!, 'utf8');
        expect(md).toContain(`\`${cause}\``);
        expect(md).toContain('```sh');
      });
    });
  }
}
