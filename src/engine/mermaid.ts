import type { Next, Tree } from './tree';

export interface MermaidOptions {
  /** A node's text. */
  label(node: string): string;
  /** An edge's text: a choice's option, or a fact route's condition. */
  edgeLabel?(
    from: string,
    edge: { option?: string; condition?: string; otherwise?: boolean },
  ): string;
  /** Nodes on the path taken, and the node the operator is at. */
  path?: string[];
  current?: string;
  /** The option chosen at each question on the path, so only that edge is drawn as taken. */
  chosen?: Record<string, string>;
  /** The fact route taken at each step (a condition, or `otherwise`), likewise. */
  via?: Record<string, string>;
}

/** Mermaid's node id for a tree node (stable: the node's index in the tree). */
export const mermaidId = (tree: Tree, node: string): string =>
  `n${Object.keys(tree.nodes).indexOf(node)}`;

/**
 * A tree as mermaid flowchart text: questions as hexagons, evidence steps as boxes,
 * outcomes as stadiums; the path taken and the current node get classes of their own.
 */
export function treeToMermaid(tree: Tree, o: MermaidOptions): string {
  const id = (n: string) => mermaidId(tree, n);
  const esc = (s: string) => s.replace(/["<>#&]/g, (c) => `#${c.charCodeAt(0)};`);
  const lines = ['flowchart TD'];
  for (const [nid, node] of Object.entries(tree.nodes)) {
    const text = esc(o.label(nid));
    const shape =
      node.type === 'question'
        ? `{{"${text}"}}`
        : node.type === 'outcome'
          ? `(["${text}"])`
          : `["${text}"]`;
    lines.push(`  ${id(nid)}${shape}`);
  }
  const edges: { from: string; to: string; option?: string; route?: string }[] = [];
  for (const [nid, node] of Object.entries(tree.nodes)) {
    const add = (next: Next, option?: string) => {
      const targets =
        typeof next === 'string'
          ? [{ go: next, e: { option } }]
          : [
              ...next.branch.map((b) => ({ go: b.go, e: { option, condition: b.if as string } })),
              { go: next.otherwise, e: { option, otherwise: true } },
            ];
      for (const { go, e } of targets) {
        const text = o.edgeLabel?.(nid, e) ?? '';
        lines.push(`  ${id(nid)} -->${text ? `|"${esc(text)}"|` : ''} ${id(go)}`);
        edges.push({
          from: nid,
          to: go,
          option,
          route: 'condition' in e ? e.condition : 'otherwise' in e ? 'otherwise' : undefined,
        });
      }
    };
    if (node.type === 'evidence') add(node.next);
    if (node.type === 'question' && node.input.kind === 'value') add(node.input.next);
    if (node.type === 'question' && node.input.kind === 'choice')
      for (const [opt, next] of Object.entries(node.input.options)) add(next, opt);
  }
  if (o.path?.length) {
    lines.push('  classDef visited fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px,color:#0b1f44');
    lines.push('  classDef current fill:#fde68a,stroke:#b45309,stroke-width:3px,color:#3b2300');
    const visited = o.path.filter((n) => n !== o.current);
    if (visited.length) lines.push(`  class ${visited.map(id).join(',')} visited`);
    const onPath = new Set(o.path.slice(1).map((to, i) => `${o.path![i]}>${to}`));
    edges.forEach((e, i) => {
      // Several routes can lead to the same step: only the one whose fact held was taken.
      const taken =
        onPath.has(`${e.from}>${e.to}`) &&
        (!e.option || o.chosen?.[e.from] === e.option) &&
        (!e.route || !o.via?.[e.from] || o.via[e.from] === e.route);
      if (taken) lines.push(`  linkStyle ${i} stroke:#1d4ed8,stroke-width:3px`);
    });
  }
  if (o.current) lines.push(`  class ${id(o.current)} current`);
  return lines.join('\n');
}
