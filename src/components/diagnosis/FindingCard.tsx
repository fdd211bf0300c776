import type { Finding } from '../../diagnosis/diagnose';
import { useT } from '../useT';
import { CodeBlock } from '../CodeBlock';
import { EvidenceList, type Sources } from './EvidenceList';

const PARTS = ['now', 'persist', 'verify', 'rollback'] as const;

export function FindingCard({ finding, sources }: { finding: Finding; sources: Sources }) {
  const { t, tm } = useT();
  const id = `finding-${finding.cause}`;
  return (
    <article
      className={`finding conf-${finding.confidence}`}
      data-cause-id={finding.cause}
      aria-labelledby={id}
    >
      <header>
        <h3 id={id}>{t(`cause.${finding.cause}.title`)}</h3>
        <span className={`badge conf conf-${finding.confidence}`}>
          {t(`diagnosis.confidence.${finding.confidence}`)}
        </span>
      </header>
      <p className="finding-why">{tm(finding.why)}</p>
      <h4>{t('diagnosis.evidence')}</h4>
      <EvidenceList evidence={finding.evidence} sources={sources} />
      <details className="explain">
        <summary>{t('diagnosis.why')}</summary>
        <p>{t(`cause.${finding.cause}.why`)}</p>
      </details>
      <h4>{t('diagnosis.fix')}</h4>
      <div className="fix">
        {PARTS.map((p) => (
          <div key={p} className="fix-part">
            <h5>{t(`diagnosis.fixPart.${p}`)}</h5>
            <CodeBlock code={finding.fix[p]} label={`${t(`diagnosis.fixPart.${p}`)}`} />
          </div>
        ))}
      </div>
      <p className="risk">
        <strong>{t('diagnosis.risk')}:</strong> {t(`cause.${finding.cause}.risk`)}
      </p>
    </article>
  );
}
