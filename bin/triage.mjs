#!/usr/bin/env node
// The `triage` command line (see README). Runs dist-cli/triage.mjs, rebuilding it first
// when it is missing or older than anything under src/ (a checkout being edited).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist-cli', 'triage.mjs');
const src = join(root, 'src');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** Is anything under src/ (or the build script) newer than `since`? */
function newerThan(since) {
  if (mtime(join(root, 'scripts', 'build-cli.mjs')) > since) return true;
  for (const entry of readdirSync(src, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && mtime(join(entry.parentPath, entry.name)) > since) return true;
  }
  return false;
}

const builtAt = mtime(built);
if (existsSync(src) && (builtAt < 0 || newerThan(builtAt))) {
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
