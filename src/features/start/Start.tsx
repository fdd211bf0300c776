import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SYMPTOMS, type SymptomId } from '../../catalog/causes';
import { useT } from '../../components/useT';
import { useWizard } from '../../stores/wizard';
import { EXAMPLES } from '../../examples';
import { replay } from '../../diagnosis/replay';
import { TREES } from '../../tree';
import { CollectorCommand } from '../../components/collector/CollectorCommand';
import { Markdownish } from '../../components/Markdownish';

export function Start() {
  const { t } = useT();
  const navigate = useNavigate();
  const load = useWizard((s) => s.load);
  const [bundle, setBundle] = useState('');

  const tryExample = (symptom: SymptomId) => {
    const ex = EXAMPLES[symptom];
    if (!ex) return;
    load(ex.state);
    navigate(`/s/${symptom}/${replay(TREES[symptom], ex.state).current}`);
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
            {EXAMPLES[s] && (
              <button
                type="button"
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
          <button type="submit" className="primary" disabled={!bundle.trim()}>
            {t('start.analyse')}
          </button>
        </form>
      </section>
    </div>
  );
}
