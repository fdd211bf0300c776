/** Shapes shared by parsers, rules, trees, the worker and the CLI. Pure data: no DOM, no React. */

/** One line of a paste. `n` is its 1-based number in the paste as the operator gave it. */
export interface Line {
  n: number;
  text: string;
}

export type { Msg } from '../i18n/msg';
import type { Msg } from '../i18n/msg';

/** A value together with the paste line it was read from. */
export interface Cited<T = string> {
  value: T;
  line: number;
  text: string;
}

export interface Problem {
  line?: number;
  msg: Msg;
}

export type ParseStatus = 'parsed' | 'partial' | 'rejected';

/**
 * What a parser made of an output. `command`: the command the output itself begins with (a
 * bare `kubectl get pods` line), for a section that had none.
 */
export type ParseOutcome<F> = (
  | {
      status: 'parsed' | 'partial';
      facts: F;
      summary: Msg;
      problems: Problem[];
      /** The netfilter tables an iptables output holds: a step that asks for NAT rules can tell a filter-only paste. */
      tables?: string[];
    }
  | { status: 'rejected'; nearMiss: string | null; problems: Problem[] }
) & { command?: string };

export type Confidence = 'high' | 'medium' | 'low';

/** A line quoted as evidence, with the paste it came from. */
export interface Evidence {
  source: string;
  line: number;
  text: string;
}
