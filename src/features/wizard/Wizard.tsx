import { Navigate, useNavigate, useParams } from 'react-router';
import { TREES, isTreeId, nodeKey, type TreeId } from '../../tree';
import { hasWork, stateOf, useWizard } from '../../stores/wizard';
import { useAdvance, useTreeAssessment } from '../../components/useAssessment';
import { WorkerFailed } from '../../components/WorkerFailed';
import { useT } from '../../components/useT';
import { Trail } from './Trail';
import { QuestionStep } from './QuestionStep';
import { EvidenceStep } from './EvidenceStep';
import { Verdict } from '../../components/diagnosis/Verdict';
import { BundleBox } from './BundleBox';
import { GoodNodePanel } from '../../components/compare/GoodNodePanel';
import { GoodStepPaste } from '../../components/compare/GoodStepPaste';
import type { WizardState } from '../../engine/replay';
import { NotFound } from '../../components/NotFound';
import { ShareButton } from '../../components/share/ShareButton';
import { StartOver } from '../../components/StartOver';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { routeOf, SpaceContext, storeKey, type Space } from '../../components/space';

// The flowchart (and mermaid behind it) loads only when the operator opens it.
const Flowchart = lazy(() =>
  import('../../components/flowchart/Flowchart').then((m) => ({ default: m.Flowchart })),
);

export function Wizard({ space = 'work' }: { space?: Space }) {
  const { tree: treeParam = '', node: nodeParam } = useParams();
  if (!isTreeId(treeParam)) return <NotFound />;
  // A new space is a new wizard: nothing of one space's screen is kept into the other.
  return (
    <SpaceContext.Provider value={space}>
      <WizardFor key={space} symptom={treeParam} node={nodeParam} space={space} />
    </SpaceContext.Provider>
  );
}

function WizardFor({
  symptom,
  node,
  space,
}: {
  symptom: TreeId;
  node: string | undefined;
  space: Space;
}) {
  const { t } = useT();
  const navigate = useNavigate();
  const tree = TREES[symptom];
  const byTree = useWizard((s) => s.byTree);
  const { reset } = useWizard.getState();
  const key = storeKey(space, symptom);
  const state = stateOf(byTree, symptom, key);
  const drafts = useWizard((s) => s.drafts);
  const onDraft = useCallback(
    (text: string) => node && useWizard.getState().draft(key, node, text),
    [key, node],
  );
  // The tab says where the operator is.
  useEffect(() => {
    if (node && tree.nodes[node])
      document.title = `${t(`${nodeKey(symptom, node)}.title`)} · ${t(`tree.${symptom}.name`)} · ${t('app.name')}`;
  }, [node, symptom, tree, t]);
  // A new step takes the focus to its heading (a value question focuses its own input).
  useEffect(() => {
    const spec = node ? tree.nodes[node] : undefined;
    if (!spec || (spec.type === 'question' && spec.input.kind === 'value')) return;
    document.getElementById('step-title')?.focus();
  }, [node, tree]);
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
    return <Navigate to={routeOf(space, symptom, rp.current)} replace />;
  if (!node || !visited) return <p className="muted step">{t('step.parsing')}</p>;

  const spec = tree.nodes[node]!;
  const index = rp.steps.findIndex((s) => s.node === node) + 1;
  const saveGood = (good: WizardState['good']) => {
    const next = { ...state };
    if (good) next.good = good;
    else delete next.good;
    useWizard.getState().load(next, key);
  };

  return (
    <div className="wizard">
      {space === 'example' && <ExampleBanner symptom={symptom} />}
      {state.redacted && (
        <p className="note wizard-note" role="note" data-testid="redacted-work">
          {t('share.received.redactedWork')}
        </p>
      )}
      <Trail symptom={symptom} steps={rp.steps} current={node} state={state} sections={rp.views} />
      <section className="step" aria-labelledby="step-title">
        <p className="step-meta">
          {t(`tree.${symptom}.name`)} · {t('step.of', { n: index })}
        </p>
        <h1 id="step-title" tabIndex={-1}>
          {t(`${nodeKey(symptom, node)}.title`)}
        </h1>
        {failure && <WorkerFailed error={failure} retry={assessed.retry} />}
        {spec.type === 'question' && (
          <QuestionStep
            key={node}
            textKey={nodeKey(symptom, node)}
            spec={spec}
            initial={state.answers[node]}
            busy={busy}
            onAnswer={(value) =>
              void advance(
                symptom,
                { ...state, answers: { ...state.answers, [node]: value } },
                space,
              )
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
            initial={state.pastes[node] ?? drafts[`${key}/${node}`]}
            busy={busy}
            onDraft={onDraft}
            walk={state.walks?.[node] ?? null}
            redacted={!!state.redacted}
            onWalk={(w) => {
              const walks = { ...state.walks };
              if (w) walks[node] = w;
              else delete walks[node];
              useWizard.getState().load({ ...state, walks }, key);
            }}
            onDone={(text) => {
              useWizard.getState().draft(key, node, '');
              void advance(symptom, { ...state, pastes: { ...state.pastes, [node]: text } }, space);
            }}
          />
        )}
        {spec.type === 'evidence' && tree.compares && (
          <GoodStepPaste
            key={`good-${node}`}
            step={node}
            good={state.good}
            views={rp.goodViews[node]}
            onSave={saveGood}
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
            good={state.good}
            comparison={rp.comparison}
          />
        )}
        {spec.type === 'outcome' && !spec.route && tree.compares && (
          <GoodNodePanel
            tree={symptom}
            vars={rp.vars}
            good={state.good}
            views={rp.goodViews}
            onSave={saveGood}
          />
        )}
        <div className="step-actions">
          {index > 1 && (
            <button
              type="button"
              onClick={() => navigate(routeOf(space, symptom, rp.steps[index - 2]!.node))}
            >
              {t('step.back')}
            </button>
          )}
          <StartOver
            onConfirm={() => {
              reset(key);
              navigate(routeOf(space, symptom));
            }}
          />
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
              <Flowchart
                tree={symptom}
                steps={rp.steps}
                current={node}
                answers={state.answers}
                via={rp.via}
              />
            </Suspense>
          </div>
        )}
      </section>
    </div>
  );
}

/** Says the screen is an example, not the operator's work, and leads back to their own. */
function ExampleBanner({ symptom }: { symptom: TreeId }) {
  const { t } = useT();
  const own = useWizard((s) => hasWork(s.byTree[symptom]));
  return (
    <div className="example-banner" role="note" data-testid="example-banner">
      <p>
        <strong>{t('example.label', { name: t(`tree.${symptom}.name`) })}</strong>{' '}
        {t('example.apart')}
      </p>
      <Link className="button" to={own ? routeOf('work', symptom) : '/'}>
        {t(own ? 'example.backToWork' : 'example.backToStart')}
      </Link>
    </div>
  );
}
