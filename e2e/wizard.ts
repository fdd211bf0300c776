import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { repoRoot } from './helpers';

/** Real outputs from test-data/ (fixtures and the seed write-ups). */
export const testData = (path: string): string =>
  readFileSync(join(repoRoot, 'test-data', path), 'utf8');

/** Seed 003's own kube-proxy log (IPVS mode), as the write-up printed it. */
export function seed003KubeProxyLog(): string {
  const seed = testData('seeds/003_4c57e4efbd8fc9cd.txt');
  return seed
    .split('\n')
    .filter((l) => /^[IWE]0601 /.test(l))
    .join('\n');
}

/** Answers the current question and waits until the wizard has moved to the next step. */
export async function answer(page: Page, value: string) {
  await page.locator('input.answer').fill(value);
  await submitAndMove(page);
}

export async function choose(page: Page, label: string | RegExp) {
  await page.getByRole('radio', { name: label }).check();
  await submitAndMove(page);
}

async function submitAndMove(page: Page) {
  const before = page.url();
  await page.locator('form button[type=submit]').click();
  await expect(page).not.toHaveURL(before);
}

/**
 * Pastes into the evidence step, waits until the paste is read, and goes on: to the next step's
 * address, so that the next paste is never typed into this step's box while it is leaving.
 */
export async function paste(page: Page, text: string, kind: string) {
  await page.getByTestId('evidence-paste').fill(text);
  await expect(
    page.locator(`[data-testid=paste-result] [data-kind="${kind}"]`).first(),
  ).toBeVisible();
  await submitAndMove(page);
}

/** "Skip, I can't run this" on the current evidence step. */
export async function skip(page: Page) {
  const before = page.url();
  await page.getByRole('button', { name: /Skip|跳过/ }).click();
  await expect(page).not.toHaveURL(before);
}

/** Pastes as a browser does (a paste event), the way a multi-megabyte text reaches a box. */
export async function pasteEvent(page: Page, text: string, testId = 'evidence-paste') {
  await page.evaluate(
    ([t, id]) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document
        .querySelector(`[data-testid=${id}]`)!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
    },
    [text, testId] as const,
  );
}
