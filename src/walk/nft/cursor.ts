import type { Action, Match } from '../program';
import type { Binop } from './matches';
import { unknownAction } from './actions';
import { unknownMatch } from './matches';
import { tokenText, type Token } from './tokens';
import { tcpFlagBits } from './values';
import type { Msg } from '../msg';

/** One statement of a rule, in order. `passive` actions (counter, log) change nothing a match reads. */
export type Item =
  | { kind: 'match'; match: Match }
  | { kind: 'action'; action: Action; passive: boolean }
  | { kind: 'limit'; text: string };

export const NUMBER = /^(?:0x[0-9a-fA-F]+|\d+)$/;

// Words that start a statement the compiler reads: where an unreadable statement ends.
const BOUNDARY =
  /^(?:accept|drop|reject|return|jump|goto|continue|queue|dnat|snat|masquerade|redirect|counter|log|limit|notrack)$/;

const BINOPS: Record<string, Binop['op']> = {
  '&': '&',
  and: '&',
  '|': '|',
  or: '|',
  '^': '^',
  xor: '^',
  '<<': '<<',
  lshift: '<<',
  '>>': '>>',
  rshift: '>>',
};

/** The rule's tokens and how far the reading has come. */
export class Cursor {
  i = 0;

  constructor(readonly tokens: Token[]) {}

  get done(): boolean {
    return this.i >= this.tokens.length;
  }

  word(at = this.i): string | null {
    const t = this.tokens[at];
    return t && t.kind === 'word' ? t.text : null;
  }

  /** The tokens from `from` to here, as written. */
  text(from: number, to = this.i): string {
    return this.tokens.slice(from, to).map(tokenText).join(' ');
  }

  /** `& 0x4000`, `or 0x1`, `& (fin | syn | rst | ack)`, … as far as they go. */
  binops(): Binop[] {
    const out: Binop[] = [];
    for (;;) {
      const op = BINOPS[this.word() ?? ''];
      const next = this.tokens[this.i + 1];
      const operand = next && next.kind !== 'string' ? tcpFlagBits(tokenText(next)) : null;
      if (!op || operand === null) return out;
      out.push({ op, operand });
      this.i += 2;
    }
  }

  /**
   * A statement the walk cannot read, up to the next statement it knows (`accept`, `counter`,
   * `dnat`, …), as a match that cannot be told: the engine then follows both ways, and the
   * verdict after it must stay the rule's own, never swallowed into the unknown text.
   */
  unknownMatch(why: Msg): Item {
    const from = this.i;
    this.i++;
    while (!this.done && !BOUNDARY.test(this.word() ?? '')) this.i++;
    return { kind: 'match', match: unknownMatch(this.text(from), why) };
  }

  /** A verdict or a packet rewrite the walk cannot follow: the branch stops there as unknown. */
  unknownAction(why: Msg, from = this.i): Item {
    this.i = Math.max(this.i, from + 1);
    while (!this.done && !BOUNDARY.test(this.word() ?? '')) this.i++;
    return action(unknownAction(this.text(from), why));
  }
}

export const action = (a: Action, passive = false): Item => ({
  kind: 'action',
  action: a,
  passive,
});
export const match = (m: Match): Item => ({ kind: 'match', match: m });
