import { parseArgs, UsageError } from './args';
import { readInputs } from './inputs';

const USAGE = `usage:
  triage detect [--format json|text] [--lang en|zh-CN] FILE...
  triage diagnose [--symptom ID] [--port N] [--node NAME] [--var NAME=VALUE]... [--lang en|zh-CN] [--format json|md] FILE...
  triage tree --symptom ID [--format json|mermaid] [--lang en|zh-CN]
  triage causes [--format json|text] [--lang en|zh-CN]
  triage walk --packet 'tcp SRC:PORT -> DST:PORT' [--in IFACE] [--out IFACE] [--local]
              [--node-ip ADDR[,ADDR]...] [--state NEW|ESTABLISHED|RELATED|INVALID]
              [--format json|text] [--lang en|zh-CN] FILE...
  triage diff [--format json|md|text] [--lang en|zh-CN] [--all] GOOD_BUNDLE BAD_BUNDLE
FILE may be - for standard input; a collector bundle counts as one paste per section.`;

export const VALUED = [
  'format',
  'lang',
  'symptom',
  'port',
  'node',
  'var',
  'packet',
  'in',
  'out',
  'node-ip',
  'state',
] as const;
export const FLAGS = ['local', 'all'] as const;

/**
 * Runs the CLI; returns the exit status (0 ran, 2 bad arguments or unreadable file). Each
 * command loads only what it needs: a process starts for every call.
 */
export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv, VALUED, FLAGS);
    const needFiles = () => {
      if (args.files.length === 0) throw new UsageError('no FILE given');
      return readInputs(args.files);
    };
    let out: string;
    switch (args.command) {
      case 'detect':
        out = await (await import('./detect')).detect(args, needFiles());
        break;
      case 'diagnose':
        out = await (await import('./commands')).diagnoseCmd(args, needFiles());
        break;
      case 'tree':
        out = (await import('./commands')).treeCmd(args);
        break;
      case 'walk':
        out = await (await import('./walk')).walkCmd(args, needFiles());
        break;
      case 'diff':
        out = await (await import('./diff')).diffCmd(args);
        break;
      case 'causes':
        out = (await import('./commands')).causesCmd(args);
        break;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return args.command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
    process.stdout.write(`${out}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`triage: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
