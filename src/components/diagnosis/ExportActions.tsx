import type { Diagnosis } from '../../diagnosis/diagnose';
import { diagnosisToMarkdown } from '../../diagnosis/markdown';
import type { Comparison } from '../../diagnosis/comparison';
import { useT } from '../useT';
import { CopyButton } from '../CopyButton';

/** The diagnosis as Markdown for the incident ticket: copy, or download as a file. */
export function ExportActions({
  diagnosis,
  comparison = null,
  goodName,
}: {
  diagnosis: Diagnosis;
  comparison?: Comparison | null;
  goodName?: string;
}) {
  const { t, lang } = useT();
  const markdown = diagnosisToMarkdown(diagnosis, lang, comparison, goodName);
  const download = () => {
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `net-triage-${diagnosis.symptom ?? 'diagnosis'}.md`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="row export" data-testid="export">
      <CopyButton
        text={markdown}
        label={t('diagnosis.copyMarkdown')}
        caption={t('diagnosis.copyMarkdown')}
      />
      <button type="button" onClick={download}>
        {t('diagnosis.downloadMarkdown')}
      </button>
    </div>
  );
}
