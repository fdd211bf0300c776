import type { Kind } from '../catalog/kinds';
import type { ConditionId } from '../catalog/conditions';
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
  /** Opened from a redacted link: addresses and names in it are stand-ins, not real values. */
  redacted?: true;
  /** A packet walked through an evidence step's rules, by step: it travels with the work. */
  walks?: Record<string, WalkSpec>;
  /** The same outputs from a node that works, to compare this node with. */
  good?: GoodNode;
}

/** A node that works: its outputs by evidence step, or all at once (a collector run) at `GOOD_ALL`. */
export interface GoodNode {
  /** Its name or address, to tell the two nodes apart in the report; optional. */
  name?: string;
  pastes: Record<string, string>;
}

/** The key of a good node's outputs pasted at once rather than step by step. */
export const GOOD_ALL = '*';

const GOOD_PREFIX = 'good:';
/** How the node that works' paste at `step` is named in citations (`good:*#2` for its parts). */
export const goodSource = (step: string): string => `${GOOD_PREFIX}${step}`;
/** The step of a good node's citation, or null for this node's own. */
export function goodStepOf(source: string): string | null {
  return source.startsWith(GOOD_PREFIX) ? source.slice(GOOD_PREFIX.length).split('#')[0]! : null;
}

/** The packet walk as the operator set it up: the packet as written, and what it assumes. */
export interface WalkSpec {
  /** `tcp 192.168.1.20:40000 -> 10.0.0.5:31610`. */
  packet: string;
  /** The node's own addresses, comma-separated; empty: from a pasted `ip addr`, else the destination. */
  addresses?: string;
  /** The interface it arrives on. */
  iface?: string;
  /** Sent from the node itself. */
  local?: true;
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
  /** At each step that routes on facts, the condition that held (`otherwise` when none did). */
  via: Record<string, string>;
}

/** Condition values taken as given instead of evaluated (path enumeration has no real pastes). */
export type Assumptions = Partial<Record<ConditionId, boolean>>;

/** Whether a fact route holds, given the answers' variables so far. */
export type Holds = (c: ConditionId, vars: Record<string, string>) => boolean;

/**
 * Replays answers and pastes from the start. `holds` decides the fact routes (the diagnosis
 * layer's `replay` asks the parsed pastes); without it no fact route is taken.
 */
export function walkTree(
  tree: Tree,
  state: WizardState,
  factHolds?: Holds,
  /** Whether a paste of an earlier step (`pasted`) already holds one of these kinds. */
  answered?: (wants: Kind[], pasted: string[]) => boolean,
): Replay {
  const steps: Step[] = [];
  const vars: Record<string, string> = {};
  const holds = (c: ConditionId) => factHolds?.(c, vars) ?? false;
  const via: Record<string, string> = {};
  const route = (next: Next, from: string) => {
    if (typeof next === 'string') return next;
    const taken = next.branch.find((b) => holds(b.if));
    via[from] = taken?.if ?? 'otherwise';
    return taken?.go ?? next.otherwise;
  };
  let id = tree.start;
  for (let guard = 0; guard <= Object.keys(tree.nodes).length; guard++) {
    const node = tree.nodes[id]!;
    if (node.type === 'outcome') {
      steps.push({ node: id, status: 'outcome' });
      return { steps, current: id, done: true, vars, via };
    }
    if (node.type === 'question') {
      const answer = state.answers[id];
      const input = node.input;
      const ok =
        answer !== undefined &&
        (input.kind === 'choice'
          ? Object.hasOwn(input.options, answer)
          : isValid(input.validate, answer));
      if (!ok) break;
      steps.push({ node: id, status: 'answered' });
      if (node.var) vars[node.var] = answer;
      id = route(input.kind === 'choice' ? input.options[answer]! : input.next, id);
      continue;
    }
    if (Object.hasOwn(state.pastes, id)) {
      steps.push({ node: id, status: state.pastes[id] === null ? 'skipped' : 'pasted' });
    } else if (
      (node.skipIf && holds(node.skipIf)) ||
      answered?.(
        node.wants,
        steps.filter((s) => s.status === 'pasted').map((s) => s.node),
      )
    ) {
      steps.push({ node: id, status: 'auto-skipped' });
    } else break;
    id = route(node.next, id);
  }
  steps.push({ node: id, status: 'current' });
  return { steps, current: id, done: false, vars, via };
}

export interface TreePath {
  nodes: string[];
  state: WizardState;
  /** The fact routes this path takes, for `replay` to follow without real pastes. */
  assume: Assumptions;
}

/** Every feasible path from the start to an outcome, each with a state that walks it (for tests). */
export function allPaths(tree: Tree): TreePath[] {
  const out: TreePath[] = [];
  const options = (next: Next): { go: string; assume: Assumptions }[] => {
    if (typeof next === 'string') return [{ go: next, assume: {} }];
    const falses = (n: number) =>
      Object.fromEntries(next.branch.slice(0, n).map((b) => [b.if, false]));
    return [
      ...next.branch.map((b, i) => ({ go: b.go, assume: { ...falses(i), [b.if]: true } })),
      { go: next.otherwise, assume: falses(next.branch.length) },
    ];
  };
  const walk = (id: string, p: TreePath) => {
    const node = tree.nodes[id]!;
    const here = { ...p, nodes: [...p.nodes, id] };
    const follow = (next: Next, state: WizardState) => {
      for (const o of options(next)) {
        const clash = Object.entries(o.assume).some(
          ([c, v]) => here.assume[c as ConditionId] === !v,
        );
        if (!clash) walk(o.go, { ...here, state, assume: { ...here.assume, ...o.assume } });
      }
    };
    const answered = (answer: string) => ({
      ...here.state,
      answers: { ...here.state.answers, [id]: answer },
    });
    if (node.type === 'outcome') out.push(here);
    else if (node.type === 'evidence')
      follow(node.next, { ...here.state, pastes: { ...here.state.pastes, [id]: null } });
    else if (node.input.kind === 'value')
      follow(node.input.next, answered(SAMPLE_VALUES[node.input.validate]));
    else
      for (const [answer, next] of Object.entries(node.input.options))
        follow(next, answered(answer));
  };
  walk(tree.start, { nodes: [], state: { tree: tree.id, answers: {}, pastes: {} }, assume: {} });
  return out;
}

const SAMPLE_VALUES = {
  nodeport: '31710',
  port: '8080',
  ipv4: '10.0.0.1',
  host: 'node-1',
  name: 'default',
} as const;
