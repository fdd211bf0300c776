import { describe, expect, it } from 'vitest';
import { SYMPTOMS, isSymptomId } from '../catalog/causes';
import { diagnose } from '../diagnosis/diagnose';
import { parsePaste } from '../parsers/registry';
import { fixtureCases } from '../testing/test-data';
import { RULES } from '.';

// Every public fixture: no forbidden cause may fire, and every expected cause that has a rule
// must be found. (Causes still without a rule are listed by rules-coverage.test.ts.)
describe.each(fixtureCases())('fixture $name', (c) => {
  const sections = c.files.flatMap((f) => parsePaste(f.text, f.name));
  const symptom = isSymptomId(c.symptom) ? c.symptom : null;
  const found = diagnose(symptom, sections).findings.map((f) => f.cause);

  it('reports no forbidden cause', () => {
    expect(found.filter((id) => c.forbid.includes(id))).toEqual([]);
  });

  it('reports every expected cause that has a rule', () => {
    const expected = c.expect.filter((id) => id in RULES);
    expect(expected.filter((id) => !found.includes(id as never))).toEqual([]);
  });

  // The symptom orders the questions; it neither hides a proven cause nor admits a forbidden one.
  it.each(SYMPTOMS.filter((s) => s !== symptom))('holds under the symptom %s too', (other) => {
    const there = diagnose(other, sections).findings.map((f) => f.cause as string);
    expect(there.filter((id) => c.forbid.includes(id))).toEqual([]);
    expect(c.expect.filter((id) => id in RULES && !there.includes(id))).toEqual([]);
  });

  it('is diagnosed the same with every symptom class pooled', () => {
    const all = diagnose(null, sections).findings.map((f) => f.cause);
    for (const id of found) expect(all).toContain(id);
  });
});
