import { describe, expect, it } from 'vitest';
import { defineTree, evidence, outcome, question } from './tree';
import { drawnIds, treeToMermaid } from './mermaid';

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

  it('draws routes to one step as one arrow, and ticks only the route whose fact held', () => {
    const edgeLabel = (_: string, e: { condition?: string; otherwise?: boolean }) =>
      e.condition ?? (e.otherwise ? 'otherwise' : '');
    const etp = treeToMermaid(tree, {
      ...base,
      edgeLabel,
      via: { rules: 'found:etp-local-no-endpoint' },
    });
    // Arrows: port→rules (0), rules→verdict (1) with its three routes.
    expect(taken(etp)).toEqual([0, 1]);
    expect(etp).toContain(
      'n1 -->|"found:kube-proxy-rules-missing<br>✓ found:etp-local-no-endpoint<br>otherwise"| n2',
    );
    const none = treeToMermaid(tree, { ...base, edgeLabel, via: { rules: 'otherwise' } });
    expect(none).toContain('<br>✓ otherwise"|');
    expect(none).not.toContain('✓ found');
  });

  it('draws a verdict that several steps reach once under each, and marks the copy reached', () => {
    const two = defineTree('nodeport-one-node', {
      start: 'a',
      nodes: {
        a: evidence({
          wants: ['iptables-save'],
          command: 'iptables-save',
          where: 'bad-node',
          next: {
            branch: [{ if: 'found:kube-proxy-rules-missing', go: 'verdict' }],
            otherwise: 'b',
          },
        }),
        b: evidence({
          wants: ['sysctl'],
          command: 'sysctl-nodeport',
          where: 'bad-node',
          next: {
            branch: [{ if: 'found:etp-local-no-endpoint', go: 'verdict' }],
            otherwise: 'end',
          },
        }),
        verdict: outcome({
          causes: ['kube-proxy-rules-missing', 'etp-local-no-endpoint'],
          collect: [],
        }),
        end: outcome({ causes: [], collect: [] }),
      },
    });
    const text = treeToMermaid(two, {
      label: (n) => n,
      path: ['a', 'b', 'verdict'],
      current: 'verdict',
    });
    expect(text).toContain('n2_n0(["verdict"])');
    expect(text).toContain('n2_n1(["verdict"])');
    expect(text).not.toMatch(/\bn2\(/);
    expect(text).toContain('n0 --> n1');
    expect(text).toContain('class n2_n1 current');
    expect(drawnIds(two, ['a', 'b', 'verdict'])).toEqual(['n0', 'n1', 'n2_n1']);
    expect(drawnIds(two, ['a', 'verdict'])).toEqual(['n0', 'n2_n0']);
  });

  it('marks the visited steps and the current one', () => {
    const text = treeToMermaid(tree, { ...base, via: { rules: 'otherwise' } });
    expect(text).toContain('class n0,n1 visited');
    expect(text).toContain('class n2 current');
  });
});
