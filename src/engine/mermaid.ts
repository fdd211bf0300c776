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

/** Each edge of a tree: from a step to the next, with the option or fact route that leads there. */
interface Edge {
  from: string;
  to: string;
  option?: string;
  condition?: string;
  otherwise?: boolean;
}

function edgesOf(tree: Tree): Edge[] {
  const edges: Edge[] = [];
  for (const [from, node] of Object.entries(tree.nodes)) {
    const add = (next: Next, option?: string) => {
      if (typeof next === 'string') edges.push({ from, to: next, option });
      else {
        for (const b of next.branch) edges.push({ from, to: b.go, option, condition: b.if });
        edges.push({ from, to: next.otherwise, option, otherwise: true });
      }
    };
    if (node.type === 'evidence') add(node.next);
    if (node.type === 'question' && node.input.kind === 'value') add(node.input.next);
    if (node.type === 'question' && node.input.kind === 'choice')
      for (const [opt, next] of Object.entries(node.input.options)) add(next, opt);
  }
  return edges;
}

/**
 * The drawn id of each step of a path. A verdict that several steps lead to is drawn once
 * under each of them (their labelled edges would otherwise converge and their labels overlap),
 * so a verdict's drawn id names the step it was reached from.
 */
export function drawnIds(tree: Tree, path: string[]): string[] {
  const shared = sharedOutcomes(tree, edgesOf(tree));
  return path.map((n, i) =>
    shared.has(n) && i > 0 ? copyId(tree, n, path[i - 1]!) : mermaidId(tree, n),
  );
}

const copyId = (tree: Tree, outcome: string, from: string) =>
  `${mermaidId(tree, outcome)}_${mermaidId(tree, from)}`;

/** Outcomes reached from more than one step. */
function sharedOutcomes(tree: Tree, edges: Edge[]): Set<string> {
  const sources = new Map<string, Set<string>>();
  for (const e of edges)
    if (tree.nodes[e.to]?.type === 'outcome')
      sources.set(e.to, (sources.get(e.to) ?? new Set()).add(e.from));
  return new Set([...sources].filter(([, from]) => from.size > 1).map(([n]) => n));
}

/**
 * A tree as mermaid flowchart text: questions as hexagons, evidence steps as boxes,
 * outcomes as stadiums; the path taken and the current node get classes of their own.
 */
export function treeToMermaid(tree: Tree, o: MermaidOptions): string {
  const id = (n: string) => mermaidId(tree, n);
  const esc = (s: string) => s.replace(/["<>#&]/g, (c) => `#${c.charCodeAt(0)};`);
  const edges = edgesOf(tree);
  const shared = sharedOutcomes(tree, edges);
  const target = (e: Edge) => (shared.has(e.to) ? copyId(tree, e.to, e.from) : id(e.to));
  const lines = ['flowchart TD'];
  const path = o.path ?? [];
  const onPath = new Set(path.slice(1).map((to, i) => `${path[i]}>${to}`));
  const drawn = new Set<string>();
  const shape = (nid: string, as: string) => {
    if (drawn.has(as)) return;
    drawn.add(as);
    const text = esc(o.label(nid));
    const type = tree.nodes[nid]!.type;
    const body =
      type === 'question' ? `{{"${text}"}}` : type === 'outcome' ? `(["${text}"])` : `["${text}"]`;
    lines.push(`  ${as}${body}`);
  };
  for (const nid of Object.keys(tree.nodes)) if (!shared.has(nid)) shape(nid, id(nid));
  for (const e of edges) if (shared.has(e.to)) shape(e.to, target(e));
  // Routes from one step to the same next step are one arrow with their labels on separate
  // lines: drawn apart, their labels would lie on top of each other.
  const arrows = new Map<string, Edge[]>();
  for (const e of edges) {
    const k = `${e.from}>${e.to}`;
    arrows.set(k, [...(arrows.get(k) ?? []), e]);
  }
  const taken = (e: Edge) => {
    const route = e.condition ?? (e.otherwise ? 'otherwise' : undefined);
    return (
      onPath.has(`${e.from}>${e.to}`) &&
      (!e.option || o.chosen?.[e.from] === e.option) &&
      (!route || !o.via?.[e.from] || o.via[e.from] === route)
    );
  };
  for (const routes of arrows.values()) {
    // On a shared arrow the route whose fact held is ticked: the others were not found.
    const texts = routes
      .map((e) => {
        const t = o.edgeLabel?.(e.from, e) ?? '';
        const told = o.via?.[e.from] ?? o.chosen?.[e.from];
        return t && routes.length > 1 && told && taken(e) ? `✓ ${t}` : t;
      })
      .filter((t) => t !== '');
    const text = [...new Set(texts)].map(esc).join('<br>');
    lines.push(`  ${id(routes[0]!.from)} -->${text ? `|"${text}"|` : ''} ${target(routes[0]!)}`);
  }
  if (o.path?.length) {
    lines.push('  classDef visited fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px,color:#0b1f44');
    lines.push('  classDef current fill:#fde68a,stroke:#b45309,stroke-width:3px,color:#3b2300');
    const ids = drawnIds(tree, o.path);
    const visited = ids.filter((_, i) => o.path![i] !== o.current);
    if (visited.length) lines.push(`  class ${visited.join(',')} visited`);
    [...arrows.values()].forEach((routes, i) => {
      // Several routes can lead to the same step: only one whose fact held was taken.
      if (routes.some(taken)) lines.push(`  linkStyle ${i} stroke:#1d4ed8,stroke-width:3px`);
    });
    const at = o.current ? o.path.lastIndexOf(o.current) : -1;
    if (at >= 0) lines.push(`  class ${ids[at]} current`);
    else if (o.current) lines.push(`  class ${id(o.current)} current`);
  } else if (o.current) lines.push(`  class ${id(o.current)} current`);
  return lines.join('\n');
}
