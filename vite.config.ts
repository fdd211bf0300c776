import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
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

export default defineConfig(({ mode }) => {
  const single = mode === 'single';
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
                // mermaid's chunks are big; every chunk must be cached to work offline.
                maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
              },
            }),
          ],
    ],
  };
});
