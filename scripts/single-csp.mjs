#!/usr/bin/env node
// Second half of `npm run build:single`: gives dist-single/net-triage.html a
// Content-Security-Policy that allows exactly its own inline scripts (by sha256 hash)
// and nothing from anywhere else, then makes sure the file really stands alone.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist-single');
const file = join(outDir, 'net-triage.html');

/** The policy for a page opened from file://, allowing only the given script hashes. */
export function singleFilePolicy(hashes) {
  return [
    "default-src 'none'",
    `script-src ${hashes.map((h) => `'sha256-${h}'`).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    // Vite's inline workers start from a blob: URL, or a data: URL when blob: fails.
    'worker-src blob: data:',
    "manifest-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** sha256 (base64) of each inline script's text, as the browser hashes it. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1] ?? '')) continue;
    // The HTML parser turns CRLF and lone CR into LF before the script sees its text.
    const text = (m[2] ?? '').replace(/\r\n?/g, '\n');
    hashes.push(createHash('sha256').update(text, 'utf8').digest('base64'));
  }
  return [...new Set(hashes)];
}

function fail(message) {
  console.error(`single-csp: ${message}`);
  process.exit(1);
}

function main() {
  let html;
  try {
    html = readFileSync(file, 'utf8');
  } catch {
    fail(`${file} not found: run \`vite build --mode single\` first (npm run build:single).`);
  }
  if (/http-equiv="Content-Security-Policy"/i.test(html)) {
    fail('net-triage.html already has a CSP meta; the single build must not add one.');
  }
  if (
    /<script\b[^>]*\bsrc\s*=/i.test(html) ||
    /<link\b[^>]*rel="(?:stylesheet|modulepreload)"/i.test(html)
  ) {
    fail(
      'net-triage.html still loads a script or stylesheet from a file; it is not self-contained.',
    );
  }

  // Anything else in dist-single was left behind by the build. Unreferenced files (e.g. a
  // worker chunk from a branch only the hosted build takes) go; a referenced one is an error.
  for (const name of readdirSync(outDir)) {
    if (name === 'net-triage.html') continue;
    if (html.includes(name)) {
      fail(
        `net-triage.html refers to ${name}, which is not inlined (create workers with "?worker").`,
      );
    }
    rmSync(join(outDir, name), { recursive: true, force: true });
    console.log(`single-csp: removed unreferenced ${name}`);
  }

  const hashes = inlineScriptHashes(html);
  if (hashes.length === 0) fail('no inline <script> found in net-triage.html.');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${singleFilePolicy(hashes)}" />`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (!charset) fail('no <meta charset> in net-triage.html to put the CSP after.');
  const at = charset.index + charset[0].length;
  writeFileSync(file, `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`);
  const kib = (Buffer.byteLength(html) / 1024).toFixed(0);
  console.log(
    `single-csp: dist-single/net-triage.html (${kib} KiB), ${hashes.length} script hash(es)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
