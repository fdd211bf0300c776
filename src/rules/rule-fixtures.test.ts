import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, isSymptomId } from '../catalog/causes';
import { diagnose } from '../diagnosis/diagnose';
import { parsePaste } from '../parsers/registry';
import { ruleFixtures } from '../testing/rule-fixtures';
import { RULES } from '.';

// Causes whose fix is a setting: each needs a "fixed" fixture that its rule must rule out.
const SETTING_FIXES = [
  'tcp-tw-recycle-nat',
  'forward-drop',
  'nodeport-port-range-clash',
  'rp-filter-asymmetric',
  'br-netfilter-off',
  'vxlan-checksum-offload',
  'ipvs-conn-reuse-delay',
  'conntrack-invalid-rst',
  'arp-neigh-overflow',
  'ingress-http2-bad-ciphers',
  'ingress-hostnetwork-dns',
];

const all = CAUSE_IDS.flatMap((c) => ruleFixtures(c));

describe.each(all.map((f) => ({ ...f, label: `${f.cause}/${f.name}` })))('$label', (f) => {
  const sections = parsePaste(f.text, f.name);
  const symptom = f.meta.symptom && isSymptomId(f.meta.symptom) ? f.meta.symptom : null;
  const d = diagnose(symptom, sections, f.meta.vars ?? {});

  it('names its source', () => expect(f.meta.source.length).toBeGreaterThan(8));

  it('is read as what it is', () => {
    for (const s of sections)
      expect(s.status, `${s.source}: ${JSON.stringify(s.problems[0])}`).not.toBe('rejected');
  });

  it(`is ${f.expect} for ${f.cause}`, () => {
    const found = d.findings.find((x) => x.cause === f.cause);
    if (f.expect === 'broken') {
      expect(found, 'a finding').toBeDefined();
      if (f.meta.confidence) expect(found!.confidence).toBe(f.meta.confidence);
      expect(found!.evidence.length).toBeGreaterThan(0);
      for (const e of found!.evidence) expect(f.text).toContain(e.text);
    } else expect(found, 'no finding').toBeUndefined();
    if (f.expect === 'fixed') expect(d.ruledOut.map((r) => r.cause)).toContain(f.cause);
  });
});

describe('rule coverage', () => {
  it('every cause of the catalog has a rule', () => {
    expect(CAUSE_IDS.filter((c) => !RULES[c])).toEqual([]);
  });

  it.each(CAUSE_IDS)(
    '%s has broken and healthy fixtures (and fixed when its fix is a setting)',
    (cause) => {
      const kinds = new Set(ruleFixtures(cause).map((f) => f.expect));
      expect(kinds).toContain('broken');
      expect(kinds).toContain('healthy');
      if (SETTING_FIXES.includes(cause)) expect(kinds).toContain('fixed');
    },
  );
});
