import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAUSES, CAUSE_IDS, SYMPTOMS } from './causes';

// The catalog in the spec is the contract: every id there exists here with the same classes.
const spec = readFileSync(new URL('../../test-data/spec/causes.md', import.meta.url), 'utf8');
const rows = [...spec.matchAll(/^\| `([a-z0-9-]+)` \| ([a-z0-9, -]+) \|/gm)].map((m) => ({
  id: m[1]!,
  classes: m[2]!.split(',').map((s) => s.trim()),
}));

describe('cause catalog', () => {
  it('has every cause of causes.md with its symptom classes', () => {
    const specCauses = rows.filter((r) => !(SYMPTOMS as readonly string[]).includes(r.id));
    expect(specCauses.length).toBeGreaterThanOrEqual(33);
    for (const r of specCauses) {
      expect(CAUSE_IDS).toContain(r.id);
      expect([...CAUSES[r.id as keyof typeof CAUSES]].sort()).toEqual([...r.classes].sort());
    }
  });

  it('has the four symptom classes of causes.md', () => {
    const symptomTable = spec.slice(0, spec.indexOf('Seed column'));
    const specSymptoms = [...symptomTable.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect([...SYMPTOMS].sort()).toEqual([...specSymptoms].sort());
  });
});
