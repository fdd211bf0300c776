import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkA11y, repoRoot, trackRequests } from './helpers';
import { answer, choose, paste, skip } from './wizard';

const fixture = (path: string) => readFileSync(join(repoRoot, 'src/parsers', path), 'utf8');
// kube-proxy's nftables-mode table as the kernel listed it: ns2/svc2 (externalTrafficPolicy:
// Local, no local endpoint) has NodePort 3001 `: drop` in no-endpoint-nodeports.
const NFT_RULESET = fixture('nft/fixtures/netns/kube-proxy-list.txt');
// The startup line a kube-proxy in nftables mode logs (a published course's output).
const NFT_PROXY_LOG = 'I0927 04:33:19.837986       1 server_linux.go:231] "Using nftables Proxier"';
// A kind node on Cilium 1.19 with kube-proxy replacement: its agent's status and its whole
// service list, which holds ClusterIPs only (no NodePort 30080).
const CILIUM_STATUS = fixture(
  'cilium-status/fixtures/cilium-status--cilium30910-v1.15-cilium-dbg-kpr-true.txt',
);
const CILIUM_SERVICES = fixture(
  'cilium-service/fixtures/cilium-service--cilium44301-v1.19-kind-active.txt',
);

const LOCALES = [
  {
    locale: 'en-US',
    nftables: 'nftables',
    replaced: /Cilium replaces kube-proxy/,
    diagnosis: 'Diagnosis: the node’s proxy rules',
  },
  {
    locale: 'zh-CN',
    nftables: 'nftables',
    replaced: /Cilium 替代了 kube-proxy/,
    diagnosis: '诊断结果：节点上的代理规则',
  },
];

for (const l of LOCALES) {
  test.describe(`today's datapaths (${l.locale})`, () => {
    test.use({ locale: l.locale });

    test('a NodePort on an nftables-mode node walks to the Local-policy drop in kube-proxy’s maps', async ({
      page,
    }) => {
      const outside = trackRequests(page);
      await page.goto('./');
      await page.locator('[data-symptom-id="nodeport-one-node"]').click();
      await answer(page, '3001');
      await answer(page, 'test-node');
      await choose(page, l.nftables);
      await skip(page); // the kube-system pods on the node
      await paste(page, NFT_PROXY_LOG, 'kube-proxy-log');
      // nftables mode: the ruleset, not iptables-save, is asked for next.
      await expect(page.locator('.code-big pre')).toHaveText('sudo nft list ruleset');
      await paste(page, NFT_RULESET, 'nft');

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.diagnosis);
      const finding = page.locator('[data-cause-id="etp-local-no-endpoint"]');
      await expect(finding).toBeVisible();
      await expect(finding.locator('code.line').first()).toContainText('tcp . 3001');
      await expect(finding.locator('.fix-part pre')).toHaveCount(4);
      // Every fix block says where to run it, as the steps do.
      await expect(finding.locator('.fix-part .where')).toHaveCount(4);
      await expect(finding.locator('.fix-part pre').nth(2)).toContainText(
        'nft list map ip kube-proxy no-endpoint-nodeports',
      );
      // The maps hold the port, so kube-proxy did program it.
      await expect(page.locator('[data-cause-id="kube-proxy-rules-missing"]')).toHaveCount(0);
      await expect(page.locator('.trail')).not.toContainText('iptables-save');
      expect(await checkA11y(page)).toEqual([]);
      expect(outside).toEqual([]);
    });

    test('a NodePort on a Cilium kube-proxy replacement node walks to the missing frontend', async ({
      page,
    }) => {
      const outside = trackRequests(page);
      await page.goto('./');
      await page.locator('[data-symptom-id="nodeport-one-node"]').click();
      await answer(page, '30080');
      await answer(page, 'kind-control-plane');
      await choose(page, l.replaced);
      await skip(page); // the kube-system pods on the node
      // No kube-proxy: the node's Cilium agent is asked, in the node's own agent pod.
      await expect(page.locator('.code-big')).toContainText('cilium-dbg status');
      await expect(page.locator('.code-big')).toContainText('spec.nodeName=kind-control-plane');
      await paste(page, CILIUM_STATUS, 'cilium-status');
      await expect(page.locator('.code-big')).toContainText('cilium-dbg service list');
      await paste(page, CILIUM_SERVICES, 'cilium-service');

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.diagnosis);
      const finding = page.locator('[data-cause-id="cilium-kpr-frontend-missing"]');
      await expect(finding).toBeVisible();
      await expect(finding.locator('code.line').first()).toContainText('10.96.62.28:80/TCP');
      await expect(finding.locator('.fix-part pre')).toHaveCount(4);
      await expect(finding.locator('.fix-part pre').first()).toContainText(
        'delete pod -l k8s-app=cilium --field-selector spec.nodeName=kind-control-plane',
      );
      expect(await checkA11y(page)).toEqual([]);
      expect(outside).toEqual([]);
    });
  });
}
