import type { Line } from '../../engine/types';
import { LIMITS, ReadError, type Entry, type Node } from './tree';

/**
 * `kubectl get -o json` into the same tree as the YAML reader, each node with the paste line it
 * starts on (JSON.parse would lose them). Strict JSON; nesting limited to `LIMITS.depth`.
 */
export function readJson(lines: Line[]): Node {
  const r = new JsonReader(lines);
  const node = r.value(0);
  r.ws();
  if (!r.done()) throw new ReadError(r.lineNo(), 'jsonSyntax');
  return node;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const WORD = /true|false|null/y;

class JsonReader {
  private readonly s: string;
  private readonly starts: number[] = [];
  private readonly numbers: number[];
  private i = 0;
  private row = 0;

  constructor(lines: Line[]) {
    let at = 0;
    for (const l of lines) {
      this.starts.push(at);
      at += l.text.length + 1;
    }
    this.numbers = lines.map((l) => l.n);
    this.s = lines.map((l) => l.text).join('\n');
  }

  done(): boolean {
    return this.i >= this.s.length;
  }

  /** The paste line number of the current position. */
  lineNo(): number {
    while (this.row + 1 < this.starts.length && this.starts[this.row + 1]! <= this.i) this.row += 1;
    return this.numbers[this.row] ?? 0;
  }

  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      this.i += 1;
    }
  }

  value(depth: number): Node {
    if (depth > LIMITS.depth) throw new ReadError(this.lineNo(), 'tooDeep', { max: LIMITS.depth });
    this.ws();
    const line = this.lineNo();
    const c = this.s[this.i];
    if (c === '{') {
      this.i += 1;
      const entries: Entry[] = [];
      this.ws();
      if (this.s[this.i] === '}') {
        this.i += 1;
        return { t: 'map', line, entries };
      }
      for (;;) {
        this.ws();
        const keyLine = this.lineNo();
        if (this.s[this.i] !== '"') throw new ReadError(keyLine, 'jsonSyntax');
        const key = this.string();
        this.ws();
        if (this.s[this.i] !== ':') throw new ReadError(this.lineNo(), 'jsonSyntax');
        this.i += 1;
        entries.push({ key, line: keyLine, value: this.value(depth + 1) });
        if (this.sep('}')) return { t: 'map', line, entries };
      }
    }
    if (c === '[') {
      this.i += 1;
      const items: Node[] = [];
      this.ws();
      if (this.s[this.i] === ']') {
        this.i += 1;
        return { t: 'seq', line, items };
      }
      for (;;) {
        items.push(this.value(depth + 1));
        if (this.sep(']')) return { t: 'seq', line, items };
      }
    }
    if (c === '"') {
      const v = this.string();
      return { t: 'scalar', line, v, raw: v };
    }
    NUMBER.lastIndex = this.i;
    const n = NUMBER.exec(this.s);
    if (n) {
      this.i += n[0].length;
      return { t: 'scalar', line, v: Number(n[0]), raw: n[0] };
    }
    WORD.lastIndex = this.i;
    const w = WORD.exec(this.s);
    if (w) {
      this.i += w[0].length;
      const v = w[0] === 'null' ? null : w[0] === 'true';
      return { t: 'scalar', line, v, raw: w[0] === 'null' ? '' : w[0] };
    }
    throw new ReadError(line, 'jsonSyntax');
  }

  /** After an item: `,` (more follow) or the closing bracket (true). */
  private sep(close: string): boolean {
    this.ws();
    const c = this.s[this.i];
    this.i += 1;
    if (c === close) return true;
    if (c === ',') return false;
    throw new ReadError(this.lineNo(), 'jsonSyntax');
  }

  private string(): string {
    const start = this.i;
    let j = start + 1;
    const s = this.s;
    for (;;) {
      const k = s.indexOf('"', j);
      if (k < 0) throw new ReadError(this.lineNo(), 'jsonSyntax');
      let bs = 0;
      while (s[k - 1 - bs] === '\\') bs += 1;
      if (bs % 2 === 0) {
        j = k;
        break;
      }
      j = k + 1;
    }
    this.i = j + 1;
    const body = s.slice(start, j + 1);
    if (!body.includes('\\') && !body.includes('\n')) return body.slice(1, -1);
    try {
      return JSON.parse(body) as string;
    } catch {
      throw new ReadError(this.lineNo(), 'jsonSyntax');
    }
  }
}
