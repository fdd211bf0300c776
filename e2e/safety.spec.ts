import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { checkA11y, repoRoot } from './helpers';
import { answer, choose, pasteEvent, skip, testData } from './wizard';

const LOCALES = [
  {
    locale: 'en-US',
    iptables: 'iptables',
    exampleLabel: /Example: NodePort fails on one node/,
    backToWork: 'Back to your work',
    resume: 'Resume your work',
    ask: 'Forget every answer and paste of this symptom?',
    yes: 'Yes, start over',
    cancel: 'Cancel',
    wrongTable: 'This is the filter table',
  },
  {
    locale: 'zh-CN',
    iptables: 'iptables',
    exampleLabel: /示例：单个节点 NodePort 不通/,
    backToWork: '回到你的工作',
    resume: '继续你的工作',
    ask: '清除这个症状的所有回答和粘贴内容？',
    yes: '是，重新开始',
    cancel: '取消',
    wrongTable: '这是 filter 表',
  },
];

/** A 6 MB kube-proxy iptables-save from the bench generator (4,500 Services). */
const BIG_DUMP = execFileSync(
  process.execPath,
  [
    join(repoRoot, 'test-data/bench/gen-iptables-save.mjs'),
    ...[
      '--services',
      '4500',
      '--endpoints-per-service',
      '3',
      '--seed',
      '7',
      '--nodeport-frac',
      '0.5',
    ],
  ],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);

/** What the page keeps of the work in IndexedDB, without the 6 MB paste. */
function keptWork(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('net-triage', 1);
        open.onerror = () => resolve('');
        open.onsuccess = () => {
          const get = open.result.transaction('kv').objectStore('kv').get('net-triage:work');
          get.onsuccess = () => {
            // The state object itself (a string where an earlier version kept JSON).
            const v: unknown = get.result;
            if (typeof v === 'string') resolve(v.slice(v.indexOf('"drafts"')));
            else
              resolve(JSON.stringify((v as { state?: { drafts?: unknown } })?.state?.drafts ?? {}));
          };
          get.onerror = () => resolve('');
        };
      }),
  );
}

