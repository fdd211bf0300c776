import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CauseId } from '../../catalog/causes';
import { parsePaste } from '../../parsers/registry';
import { RULES } from '..';
import { contextOf } from '../rule';

/** kube-proxy's own expected iptables ruleset (src/walk/fixtures/oracle/SOURCES.md). */
const DUMP = readFileSync(
  new URL('../../walk/fixtures/oracle/kube-proxy-iptables.txt', import.meta.url),
  'utf8',
);
const sections = parsePaste(DUMP, 'iptables-save.txt');
const check = (cause: CauseId, vars: Record<string, string>) =>
  RULES[cause]!.check(contextOf(sections, vars));

describe('rules read the packet walk as evidence', () => {
  it('a NodePort whose packet dies on a Local-policy drop: the finding cites the line', () => {
    const r = check('etp-local-no-endpoint', { port: '3001', node: '192.168.1.10' });
    expect(r.type).toBe('finding');
    if (r.type !== 'finding') return;
    expect(r.confidence).toBe('high');
    expect(r.also).toEqual([
      {
        key: 'walkCite.drop',
        params: {
          target: '192.168.1.10:3001',
          line: 36,
          rule: expect.stringContaining('ns2/svc2:p80 has no local endpoints') as string,
        },
      },
    ]);
    expect(r.evidence.map((e) => e.line)).toContain(36);
  });

  it('a node named, not addressed: the walk still runs, and the finding names the node', () => {
    const r = check('etp-local-no-endpoint', { port: '3001', node: 'k8s-node03' });
    expect(r.type === 'finding' && r.also?.[0]?.params?.target).toBe('k8s-node03:3001');
  });

  it('a NodePort kube-proxy sends to its endpoints rules out what would have stopped it', () => {
    for (const cause of ['service-no-endpoints', 'kube-proxy-rules-missing'] as const) {
      const r = check(cause, { port: '3003', node: '192.168.1.10' });
      expect(r.type, cause).not.toBe('finding');
    }
    const missing = check('kube-proxy-rules-missing', { port: '3003', node: '192.168.1.10' });
    expect(missing.type).toBe('ruled-out');
  });

  it('changes nothing without a NodePort to walk to', () => {
    const plain = RULES['etp-local-no-endpoint']!.check(contextOf(sections, {}));
    expect(plain.type === 'finding' ? plain.also : undefined).toBeUndefined();
  });
});
