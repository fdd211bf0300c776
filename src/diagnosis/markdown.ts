import type { Diagnosis } from './diagnose';
import type { Lang } from '../i18n/resources';
import { translate, tMsg } from '../i18n/translate';

const FENCE = '```';

/** The diagnosis as Markdown for an incident ticket: findings with evidence and fixes, then what was healthy. */
export function diagnosisToMarkdown(d: Diagnosis, lang: Lang): string {
  const t = (k: string, p?: Record<string, string | number>) => translate(lang, k, p);
  const out: string[] = [
    `# ${t('diagnosis.title')}${d.symptom ? `: ${t(`symptom.${d.symptom}.title`)}` : ''}`,
    '',
  ];
  out.push(`## ${t('diagnosis.findings')}`, '');
  if (d.findings.length === 0) out.push(t('diagnosis.none'), '');
  for (const f of d.findings) {
    out.push(
      `### ${t(`cause.${f.cause}.title`)} (\`${f.cause}\`, ${t(`diagnosis.confidence.${f.confidence}`)})`,
      '',
    );
    out.push(tMsg(lang, f.why), '');
    for (const m of f.also) out.push(tMsg(lang, m), '');
    out.push(`**${t('diagnosis.evidence')}**`, '');
    for (const e of f.evidence)
      out.push(
        `- ${e.source}, ${t('diagnosis.line', { n: e.line })}: \`${e.text.replace(/`/g, "'")}\``,
      );
    out.push('');
    for (const part of ['now', 'persist', 'verify', 'rollback'] as const) {
      out.push(`**${t(`diagnosis.fixPart.${part}`)}**`, '', `${FENCE}sh`, f.fix[part], FENCE, '');
    }
    out.push(`**${t('diagnosis.risk')}:** ${t(`cause.${f.cause}.risk`)}`, '');
  }
  if (d.ruledOut.length > 0) {
    out.push(`## ${t('diagnosis.healthy')}`, '');
    for (const r of d.ruledOut)
      out.push(
        `- ✓ ${tMsg(lang, r.because)} (${t('diagnosis.rulesOut', { cause: t(`cause.${r.cause}.title`) })}, \`${r.cause}\`)`,
      );
    out.push('');
  }
  if (d.notApplicable.length > 0) {
    out.push(`## ${t('diagnosis.notApplicable')}`, '');
    for (const r of d.notApplicable)
      out.push(`- ${t(`cause.${r.cause}.title`)}: ${tMsg(lang, r.because)}`);
    out.push('');
  }
  return out.join('\n');
}
