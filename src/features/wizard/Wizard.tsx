import { Navigate, useNavigate, useParams } from 'react-router';
import { TREES, isTreeId, nodeKey, type TreeId } from '../../tree';
import { stateOf, useWizard } from '../../stores/wizard';
import { useAdvance, useTreeAssessment } from '../../components/useAssessment';
import { WorkerFailed } from '../../components/WorkerFailed';
import { useT } from '../../components/useT';
import { Trail } from './Trail';
import { QuestionStep } from './QuestionStep';
import { EvidenceStep } from './EvidenceStep';
import { Verdict } from '../../components/diagnosis/Verdict';
import { BundleBox } from './BundleBox';
import { NotFound } from '../../components/NotFound';
import { ShareButton } from '../../components/share/ShareButton';
import { lazy, Suspense, useState } from 'react';

// The flowchart (and mermaid behind it) loads only when the operator opens it.
const Flowchart = lazy(() =>
  import('../../components/flowchart/Flowchart').then((m) => ({ default: m.Flowchart })),
);

export function Wizard() {
  const { tree: treeParam = '', node: nodeParam } = useParams();
  if (!isTreeId(treeParam)) return <NotFound />;
  return <WizardFor symptom={treeParam} node={nodeParam} />;
}

function WizardFor({ symptom, node }: { symptom: TreeId; node: string | undefined }) {
  const { t } = useT();
  const navigate = useNavigate();
  const tree = TREES[symptom];
  const byTree = useWizard((s) => s.byTree);
  const { reset } = useWizard.getState();
  const state = stateOf(byTree, symptom);
  const assessed = useTreeAssessment(symptom, state);
  const { advance, error: advanceError, busy } = useAdvance();
  const [showChart, setShowChart] = useState(false);
  // While the worker reads a change, the page keeps showing the path it had.
  const rp = assessed.value ?? assessed.last;
  const failure = assessed.error ?? advanceError;
  if (failure && !rp) return <WorkerFailed error={failure} retry={assessed.retry} />;
  if (!rp) return <p className="muted step">{t('step.parsing')}</p>;
  const visited = rp.steps.some((s) => s.node === node);
  if (assessed.value && (!node || !visited))
    return <Navigate to={`/s/${symptom}/${rp.current}`} replace />;
  if (!node || !visited) return <p className="muted step">{t('step.parsing')}</p>;

  const spec = tree.nodes[node]!;
  const index = rp.steps.findIndex((s) => s.node === node) + 1;

  return (
    <div className="wizard">
      <Trail symptom={symptom} steps={rp.steps} current={node} state={state} sections={rp.views} />
      <section className="step" aria-labelledby="step-title">
        <p className="step-meta">
          {t(`tree.${symptom}.name`)} · {t('step.of', { n: index })}
        </p>
        <h1 id="step-title">{t(`${nodeKey(symptom, node)}.title`)}</h1>
        {failure && <WorkerFailed error={failure} retry={assessed.retry} />}
        {spec.type === 'question' && (
          <QuestionStep
            key={node}
            textKey={nodeKey(symptom, node)}
            spec={spec}
            initial={state.answers[node]}
            busy={busy}
            onAnswer={(value) =>
              void advance(symptom, { ...state, answers: { ...state.answers, [node]: value } })
            }
          />
        )}
        {spec.type === 'evidence' && (
          <EvidenceStep
            key={node}
            node={node}
            textKey={nodeKey(symptom, node)}
            spec={spec}
            vars={rp.vars}
            initial={state.pastes[node]}
            busy={busy}
            onDone={(text) =>
              void advance(symptom, { ...state, pastes: { ...state.pastes, [node]: text } })
            }
          />
        )}
        {spec.type === 'evidence' && <BundleBox tree={symptom} state={state} vars={rp.vars} />}
        {spec.type === 'outcome' && (
          <Verdict
            tree={symptom}
            spec={spec}
            steps={rp.steps}
            vars={rp.vars}
            verdicts={assessed.value ? rp.verdicts : undefined}
            pastes={state.pastes}
          />
        )}
        <div className="step-actions">
          {index > 1 && (
            <button
              type="button"
              onClick={() => navigate(`/s/${symptom}/${rp.steps[index - 2]!.node}`)}
            >
              {t('step.back')}
            </button>
          )}
          <button
            type="button"
            className="quiet"
            onClick={() => {
              reset(symptom);
              navigate(`/s/${symptom}`);
            }}
          >
            {t('app.startOver')}
          </button>
          <button
            type="button"
            aria-expanded={showChart}
            aria-controls="flowchart-panel"
            onClick={() => setShowChart((v) => !v)}
            data-testid="flowchart-toggle"
          >
            {t(showChart ? 'flowchart.hide' : 'flowchart.show')}
          </button>
          <ShareButton tree={symptom} node={node} state={state} />
        </div>
        {showChart && (
          <div id="flowchart-panel">
            <Suspense fallback={<p className="muted">{t('flowchart.loading')}</p>}>
              <Flowchart tree={symptom} steps={rp.steps} current={node} answers={state.answers} />
            </Suspense>
          </div>
        )}
      </section>
    </div>
  );
}
