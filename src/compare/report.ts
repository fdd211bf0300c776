import type { Evidence, Msg } from '../engine/types';
import { translate } from '../i18n/translate';
import type { Lang } from '../i18n/resources';
import { causeSummary, explained, groupDifferences, shown } from '.';
import { labelOf, valueOf } from './labels';
import type { Difference, NodeDiff } from './types';

/** The JSON of `triage diff` (more fields may be added, none removed). */
export function diffJson(diff: NodeDiff, all = false) {
  const list = shown(diff, all);
  return {
    differences: list,
    explained: explained(list),
    coverage: diff.coverage,
    compared: diff.compared ?? [],
    against: causeSummary(diff).against.map((a) => ({
      cause: a.cause,
      keys: a.shared.map((s) => ({ kind: s.kind, key: s.key, value: s.value })),
    })),
    noiseLeftOut: diff.differences.length - list.length,
  };
}

type Say = (m: Msg | string) => string;
const sayer =
  (lang: Lang): Say =>
  (m) =>
    typeof m === 'string' ? m : translate(lang, m.key, m.params);

const at = (e: Evidence[]) => e.map((x) => `${x.source}:${x.line}`).join(', ');

function notes(diff: NodeDiff, list: Difference[], say: Say): string[] {
  const out: string[] = [];
  const left = diff.differences.length - list.length;
  if (left > 0) out.push(say({ key: 'compare.noiseLeftOut', params: { n: left } }));
  for (const c of diff.coverage)
    out.push(
      say({
        key: `compare.coverage.${c.missingOn}`,
        params: { kind: say({ key: `compare.kind.${c.kind}` }) },
      }),
    );
  return out;
}

function summary(diff: NodeDiff, say: Say): string[] {
  const s = causeSummary(diff);
  const title = (c: string) => say({ key: `cause.${c}.title` });
  const out: string[] = [];
  if (s.supports.length > 0)
    out.push(
      `${say({ key: 'compare.supports' })}: ${s.supports.map((x) => title(x.cause)).join('; ')}`,
    );
  if (s.against.length > 0)
    out.push(
      `${say({ key: 'compare.against' })}: ${s.against.map((x) => title(x.cause)).join('; ')}`,
    );
  return out;
}

/** No difference shown: the nodes agree, or nothing of one paste could be set against the other. */
const emptyMsg = (diff: NodeDiff): Msg =>
  (diff.compared ?? []).length > 0
    ? { key: 'compare.noDifference' }
    : { key: 'compare.nothingCompared' };

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** A Markdown table for a ticket: `| | good node | bad node |`, explained differences first. */
export function diffMarkdown(diff: NodeDiff, lang: Lang, all = false): string {
  const say = sayer(lang);
  const list = shown(diff, all);
  const out = [`## ${say({ key: 'compare.title' })}`, ''];
  if (list.length === 0) out.push(say(emptyMsg(diff)), '');
  else {
    out.push(
      `| | ${say({ key: 'compare.goodNode' })} | ${say({ key: 'compare.badNode' })} |`,
      '|---|---|---|',
    );
    for (const d of list) {
      const label = say(labelOf(d));
      const why = d.explainedBy
        ? ` (${say({ key: 'compare.explainedBy', params: { cause: say({ key: `cause.${d.explainedBy}.title` }) } })})`
        : d.noise
          ? ` (${say({ key: 'compare.noise' })})`
          : '';
      const side = (v: string | null, e: Evidence[]) =>
        `${v === null ? say(valueOf(v)) : code(say(valueOf(v)))}${e.length > 0 ? ` ${at(e)}` : ''}`;
      out.push(
        `| **${cell(label)}**${cell(why)} | ${cell(side(d.good, d.evidence.good))} | ${cell(side(d.bad, d.evidence.bad))} |`,
      );
    }
    out.push('');
  }
  const more = [...summary(diff, say), ...notes(diff, list, say)];
  if (more.length > 0) out.push(...more.map((l) => `- ${l}`));
  return out.join('\n').trimEnd();
}

/** A plain listing for the terminal: each difference with both values and their lines. */
export function diffText(diff: NodeDiff, lang: Lang, all = false): string {
  const say = sayer(lang);
  const list = shown(diff, all);
  const out: string[] = [];
  if (list.length === 0) out.push(say(emptyMsg(diff)));
  for (const g of groupDifferences(list)) {
    out.push(
      g.cause
        ? `${say({ key: `cause.${g.cause}.title` })} (${g.cause}):`
        : `${say({ key: 'compare.others' })}:`,
    );
    for (const d of g.items) {
      out.push(`  ${say(labelOf(d))}${d.noise ? ` [${say({ key: 'compare.noise' })}]` : ''}`);
      out.push(
        `    ${say({ key: 'compare.goodNode' })}: ${say(valueOf(d.good))}${d.evidence.good.length ? `  (${at(d.evidence.good)})` : ''}`,
      );
      out.push(
        `    ${say({ key: 'compare.badNode' })}: ${say(valueOf(d.bad))}${d.evidence.bad.length ? `  (${at(d.evidence.bad)})` : ''}`,
      );
    }
  }
  const more = [...summary(diff, say), ...notes(diff, list, say)];
  if (more.length > 0) out.push('', ...more.map((l) => `- ${l}`));
  return out.join('\n');
}
