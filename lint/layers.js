// The house's layering, enforced by ESLint: every import of src/ points down (or sideways within
// its own folder), and no import circle exists. A wrong import fails `npm run lint`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/**
 * Bottom to top. A module may import its own folder and any lower layer. Folders that share a
 * layer are rooms beside each other and may not import one another.
 */
export const LAYERS = [
  ['catalog'], // cause ids, symptom ids, output kinds, condition ids, command templates
  ['i18n'], // messages and their types
  ['engine'], // lines, trees, replay, validation: pure, no facts of any output
  ['tree', 'examples'], // the decision trees and the example incidents: data
  ['parsers'], // one folder per output kind, the registry and the bundle splitter
  ['walk'], // one packet followed through the pasted rules (iptables, nftables, IPVS)
  ['compare'], // a good node's facts against a bad node's
  ['rules'], // one folder per cause, the rule list, rules/combine (facts of several outputs)
  ['diagnosis'], // judge (the only place rules run), render, routes on facts, bundles
  ['share'], // the link codec, redaction, carried verdicts
  ['worker', 'stores', 'bench'], // parsing off the main thread, the page's state, benchmarks
  ['cli'], // the `triage` command (reads bytes through the worker's analysis)
  ['components'], // shared React views and hooks
  ['features'], // the screens
  ['app', 'pwa.ts'], // the React app and the service worker's registration
  ['main.tsx'], // the page's entry
];

/** Layers whose sub-folders are rooms of their own: one screen never imports another's files. */
const ROOMS = new Set(['features']);

const rankOf = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, i])));

/** Where a file of src/ sits: its top folder (or file), and its room for ROOMS layers. */
export function placeOf(file) {
  const rel = relative(SRC, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  const top = parts[0];
  if (!rankOf.has(top)) return null;
  const room = ROOMS.has(top) && parts.length > 2 ? `${top}/${parts[1]}` : top;
  return { top, room, rank: rankOf.get(top) };
}

const isTest = (file) => /\.test\.tsx?$/.test(file) || relative(SRC, file).startsWith('testing');

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = normalize(join(dirname(from), spec));
  for (const c of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // not this candidate
    }
  }
  return null;
}

const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The import graph of src/ (tests left out), read once per lint run. */
let graph = null;
function importGraph() {
  if (graph) return graph;
  graph = new Map();
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'fixtures') walk(p);
      } else if (/\.tsx?$/.test(e.name) && !isTest(p)) {
        const text = readFileSync(p, 'utf8');
        const deps = [];
        for (const m of text.matchAll(IMPORT_RE)) {
          const target = resolveImport(p, m[1] ?? m[2]);
          if (target && /\.tsx?$/.test(target)) deps.push(target);
        }
        graph.set(p, deps);
      }
    }
  };
  walk(SRC);
  return graph;
}

/** A shortest import circle through `file`, as paths from the project's root, or null. */
export function circleThrough(file, g = importGraph()) {
  // Breadth first from `file`; `prev` remembers who reached each module first.
  const prev = new Map();
  const queue = [file];
  for (let i = 0; i < queue.length; i++) {
    for (const d of g.get(queue[i]) ?? []) {
      if (d === file) {
        const path = [file];
        for (let at = queue[i]; at !== file; at = prev.get(at)) path.unshift(at);
        return [file, ...path].map((p) => relative(ROOT, p));
      }
      if (!prev.has(d)) {
        prev.set(d, queue[i]);
        queue.push(d);
      }
    }
  }
  return null;
}

const pointsDown = {
  meta: {
    type: 'problem',
    docs: { description: 'imports of src/ point down the layers (lint/layers.js)' },
    messages: {
      up: '{{from}} (layer {{fromRank}}) may not import {{to}} (layer {{toRank}}): imports point down (lint/layers.js)',
      sideways:
        '{{from}} may not import {{to}}: rooms of one layer stand beside each other (lint/layers.js)',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const here = placeOf(file);
    if (!here || isTest(file)) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      const target = resolveImport(file, spec);
      const there = target && placeOf(target);
      if (!there || there.room === here.room) return;
      const data = { from: here.room, to: there.room, fromRank: here.rank, toRank: there.rank };
      if (there.rank > here.rank) context.report({ node, messageId: 'up', data });
      else if (there.rank === here.rank) context.report({ node, messageId: 'sideways', data });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const noCircle = {
  meta: {
    type: 'problem',
    docs: { description: 'no import circle in src/ (lint/layers.js)' },
    messages: { circle: 'import circle: {{path}}' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    if (!placeOf(file) || isTest(file)) return {};
    return {
      Program(node) {
        const path = circleThrough(file);
        if (path) context.report({ node, messageId: 'circle', data: { path: path.join(' -> ') } });
      },
    };
  },
};

export default { rules: { 'imports-point-down': pointsDown, 'no-circle': noCircle } };
