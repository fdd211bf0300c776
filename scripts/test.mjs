#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure with its exit code.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const steps = [
  ['types', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['format', bin('prettier'), ['--check', '.']],
  ['unit tests', bin('vitest'), ['run']],
  ['build', bin('vite'), ['build']],
  ['browser', process.execPath, ['scripts/check-browser.mjs']],
  ['browser tests', bin('playwright'), ['test']],
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const started = Date.now();
const took = [];
for (const [index, [name, command, args]] of steps.entries()) {
  const shown = [command === process.execPath ? 'node' : command.split('/').pop(), ...args];
  console.log(`\n==> [${index + 1}/${steps.length}] ${name}: ${shown.join(' ')}`);
  const t0 = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  took.push(`${name} ${seconds(Date.now() - t0)}`);
  const code = result.error ? 127 : (result.status ?? 1);
  if (code !== 0) {
    if (result.error) console.error(result.error.message);
    console.error(
      `\nnpm test: FAILED at step ${index + 1}/${steps.length} (${name}), exit code ${code}, after ${seconds(Date.now() - started)}`,
    );
    process.exit(code);
  }
}
console.log(
  `\nnpm test: PASSED, all ${steps.length} steps in ${seconds(Date.now() - started)} (${took.join(', ')})`,
);
