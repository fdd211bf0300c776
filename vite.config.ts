import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';

/**
 * The Content-Security-Policy of the hosted build (dist/). Nothing may be fetched from
 * anywhere but the app's own origin; mermaid needs inline styles. `frame-ancestors`
 * only works as an HTTP header, so it is left to the web server.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts `html`'s CSP meta right after `<meta charset>` (or first in `<head>`). */
export function insertCspMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset) {
    const end = charset.index + charset[0].length;
    return `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`;
  }
  return html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`);
}

/** Build only: the dev server injects inline scripts a strict policy would block. */
function cspMeta(): Plugin {
  return {
    name: 'net-triage:csp-meta',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => insertCspMeta(html, CSP) },
  };
}

/** The collector script, served beside the app as ./collect.sh (a stable URL to curl). */
function collectorScript(): Plugin {
  return {
    name: 'net-triage:collector',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(
        fileURLToPath(new URL('./src/collector/collect.sh', import.meta.url)),
        'utf8',
      );
      this.emitFile({ type: 'asset', fileName: 'collect.sh', source });
    },
  };
}

/** Single-file build: every `?worker` import becomes `?worker&inline` (a blob: worker). */
function inlineWorkers(): Plugin {
  return {
    name: 'net-triage:inline-workers',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/[?&]worker(?:&|$)/.test(source) || /[?&]inline(?:&|$)/.test(source)) return null;
      return this.resolve(`${source}&inline`, importer, { ...options, skipSelf: true });
    },
  };
}

/** Single-file build: the favicon from public/ becomes a data: URL inside the page. */
function inlineFavicon(): Plugin {
  return {
    name: 'net-triage:inline-favicon',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(/(<link[^>]*rel="icon"[^>]*href=")\.?\/?favicon\.svg"/, (_, start) => {
        const svg = readFileSync(fileURLToPath(new URL('./public/favicon.svg', import.meta.url)));
        return `${start}data:image/svg+xml;base64,${svg.toString('base64')}"`;
      });
    },
  };
}

/**
 * Hosted build: fails it when the scripts the first screen loads (the entry chunk and its static
 * imports) weigh more than the budget, gzip-compressed; scripts/check-budget.mjs measures dist/
 * and prints the number.
 */
function firstScreenBudget(): Plugin {
  let outDir = 'dist';
  return {
    name: 'net-triage:first-screen-budget',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const script = fileURLToPath(new URL('./scripts/check-budget.mjs', import.meta.url));
      const r = spawnSync(process.execPath, [script, outDir], { stdio: 'inherit' });
      if (r.status !== 0) throw new Error('the first screen is over its script budget (above)');
    },
  };
}

/**
 * The chunks of mermaid's that the app never runs. mermaid loads every diagram type, layout and
 * KaTeX (for math in labels) with import(); the app draws only flowcharts, laid out by dagre,
 * with plain-text labels. Every other chunk is reachable from the entry, statically or by
 * import(), and stays in the precache.
 */
const MERMAID_LAZY =
  /\/node_modules\/(?:mermaid|@mermaid-js\/[^/]+)\/dist\/chunks\/|\/node_modules\/katex\//;
const MERMAID_USED = /\/(?:flowDiagram|dagre)-[A-Z0-9]+\.mjs$/;

/** The bundle's JS chunks the app can never load: not reachable but through MERMAID_LAZY. */
export function unusedChunks(bundle: Rolldown.OutputBundle): string[] {
  const chunks = new Map<string, Rolldown.OutputChunk>();
  for (const [name, file] of Object.entries(bundle))
    if (file.type === 'chunk') chunks.set(name, file);
  const seen = new Set<string>();
  const visit = (name: string) => {
    const chunk = chunks.get(name);
    if (!chunk || seen.has(name)) return;
    seen.add(name);
    chunk.imports.forEach(visit);
    for (const lazy of chunk.dynamicImports) {
      const facade = chunks.get(lazy)?.facadeModuleId?.replace(/\\/g, '/') ?? '';
      if (!MERMAID_LAZY.test(facade) || MERMAID_USED.test(facade)) visit(lazy);
    }
  };
  for (const [name, chunk] of chunks) if (chunk.isEntry) visit(name);
  const kept = [...seen].map((n) => chunks.get(n)?.facadeModuleId ?? '');
  if (!kept.some((f) => /\/flowDiagram-[A-Z0-9]+\.mjs$/.test(f.replace(/\\/g, '/')))) {
    // mermaid renamed its flowchart chunk: precaching must not silently lose it.
    throw new Error('unusedChunks: no flowDiagram chunk of mermaid found; update MERMAID_USED');
  }
  return [...chunks.keys()].filter((n) => !seen.has(n));
}

