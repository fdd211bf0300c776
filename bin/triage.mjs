#!/usr/bin/env node
// The `triage` command line (see README). Runs dist-cli/triage.mjs, rebuilding it first
// when it is missing or older than a source file it was built from (a checkout being edited).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist-cli', 'triage.mjs');
const manifest = join(root, 'dist-cli', 'inputs.json');
const src = join(root, 'src');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * Is the build older than the build script or a source file it read (or one of those gone)?
 * A new file matters only once an old one imports it, and then that one is newer.
 */
function stale(since) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {
    return true;
  }
  const paths = [join('scripts', 'build-cli.mjs'), ...inputs];
  return paths.some((p) => {
    const t = mtime(join(root, p));
    return t < 0 || t > since;
  });
}

const builtAt = mtime(built);
if (existsSync(src) && (builtAt < 0 || stale(builtAt))) {
  const { buildCli, entry } = await import('../scripts/build-cli.mjs');
  if (!existsSync(entry)) {
    console.error('triage: src/cli/main.ts is missing, so there is no CLI to run yet.');
    process.exit(1);
  }
  try {
    await buildCli();
  } catch (error) {
    const first = error?.errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}: ` : '';
    console.error(
      `triage: building the CLI failed: ${where}${first?.text ?? error?.message ?? error}`,
    );
    process.exit(1);
  }
}
await import(pathToFileURL(built).href);
