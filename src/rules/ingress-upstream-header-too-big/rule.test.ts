import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';
import { readRules } from '../../testing/read-rules';

const cause = 'ingress-upstream-header-too-big';
const big = readRules(
  'ingress-upstream-header-too-big/fixtures/broken--nic2123-too-big-header.txt',
);
const refused = readTestData('fixtures/21-ingressnginx8731-502-refused/ingress-controller.log');
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds "upstream sent too big header" (nginx/kubernetes-ingress#2123)', () => {
    const f = diagnoseTexts({ big }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('high');
    expect(f.fix.now).toContain('nginx.ingress.kubernetes.io/proxy-buffer-size=16k');
  });

  it('rules it out when the 502s have another reason (fixture 21)', () => {
    expect(verdict({ refused })).toBe('ruled-out');
  });
});