/** Hosted build: what unusedChunks() finds, for the service worker's precache to leave out. */
function findUnusedChunks(unused: Set<string>): Plugin {
  return {
    name: 'net-triage:unused-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      unused.clear();
      for (const name of unusedChunks(bundle)) unused.add(name);
    },
  };
}

export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  const unused = new Set<string>();
  return {
    // Relative asset URLs: the build works from any sub-path, and from file:// (single).
    base: './',
    define: {
      // 'true' in the single-file build, '' otherwise. `?worker` imports need no check:
      // inlineWorkers() turns them into blob: workers there.
      'import.meta.env.VITE_SINGLE': JSON.stringify(single ? 'true' : ''),
    },
    // Chromium refuses module workers from blob: URLs on a file:// page (no error, the
    // worker just fails), so the single file's inline workers are classic scripts.
    worker: { format: single ? 'iife' : 'es' },
    publicDir: single ? false : 'public',
    build: single ? { outDir: 'dist-single', emptyOutDir: true } : { outDir: 'dist' },
    plugins: [
      react(),
      single
        ? [viteSingleFile({ outputFileName: 'net-triage.html' }), inlineWorkers(), inlineFavicon()]
        : [
            cspMeta(),
            collectorScript(),
            firstScreenBudget(),
            findUnusedChunks(unused),
            VitePWA({
              strategies: 'generateSW',
              registerType: 'autoUpdate',
              injectRegister: false, // src/pwa.ts registers ./sw.js itself
              manifest: {
                name: 'net-triage',
                short_name: 'net-triage',
                description: 'Troubleshooting wizard for Kubernetes networking incidents',
                start_url: './',
                scope: './',
                display: 'standalone',
                background_color: '#ffffff',
                theme_color: '#1f4e79',
                icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
              },
              // The plugin adds manifest.webmanifest to the precache itself; the icon is
              // already matched by globPatterns.
              includeManifestIcons: false,
              workbox: {
                globPatterns: ['**/*.{js,css,html,svg,sh}'],
                navigateFallback: 'index.html',
                clientsClaim: true,
                skipWaiting: true,
                cleanupOutdatedCaches: true,
                // Everything the app can load, so that it all works offline after one visit;
                // not mermaid's other diagram types (unusedChunks).
                manifestTransforms: [
                  async (entries) => {
                    const left = entries.filter((e) => unused.has(e.url));
                    if (left.length > 0) {
                      const kib = left.reduce((sum, e) => sum + e.size, 0) / 1024;
                      console.log(
                        `precache: left out ${left.length} chunks of mermaid diagram types the app does not use (${kib.toFixed(0)} KiB)`,
                      );
                    }
                    return { manifest: entries.filter((e) => !unused.has(e.url)), warnings: [] };
                  },
                ],
                // A lazily loaded script that is not precached (should a future mermaid load one
                // more for a flowchart) is cached on first use, so offline still works after it.
                runtimeCaching: [
                  {
                    urlPattern: ({ url, sameOrigin }) =>
                      sameOrigin && /\/assets\/[^/]+\.js$/.test(url.pathname),
                    handler: 'CacheFirst',
                    options: { cacheName: 'net-triage-lazy', expiration: { maxEntries: 40 } },
                  },
                ],
                // mermaid's core chunks are big; every chunk the app uses must be cached.
                maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
              },
            }),
          ],
    ],
  };
});
