#!/usr/bin/env node
// Bundles the `triage` command line (src/cli/main.ts, the same engine as the app) into
// dist-cli/triage.mjs for Node 20, with the parts only some commands need in dist-cli/chunks/
// (a process starts for every call, so each loads no more than it uses), and
// dist-cli/inputs.json: the source files it was built from, which bin/triage.mjs checks.
// Dependencies stay in node_modules (not bundled).
//
//   node scripts/build-cli.mjs [--if-present] [--quiet]
//
// --if-present: a missing src/cli/main.ts is a note, not an error (`npm ci` runs this
// as `prepare` before the CLI source may exist).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const entry = join(root, 'src', 'cli', 'main.ts');
export const outdir = join(root, 'dist-cli');
export const outfile = join(outdir, 'triage.mjs');
/** The source files the build read, relative to the checkout. */
export const manifest = join(outdir, 'inputs.json');

/** `import text from './x?raw'`, as Vite does it, for files the engine shares with the app. */
const rawPlugin = {
  name: 'raw',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: join(args.resolveDir, args.path.slice(0, -'?raw'.length)),
      namespace: 'raw',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/** Builds dist-cli/triage.mjs; throws when the build fails. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { triage: entry },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    charset: 'utf8',
    minify: false,
    sourcemap: false,
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [rawPlugin],
    // Shared code may ask which build it is in, as app code does under Vite.
    define: {
      'import.meta.env': JSON.stringify({
        MODE: 'cli',
        DEV: false,
        PROD: true,
        SSR: true,
        BASE_URL: './',
        VITE_SINGLE: '',
      }),
    },
  });
  if (!result.outputFiles.some((f) => f.path === outfile))
    throw new Error('esbuild produced no CLI');
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.startsWith('<')) // esbuild's own `define` inputs
    .map((f) => f.replace(/^raw:/, ''));
  const files = [
    ...result.outputFiles.map((f) => ({ path: f.path, contents: f.contents })),
    {
      path: manifest,
      contents: JSON.stringify(inputs.map((f) => relative(root, resolve(root, f)))),
    },
  ];
  // Chunks first, the entry and the manifest last, each written and renamed: a `triage`
  // started meanwhile runs the old build or the new one, never half of a file.
  files.sort((a, b) => rank(a.path) - rank(b.path));
  for (const f of files) writeAtomically(f.path, f.contents);
  // Chunks of earlier builds: content-hashed names, so nothing the new entry uses.
  const chunks = join(outdir, 'chunks');
  const current = new Set(files.map((f) => f.path));
  for (const name of readdirSync(chunks))
    if (!current.has(join(chunks, name))) rmSync(join(chunks, name), { force: true });
  return outfile;
}

const rank = (path) => (path === manifest ? 2 : path === outfile ? 1 : 0);

function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  try {
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

async function main(args) {
  const quiet = args.includes('--quiet');
  if (!existsSync(entry)) {
    if (args.includes('--if-present')) {
      if (!quiet) console.log('build-cli: src/cli/main.ts does not exist yet; no CLI built.');
      return 0;
    }
    console.error('build-cli: src/cli/main.ts is missing, so there is no `triage` CLI to build.');
    return 1;
  }
  try {
    await buildCli();
  } catch (error) {
    const errors =
      /** @type {{ errors?: { text: string, location?: { file: string, line: number } }[] }} */ (
        error
      ).errors;
    for (const e of errors ?? []) {
      console.error(
        `build-cli: ${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`,
      );
    }
    if (!errors?.length)
      console.error(`build-cli: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
  if (!quiet) console.log('build-cli: dist-cli/triage.mjs');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
