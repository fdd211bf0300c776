import type { CauseId } from '../catalog/causes';
import type { Kind } from '../catalog/kinds';
import type { CommandId } from '../catalog/commands';
import { isConditionId, type ConditionId } from '../catalog/conditions';
import type { SymptomId } from '../catalog/causes';

/** Where a command must run; shown on every evidence step. */
export type Where =
  | 'bad-node'
  | 'good-node'
  /** The node of the pod the traffic goes to (where a VXLAN packet is received and checked). */
  | 'receiving-node'
  | 'client'
  | 'target-server'
  | 'in-pod'
  | 'kubectl';

/** A fixed next node, or a route on facts pasted so far (first true condition wins). */
export type Next = string | { branch: { if: ConditionId; go: string }[]; otherwise: string };

export type Validation = 'nodeport' | 'port' | 'ipv4' | 'host' | 'name';

export interface QuestionNode {
  type: 'question';
  /** The answer is available to commands and fixes as `{var}`. */
  var?: string;
  input:
    | { kind: 'choice'; options: Record<string, Next> }
    | { kind: 'value'; validate: Validation; next: Next };
}

export interface EvidenceNode {
  type: 'evidence';
  /** Output kinds this step asks for (any paste is still recognised by content). */
  wants: Kind[];
  /** The command to show; absent when the step takes whatever the operator already has. */
  command?: CommandId;
  where: Where;
  next: Next;
  /** Skipped when earlier evidence already answers it. */
  skipIf?: ConditionId;
  /** The netfilter tables the step needs (`nat` for Service rules): another table pasted gets a hint. */
  tables?: string[];
}

export interface OutcomeNode {
  type: 'outcome';
  /** Causes this path can establish (empty for a pure "collect this next / escalate" end). */
  causes: CauseId[];
  /** What to collect next when none of them is found, or to escalate with. */
  collect: CommandId[];
  /** The "not sure" triage ends by handing over to a symptom class's tree. */
  route?: SymptomId;
}

export type TreeNode = QuestionNode | EvidenceNode | OutcomeNode;

export interface Tree {
  id: string;
  start: string;
  nodes: Record<string, TreeNode>;
  /** A symptom of one node among working ones: a node that works can be pasted beside it. */
  compares?: true;
}

export const question = (q: Omit<QuestionNode, 'type'>): QuestionNode => ({
  type: 'question',
  ...q,
});
export const evidence = (e: Omit<EvidenceNode, 'type'>): EvidenceNode => ({
  type: 'evidence',
  ...e,
});
export const outcome = (o: Omit<OutcomeNode, 'type'>): OutcomeNode => ({ type: 'outcome', ...o });

/** Every node a node can lead to. */
export function successors(node: TreeNode): string[] {
  const targets = (next: Next) =>
    typeof next === 'string' ? [next] : [...next.branch.map((b) => b.go), next.otherwise];
  switch (node.type) {
    case 'question':
      return node.input.kind === 'choice'
        ? Object.values(node.input.options).flatMap(targets)
        : targets(node.input.next);
    case 'evidence':
      return targets(node.next);
    case 'outcome':
      return [];
  }
}

/** Checks a tree when its module loads: unknown targets, cycles, unreachable nodes, bad conditions. */
export function defineTree(id: string, spec: Omit<Tree, 'id'>): Tree {
  const tree: Tree = { id, ...spec };
  const fail = (why: string) => {
    throw new Error(`tree ${id}: ${why}`);
  };
  if (!tree.nodes[tree.start]) fail(`start node "${tree.start}" does not exist`);
  for (const [nid, node] of Object.entries(tree.nodes)) {
    for (const t of successors(node))
      if (!tree.nodes[t]) fail(`${nid} leads to unknown node "${t}"`);
    const next =
      node.type === 'evidence'
        ? node.next
        : node.type === 'question' && node.input.kind === 'value'
          ? node.input.next
          : null;
    const conds = [
      ...(next && typeof next !== 'string' ? next.branch.map((b) => b.if) : []),
      ...(node.type === 'evidence' && node.skipIf ? [node.skipIf] : []),
    ];
    for (const c of conds) if (!isConditionId(c)) fail(`${nid} uses unknown condition "${c}"`);
  }
  const state = new Map<string, 'open' | 'done'>();
  const visit = (nid: string) => {
    if (state.get(nid) === 'done') return;
    if (state.get(nid) === 'open') fail(`cycle through "${nid}"`);
    state.set(nid, 'open');
    for (const t of successors(tree.nodes[nid]!)) visit(t);
    state.set(nid, 'done');
  };
  visit(tree.start);
  const unreachable = Object.keys(tree.nodes).filter((n) => !state.has(n));
  if (unreachable.length) fail(`unreachable nodes: ${unreachable.join(', ')}`);
  return tree;
}
