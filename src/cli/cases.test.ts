import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYMPTOMS, isSymptomId, type SymptomId } from '../catalog/causes';
import { diagnose } from '../diagnosis/diagnose';
import { TEST_DATA, realCases, type FixtureCase } from '../testing/test-data';
import { parseInputs, readInputs } from './inputs';

// The real cases of test-data/cases/ (pastes as posted in public threads, with their
// decoration), through the same path as `triage diagnose --symptom S FILE...`: the files read
// as bytes, split and parsed as the CLI does, diagnosed for the case's symptom.
describe('real cases (test-data/cases) diagnosed as `triage diagnose` does', () => {
  const cases = realCases();

  it('every case is well formed', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(isSymptomId(c.symptom), `${c.name}: symptom`).toBe(true);
      expect(c.files.length, `${c.name}: no paste`).toBeGreaterThan(0);
      expect(
        c.expect.filter((id) => c.forbid.includes(id)),
        `${c.name}: expect ∩ forbid`,
      ).toEqual([]);
    }
  });

  async function verdict(c: FixtureCase, symptom = c.symptom) {
    if (!isSymptomId(symptom)) throw new Error(`${c.name}: bad symptom ${symptom}`);
    const inputs = readInputs(c.files.map((f) => join(TEST_DATA, 'cases', c.name, f.name)));
    const d = diagnose(symptom, await parseInputs(inputs), {}, 'en');
    const found: string[] = d.findings.map((f) => f.cause);
    return {
      missing: c.expect.filter((id) => !found.includes(id)),
      falseAlarms: c.forbid.filter((id) => found.includes(id)),
    };
  }

  it.each(cases.filter((c) => !c.unresolved))('$name', async (c) => {
    expect(await verdict(c)).toEqual({ missing: [], falseAlarms: [] });
  });

  // Evidence over the chosen symptom: the symptom orders the questions, it neither hides a
  // proven cause nor lets a forbidden one through, so every case holds under every symptom.
  it.each(cases.filter((c) => !c.unresolved))('$name, under every other symptom', async (c) => {
    const others = SYMPTOMS.filter((s: SymptomId) => s !== c.symptom);
    const verdicts = await Promise.all(others.map((s) => verdict(c, s)));
    expect(Object.fromEntries(others.map((s, i) => [s, verdicts[i]]))).toEqual(
      Object.fromEntries(others.map((s) => [s, { missing: [], falseAlarms: [] }])),
    );
  });

  // Known gaps, each explained by the case's `unresolved` note: kept failing on purpose, so that
  // the day one is fixed this test says so and the note is dropped.
  it.each(cases.filter((c) => c.unresolved))('$name (known gap)', async (c) => {
    const v = await verdict(c);
    expect(
      v.missing.length + v.falseAlarms.length,
      `${c.name} is now diagnosed right: remove "unresolved" from its case.json`,
    ).toBeGreaterThan(0);
  });
});
