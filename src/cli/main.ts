import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs, UsageError } from './args';
import { causesCmd, detect, diagnoseCmd, treeCmd, type Input } from './commands';

const USAGE = `usage:
  triage detect [--format json|text] [--lang en|zh-CN] FILE...
  triage diagnose [--symptom ID] [--port N] [--node NAME] [--var NAME=VALUE]... [--lang en|zh-CN] [--format json|md] FILE...
  triage tree --symptom ID [--format json|mermaid] [--lang en|zh-CN]
  triage causes [--format json|text] [--lang en|zh-CN]
FILE may be - for standard input; a collector bundle counts as one paste per section.`;

const VALUED = ['format', 'lang', 'symptom', 'port', 'node', 'var'] as const;

/** Runs the CLI; returns the exit status (0 ran, 2 bad arguments or unreadable file). */
export function main(argv: string[]): number {
  try {
    const args = parseArgs(argv, VALUED);
    const needFiles = () => {
      if (args.files.length === 0) throw new UsageError('no FILE given');
      return readInputs(args.files);
    };
    let out: string;
    switch (args.command) {
      case 'detect':
        out = detect(args, needFiles());
        break;
      case 'diagnose':
        out = diagnoseCmd(args, needFiles());
        break;
      case 'tree':
        out = treeCmd(args);
        break;
      case 'causes':
        out = causesCmd(args);
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

function readInputs(files: string[]): Input[] {
  return files.map((f) => {
    try {
      const bytes = readFileSync(f === '-' ? 0 : f);
      return { source: f === '-' ? 'stdin' : basename(f), bytes };
    } catch (e) {
      throw new UsageError(
        `cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
  });
}

process.exitCode = main(process.argv.slice(2));
