import { describe, expect, it } from 'vitest';
import { CAUSES, causesOf, isCauseId, SYMPTOMS } from '../catalog/causes';
import { COMMANDS } from '../catalog/commands';
import { TREES, TREE_IDS } from '../tree';
import { allPaths } from './replay';
import { replay } from '../diagnosis/replay';
import { defineTree, evidence, outcome, question } from './tree';

describe.each(TREE_IDS.map((id) => ({ id, tree: TREES[id] })))('tree $id', ({ id, tree }) => {
  const paths = allPaths(tree);
  const outcomes = paths.map((p) => tree.nodes[p.nodes.at(-1)!]!);

  it('reaches every node', () => {
    const seen = new Set(paths.flatMap((p) => p.nodes));
    expect(Object.keys(tree.nodes).filter((n) => !seen.has(n))).toEqual([]);
  });

  it.each(paths.map((p) => [p.nodes.join(' > '), p] as const))(
    '%s ends in a diagnosis, a "collect this next", or a hand-over',
    (_, p) => {
      const end = tree.nodes[p.nodes.at(-1)!]!;
      expect(end.type).toBe('outcome');
      if (end.type !== 'outcome') return;
      if (end.route) expect(SYMPTOMS).toContain(end.route);
      else expect(end.causes.length + end.collect.length).toBeGreaterThan(0);
      for (const c of end.causes) {
        expect(isCauseId(c)).toBe(true);
        expect(CAUSES[c] as readonly string[]).toContain(id);
      }
      for (const c of end.collect) expect(COMMANDS).toHaveProperty(c);
      // The state that walks this path replays to the same outcome.
      expect(replay(tree, p.state, [], p.assume).steps.map((s) => s.node)).toEqual(p.nodes);
    },
  );

  it('can reach every cause of its class', () => {
    if (id === 'not-sure') {
      const routes = outcomes.flatMap((o) => (o.type === 'outcome' && o.route ? [o.route] : []));
      expect(new Set(routes)).toEqual(new Set(SYMPTOMS));
      return;
    }
    const reachable = new Set(outcomes.flatMap((o) => (o.type === 'outcome' ? o.causes : [])));
    expect(causesOf(id).filter((c) => !reachable.has(c))).toEqual([]);
  });

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
