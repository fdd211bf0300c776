import { expect, test } from '@playwright/test';
import { checkA11y, trackRequests } from './helpers';
import { answer, choose, paste, pasteEvent, seed003KubeProxyLog, testData, skip } from './wizard';

const SYSCTL_07 = testData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
const NETSTAT_27 = testData('fixtures/27-insights-netstat-s-healthy-rhel7/netstat-s.txt');
const IPTABLES_13 = testData(
  'fixtures/13-charmed489-etp-local-no-local-endpoints/iptables-save.txt',
);

const LOCALES = [
  {
    locale: 'en-US',
    title: 'Which NodePort fails?',
    iptables: 'iptables',
    dontKnow: 'I don’t know',
    diagnosis: 'Diagnosis',
  },
  {
    locale: 'zh-CN',
    title: '哪个 NodePort 不通？',
    iptables: 'iptables',
    dontKnow: '我不知道',
    diagnosis: '诊断结果',
  },
];

for (const l of LOCALES) {
  test.describe(`NodePort path (${l.locale})`, () => {
    test.use({ locale: l.locale });

    test('walks to tcp-tw-recycle-nat with real pastes, every page accessible', async ({
      page,
    }) => {
      const outside = trackRequests(page);
      await page.goto('./');
      await expect(page.locator('[data-symptom-id]')).toHaveCount(4);
      expect(await checkA11y(page)).toEqual([]);
      await page.locator('[data-symptom-id="nodeport-one-node"]').click();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.title);
      await page.locator('input.answer').fill('99999'); // out of range: a clear message,
      await page.locator('form button[type=submit]').click(); // and no step forward
      await expect(page.getByRole('alert')).toBeVisible();
      expect(await checkA11y(page)).toEqual([]);
      await answer(page, '31710');
      await answer(page, 'k8s-node03');
      expect(await checkA11y(page)).toEqual([]);
      await choose(page, l.dontKnow);
      await skip(page); // the kube-system pods on the node

      // The command shows the operator's node; seed 003's log says IPVS, so the IPVS table comes next.
      await expect(page.locator('.code-big')).toContainText('spec.nodeName=k8s-node03');
      expect(await checkA11y(page)).toEqual([]);
      await paste(page, seed003KubeProxyLog(), 'kube-proxy-log');
      await expect(page.locator('.code-big')).toHaveText(/ipvsadm -Ln/);
      await skip(page); // the IPVS table

      await expect(page.locator('.code-big')).toContainText('net.ipv4.tcp_tw_recycle');
      await paste(page, SYSCTL_07, 'sysctl');
      await paste(page, NETSTAT_27, 'netstat-s');
      await skip(page); // kernel log
      await skip(page); // capture

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.diagnosis);
      const finding = page.locator('[data-cause-id="tcp-tw-recycle-nat"]');
      await expect(finding).toBeVisible();
      await expect(finding.locator('code.line').first()).toHaveText('net.ipv4.tcp_tw_recycle = 1');
      await expect(finding.locator('pre').first()).toContainText('tcp_tw_recycle=0');
      await expect(finding.getByRole('button').first()).toBeVisible();
      // Eleven steps, and none of them the iptables one: the log's IPVS routed around it.
      await expect(page.locator('.trail li')).toHaveCount(11);
      await expect(page.locator('.trail')).not.toContainText('iptables-save');
      expect(await checkA11y(page)).toEqual([]);
      expect(outside).toEqual([]);
    });
  });
}

