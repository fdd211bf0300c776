import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SYMPTOMS, type SymptomId } from '../../catalog/causes';
import { useT } from '../../components/useT';
import { hasWork, useHydrated, useWizard } from '../../stores/wizard';
import { EXAMPLES } from '../../examples';
import { CollectorCommand } from '../../components/collector/CollectorCommand';
import { Markdownish } from '../../components/Markdownish';
import { routeOf, storeKey } from '../../components/space';

export function Start() {
  const { t } = useT();
  const navigate = useNavigate();
  const load = useWizard((s) => s.load);
  const byTree = useWizard((s) => s.byTree);
  // What the start screen writes must not be overwritten by the kept work read back after it.
  const hydrated = useHydrated();
  const [bundle, setBundle] = useState('');

  const tryExample = async (symptom: SymptomId) => {
    const ex = EXAMPLES[symptom];
    if (!ex) return;
    // Replaying needs the trees and the rules, which are not in the start screen's chunk.
    const [{ replay }, { TREES }] = await Promise.all([
      import('../../diagnosis/replay'),
      import('../../tree'),
    ]);
    // In its own space: the operator's work on this symptom stays as it was.
    load(ex.state, storeKey('example', symptom));
    navigate(routeOf('example', symptom, replay(TREES[symptom], ex.state).current));
  };

  return (
    <div className="start">
      <h1>{t('start.title')}</h1>
      <p className="lead">{t('start.intro')}</p>
      <ul className="symptoms">
        {SYMPTOMS.map((s) => (
          <li key={s} className="symptom-card">
            <Link to={`/s/${s}`} className="symptom" data-symptom-id={s} id={`symptom-${s}`}>
              <span className="symptom-title">{t(`symptom.${s}.title`)}</span>
              <span className="symptom-detail">{t(`symptom.${s}.detail`)}</span>
            </Link>
            {hasWork(byTree[s]) && (
              <Link
                to={routeOf('work', s)}
                className="button primary resume"
                data-testid={`resume-${s}`}
                aria-describedby={`symptom-${s}`}
              >
                {t('start.resume')}
              </Link>
            )}
            {EXAMPLES[s] && (
              <button
                type="button"
                disabled={!hydrated}
                className="example-button"
                onClick={() => tryExample(s)}
                data-testid={`example-${s}`}
                aria-describedby={`symptom-${s}`}
                title={t(`examples.${s}`)}
              >
                {t('start.example')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="not-sure">
        <Link to="/s/not-sure" data-testid="not-sure">
          {t('start.notSure')}
        </Link>
      </p>
      <section className="panel" aria-labelledby="paste-title">
        <h2 id="paste-title">{t('start.pasteTitle')}</h2>
        {byTree.all?.pastes.bundle && (
          <p>
            <Link to="/all" className="button" data-testid="resume-all">
              {t('start.resumeAll')}
            </Link>
          </p>
        )}
        <CollectorCommand symptom={null} vars={{}} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!bundle.trim()) return;
            load({ tree: 'all', answers: {}, pastes: { bundle } });
            navigate('/all');
          }}
        >
          <label htmlFor="paste-everything">
            <Markdownish text={t('start.pasteHint')} />
          </label>
          <textarea
            id="paste-everything"
            data-testid="paste-everything"
            className="paste"
            rows={6}
            spellCheck={false}
            value={bundle}
            onChange={(e) => setBundle(e.target.value)}
          />
          <button type="submit" className="primary" disabled={!bundle.trim() || !hydrated}>
            {t('start.analyse')}
          </button>
        </form>
      </section>
    </div>
  );
}
