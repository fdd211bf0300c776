import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SYMPTOMS } from '../../causes/catalog';
import { useT } from '../../app/useT';
import { useWizard } from '../../stores/wizard';
import { isGuided } from '../../tree';
import { EXAMPLES } from '../../examples';
import { replay } from '../../engine/replay';
import { TREES } from '../../tree';

export function Start() {
  const { t } = useT();
  const navigate = useNavigate();
  const load = useWizard((s) => s.load);
  const [bundle, setBundle] = useState('');

  const tryExample = (id: keyof typeof EXAMPLES) => {
    const ex = EXAMPLES[id];
    load(ex.state);
    const end = replay(TREES[ex.symptom], ex.state).current;
    navigate(`/s/${ex.symptom}/${end}`);
  };

  return (
    <div className="start">
      <h1>{t('start.title')}</h1>
      <p className="lead">{t('start.intro')}</p>
      <ul className="symptoms">
        {SYMPTOMS.map((s) => (
          <li key={s}>
            <Link to={`/s/${s}`} className="symptom" data-symptom-id={s}>
              <span className="symptom-title">{t(`symptom.${s}.title`)}</span>
              <span className="symptom-detail">{t(`symptom.${s}.detail`)}</span>
              <span className="badge">
                {t(isGuided(s) ? 'start.guided' : 'start.evidenceOnly')}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <section className="panel example" aria-labelledby="example-title">
        <h2 id="example-title">{t('start.example')}</h2>
        <p>{t('start.exampleHint')}</p>
        <button
          type="button"
          className="primary"
          onClick={() => tryExample('nodeport-tw-recycle')}
          data-testid="example-nodeport-one-node"
        >
          {t('start.example')}
        </button>
      </section>
      <section className="panel" aria-labelledby="paste-title">
        <h2 id="paste-title">{t('start.pasteTitle')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!bundle.trim()) return;
            load({ tree: 'all', answers: {}, pastes: { bundle } });
            navigate('/all');
          }}
        >
          <label htmlFor="paste-everything">{t('start.pasteHint')}</label>
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
