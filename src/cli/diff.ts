import { compareNodes } from '../compare';
import { diffJson, diffMarkdown, diffText } from '../compare/report';
import { langOf, oneOf, UsageError, type Args } from './args';
import { parseInputs, readInputs } from './inputs';

/**
 * `triage diff GOOD_BUNDLE BAD_BUNDLE`: what differs between a node that works and one that
 * does not, from the facts of their outputs; JSON, a Markdown table for a ticket, or text.
 */
export async function diffCmd(args: Args): Promise<string> {
  const format = oneOf('format', args.options.format, ['json', 'md', 'text'] as const, 'text');
  const lang = langOf(args);
  if (args.files.length !== 2)
    throw new UsageError(
      `diff needs two files, the good node's and the bad node's (got ${args.files.length})`,
    );
  const [goodFile, badFile] = args.files as [string, string];
  const [good, bad] = readInputs([goodFile, badFile]);
  // Two files of one name (good/bundle.txt, bad/bundle.txt): cite them by the paths given.
  if (good!.source === bad!.source) {
    good!.source = goodFile;
    bad!.source = badFile;
  }
  const diff = compareNodes(await parseInputs([good!]), await parseInputs([bad!]));
  const all = args.flags.has('all');
  if (format === 'json') return JSON.stringify(diffJson(diff, all), null, 2);
  if (format === 'md') return diffMarkdown(diff, lang, all);
  return diffText(diff, lang, all);
}
