import type { Diagnosis } from './diagnose';
import type { Lang } from '../i18n/resources';
import { translate, tMsg } from '../i18n/translate';
import type { Msg } from '../engine/types';
import { labelOf, valueOf } from '../compare/labels';
import type { Comparison } from './comparison';

const FENCE = '```';

/** The diagnosis as Markdown for an incident ticket: findings with evidence and fixes, then what was healthy. */
export function diagnosisToMarkdown(
  d: Diagnosis,
  lang: Lang,
  comparison: Comparison | null = null,
  goodName?: string,
): string {
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
  if (comparison) out.push(...comparisonTable(comparison, lang, goodName));
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

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The difference table: what differs, on this node and on the node that works, and its cause. */
function comparisonTable(c: Comparison, lang: Lang, goodName?: string): string[] {
  const t = (k: string, p?: Record<string, string | number>) => translate(lang, k, p);
  const say = (m: Msg | string) => (typeof m === 'string' ? m : tMsg(lang, m));
  const good = goodName ? t('compareUi.goodNamed', { name: goodName }) : t('compareUi.good');
  const out = [`## ${t('compareUi.title')}`, ''];
  if (c.differences.length === 0)
    out.push(t(c.compared.length > 0 ? 'compare.noDifference' : 'compare.nothingCompared'), '');
  else {
    out.push(
      `| ${t('compareUi.what')} | ${t('compareUi.here')} | ${cell(good)} | ${t('compareUi.explains')} |`,
      '|---|---|---|---|',
    );
    for (const x of c.differences)
      out.push(
        `| ${cell(say(labelOf(x)))} | ${cell(say(valueOf(x.bad)))} | ${cell(say(valueOf(x.good)))} | ${
          x.explainedBy ? `${cell(t(`cause.${x.explainedBy}.title`))} (\`${x.explainedBy}\`)` : ''
        } |`,
      );
    out.push('');
  }
  for (const a of c.against)
    out.push(
      `- ${t('compare.against')}: ${t(`cause.${a.cause}.title`)} (${a.shared
        .map((s) => `${say(labelOf(s))} = ${say(valueOf(s.value))}`)
        .join('; ')})`,
    );
  if (c.noise > 0) out.push(`- ${t('compareUi.noise', { n: c.noise })}`);
  for (const x of c.coverage)
    out.push(`- ${t(`compareUi.coverage.${x.missingOn}`, { kind: t(`compare.kind.${x.kind}`) })}`);
  out.push('');
  return out;
}
