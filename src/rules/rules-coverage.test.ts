import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../catalog/causes';
import { fixtureCases } from '../testing/test-data';
import { RULES } from '.';

// Every cause of the catalog has its rule.
const REQUIRED = CAUSE_IDS;

describe('rule coverage', () => {
  it('has a rule for each required cause, registered under its own id', () => {
    for (const id of REQUIRED) expect(RULES).toHaveProperty(id);
    for (const [id, rule] of Object.entries(RULES)) expect(rule!.cause).toBe(id);
    for (const id of Object.keys(RULES)) expect(CAUSE_IDS).toContain(id);
  });

  it('is tested by the public fixtures for every cause they expect', () => {
    const expected = new Set(fixtureCases().flatMap((c) => c.expect));
    for (const id of expected) expect(REQUIRED).toContain(id);
  });
});
