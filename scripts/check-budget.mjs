#!/usr/bin/env node
// The first screen's script budget: sums the gzip size of every script the browser must
// load before the first screen can render (index.html's module scripts and modulepreloads,
// and everything those import statically, followed through the chunks themselves), prints
// it, and exits 1 above the budget. Lazy chunks (dynamic `import()`: the other screens,
// mermaid, the share dialog, the parse worker) are not part of it.
//
//   node scripts/check-budget.mjs [DIR] [--budget KB]      (DIR: dist by default)
//
// `vite build` runs it at the end of every hosted build (vite.config.ts, firstScreenBudget),
// so `npm run build` and `npm test` fail when the entry grows past the budget.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** KB (1,000 bytes) of gzip-compressed script, as a web server sends it. */
export const BUDGET_KB = 150;

const kb = (bytes) => (bytes / 1000).toFixed(1);

/** The local script URLs an HTML page loads at once (module and classic scripts, preloads). */
export function htmlScripts(html) {
  const urls = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(m[1] ?? '');
    if (src) urls.push(src[1]);
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = m[1] ?? '';
    if (!/\brel\s*=\s*["']?(?:modulepreload|preload)\b/i.test(attrs)) continue;
    if (/\brel\s*=\s*["']?preload\b/i.test(attrs) && !/\bas\s*=\s*["']?script\b/i.test(attrs)) {
      continue;
    }
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(attrs);
    if (href) urls.push(href[1]);
  }
  return urls.filter((u) => !/^(?:[a-z][\w+.-]*:|\/\/)/i.test(u));
}

/**
 * The relative specifiers a built ES module imports statically (`import … from "./x.js"`,
 * `import "./x.js"`, `export … from "./x.js"`). Dynamic `import("./x.js")` is left out.
 */
export function staticImports(code) {
  const out = [];
  const re =
    /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w*${},\s]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

/** Every script the first screen loads, with its raw and gzip sizes, and CSS for reference. */
export function measureFirstScreen(dir) {
  const root = resolve(dir);
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const files = new Map();
  const visit = (file) => {
    if (files.has(file)) return;
    if (!file.startsWith(root) || !existsSync(file)) {
      throw new Error(`check-budget: ${relative(root, file)} is loaded but not in ${dir}`);
    }
    const code = readFileSync(file);
    files.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    for (const spec of staticImports(code.toString('utf8'))) visit(resolve(dirname(file), spec));
  };
  for (const url of htmlScripts(html)) visit(resolve(root, url.split(/[?#]/)[0]));
  const scripts = [...files].map(([file, size]) => ({ file: relative(root, file), ...size }));
  scripts.sort((a, b) => b.gzip - a.gzip);
  const css = [...html.matchAll(/<link\b[^>]*rel=["']?stylesheet[^>]*href=["']([^"']+)["']/gi)]
    .map((m) => join(root, m[1]))
    .filter((f) => existsSync(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
  return { scripts, total, css };
}

function main(argv) {
  let dir = 'dist';
  let budget = BUDGET_KB;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--budget') budget = Number(argv[++i]);
    else dir = argv[i];
  }
  if (!Number.isFinite(budget) || budget <= 0) {
    console.error('check-budget: --budget takes a number of KB');
    process.exit(2);
  }
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`check-budget: ${join(dir, 'index.html')} not found; build first.`);
    process.exit(2);
  }
  const { scripts, total, css } = measureFirstScreen(dir);
  if (scripts.length === 0) {
    console.error(`check-budget: ${dir}/index.html loads no script`);
    process.exit(1);
  }
  for (const s of scripts) {
    console.log(`  ${kb(s.gzip).padStart(7)} KB gzip ${kb(s.raw).padStart(8)} KB  ${s.file}`);
  }
  const line = `first screen: ${kb(total)} KB of script gzip in ${scripts.length} files (budget ${budget} KB; CSS ${kb(css)} KB more)`;
  if (total > budget * 1000) {
    console.error(`check-budget: FAILED, ${line}`);
    console.error(
      'Load what the first screen does not need with import() (see README, "Bundle budget").',
    );
    process.exit(1);
  }
  console.log(`check-budget: ${line}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2));
}
