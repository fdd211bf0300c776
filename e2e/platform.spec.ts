// The platform promises of the built app: nothing leaves the origin, a strict CSP,
// offline after one visit, any sub-path, and the single self-contained HTML file.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import {
  checkA11y,
  ensureSingleFileBuild,
  repoRoot,
  trackCspErrors,
  trackRequests,
} from './helpers';

const dist = join(repoRoot, 'dist');

// The tests are independent: spread them over the workers.
test.describe.configure({ mode: 'parallel' });

async function expectAppMounted(page: Page) {
  await expect(page.locator('h1').first()).toBeVisible();
  expect(await page.locator('#root > *').count()).toBeGreaterThan(0);
}

/** Directives of the CSP meta in an HTML text. */
function cspOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  expect(content, 'a Content-Security-Policy meta tag').toBeTruthy();
  const directives = new Map<string, string[]>();
  for (const part of (content ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

test('no request leaves the origin while the start page loads', async ({ page }) => {
  const outside = trackRequests(page);
  await page.goto('./');
  await expectAppMounted(page);
  await page.waitForLoadState('networkidle');
  expect(outside).toEqual([]);
  expect(await checkA11y(page)).toEqual([]);
});

test('the build carries a strict CSP, and the app runs under it', async ({ page }) => {
  const csp = cspOf(readFileSync(join(dist, 'index.html'), 'utf8'));
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);

  const errors = trackCspErrors(page);
  await page.goto('./');
  await expectAppMounted(page);
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);

  // And the policy is really in force: an injected inline script does not run.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.documentElement.dataset.injected = "yes"';
    document.head.append(script);
    return document.documentElement.dataset.injected === 'yes';
  });
  expect(ran).toBe(false);
  await expect.poll(() => errors.length).toBeGreaterThan(0);
});

test.describe('offline', () => {
  test('after one visit the app loads with no network, flowcharts included', async ({
    page,
    context,
  }) => {
    await page.goto('./');
    await expectAppMounted(page);
    const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
    try {
      await expect.poll(controlled, { timeout: 5_000 }).toBe(true);
    } catch {
      await page.reload();
      await expect
        .poll(controlled, {
          timeout: 10_000,
          message:
            'no service worker controls the page: does src/main.tsx call registerServiceWorker()?',
        })
        .toBe(true);
    }

    // The precache holds every file of the build, lazily loaded chunks included, but the
    // chunks of mermaid's diagram types the app never draws (vite.config.ts, unusedChunks).
    const built = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split('\\').join('/'))
      .filter((f) => /\.(js|css|html|svg|sh)$/.test(f) && !/^(sw|workbox-[\w-]+)\.js$/.test(f));
    const precached = [
      ...readFileSync(join(dist, 'sw.js'), 'utf8').matchAll(/\burl:\s*"([^"]+)"/g),
    ].map((m) => m[1] ?? '');
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) {
          urls.push(new URL(request.url).pathname);
        }
      }
      return urls;
    });
    expect(cached.map((path) => path.replace(/^\//, '')).sort()).toEqual(
      expect.arrayContaining(precached.sort()),
    );
    const left = built.filter((f) => !precached.includes(f));
    expect(left.filter((f) => !/^assets\/[^/]+\.js$/.test(f))).toEqual([]);
    expect(
      left.some((f) => /^assets\/ganttDiagram-/.test(f)),
      'a diagram type left out',
    ).toBe(true);
    expect(
      precached.some((f) => /^assets\/flowDiagram-/.test(f)),
      'flowcharts kept',
    ).toBe(true);
    const bytes = precached.reduce((sum, f) => sum + readFileSync(join(dist, f)).length, 0);
    expect(bytes, 'precache size').toBeLessThan(3 * 1024 * 1024);

    await context.setOffline(true);
    await page.reload();
    await expectAppMounted(page);
    // Every screen, the parse worker and the flowchart come from the precache.
    await page.getByTestId('example-nodeport-one-node').click();
    await expect(page.locator('[data-cause-id]').first()).toBeVisible();
    await page.getByTestId('flowchart-toggle').click();
    await expect(page.getByTestId('flowchart').locator('svg g.node').first()).toBeAttached();
  });

  test.describe('control', () => {
    test.use({ serviceWorkers: 'block' });
    test('without the service worker an offline reload fails', async ({ page, context }) => {
      await page.goto('./');
      await expectAppMounted(page);
      await context.setOffline(true);
      await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    });
  });
});

for (const [locale, title] of [
  ['en-US', 'What do you see?'],
  ['zh-CN', '你看到了什么现象？'],
] as const) {
  test.describe(() => {
    test.use({ locale, serviceWorkers: 'block' });
    test(`the start screen needs no lazy chunk and shows no raw text key (${locale})`, async ({
      page,
    }) => {
      const html = readFileSync(join(dist, 'index.html'), 'utf8');
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.slice(1));
      });
      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await page.waitForLoadState('networkidle');
      // Only the entry and its static imports, all named in index.html (scripts/check-budget.mjs
      // holds them to the budget); the other screens and their texts load when visited.
      expect(scripts.filter((s) => !html.includes(`./${s}`))).toEqual([]);
      expect(await page.locator('body').innerText()).not.toMatch(
        /\b(?:app|start|symptom|examples|collector|notFound)\.[\w-]+/,
      );
    });
  });
}

test('the build works under a sub-path', async ({ page, baseURL }) => {
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(baseURL ?? '').origin) paths.push(url.pathname);
  });
  const outside = trackRequests(page);
  await page.goto('./sub/dir/');
  await expectAppMounted(page);
  await page.waitForLoadState('networkidle');
  expect(outside).toEqual([]);
  expect(paths.length).toBeGreaterThan(1);
  expect(paths.filter((path) => !path.startsWith('/sub/dir/'))).toEqual([]);
});

test.describe('single file', () => {
  let file = '';
  test.beforeAll(() => {
    test.setTimeout(120_000);
    file = ensureSingleFileBuild();
  });

  test('opens from file:// with no request and no CSP error', async ({ page }) => {
    const html = readFileSync(file, 'utf8');
    const csp = cspOf(html);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);

    const outside = trackRequests(page, 'null');
    const errors = trackCspErrors(page);
    await page.goto(pathToFileURL(file).href);
    await expectAppMounted(page);
    await page.waitForTimeout(300); // let late violations reach the console
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
