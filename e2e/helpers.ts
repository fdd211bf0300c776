import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, type ConsoleMessage, type Page } from '@playwright/test';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The app's origin: the project's baseURL (or `null`, the origin of file: pages). */
function appOrigin(): string {
  const base = test.info().project.use.baseURL;
  return base ? new URL(base).origin : 'null';
}

/**
 * Records every request of the page's browser context (service worker included) that
 * goes anywhere but the app's own origin. data:, blob: and, for a file:// page, file:
 * URLs stay inside the browser and are not recorded. Assert the list stays empty.
 */
export function trackRequests(page: Page, origin: string = appOrigin()): string[] {
  const outside: string[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.protocol === 'file:' && origin === 'null') return;
    if (url.origin !== origin) outside.push(request.url());
  });
  return outside;
}

/** Console messages about Content-Security-Policy violations. */
export function trackCspErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/Content[- ]Security[- ]Policy/i.test(error.message)) errors.push(error.message);
  });
  return errors;
}

/** axe-core on the current page (WCAG 2 A and AA rules); returns the violations. */
export async function checkA11y(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations;
}

/** Newest modification time (ms) of the files under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Path of dist-single/net-triage.html, built first (about 10 s) when it is missing or
 * older than the sources. Call it from one spec file only: two concurrent builds clash.
 */
export function ensureSingleFileBuild(): string {
  const file = join(repoRoot, 'dist-single', 'net-triage.html');
  const sources = [
    newestMtime(join(repoRoot, 'src')),
    ...['index.html', 'vite.config.ts', 'scripts/single-csp.mjs'].map(
      (f) => statSync(join(repoRoot, f)).mtimeMs,
    ),
  ];
  if (!existsSync(file) || statSync(file).mtimeMs < Math.max(...sources)) {
    try {
      execFileSync('npm', ['run', '-s', 'build:single'], { cwd: repoRoot, stdio: 'pipe' });
    } catch (error) {
      const output = String((error as { stderr?: Buffer }).stderr ?? error);
      throw new Error(`npm run build:single failed:\n${output.slice(-2000)}`, { cause: error });
    }
  }
  return file;
}
