import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';

// Fixture 18: the controller's log of upstream timeouts, quoted line by line as the thread had it.
const LOG = readTestData(
  'fixtures/18-ingressnginx9443-upstream-timeout-quoted/ingress-controller.log',
);
const SILENT = [
  'upstream-refused',
  'ingress-upstream-keepalive-mismatch',
  'ingress-upstream-header-too-big',
];

describe('a log rules out only what it could have shown', () => {
  it('a whole log of timeouts rules out the causes it is silent about', () => {
    const d = diagnoseTexts({ log: LOG }, {}, 'ingress-5xx');
    for (const c of SILENT) expect(verdictOf(d, c), c).toBe('ruled-out');
  });

  it('with a line that could not be read, its silence proves nothing', () => {
    const d = diagnoseTexts(
      { log: `${LOG}> %%%% a line no parser reads %%%%\n` },
      {},
      'ingress-5xx',
    );
    expect(verdictOf(d, 'upstream-timeout')).toMatch(/^found/);
    for (const c of SILENT) expect(verdictOf(d, c), c).toBe('no-evidence');
  });
});
