import type { Tree } from './tree';
import { successors } from './tree';

/** A tree as mermaid flowchart text; `label` gives each node's (translated) text. */
export function treeToMermaid(tree: Tree, label: (node: string) => string): string {
  const ids = new Map(Object.keys(tree.nodes).map((n, i) => [n, `n${i}`]));
  const esc = (s: string) =>
    s.replace(/["<>]/g, (c) => ({ '"': '#quot;', '<': '#lt;', '>': '#gt;' })[c]!);
  const lines = ['flowchart TD'];
  for (const [id, node] of Object.entries(tree.nodes)) {
    const text = esc(label(id));
    const shape =
      node.type === 'question'
        ? `{"${text}"}`
        : node.type === 'outcome'
          ? `(["${text}"])`
          : `["${text}"]`;
    lines.push(`  ${ids.get(id)}${shape}`);
  }
  for (const [id, node] of Object.entries(tree.nodes)) {
    for (const to of new Set(successors(node))) lines.push(`  ${ids.get(id)} --> ${ids.get(to)}`);
  }
  return lines.join('\n');
}
