import { describe, expect, it } from 'vitest';
import { agrees, peerFiles, peerTable, readPeer } from '../testing/peer-corpus';

/**
 * jc's corpus of real outputs (test-data/peer/jc): every file is read as its family's kind (or
 * gets the near miss that names what to paste instead), and every countable fact jc's JSON
 * states that the facts or the summary also state agrees with it.
 */
const results = peerFiles().map(readPeer);

describe('the peer corpus (jc)', () => {
  it('holds the families it should', () => {
    expect(results.length).toBeGreaterThan(90);
    expect(results.filter((r) => r.family === null).map((r) => r.file)).toEqual([]);
  });

  it.each(results.map((r) => [r.file, r] as const))('%s is read as its family', (_, r) => {
    expect(r.recognised, JSON.stringify(r.read)).toBe(true);
  });

  it.each(results.filter((r) => r.checks.length > 0).map((r) => [r.file, r] as const))(
    '%s: the facts agree with jc',
    (_, r) => {
      for (const c of r.checks) expect(c.ours, c.what).toEqual(c.theirs);
      expect(r.checks.every(agrees)).toBe(true);
    },
  );

  it('per family', () => {
    const table = peerTable(results);
    if (process.env.PEER_TABLE) console.log(table);
    expect(table).not.toContain('(no family)');
  });
});
