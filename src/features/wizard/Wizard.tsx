import { Navigate, useNavigate, useParams } from 'react-router';
import { type WizardState } from '../../engine/replay';
import { replay } from '../../diagnosis/replay';
import { TREES, isTreeId, nodeKey, type TreeId } from '../../tree';
import { stateOf, useWizard } from '../../stores/wizard';
import { useSections } from '../../components/useSections';
import { parseOffThread } from '../../worker/client';
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
  const { answer, paste, reset } = useWizard.getState();
  const state = stateOf(byTree, symptom);
  const sections = useSections(state.pastes);
  const rp = replay(tree, state, sections.all);
  const [showChart, setShowChart] = useState(false);
  const visited = rp.steps.some((s) => s.node === node);
  if (!node || !visited) return <Navigate to={`/s/${symptom}/${rp.current}`} replace />;

  /** After a change, go to wherever the replay now stops (parsing the new paste first, for fact routes). */
  const advance = async (next: WizardState) => {
    const from = window.location.hash;
    const parsed = await Promise.all(
      Object.entries(next.pastes).map(([n, text]) =>
        text === null ? [] : parseOffThread(text, n),
      ),
    );
    // The operator may have gone elsewhere while a big paste was read: don't pull them back.
    if (window.location.hash !== from) return;
    navigate(`/s/${symptom}/${replay(tree, next, parsed.flat()).current}`);
  };
  const spec = tree.nodes[node]!;
  const index = rp.steps.findIndex((s) => s.node === node) + 1;

  return (
    <div className="wizard">
      <Trail
        symptom={symptom}
        steps={rp.steps}
        current={node}
        state={state}
        sections={sections.byNode}
      />
      <section className="step" aria-labelledby="step-title">
        <p className="step-meta">
          {t(`tree.${symptom}.name`)} · {t('step.of', { n: index })}
        </p>
        <h1 id="step-title">{t(`${nodeKey(symptom, node)}.title`)}</h1>
        {spec.type === 'question' && (
          <QuestionStep
            key={node}
            textKey={nodeKey(symptom, node)}
            spec={spec}
            initial={state.answers[node]}
            onAnswer={(value) => {
              answer(symptom, node, value);
              void advance({ ...state, answers: { ...state.answers, [node]: value } });
            }}
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
            onDone={(text) => {
              paste(symptom, node, text);
              void advance({ ...state, pastes: { ...state.pastes, [node]: text } });
            }}
          />
        )}
        {spec.type === 'evidence' && <BundleBox tree={symptom} state={state} vars={rp.vars} />}
        {spec.type === 'outcome' && (
          <Verdict
            tree={symptom}
            spec={spec}
            steps={rp.steps}
            vars={rp.vars}
            sections={sections}
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
