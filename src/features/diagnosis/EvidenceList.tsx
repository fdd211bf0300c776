import type { Evidence } from '../../engine/types';
import { useT } from '../../app/useT';

/** Evidence lines quoted from the pastes, with where they came from and their line numbers. */
export function EvidenceList({
  evidence,
  sourceLabel,
}: {
  evidence: Evidence[];
  sourceLabel(s: string): string;
}) {
  const { t } = useT();
  return (
    <ol className="evidence">
      {evidence.map((e, i) => (
        <li key={`${e.source}:${e.line}:${i}`}>
          <span className="where-from">
            {sourceLabel(e.source)}, {t('diagnosis.line', { n: e.line })}
          </span>
          <code className="line" data-line={e.line}>
            {e.text}
          </code>
        </li>
      ))}
    </ol>
  );
}
