import type { SectionResult } from '../parsers/registry';
import { CONDITIONS } from './conditions';
import type { Next, Tree } from './tree';
import { isValid } from './validate';

/**
 * The wizard's whole state: what the operator answered and pasted, keyed by node id.
 * Where they are follows from replaying it; nothing else is stored.
 */
export interface WizardState {
  tree: string;
  answers: Record<string, string>;
  /** Pasted text per evidence node; `null` when the operator skipped the step. */
  pastes: Record<string, string | null>;
}

export type StepStatus = 'answered' | 'pasted' | 'skipped' | 'auto-skipped' | 'current' | 'outcome';

export interface Step {
  node: string;
  status: StepStatus;
}

export interface Replay {
  steps: Step[];
  /** The node the operator is at: the first unanswered one, or the outcome. */
  current: string;
  done: boolean;
  /** Answers of question nodes with a `var`, for command and fix placeholders. */
  vars: Record<string, string>;
}

/** Replays answers and pastes from the start. `sections` are the parsed pastes (for fact routes). */
export function replay(tree: Tree, state: WizardState, sections: SectionResult[] = []): Replay {
  const steps: Step[] = [];
  const vars: Record<string, string> = {};
  const ctx = { vars, sections };
  const route = (next: Next) =>
    typeof next === 'string' ? next : (next.branch.find((b) => CONDITIONS[b.if](ctx))?.go ?? next.otherwise);
  let id = tree.start;
  for (let guard = 0; guard <= Object.keys(tree.nodes).length; guard++) {
    const node = tree.nodes[id]!;
    if (node.type === 'outcome') {
      steps.push({ node: id, status: 'outcome' });
      return { steps, current: id, done: true, vars };
    }
    if (node.type === 'question') {
      const answer = state.answers[id];
      const input = node.input;
      const ok =
        answer !== undefined &&
        (input.kind === 'choice' ? Object.hasOwn(input.options, answer) : isValid(input.validate, answer));
      if (!ok) break;
      steps.push({ node: id, status: 'answered' });
      if (node.var) vars[node.var] = answer;
      id = route(input.kind === 'choice' ? input.options[answer]! : input.next);
      continue;
    }
    if (Object.hasOwn(state.pastes, id)) {
      steps.push({ node: id, status: state.pastes[id] === null ? 'skipped' : 'pasted' });
    } else if (node.skipIf && CONDITIONS[node.skipIf](ctx)) {
      steps.push({ node: id, status: 'auto-skipped' });
    } else break;
    id = route(node.next);
  }
  steps.push({ node: id, status: 'current' });
  return { steps, current: id, done: false, vars };
}

/** Every path from the start to an outcome, each with a state that walks it (for tests). */
export function allPaths(tree: Tree): { nodes: string[]; state: WizardState }[] {
  const out: { nodes: string[]; state: WizardState }[] = [];
  const walk = (id: string, nodes: string[], state: WizardState) => {
    const node = tree.nodes[id]!;
    const here = [...nodes, id];
    const targets = (next: Next) => (typeof next === 'string' ? [next] : [...next.branch.map((b) => b.go), next.otherwise]);
    if (node.type === 'outcome') out.push({ nodes: here, state });
    else if (node.type === 'question' && node.input.kind === 'choice') {
      for (const [answer, next] of Object.entries(node.input.options))
        for (const t of targets(next)) walk(t, here, { ...state, answers: { ...state.answers, [id]: answer } });
    } else if (node.type === 'question' && node.input.kind === 'value') {
      const answer = SAMPLE_VALUES[node.input.validate];
      for (const t of targets(node.input.next)) walk(t, here, { ...state, answers: { ...state.answers, [id]: answer } });
    } else if (node.type === 'evidence') {
      for (const t of targets(node.next)) walk(t, here, { ...state, pastes: { ...state.pastes, [id]: null } });
    }
  };
  walk(tree.start, [], { tree: tree.id, answers: {}, pastes: {} });
  return out;
}

const SAMPLE_VALUES = { nodeport: '31710', port: '8080', ipv4: '10.0.0.1', host: 'node-1', name: 'default' } as const;
