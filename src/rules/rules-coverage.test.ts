import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../causes/catalog';
import { fixtureCases } from '../testing/shared';
import { RULES } from '.';

// The causes the walking skeleton promises; later work adds the rest of the catalog.
const REQUIRED = ['tcp-tw-recycle-nat', 'kube-proxy-rules-missing', 'etp-local-no-endpoint'];

describe('rule coverage', () => {
  it('has a rule for each required cause, registered under its own id', () => {
    for (const id of REQUIRED) expect(RULES).toHaveProperty(id);
    for (const [id, rule] of Object.entries(RULES)) expect(rule!.cause).toBe(id);
    for (const id of Object.keys(RULES)) expect(CAUSE_IDS).toContain(id);
  });

  it('has a public fixture expecting each required cause', () => {
    const expected = new Set(fixtureCases().flatMap((c) => c.expect));
    for (const id of REQUIRED) expect(expected).toContain(id);
  });
});
