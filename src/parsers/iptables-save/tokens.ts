/**
 * Splits a rule into words the way iptables reads it back: whitespace separates, double
 * quotes group, and inside quotes a backslash escapes the next character (iptables-save
 * writes `\"` and `\\` there). A missing closing quote ends the word at the end of the line.
 */
export function tokenize(text: string): string[] {
  // Most rules hold no quotes: a plain split is several times faster on big dumps.
  if (!text.includes('"')) return text.split(/[ \t]+/).filter((w) => w !== '');
  const out: string[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i += 1;
      continue;
    }
    let word = '';
    while (i < len) {
      c = text.charCodeAt(i);
      if (c === 32 || c === 9) break;
      if (c !== 34) {
        const next = nextSpecial(text, i);
        word += text.slice(i, next);
        i = next;
        continue;
      }
      i += 1; // opening quote
      let start = i;
      while (i < len) {
        c = text.charCodeAt(i);
        if (c === 34) break;
        if (c === 92 && i + 1 < len) {
          // backslash: drop it, keep the next character as it is
          word += text.slice(start, i);
          start = i + 1;
          i += 2;
          continue;
        }
        i += 1;
      }
      word += text.slice(start, Math.min(i, len));
      i += 1; // closing quote (or past the end)
    }
    out.push(word);
  }
  return out;
}

/** Index of the next space, tab or quote at or after `from`, or the end of the text. */
function nextSpecial(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 9 || c === 34) return j;
  }
  return text.length;
}

export interface RuleFields {
  chain: string;
  target: string | null;
  comment: string | null;
  dport: string | null;
  proto: string | null;
  /** From `-c PACKETS BYTES` (`iptables -S -v`); the `[p:b]` prefix is read by the caller. */
  packets: number | null;
}

const TARGET = 1;
const COMMENT = 2;
const DPORT = 3;
const DPORTS = 4;
const PROTO = 5;
const COUNTERS = 6;
const LONG = new Map([
  ['--jump', TARGET],
  ['--goto', TARGET],
  ['--comment', COMMENT],
  ['--dport', DPORT],
  ['--destination-port', DPORT],
  ['--dports', DPORTS],
  ['--destination-ports', DPORTS],
  ['--protocol', PROTO],
  ['--set-counters', COUNTERS],
]);

/**
 * The fields the rules read, from an `-A CHAIN ...` line. Negated matches (`! --dport 22`,
 * old `--dport ! 22`) are left out. Walks the words in place, the same way `tokenize` splits
 * them, but only cuts out the values it keeps: big dumps are mostly words nobody reads.
 */
export function ruleFields(text: string): RuleFields | null {
  const len = text.length;
  const f: RuleFields = {
    chain: '',
    target: null,
    comment: null,
    dport: null,
    proto: null,
    packets: null,
  };
  let i = 0;
  let n = 0; // words seen
  let pending = 0; // option waiting for its value
  let negated = false;
  let bang = false; // the previous word was '!'
  while (i < len) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i += 1;
      continue;
    }
    const start = i;
    let quoted = false;
    while (i < len) {
      c = text.charCodeAt(i);
      if (c === 32 || c === 9) break;
      if (c === 34) {
        quoted = true;
        i = pastQuote(text, i + 1);
      } else i += 1;
    }
    const end = Math.min(i, len);
    const isBang = end - start === 1 && text.charCodeAt(start) === 33;
    if (n === 0) {
      const w = text.slice(start, end);
      if (w !== '-A' && w !== '-I' && w !== '--append' && w !== '--insert') return null;
    } else if (n === 1) f.chain = word(text, start, end, quoted);
    else if (pending !== 0) {
      if (isBang) negated = true;
      else {
        keep(f, pending, word(text, start, end, quoted), negated);
        pending = 0;
      }
    } else if (text.charCodeAt(start) === 45) {
      pending = optionCode(text, start, end);
      negated = bang;
    }
    bang = isBang;
    n += 1;
  }
  return n >= 2 ? f : null;
}

function keep(f: RuleFields, option: number, v: string, negated: boolean): void {
  if (option === TARGET) f.target ??= v;
  else if (option === COMMENT) f.comment ??= v;
  else if (negated) return;
  else if (option === DPORT) f.dport ??= v;
  else if (option === DPORTS) f.dport ??= v;
  else if (option === PROTO) f.proto ??= v;
  else if (option === COUNTERS && /^\d+$/.test(v)) f.packets = Number(v);
}

function optionCode(text: string, start: number, end: number): number {
  if (end - start === 2) {
    const c = text.charCodeAt(start + 1);
    if (c === 106 || c === 103) return TARGET; // -j, -g
    if (c === 112) return PROTO; // -p
    if (c === 99) return COUNTERS; // -c
    return 0;
  }
  if (end - start > 20 || text.charCodeAt(start + 1) !== 45) return 0;
  return LONG.get(text.slice(start, end)) ?? 0;
}

/** Index just past the closing quote of a quoted part that starts at `from`, or the end of the text. */
function pastQuote(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 1;
    else if (c === 34) return j + 1;
  }
  return text.length;
}

function word(text: string, start: number, end: number, quoted: boolean): string {
  const raw = text.slice(start, end);
  return quoted ? (tokenize(raw)[0] ?? '') : raw;
}