for (const l of LOCALES) {
  test.describe(`the operator's work, and only theirs (${l.locale})`, () => {
    test.use({ locale: l.locale });

    test('an example runs in its own labelled space and never touches their work', async ({
      page,
    }) => {
      await page.goto('./');
      await page.locator('[data-symptom-id="nodeport-one-node"]').click();
      await answer(page, '31999');
      await answer(page, 'my-node-7');
      await page.goto('./');
      await expect(page.getByTestId('resume-nodeport-one-node')).toHaveText(l.resume);

      await page.getByTestId('example-nodeport-one-node').click();
      await expect(page).toHaveURL(/#\/x\/nodeport-one-node\//);
      await expect(page.getByTestId('example-banner')).toContainText(l.exampleLabel);
      await expect(page.locator('[data-cause-id="tcp-tw-recycle-nat"]')).toBeVisible();
      expect(await checkA11y(page)).toEqual([]);

      await page.getByRole('link', { name: l.backToWork }).click();
      await expect(page).toHaveURL(/#\/s\/nodeport-one-node\/mode$/);
      await expect(page.getByTestId('example-banner')).toHaveCount(0);
      await expect(page.locator('.trail')).toContainText('31999');
      await expect(page.locator('.trail')).toContainText('my-node-7');
      await expect(page.locator('.trail')).not.toContainText('k8s-node03');
    });

    test('a filter-table listing where the nat rules are asked gets a hint', async ({ page }) => {
      await page.goto('./');
      await page.locator('[data-symptom-id="nodeport-one-node"]').click();
      await answer(page, '31999');
      await answer(page, 'my-node-7');
      await choose(page, l.iptables);
      await skip(page); // pods
      await skip(page); // kube-proxy log
      await page
        .getByTestId('evidence-paste')
        .fill(
          testData(
            'fixtures/48-rke485-forward-policy-drop-counter-nodeport/iptables-L-FORWARD.txt',
          ),
        );
      await expect(page.getByTestId('wrong-table')).toContainText(l.wrongTable);
      await expect(page.getByTestId('wrong-table')).toContainText('sudo iptables -t nat -L -n -v');
    });

    test('start over asks first; cancel keeps the work', async ({ page }) => {
      await page.goto('./');
      await page.locator('[data-symptom-id="nodeport-one-node"]').click();
      await answer(page, '31999');
      await page.getByTestId('start-over').click();
      await expect(page.getByRole('group', { name: l.ask })).toBeVisible();
      expect(await checkA11y(page)).toEqual([]);
      await page.getByRole('button', { name: l.cancel }).click();
      await expect(page.locator('.trail')).toContainText('31999');
      await page.getByTestId('start-over').click();
      await page.getByRole('button', { name: l.yes }).click();
      await expect(page).toHaveURL(/#\/s\/nodeport-one-node\/port$/);
      await expect(page.locator('.trail')).not.toContainText('31999');
      await page.goto('./');
      await expect(page.getByTestId('resume-nodeport-one-node')).toHaveCount(0);
    });
  });
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
]) {
  test(`"Show in its paste" keeps the page within ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('./');
    await page.getByTestId('example-nodeport-one-node').click();
    const finding = page.locator('[data-cause-id="tcp-tw-recycle-nat"]');
    await finding.getByRole('button', { name: 'Show in its paste' }).first().click();
    await expect(finding.locator('.in-paste .cited')).toContainText('net.ipv4.tcp_tw_recycle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);
  });
}

test('a NodePort as kubectl prints it is taken; a new step names itself and takes the focus', async ({
  page,
}) => {
  await page.goto('./');
  await page.locator('[data-symptom-id="nodeport-one-node"]').click();
  await answer(page, '80:31610/TCP');
  await expect(page.locator('.trail')).toContainText('31610');
  await expect(page.locator('.trail')).not.toContainText('80:31610');
  await answer(page, 'node-1');
  await choose(page, 'iptables');
  // The evidence step: its heading has the focus, the tab title names it.
  await expect(page.locator('h1')).toBeFocused();
  await expect(page).toHaveTitle(/^Are kube-proxy and the CNI running on that node\? · /);
});

test('paste everything can be resumed from the start page, and started over', async ({ page }) => {
  await page.goto('./');
  await page
    .getByTestId('paste-everything')
    .fill('net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.ip_forward = 1');
  await page.locator('form button[type=submit]').last().click();
  await expect(page).toHaveURL(/#\/all$/);
  await expect(page.getByTestId('diagnosis')).toBeVisible();
  await page.goto('./');
  await page.getByTestId('resume-all').click();
  await expect(page).toHaveURL(/#\/all$/);
  await page.getByTestId('start-over').click();
  await page.getByTestId('start-over-confirm').click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('resume-all')).toHaveCount(0);
});

test('the same capture pasted twice is counted once', async ({ page }) => {
  const capture = [
    '12:00:00.000000 IP 10.0.0.5.51000 > 10.0.0.9.31610: Flags [S], seq 1, win 64240, length 0',
    '12:00:01.000000 IP 10.0.0.5.51000 > 10.0.0.9.31610: Flags [S], seq 1, win 64240, length 0',
    '12:00:03.000000 IP 10.0.0.5.51000 > 10.0.0.9.31610: Flags [S], seq 1, win 64240, length 0',
    '12:00:07.000000 IP 10.0.0.5.51000 > 10.0.0.9.31610: Flags [S], seq 1, win 64240, length 0',
  ].join('\n');
  await page.goto('./');
  await page.getByTestId('paste-everything').fill(`${capture}\n${capture}\n`);
  await page.locator('form button[type=submit]').last().click();
  const result = page.locator('[data-testid=paste-result] [data-kind="tcpdump"]');
  await expect(result).toContainText('4 packets');
  await expect(page.getByTestId('paste-result')).toContainText('pasted twice');
});

test.describe('reload keeps everything', () => {
  test.use({ locale: 'en-US' });

  test('a 6 MB paste and a text not yet sent on both survive a reload', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('./');
    await page.locator('[data-symptom-id="nodeport-one-node"]').click();
    await answer(page, '30743');
    await answer(page, 'node-1');
    await choose(page, 'iptables');
    await skip(page); // pods
    await skip(page); // kube-proxy log
    await pasteEvent(page, BIG_DUMP);
    await expect(page.getByTestId('huge-paste')).toContainText(/6\.\d MB/);
    await expect(
      page.locator('[data-testid=paste-result] [data-kind="iptables-save"]'),
    ).toBeVisible({
      timeout: 30_000,
    });
    await page.locator('form button[type=submit]').click();
    await expect(page.locator('.code-big')).toContainText('net.ipv4.tcp_tw_recycle');
    // Typed, not sent on yet.
    await page.getByTestId('evidence-paste').fill('net.ipv4.tcp_tw_recycle = 1');
    await expect(page.locator('[data-testid=paste-result] [data-kind="sysctl"]')).toBeVisible();

    // Kept once typing stops (not on every keystroke): wait until the store holds it.
    await expect.poll(() => keptWork(page), { timeout: 15_000 }).toContain('tcp_tw_recycle = 1');
    await page.reload();
    await expect(page.getByTestId('evidence-paste')).toHaveValue('net.ipv4.tcp_tw_recycle = 1');
    await page.locator('.trail a', { hasText: 'Are the NodePort’s rules on the node?' }).click();
    await expect(page.getByTestId('huge-paste')).toContainText(/6\.\d MB/);
    await expect(
      page.locator('[data-testid=paste-result] [data-kind="iptables-save"]'),
    ).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByTestId('save-refused')).toHaveCount(0);
  });
});

test('work an earlier version kept as JSON is read back', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('[data-symptom-id]').first()).toBeVisible();
  // The form the work had before the store kept the state object itself.
  await page.evaluate(
    (json) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('net-triage', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onerror = () => reject(new Error('no IndexedDB'));
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(json, 'net-triage:work');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error('write failed'));
        };
      }),
    JSON.stringify({
      state: {
        byTree: {
          'nodeport-one-node': {
            tree: 'nodeport-one-node',
            answers: { port: '31710' },
            pastes: {},
          },
        },
        drafts: {},
      },
      version: 1,
    }),
  );
  await page.reload();
  await expect(page.getByTestId('resume-nodeport-one-node')).toBeVisible();
});
