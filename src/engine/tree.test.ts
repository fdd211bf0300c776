import { describe, expect, it } from 'vitest';
import { CAUSES, isCauseId, SYMPTOMS } from '../causes/catalog';
import { COMMANDS } from '../commands/commands';
import { TREES } from '../tree';
import { allPaths, replay } from './replay';
import { defineTree, evidence, outcome, question } from './tree';

describe.each(SYMPTOMS.map((s) => ({ id: s, tree: TREES[s] })))('tree $id', ({ id, tree }) => {
  const paths = allPaths(tree);

  it('reaches every node', () => {
    const seen = new Set(paths.flatMap((p) => p.nodes));
    expect(Object.keys(tree.nodes).filter((n) => !seen.has(n))).toEqual([]);
  });

  it.each(paths.map((p) => [p.nodes.join(' > '), p] as const))(
    '%s ends in an outcome of its class',
    (_, p) => {
      const end = tree.nodes[p.nodes.at(-1)!]!;
      expect(end.type).toBe('outcome');
      if (end.type !== 'outcome') return;
      expect(end.causes.length).toBeGreaterThan(0);
      for (const c of end.causes) {
        expect(isCauseId(c)).toBe(true);
        expect(CAUSES[c] as readonly string[]).toContain(id);
      }
      for (const c of end.collect) expect(COMMANDS).toHaveProperty(c);
      // The state that walks this path replays to the same outcome.
      expect(replay(tree, p.state, [], p.assume).steps.map((s) => s.node)).toEqual(p.nodes);
    },
  );

  it('shows a known command on every evidence step', () => {
    for (const node of Object.values(tree.nodes)) {
      if (node.type === 'evidence' && node.command) expect(COMMANDS).toHaveProperty(node.command);
    }
  });
});

describe('defineTree', () => {
  const end = outcome({ causes: ['forward-drop'], collect: [] });
  it('rejects an unknown target', () => {
    expect(() =>
      defineTree('x', {
        start: 'a',
        nodes: { a: evidence({ wants: [], where: 'bad-node', next: 'nope' }) },
      }),
    ).toThrow(/unknown node "nope"/);
  });
  it('rejects an unreachable node', () => {
    expect(() => defineTree('x', { start: 'a', nodes: { a: end, b: end } })).toThrow(
      /unreachable nodes: b/,
    );
  });
  it('rejects a cycle', () => {
    expect(() =>
      defineTree('x', {
        start: 'a',
        nodes: {
          a: question({ input: { kind: 'choice', options: { y: 'b', n: 'c' } } }),
          b: evidence({ wants: [], where: 'bad-node', next: 'a' }),
          c: end,
        },
      }),
    ).toThrow(/cycle/);
  });
  it('rejects an unknown condition', () => {
    expect(() =>
      defineTree('x', {
        start: 'a',
        nodes: {
          a: evidence({
            wants: [],
            where: 'bad-node',
            // The type forbids this too; data loaded at run time is checked all the same.
            next: { branch: [{ if: 'no-such' as never, go: 'b' }], otherwise: 'b' },
          }),
          b: end,
        },
      }),
    ).toThrow(/unknown condition/);
  });
});
