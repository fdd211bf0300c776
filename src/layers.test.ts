import { ESLint } from 'eslint';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JS module of the lint config, without types
import { circleThrough } from '../lint/layers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(file: string, code: string) {
  const [r] = await eslint.lintText(code, { filePath: `${ROOT}${file}` });
  return r!.messages.filter((m) => m.ruleId?.startsWith('layers/')).map((m) => m.message);
}

describe('the layering rule (lint/layers.js)', () => {
  it('fails an engine file that imports the rules (an import that runs up)', async () => {
    const errors = await layerErrors(
      'src/engine/wrong.ts',
      "import { RULES } from '../rules';\nexport const n = Object.keys(RULES).length;\n",
    );
    expect(errors).toEqual([expect.stringMatching(/engine \(layer 2\) may not import rules/)]);
  });

  it('fails i18n importing the engine, and parsers importing the worker', async () => {
    expect(
      await layerErrors('src/i18n/wrong.ts', "export type { Line } from '../engine/types';\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'src/parsers/wrong.ts',
        "export { analysePaste } from '../worker/analyse';\n",
      ),
    ).toHaveLength(1);
  });

  it('lets a module import downwards and within its own folder', async () => {
    const code =
      "import { CAUSE_IDS } from '../catalog/causes';\nimport { contextOf } from './rule';\nexport const x = [CAUSE_IDS, contextOf];\n";
    expect(await layerErrors('src/rules/fine.ts', code)).toEqual([]);
  });

  it('fails one screen importing another screen, and lets screens share components', async () => {
    const wrong = await layerErrors(
      'src/features/wizard/wrong.tsx',
      "export { PasteAll } from '../paste/PasteAll';\n",
    );
    expect(wrong).toEqual([expect.stringMatching(/features\/wizard.*features\/paste/)]);
    expect(
      await layerErrors(
        'src/features/wizard/fine.tsx',
        "export { DiagnosisView } from '../../components/diagnosis/DiagnosisView';\n",
      ),
    ).toEqual([]);
  });

  it('finds a circle in an import graph', () => {
    const g = new Map([
      ['/r/a.ts', ['/r/b.ts']],
      ['/r/b.ts', ['/r/c.ts']],
      ['/r/c.ts', ['/r/a.ts']],
      ['/r/d.ts', ['/r/a.ts']],
    ]);
    expect(circleThrough('/r/a.ts', g)).toEqual(
      ['/r/a.ts', '/r/b.ts', '/r/c.ts', '/r/a.ts'].map((p) => relative(ROOT, p)),
    );
    expect(circleThrough('/r/d.ts', g)).toBeNull();
  });
});
