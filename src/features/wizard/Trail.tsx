import { Link } from 'react-router';
import type { Step, WizardState } from '../../engine/replay';
import type { SectionView } from '../../parsers/registry';
import { TREES, nodeKey, type TreeId } from '../../tree';
import { useT } from '../../components/useT';
import { routeOf, useSpace } from '../../components/space';

interface Props {
  symptom: TreeId;
  steps: Step[];
  current: string;
  state: WizardState;
  sections: Record<string, SectionView[]>;
}

/** The path so far: every answer and paste, each a link back to its step. */
export function Trail({ symptom, steps, current, state, sections }: Props) {
  const { t } = useT();
  const space = useSpace();
  const tree = TREES[symptom];
  const summary = (step: Step): string => {
    const spec = tree.nodes[step.node]!;
    if (step.status === 'skipped') return t('step.skipped');
    if (step.status === 'auto-skipped') return t('step.autoSkipped');
    if (spec.type === 'question') {
      const a = state.answers[step.node] ?? '';
      return spec.input.kind === 'choice' ? t(`${nodeKey(symptom, step.node)}.options.${a}`) : a;
    }
    const kinds = (sections[step.node] ?? []).map((s) =>
      s.kind ? t(`kind.${s.kind}`) : t('step.rejected'),
    );
    return kinds.length ? [...new Set(kinds)].join(', ') : '…';
  };
  return (
    <nav className="trail" aria-label={t('step.trail')}>
      <h2>{t('step.trail')}</h2>
      <ol>
        {steps.map((step) => (
          <li
            key={step.node}
            className={`trail-${step.status}`}
            aria-current={step.node === current ? 'step' : undefined}
          >
            <Link to={routeOf(space, symptom, step.node)}>
              <span className="trail-title">{t(`${nodeKey(symptom, step.node)}.title`)}</span>
              {step.status !== 'current' && step.status !== 'outcome' && (
                <span className="trail-value">{summary(step)}</span>
              )}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
