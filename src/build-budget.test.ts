// The build's own checks: the first screen's script budget (scripts/check-budget.mjs) and
// which of mermaid's chunks the precache leaves out (vite.config.ts, unusedChunks).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JS script of the build, without types
import { htmlScripts, measureFirstScreen, staticImports } from '../scripts/check-budget.mjs';
import { unusedChunks } from '../vite.config';

const script = fileURLToPath(new URL('../scripts/check-budget.mjs', import.meta.url));

/** A built app: index.html loads entry.js, which imports a.js and lazily b.js. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'net-triage-budget-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    [
      '<script type="module" crossorigin src="./assets/entry.js"></script>',
      '<link rel="modulepreload" crossorigin href="./assets/a.js">',
      '<link rel="stylesheet" crossorigin href="./assets/app.css">',
      '<script src="https://elsewhere.example/x.js"></script>',
    ].join('\n'),
  );
  const noise = (n: number) => Array.from({ length: n }, (_, i) => `v${i * 7919}`).join(',');
  writeFileSync(
    join(dir, 'assets/entry.js'),
    `import{a}from"./a.js";const l=()=>import("./b.js");export const e=[${noise(2000)}];`,
  );
  writeFileSync(join(dir, 'assets/a.js'), `import"./c.js";export const a=1;`);
  writeFileSync(join(dir, 'assets/c.js'), `export const c=[${noise(500)}];`);
  writeFileSync(join(dir, 'assets/b.js'), `export const b=[${noise(50000)}];`);
  writeFileSync(join(dir, 'assets/app.css'), 'body{color:red}');
  return dir;
}

describe('scripts/check-budget.mjs', () => {
  it('reads the scripts an HTML page loads at once, its own only', () => {
    expect(
      htmlScripts(
        '<script type="module" src="./assets/i.js"></script><link rel="modulepreload" href="./assets/p.js">' +
          '<link rel="stylesheet" href="./assets/s.css"><script src="//cdn.example/x.js"></script>',
      ),
    ).toEqual(['./assets/i.js', './assets/p.js']);
  });

  it('follows static imports, not import()', () => {
    expect(
      staticImports(
        'import{a as b}from"./a.js";import"./c.js";export*from"../d.js";import("./e.js")',
      ),
    ).toEqual(['./a.js', './c.js', '../d.js']);
  });

  it('counts the entry and its static imports, not the lazy chunks', () => {
    const { scripts, total } = measureFirstScreen(fakeDist()) as {
      scripts: { file: string; gzip: number }[];
      total: number;
    };
    expect(scripts.map((s) => s.file).sort()).toEqual([
      'assets/a.js',
      'assets/c.js',
      'assets/entry.js',
    ]);
    expect(total).toBe(scripts.reduce((sum, s) => sum + s.gzip, 0));
  });

  it('prints the total and fails above the budget', () => {
    const dir = fakeDist();
    const ok = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/first screen: [\d.]+ KB of script gzip in 3 files \(budget 150 KB/);
    const over = spawnSync(process.execPath, [script, dir, '--budget', '0.1'], {
      encoding: 'utf8',
    });
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/FAILED, first screen/);
  });
});

describe('unusedChunks (vite.config.ts)', () => {
  const chunk = (
    fileName: string,
    facadeModuleId: string | null,
    imports: string[] = [],
    dynamicImports: string[] = [],
    isEntry = false,
  ) => ({ type: 'chunk', fileName, facadeModuleId, imports, dynamicImports, isEntry });
  const mm = '/app/node_modules/mermaid/dist/chunks/mermaid.core';
  const bundle = (flow = 'flowDiagram-HODETNUW') =>
    Object.fromEntries(
      [
        chunk('index.js', '/app/index.html', [], ['Flowchart.js', 'Wizard.js'], true),
        chunk('Wizard.js', '/app/src/features/wizard/Wizard.tsx'),
        chunk('Flowchart.js', '/app/src/Flowchart.tsx', [], ['mermaid.core.js']),
        chunk(
          'mermaid.core.js',
          '/app/node_modules/mermaid/dist/mermaid.core.mjs',
          ['d3.js'],
          ['flow.js', 'gantt.js', 'dagre-layout.js'],
        ),
        chunk('flow.js', `${mm}/${flow}.mjs`, ['shared.js']),
        chunk('gantt.js', `${mm}/ganttDiagram-EL5Y4UJY.mjs`, ['shared.js', 'gantt-only.js']),
        chunk('gantt-only.js', null),
        chunk('shared.js', null, [], ['katex.js']),
        chunk('katex.js', '/app/node_modules/katex/dist/katex.mjs'),
        chunk('dagre-layout.js', `${mm}/dagre-GXQ25YYZ.mjs`),
        chunk('d3.js', null),
      ].map((c) => [c.fileName, c]),
    ) as unknown as Rolldown.OutputBundle;

  it("leaves out mermaid's other diagram types and KaTeX, keeps the flowchart's chunks", () => {
    expect(unusedChunks(bundle()).sort()).toEqual(['gantt-only.js', 'gantt.js', 'katex.js']);
  });

  it('fails the build when mermaid no longer has a flowDiagram chunk', () => {
    expect(() => unusedChunks(bundle('flowchartDiagram-AAAA1111'))).toThrow(/flowDiagram/);
  });
});
