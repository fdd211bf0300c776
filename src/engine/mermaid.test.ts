import { describe, expect, it } from 'vitest';
import { defineTree, evidence, outcome, question } from './tree';
import { treeToMermaid } from './mermaid';

// Two fact routes lead from one step to the same verdict; the walk took only one of them.
const tree = defineTree('nodeport-one-node', {
  start: 'port',
  nodes: {
    port: question({ var: 'port', input: { kind: 'value', validate: 'nodeport', next: 'rules' } }),
    rules: evidence({
      wants: ['iptables-save'],
      command: 'iptables-save',
      where: 'bad-node',
      next: {
        branch: [
          { if: 'found:kube-proxy-rules-missing', go: 'verdict' },
          { if: 'found:etp-local-no-endpoint', go: 'verdict' },
        ],
        otherwise: 'verdict',
      },
    }),
    verdict: outcome({
      causes: ['kube-proxy-rules-missing', 'etp-local-no-endpoint'],
      collect: [],
    }),
  },
});

const taken = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.includes('linkStyle'))
    .map((l) => Number(/linkStyle (\d+)/.exec(l)![1]));

describe('treeToMermaid', () => {
  const base = { label: (n: string) => n, path: ['port', 'rules', 'verdict'], current: 'verdict' };

  it('draws as taken only the route whose fact held, not every route to the same step', () => {
    // Edges in order: port→rules (0), rules→verdict by rules-missing (1), by etp-local (2), otherwise (3).
    expect(
      taken(treeToMermaid(tree, { ...base, via: { rules: 'found:etp-local-no-endpoint' } })),
    ).toEqual([0, 2]);
    expect(taken(treeToMermaid(tree, { ...base, via: { rules: 'otherwise' } }))).toEqual([0, 3]);
  });

  it('marks the visited steps and the current one', () => {
    const text = treeToMermaid(tree, { ...base, via: { rules: 'otherwise' } });
    expect(text).toContain('class n0,n1 visited');
    expect(text).toContain('class n2 current');
  });
});
