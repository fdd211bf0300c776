import { useMemo } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { StartOver } from '../../components/StartOver';
import { ShareButton } from '../../components/share/ShareButton';
import { replay } from '../../diagnosis/replay';
import { SYMPTOMS, type SymptomId } from '../../catalog/causes';
import { fillFromBundle, sectionParts } from '../../diagnosis/bundle';
import { render } from '../../diagnosis/render';
import { stateOf, useWizard } from '../../stores/wizard';
import { TREES } from '../../tree';
import { useAdvance, useBundleAssessment } from '../../components/useAssessment';
import { WorkerFailed } from '../../components/WorkerFailed';
import { useT } from '../../components/useT';
import { DiagnosisView } from '../../components/diagnosis/DiagnosisView';
import { PasteResult } from '../../components/paste/PasteResult';

/**
 * "Paste everything": every part recognised, every rule of every class run over them (in the
 * worker), the likely symptom class suggested, and a way into its tree with the steps filled.
 */
export function PasteAll() {
  const bundle = useWizard((s) => stateOf(s.byTree, 'all').pastes.bundle);
  if (!bundle) return <Navigate to="/" replace />;
  return <PasteAllOf bundle={bundle} />;
}

function PasteAllOf({ bundle }: { bundle: string }) {
  const { t, lang } = useT();
  const assessed = useBundleAssessment(bundle);
  const { advance, error: advanceError } = useAdvance();
  const navigate = useNavigate();
  const got = assessed.value;
  // The worker judged once; a language switch only renders again.
  const diagnosis = useMemo(() => got && render(null, got.verdicts, {}, lang), [got, lang]);
  // Shared as the suggested symptom's triage with every recognised output in its step.
  const shared = useMemo(() => {
    const s = got?.suggested;
    if (!got || !s) return null;
    const parts = sectionParts(bundle, got.paste.sections);
    const state = fillFromBundle(TREES[s], { tree: s, answers: {}, pastes: {} }, parts).state;
    return { tree: s, node: replay(TREES[s], state).current, state };
  }, [got, bundle]);

  const continueAs = (symptom: SymptomId) => {
    if (!got) return;
    const parts = sectionParts(bundle, got.paste.sections);
    const { byTree } = useWizard.getState();
    void advance(symptom, fillFromBundle(TREES[symptom], stateOf(byTree, symptom), parts).state);
  };

  const failure = assessed.error ?? advanceError;
  if (!got || !diagnosis) {
    return (
      <div className="step">
        <h1>{t('start.pasteTitle')}</h1>
        {failure ? (
          <WorkerFailed error={failure} retry={assessed.retry} />
        ) : (
          <p className="muted">{t('step.parsing')}</p>
        )}
      </div>
    );
  }
  const suggested = got.suggested;
  return (
    <div className="step">
      <h1>{t('start.pasteTitle')}</h1>
      {failure && <WorkerFailed error={failure} retry={assessed.retry} />}
      <h2>{t('diagnosis.inputs')}</h2>
      <PasteResult paste={got.paste} />
      <section
        className="panel suggest"
        aria-labelledby="suggest-title"
        data-testid="suggestion"
        data-symptom={suggested ?? ''}
      >
        {suggested && (
          <>
            <h2 id="suggest-title">
              {t('collector.suggest')} {t(`symptom.${suggested}.title`)}
            </h2>
            <button
              type="button"
              className="primary"
              onClick={() => continueAs(suggested)}
              data-testid="continue-suggested"
            >
              {t('collector.continueWith')}
            </button>
          </>
        )}
        <p>{suggested ? t('collector.other') : t('collector.continueWith')}</p>
        <ul className="row plain">
          {SYMPTOMS.filter((s) => s !== suggested).map((s) => (
            <li key={s}>
              <button type="button" onClick={() => continueAs(s)}>
                {t(`tree.${s}.name`)}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <div className="step-actions">
        {shared && <ShareButton tree={shared.tree} node={shared.node} state={shared.state} />}
        <StartOver
          ask="app.startOverAskAll"
          onConfirm={() => {
            useWizard.getState().reset('all');
            navigate('/');
          }}
        />
      </div>
      <h2>{t('diagnosis.title')}</h2>
      <DiagnosisView
        diagnosis={diagnosis}
        // Every part keeps the whole paste's line numbers: one name says where to look.
        sources={{ label: () => t('start.pasteSource'), text: () => bundle }}
        skipped={0}
        collect={[]}
      />
    </div>
  );
}
