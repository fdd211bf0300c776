import type { Msg } from '../engine/types';
import { translateIn } from '../i18n/dict';
import { PARSE_MESSAGES } from '../i18n/parse-messages';
import { langOf, oneOf, type Args } from './args';
import { parseInputs, type Input } from './inputs';

/** `triage detect`: per output, its kind, status, summary and problems (JSON as in cli.md). */
export async function detect(args: Args, inputs: Input[]): Promise<string> {
  const format = oneOf('format', args.options.format, ['json', 'text'] as const, 'text');
  const dict = PARSE_MESSAGES[langOf(args)];
  const say = (m: Msg) => translateIn(dict, m.key, m.params);
  const rows = (await parseInputs(inputs)).map((s) => ({
    source: s.source,
    kind: s.kind,
    status: s.status,
    summary: s.status === 'rejected' ? '' : say(s.summary),
    problems: s.problems.map((p) => (p.line !== undefined ? `line ${p.line}: ` : '') + say(p.msg)),
  }));
  if (format === 'json') return JSON.stringify(rows, null, 2);
  return rows
    .map(
      (r) =>
        `${r.source}: ${r.kind ?? 'unknown'} (${r.status})${r.summary ? ` ${r.summary}` : ''}${r.problems.map((p) => `\n  - ${p}`).join('')}`,
    )
    .join('\n');
}
