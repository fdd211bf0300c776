import { LANGS, type Lang } from '../i18n/dict';

/** Minimal argv parsing: `--name value`, `--name=value`, and positional files (`-` is stdin). */
export interface Args {
  command: string | undefined;
  options: Record<string, string>;
  /** Options without a value (`--local`). */
  flags: Set<string>;
  files: string[];
}

export class UsageError extends Error {}

const REPEATABLE = new Set(['var']);

export function parseArgs(
  argv: string[],
  valued: readonly string[],
  flagNames: readonly string[] = [],
): Args {
  const [command, ...rest] = argv;
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') {
      files.push(...rest.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (flagNames.includes(name) && inline === undefined) {
        flags.add(name);
        continue;
      }
      if (!valued.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      // A repeatable option (`--var a=1 --var b=2`) keeps every value, NUL-separated.
      options[name] =
        REPEATABLE.has(name) && options[name] !== undefined ? `${options[name]}\0${value}` : value;
    } else files.push(a);
  }
  return { command, options, flags, files };
}

export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function langOf(args: Args): Lang {
  return oneOf('lang', args.options.lang, LANGS, 'en');
}
