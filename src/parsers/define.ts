import type { Line, Msg, ParseOutcome, Problem } from '../engine/types';

/** What a parser gets besides the lines: the command the operator typed, when the paste shows it. */
export interface ParseContext {
  command: string | null;
  /**
   * The shell the command was typed in when the paste opened one in a container earlier
   * (`kubectl exec -it web-0 -- sh`, then `/ # sysctl ...`): the command ran in that container.
   */
  within?: string | null;
}

/** How many non-empty lines from a section's start a detector is shown. */
export const HEAD_LINES = 40;

export interface Parser<K extends string = string, F = unknown> {
  kind: K;
  /** Cheap sniff of the first non-empty lines (`HEAD_LINES`). The registry asks parsers in order. */
  detect(head: Line[], ctx: ParseContext): boolean;
  parse(lines: Line[], ctx: ParseContext): ParseOutcome<F>;
  /** When one output holds several objects (`kubectl describe pods`): its lines, one part each. */
  split?(lines: Line[]): Line[][];
}

export function defineParser<K extends string, F>(p: Parser<K, F>): Parser<K, F> {
  return p;
}

export function accept<F>(facts: F, problems: Problem[], summary: Msg): ParseOutcome<F> {
  return { status: problems.length > 0 ? 'partial' : 'parsed', facts, summary, problems };
}

export function reject<F>(msg: Msg, nearMiss: string | null = null): ParseOutcome<F> {
  return { status: 'rejected', nearMiss, problems: [{ msg }] };
}

export function msg(key: string, params?: Msg['params']): Msg {
  return params ? { key, params } : { key };
}
