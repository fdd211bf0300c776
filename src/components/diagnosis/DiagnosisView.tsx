import type { Diagnosis } from '../../diagnosis/diagnose';
import { useT } from '../useT';
import { CodeBlock } from '../CodeBlock';
import { FindingCard } from './FindingCard';
import { EvidenceList, type Sources } from './EvidenceList';
import { ExportActions } from './ExportActions';
import { ComparisonView } from '../compare/ComparisonView';
import type { Comparison } from '../../diagnosis/comparison';

interface Props {
  diagnosis: Diagnosis;
  /** A readable name for each paste (the step it was pasted at), and its text. */
  sources: Sources;
  skipped: number;
  /** Commands worth running when nothing was found. */
  collect: string[];
  /** This node against the node that works, when one was pasted. */
  comparison?: Comparison | null;
  goodName?: string;
}

export function DiagnosisView({
  diagnosis,
  sources,
  skipped,
  collect,
  comparison,
  goodName,
}: Props) {
  const { t, tm } = useT();
  return (
    <div className="diagnosis" data-testid="diagnosis">
      <ExportActions diagnosis={diagnosis} comparison={comparison ?? null} goodName={goodName} />
      {skipped > 0 && <p className="note">{t('diagnosis.skippedNote', { count: skipped })}</p>}
      <h2>{t('diagnosis.findings')}</h2>
      {diagnosis.findings.length === 0 ? (
        <p className="none">{t('diagnosis.none')}</p>
      ) : (
        diagnosis.findings.map((f) => (
          <FindingCard key={f.cause} finding={f} sources={sources} node={diagnosis.node} />
        ))
      )}
      {comparison && (
        <ComparisonView comparison={comparison} goodName={goodName} sources={sources} />
      )}
      {diagnosis.ruledOut.length > 0 && (
        <section className="healthy" aria-labelledby="healthy-title">
          <h2 id="healthy-title">{t('diagnosis.healthy')}</h2>
          <ul>
            {diagnosis.ruledOut.map((r) => (
              <li key={r.cause} data-ruled-out={r.cause}>
                {/* What was seen, as a plain statement; the cause it rules out after it. */}
                <span className="ok" aria-hidden="true">
                  ✓
                </span>{' '}
                {tm(r.because)}{' '}
                <span className="muted">
                  ({t('diagnosis.rulesOut', { cause: t(`cause.${r.cause}.title`) })})
                </span>
                {r.evidence.length > 0 && <EvidenceList evidence={r.evidence} sources={sources} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diagnosis.notApplicable.length > 0 && (
        <section aria-labelledby="na-title">
          <h2 id="na-title">{t('diagnosis.notApplicable')}</h2>
          <ul>
            {diagnosis.notApplicable.map((r) => (
              <li key={r.cause}>
                <strong>{t(`cause.${r.cause}.title`)}</strong>: {tm(r.because)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diagnosis.findings.length === 0 && collect.length > 0 && (
        <section aria-labelledby="collect-title">
          <h2 id="collect-title">{t('diagnosis.collect')}</h2>
          {collect.map((c) => (
            <CodeBlock key={c} code={c} label={c} />
          ))}
        </section>
      )}
      {diagnosis.unexamined.length > 0 && (
        <details className="unexamined">
          <summary>
            {t('diagnosis.unexamined')} ({diagnosis.unexamined.length})
          </summary>
          <ul>
            {diagnosis.unexamined.map((c) => (
              <li key={c}>{t(`cause.${c}.title`)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
