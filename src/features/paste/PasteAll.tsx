import { useMemo } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { SYMPTOMS, type SymptomId } from '../../catalog/causes';
import { diagnose } from '../../diagnosis/diagnose';
import { fillFromBundle, sectionParts, suggestSymptom } from '../../diagnosis/bundle';
import { replay } from '../../diagnosis/replay';
import { stateOf, useWizard } from '../../stores/wizard';
import { TREES } from '../../tree';
import { useSections } from '../../components/useSections';
import { useT } from '../../components/useT';
import { DiagnosisView } from '../../components/diagnosis/DiagnosisView';
import { PasteResult } from '../../components/paste/PasteResult';

/**
 * "Paste everything": every part recognised, every rule of every class run over them, the
 * likely symptom class suggested, and a way into its tree with the steps already filled.
 */
export function PasteAll() {
  const { t, lang } = useT();
  const navigate = useNavigate();
  const byTree = useWizard((s) => s.byTree);
  const load = useWizard((s) => s.load);
  const state = stateOf(byTree, 'all');
  const sections = useSections(state.pastes);
  const bundle = state.pastes.bundle;
  // Every rule of every class over the parts, once per paste and language, not per render.
  const diagnosis = useMemo(() => diagnose(null, sections.all, {}, lang), [sections.all, lang]);
  // The suggestion reads the same findings: the rules run once.
  const suggested = useMemo(
    () => suggestSymptom(sections.all, diagnosis.findings),
    [sections.all, diagnosis],
  );
  if (!bundle) return <Navigate to="/" replace />;

  const continueAs = (symptom: SymptomId) => {
    const parts = sectionParts(bundle, sections.all);
    const { state: next } = fillFromBundle(TREES[symptom], stateOf(byTree, symptom), parts);
    load(next);
    // Fact routes need the parsed parts: each filled step holds one part, re-parsed alike.
    const parsed = parts.map((p) => p.section);
    navigate(`/s/${symptom}/${replay(TREES[symptom], next, parsed).current}`);
  };

  if (sections.pending.length > 0) {
    return (
      <div className="step">
        <h1>{t('start.pasteTitle')}</h1>
        <p className="muted">{t('step.parsing')}</p>
      </div>
    );
  }
  return (
    <div className="step">
      <h1>{t('start.pasteTitle')}</h1>
      <h2>{t('diagnosis.inputs')}</h2>
      <PasteResult sections={sections.all} />
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
      <h2>{t('diagnosis.title')}</h2>
      <DiagnosisView
        diagnosis={diagnosis}
        sources={{ label: (s) => s.replace(/^bundle#?/, '#'), text: () => bundle }}
        skipped={0}
        collect={[]}
      />
    </div>
  );
}
