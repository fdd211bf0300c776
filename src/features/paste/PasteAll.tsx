import { Navigate } from 'react-router';
import { diagnose } from '../../engine/diagnose';
import { stateOf, useWizard } from '../../stores/wizard';
import { useSections } from '../useSections';
import { useT } from '../../app/useT';
import { DiagnosisView } from '../diagnosis/DiagnosisView';
import { PasteResult } from '../wizard/PasteResult';

/** "Paste everything": every part recognised, then every rule of every class run over them. */
export function PasteAll() {
  const { t, lang } = useT();
  const state = stateOf(
    useWizard((s) => s.byTree),
    'all',
  );
  const sections = useSections(state.pastes);
  if (!state.pastes.bundle) return <Navigate to="/" replace />;
  return (
    <div className="step">
      <h1>{t('start.pasteTitle')}</h1>
      <h2>{t('diagnosis.inputs')}</h2>
      {sections.pending.length > 0 ? (
        <p className="muted">{t('step.parsing')}</p>
      ) : (
        <>
          <PasteResult sections={sections.all} />
          <h2>{t('diagnosis.title')}</h2>
          <DiagnosisView
            diagnosis={diagnose(null, sections.all, {}, lang)}
            sources={{
              label: (s) => s.replace(/^bundle#?/, '#'),
              text: () => state.pastes.bundle ?? undefined,
            }}
            skipped={0}
            collect={[]}
          />
        </>
      )}
    </div>
  );
}