test.describe('NodePort path, more', () => {
  test.use({ locale: 'en-US' });

  test('the example walks to its diagnosis in one click', async ({ page }) => {
    const outside = trackRequests(page);
    await page.goto('./');
    await page.getByTestId('example-nodeport-one-node').click();
    await expect(page.locator('[data-cause-id="tcp-tw-recycle-nat"]')).toBeVisible();
    await expect(page.locator('[data-ruled-out="kube-proxy-rules-missing"]')).toBeVisible();
    // An evidence line shown in its own paste, among its neighbours.
    const finding = page.locator('[data-cause-id="tcp-tw-recycle-nat"]');
    await finding.getByRole('button', { name: 'Show in its paste' }).first().click();
    await expect(finding.locator('.in-paste .cited')).toContainText('net.ipv4.tcp_tw_recycle = 1');
    await expect(finding.locator('.in-paste')).toContainText('net.ipv4.tcp_timestamps = 1');
    expect(outside).toEqual([]);
  });

  test('going back and changing an answer re-routes, and pastes survive a reload', async ({
    page,
  }) => {
    await page.goto('./');
    await page.getByTestId('example-nodeport-one-node').click();
    await expect(page.locator('[data-cause-id]').first()).toBeVisible();
    // Change the NodePort to the one fixture 13 drops for externalTrafficPolicy: Local.
    await page.locator('.trail a', { hasText: 'Which NodePort fails?' }).click();
    await answer(page, '31610');
    await page.locator('.trail a', { hasText: 'Are the NodePort’s rules on the node?' }).click();
    await page.getByTestId('evidence-paste').fill(IPTABLES_13);
    await expect(
      page.locator('[data-testid=paste-result] [data-kind="iptables-save"]'),
    ).toBeVisible();
    await page.locator('form button[type=submit]').click();
    // The drop in the pasted rules settles it: the tree goes straight to its verdict.
    await expect(page).toHaveURL(/#\/x\/nodeport-one-node\/verdict-rules$/);
    await expect(page.locator('[data-cause-id="etp-local-no-endpoint"]')).toBeVisible();
    await page.reload();
    await expect(page.locator('[data-cause-id="etp-local-no-endpoint"]')).toBeVisible();
    // The kernel pastes are kept but are off this path now, so they are not diagnosed.
    await expect(page.locator('[data-cause-id="tcp-tw-recycle-nat"]')).toHaveCount(0);
  });

  test('a paste it does not understand gets a specific message', async ({ page }) => {
    await page.goto('./#/s/nodeport-one-node/port');
    await answer(page, '31710');
    await answer(page, 'node-1');
    await choose(page, 'iptables');
    // `free -m`: real output, but nothing the wizard reads.
    const free =
      '              total        used        free      shared  buff/cache   available\n' +
      'Mem:          15884        2390        9861         412        3632       12757\n';
    await page.getByTestId('evidence-paste').fill(free);
    await expect(page.getByRole('alert')).toContainText('Not a command output the wizard knows');
  });

  test('paste everything recognises each part and diagnoses them together', async ({ page }) => {
    await page.goto('./');
    const bundle = `==> sysctl <==\n${SYSCTL_07}==> iptables-save <==\n${IPTABLES_13}`;
    await page.getByTestId('paste-everything').fill(bundle);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect(page.locator('[data-cause-id="tcp-tw-recycle-nat"]')).toBeVisible();
    await expect(page.locator('[data-cause-id="etp-local-no-endpoint"]')).toBeVisible();
    expect(await checkA11y(page)).toEqual([]);
  });

  test('the language switch changes every label at once', async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('你看到了什么现象？');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});

test.describe('big pastes', () => {
  test.use({ locale: 'en-US' });

  test('a multi-megabyte paste is read in the background, kept out of the text box', async ({
    page,
  }) => {
    await page.goto('./#/s/nodeport-one-node/port');
    await answer(page, '31710');
    await answer(page, 'node-1');
    await choose(page, 'iptables');
    await page.getByRole('button', { name: /Skip/ }).click(); // pods
    await page.getByRole('button', { name: /Skip/ }).click(); // kube-proxy log
    await expect(page.locator('.code-big')).toContainText('iptables-save');
    const rule =
      '-A KUBE-SEP-ABCDEFGHIJKLMNOP -s 10.244.1.7/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ\n';
    await pasteEvent(page, `*nat\n:PREROUTING ACCEPT [0:0]\n${rule.repeat(30000)}COMMIT\n`);
    await expect(page.getByTestId('huge-paste')).toContainText(/3\.\d MB pasted/);
    await expect(page.getByTestId('evidence-paste')).toHaveValue('');
    await expect(
      page.locator('[data-testid=paste-result] [data-kind="iptables-save"]'),
    ).toBeVisible();
  });
});
