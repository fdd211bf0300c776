import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { BundleAssessment, TreeAssessment } from '../diagnosis/assess';
import type { WizardState } from '../engine/replay';
import { useWizard } from '../stores/wizard';
import { routeOf, storeKey, type Space } from './space';
import type { TreeId } from '../tree';
import { assessBundleOffThread, assessTreeOffThread } from '../worker/client';

export interface Asked<T> {
  /** The answer for what is asked now; null while the worker works on it. */
  value: T | null;
  /** The last answer for an earlier question, to keep showing while the new one comes. */
  last: T | null;
  /** Why the worker could not answer (it failed or stopped), to say in a role="alert". */
  error: string | null;
  retry(): void;
}

/** Asks the worker whenever `question` changes (by identity), and keeps what it answered. */
function useAsked<Q, T>(question: Q, ask: (q: Q) => Promise<T>): Asked<T> {
  const [attempt, setAttempt] = useState(0);
  const [got, setGot] = useState<{ question: Q; attempt: number; value?: T; error?: string }>();
  const [last, setLast] = useState<T | null>(null);
  useEffect(() => {
    let alive = true;
    ask(question).then(
      (value) => {
        if (!alive) return;
        setGot({ question, attempt, value });
        setLast(value);
      },
      (e: unknown) =>
        alive && setGot({ question, attempt, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      alive = false;
    };
    // `ask` is a module function; a new question or a retry asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [question, attempt]);
  const now = got && got.question === question && got.attempt === attempt ? got : undefined;
  return {
    value: now?.value ?? null,
    last,
    error: now?.error ?? null,
    retry: () => setAttempt((a) => a + 1),
  };
}

const askTree = ([tree, state]: readonly [TreeId, WizardState]) => assessTreeOffThread(tree, state);

/** The replayed path, the pastes' views and (at a diagnosis) the verdicts of a tree's state. */
export function useTreeAssessment(tree: TreeId, state: WizardState): Asked<TreeAssessment> {
  const [question, setQuestion] = useState(() => [tree, state] as const);
  if (question[0] !== tree || question[1] !== state) setQuestion([tree, state]);
  return useAsked(question, askTree);
}

/** "Paste everything" of `text`: its parts, every rule's verdict, the likely symptom class. */
export function useBundleAssessment(text: string): Asked<BundleAssessment> {
  return useAsked(text, assessBundleOffThread);
}

/**
 * The one way a screen moves the wizard on: keep `next` as the tree's work, ask the worker
 * where its replay now stops (parsing new pastes first, for fact routes) and go there.
 */
export function useAdvance(): {
  advance(tree: TreeId, next: WizardState, space?: Space): Promise<void>;
  error: string | null;
  /** True from a submit until the worker has said where to go: the step takes no input then. */
  busy: boolean;
} {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const advance = async (tree: TreeId, next: WizardState, space: Space = 'work') => {
    setBusy(true);
    useWizard.getState().load(next, storeKey(space, tree));
    const from = window.location.hash;
    try {
      const { current } = await assessTreeOffThread(tree, next);
      setError(null);
      // The operator may have gone elsewhere while a big paste was read: don't pull them back.
      if (window.location.hash === from) navigate(routeOf(space, tree, current));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { advance, error, busy };
}
