import { useMemo } from 'react';
import { Link } from 'react-router';
import { isSymptomId } from '../../catalog/causes';
import type { Verdicts } from '../../diagnosis/judge';
import { render } from '../../diagnosis/render';
import { GOOD_ALL, goodStepOf, type GoodNode, type Step } from '../../engine/replay';
import type { Comparison } from '../../diagnosis/comparison';
import type { Sources } from './EvidenceList';
import type { OutcomeNode } from '../../engine/tree';
import { COMMANDS } from '../../catalog/commands';
import { fillTemplate } from '../../engine/shell';
import { TREES, nodeKey, type TreeId } from '../../tree';
import { useT } from '../useT';
import { DiagnosisView } from './DiagnosisView';

interface Props {
  tree: TreeId;
  spec: OutcomeNode;
  steps: Step[];
  vars: Record<string, string>;
  /** The judge's verdicts on the path's pastes; undefined while the worker judges. */
  verdicts: Verdicts | null | undefined;
  /** Pasted texts by node, to show a cited line in its paste. */
  pastes?: Record<string, string | null>;
  /** The node that works, when one was pasted, and what differs from it. */
  good?: GoodNode;
  comparison?: Comparison | null;
}

/**
 * The outcome of a path: a hand-over to a symptom's tree, or the diagnosis of the pastes on
 * the path taken (a paste on a branch the operator has left is kept, but does not count).
 */
export function Verdict({
  tree,
  spec,
  steps,
  vars,
  verdicts,
  pastes = {},
  good,
  comparison,
}: Props) {
  const { t, lang } = useT();
  // The worker judged; a language switch renders the same verdicts again and judges nothing.
  const varsKey = JSON.stringify(vars);
  const result = useMemo(
    () => verdicts && render(isSymptomId(tree) ? tree : null, verdicts, vars, lang),
    // `vars` is rebuilt by every replay: its content (varsKey) is the dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tree, verdicts, varsKey, lang],
  );
  if (spec.route) {
    return (
      <div className="panel route">
        <p>{t('step.routeTo')}</p>
        <Link className="button primary" to={`/s/${spec.route}`} data-testid="route-next">
          {t(`symptom.${spec.route}.title`)}
        </Link>
      </div>
    );
  }
  if (!result) return <p className="muted">{t('diagnosis.running')}</p>;
  const skipped = steps.filter((s) => s.status === 'skipped').length;
  const titleOf = (node: string) =>
    TREES[tree].nodes[node] ? t(`${nodeKey(tree, node)}.title`) : null;
  const sources: Sources = {
    label: (source) => {
      const goodStep = goodStepOf(source);
      if (goodStep === null) return titleOf(source.split('#')[0]!) ?? source;
      const name = good?.name ?? t('compareUi.good');
      return goodStep === GOOD_ALL
        ? name
        : t('compareUi.source', { step: titleOf(goodStep) ?? goodStep });
    },
    text: (source) => {
      const goodStep = goodStepOf(source);
      if (goodStep !== null) return good?.pastes[goodStep];
      return pastes[source.split('#')[0]!] ?? undefined;
    },
  };
  return (
    <DiagnosisView
      diagnosis={result}
      sources={sources}
      skipped={skipped}
      collect={spec.collect.map((c) => fillTemplate(COMMANDS[c].run, vars))}
      comparison={comparison ?? null}
      goodName={good?.name}
    />
  );
}
