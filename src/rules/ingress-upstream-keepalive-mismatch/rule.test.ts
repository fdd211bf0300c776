import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';
import { readRules } from '../../testing/read-rules';

const cause = 'ingress-upstream-keepalive-mismatch';
const premature = readRules(
  'ingress-upstream-keepalive-mismatch/fixtures/broken--in12285-premature-close.txt',
);
const refused = readTestData('fixtures/21-ingressnginx8731-502-refused/ingress-controller.log');
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds "prematurely closed ... while reading response header" (ingress-nginx#12285)', () => {
    const f = diagnoseTexts({ premature }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.fix.now).toContain('"upstream-keepalive-timeout":"4"');
  });

  it('rules it out without keepalive to the pods, or with other errors (fixture 21)', () => {
    const cm = 'upstream-keepalive-connections: "0"\nproxy-read-timeout: "60"\nuse-http2: "true"\n';
    expect(verdict({ premature, cm })).toBe('ruled-out');
    expect(verdict({ refused })).toBe('ruled-out');
  });
});
