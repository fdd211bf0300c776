#!/usr/bin/env node
// Bundles the `triage` command line (src/cli/main.ts, the same engine as the app) into
// dist-cli/triage.mjs for Node 20. Dependencies stay in node_modules (not bundled).
//
//   node scripts/build-cli.mjs [--if-present] [--quiet]
//
// --if-present: a missing src/cli/main.ts is a note, not an error (`npm ci` runs this
// as `prepare` before the CLI source may exist).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const entry = join(root, 'src', 'cli', 'main.ts');
export const outfile = join(root, 'dist-cli', 'triage.mjs');

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
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    minify: false,
    sourcemap: false,
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
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  // Write and rename, so a concurrent `triage` never imports a half-written file.
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, output.contents);
  try {
    renameSync(tmp, outfile);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return outfile;
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
