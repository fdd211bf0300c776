import type { Line } from '../../engine/types';
import { LIMITS, ReadError, type Entry, type Node } from './tree';

/**
 * A small YAML reader for what `kubectl get -o yaml` and hand-written manifests contain: block
 * mappings and sequences, plain / quoted / multi-line scalars, `|` and `>` blocks, short flow
 * collections, `---` documents. Anchors are kept, aliases are limited (`LIMITS.aliases`) so an
 * alias bomb stops at once; nesting is limited too. Throws `ReadError` on anything else.
 */
export interface YamlResult {
  docs: Node[];
  /** Keys with nothing nested under them although a sibling key follows (`metadata:` then `name:`). */
  emptyKeys: { key: string; line: number }[];
  /** Keys written twice in one mapping. */
  duplicates: { key: string; line: number }[];
}

interface Row {
  n: number;
  indent: number;
  /** The line without its indentation (mutable: `- key: v` is re-read as `key: v`). */
  text: string;
  raw: string;
  blank: boolean;
  comment: boolean;
}

export function readYaml(lines: Line[]): YamlResult {
  const docs: Row[][] = [[]];
  for (const l of lines) {
    const raw = l.text.trimEnd();
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(raw)) {
      docs.push([]);
      const rest = raw.slice(3).trim();
      if (raw.startsWith('---') && rest && !rest.startsWith('#'))
        docs[docs.length - 1]!.push(row(l.n, ' '.repeat(4) + rest));
      continue;
    }
    if (/^%(?:YAML|TAG)\b/.test(raw)) continue;
    docs[docs.length - 1]!.push(row(l.n, raw));
  }
  const reader = new Reader();
  const out: Node[] = [];
  for (const rows of docs) {
    const node = reader.document(rows);
    if (node) out.push(node);
  }
  return { docs: out, emptyKeys: reader.emptyKeys, duplicates: reader.duplicates };
}

function row(n: number, raw: string): Row {
  const indent = /^ */.exec(raw)![0].length;
  const text = unbold(raw.slice(indent));
  if (text.startsWith('\t') && text.trim() !== '') throw new ReadError(n, 'yamlTab');
  return { n, indent, text, raw, blank: text.trim() === '', comment: text.startsWith('#') };
}

/**
 * Markdown bold a poster typed inside a code block to point at a line (`- **10.1.2.3**`,
 * `**ready: false**`, `ready: **false**`): literal asterisks there, which YAML would read as an
 * alias. Only a whole item, a whole `key: value` or a whole value wrapped in `**…**` is
 * unwrapped; kubectl never writes aliases, so `**x**` is never one in what is pasted here.
 */
const BOLD_ITEM = /^(-[ \t]+)?\*\*([^\s*](?:[^*]*[^\s*])?)\*\*([ \t]*(?:#.*)?)$/;
const BOLD_VALUE = /^((?:-[ \t]+)?[^\s*"'#][^:]*:[ \t]+)\*\*([^\s*](?:[^*]*[^\s*])?)\*\*([ \t]*)$/;

function unbold(text: string): string {
  if (!text.includes('**')) return text;
  const m = BOLD_ITEM.exec(text) ?? BOLD_VALUE.exec(text);
  return m ? `${m[1] ?? ''}${m[2]}${m[3] ?? ''}` : text;
}

const SEQ_ITEM = /^-(?:[ \t]+|$)/;

class Reader {
  private rows: Row[] = [];
  private pos = 0;
  private depth = 0;
  private aliases = 0;
  private anchors = new Map<string, Node>();
  readonly emptyKeys: YamlResult['emptyKeys'] = [];
  readonly duplicates: YamlResult['duplicates'] = [];

  document(rows: Row[]): Node | null {
    this.rows = rows;
    this.pos = 0;
    const first = this.peek();
    if (!first) return null;
    const node = this.block();
    const after = this.peek();
    if (after) throw new ReadError(after.n, 'yamlIndent');
    return node;
  }

  /** The next row with content (blank and comment rows skipped). */
  private peek(): Row | null {
    while (this.pos < this.rows.length) {
      const r = this.rows[this.pos]!;
      if (!r.blank && !r.comment) return r;
      this.pos += 1;
    }
    return null;
  }

  private block(): Node {
    const r = this.peek()!;
    if (++this.depth > LIMITS.depth) throw new ReadError(r.n, 'tooDeep', { max: LIMITS.depth });
    try {
      if (SEQ_ITEM.test(r.text)) return this.seq(r.indent);
      if (keyOf(r.text, r.n)) return this.map(r.indent);
      this.pos += 1;
      return this.value(r.text, r, r.indent - 1);
    } finally {
      this.depth -= 1;
    }
  }

  private map(ind: number): Node {
    const entries: Entry[] = [];
    const seen = new Set<string>();
    const line = this.peek()!.n;
    for (let r = this.peek(); r && r.indent === ind && !SEQ_ITEM.test(r.text); r = this.peek()) {
      const k = keyOf(r.text, r.n);
      if (!k) throw new ReadError(r.n, 'yamlNotKey');
      if (seen.has(k.key)) this.duplicates.push({ key: k.key, line: r.n });
      seen.add(k.key);
      this.pos += 1;
      const value = this.value(k.rest, r, ind, true);
      entries.push({ key: k.key, line: r.n, value });
    }
    const r = this.peek();
    if (r && r.indent > ind) throw new ReadError(r.n, 'yamlIndent');
    return { t: 'map', line, entries };
  }

  private seq(ind: number): Node {
    const items: Node[] = [];
    const line = this.peek()!.n;
    for (let r = this.peek(); r && r.indent === ind && SEQ_ITEM.test(r.text); r = this.peek()) {
      const dash = SEQ_ITEM.exec(r.text)![0];
      const rest = r.text.slice(dash.length);
      if (rest !== '' && !rest.startsWith('#') && (SEQ_ITEM.test(rest) || keyOf(rest, r.n))) {
        // `- name: x` / `- - a`: the rest is a node indented past the dash; read it in place.
        r.indent += dash.length;
        r.text = rest;
        items.push(this.block());
      } else {
        this.pos += 1;
        items.push(this.value(rest, r, ind));
      }
    }
    const r = this.peek();
    if (r && r.indent > ind) throw new ReadError(r.n, 'yamlIndent');
    return { t: 'seq', line, items };
  }

  /** The value written after `key:` or `- ` on row `r` whose owner is indented `ind`. */
  private value(text: string, r: Row, ind: number, isKey = false): Node {
    let rest = text.trim();
    let anchor: string | null = null;
    for (;;) {
      const a = /^&([^\s,[\]{}]+)\s*/.exec(rest);
      const t = /^!\S*\s*/.exec(rest);
      if (a) anchor = a[1]!;
      const m = a ?? t;
      if (!m) break;
      rest = rest.slice(m[0].length);
    }
    let node: Node;
    if (rest === '' || rest.startsWith('#')) {
      const next = this.peek();
      if (next && next.indent > ind) node = this.block();
      else if (isKey && next && next.indent === ind && SEQ_ITEM.test(next.text))
        node = this.block();
      else {
        if (isKey && next && next.indent === ind && keyOf(next.text, next.n))
          this.emptyKeys.push({ key: keyOf(r.text, r.n)!.key, line: r.n });
        node = { t: 'scalar', line: r.n, v: null, raw: '' };
      }
    } else if (rest.startsWith('*')) {
      node = this.alias(rest, r.n);
    } else if (rest[0] === '|' || rest[0] === '>') {
      node = this.blockScalar(rest, r, ind);
    } else {
      node = this.inline(rest, r, ind);
    }
    if (anchor !== null) this.anchors.set(anchor, node);
    return node;
  }

  alias(text: string, n: number): Node {
    const m = /^\*([^\s,[\]{}]+)\s*(?:#.*)?$/.exec(text.trim());
    if (!m) throw new ReadError(n, 'yamlSyntax');
    if (++this.aliases > LIMITS.aliases)
      throw new ReadError(n, 'aliasBomb', { max: LIMITS.aliases });
    const target = this.anchors.get(m[1]!);
    if (!target) throw new ReadError(n, 'yamlSyntax');
    return target;
  }

  /** A scalar or flow collection, continued on following rows indented past `ind`. */
  private inline(text: string, r: Row, ind: number): Node {
    const q = text[0];
    if (q === '"' || q === "'" || q === '[' || q === '{') {
      let all = text;
      while (!closed(all) && this.pos < this.rows.length) {
        const next = this.rows[this.pos]!;
        if (!next.blank && next.indent <= ind) break;
        all += q === '"' || q === "'" ? (next.blank ? '\n' : ' ' + next.text) : ' ' + next.text;
        this.pos += 1;
      }
      const flow = new Flow(all, r.n, this);
      const node = flow.node(this.depth);
      flow.end();
      return node;
    }
    let value = stripComment(text);
    for (let next = this.peek(); next && next.indent > ind; next = this.peek()) {
      if (keyOf(next.text, next.n) || SEQ_ITEM.test(next.text))
        throw new ReadError(next.n, 'yamlIndent');
      value += ' ' + stripComment(next.text);
      this.pos += 1;
    }
    return plain(value, r.n);
  }

  private blockScalar(header: string, r: Row, ind: number): Node {
    const m = /^([|>])([+-]?)([1-9]?)([+-]?)\s*(?:#.*)?$/.exec(header);
    if (!m) throw new ReadError(r.n, 'yamlSyntax');
    const chomp = m[2] || m[4];
    const body: Row[] = [];
    while (this.pos < this.rows.length) {
      const next = this.rows[this.pos]!;
      if (!next.blank && next.indent <= ind) break;
      body.push(next);
      this.pos += 1;
    }
    const firstText = body.find((b) => !b.blank);
    const at = m[3] ? ind + 1 + Number(m[3]) - 1 : (firstText?.indent ?? ind + 1);
    const texts = body.map((b) => (b.blank ? '' : b.raw.slice(at)));
    let out: string;
    if (m[1] === '|') out = texts.join('\n');
    else
      out = texts.reduce(
        (acc, t, i) => (i === 0 ? t : acc + (t === '' || texts[i - 1] === '' ? '\n' : ' ') + t),
        '',
      );
    const trimmed = out.replace(/\n+$/, '');
    if (chomp === '-') out = trimmed;
    else if (chomp !== '+') out = trimmed === '' ? '' : trimmed + '\n';
    else out += '\n';
    return { t: 'scalar', line: r.n, v: out, raw: out };
  }
}

/** `key: rest` (plain, double- or single-quoted key), or null when the text is not a key. */
function keyOf(text: string, n: number): { key: string; rest: string } | null {
  if (text[0] === '"' || text[0] === "'") {
    const end = quoteEnd(text, 0);
    if (end < 0) return null;
    const after = text.slice(end + 1);
    const m = /^\s*:(?:\s+|$)/.exec(after);
    if (!m) return null;
    return { key: unquote(text.slice(0, end + 1), n), rest: after.slice(m[0].length) };
  }
  if (/^[[\]{},&*!|>%@`#]|^[-?:](?:\s|$)/.test(text)) return null;
  // The first `:` followed by a blank or the end (scanned, not backtracked: lines can be long).
  let i = text.indexOf(':');
  while (i >= 0 && i + 1 < text.length && text[i + 1] !== ' ' && text[i + 1] !== '\t')
    i = text.indexOf(':', i + 1);
  if (i < 0) return null;
  const key = text.slice(0, i).trimEnd();
  if (key === '' || /\s#/.test(key)) return null;
  return { key, rest: text.slice(i + 1).trimStart() };
}

/** Index of the quote closing the string opened at `start`, or -1. */
function quoteEnd(s: string, start: number): number {
  const q = s[start];
  for (let i = start + 1; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') i += 1;
    else if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") i += 1;
      else return i;
    }
  }
  return -1;
}

/** Whether a quoted string or flow collection opened at the start of `s` is closed. */
function closed(s: string): boolean {
  if (s[0] === '"' || s[0] === "'") return quoteEnd(s, 0) >= 0;
  let level = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const e = quoteEnd(s, i);
      if (e < 0) return false;
      i = e;
    } else if (c === '[' || c === '{') level += 1;
    else if (c === ']' || c === '}') {
      level -= 1;
      if (level === 0) return true;
    }
  }
  return false;
}

function unquote(s: string, n: number): string {
  if (s[0] === "'") return s.slice(1, -1).replace(/''/g, "'");
  try {
    return JSON.parse(
      s.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\(?=[^"\\/bfnrtu])/g, ''),
    ) as string;
  } catch {
    throw new ReadError(n, 'yamlSyntax');
  }
}

function stripComment(s: string): string {
  const i = s.search(/(?:^|\s)#/);
  return (i < 0 ? s : s.slice(0, i)).trim();
}

/** A plain scalar typed the way YAML 1.2's core schema does. */
function plain(raw: string, line: number): Node {
  let v: string | number | boolean | null = raw;
  if (/^(?:~|null|Null|NULL)?$/.test(raw)) v = null;
  else if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(raw)) v = raw.toLowerCase() === 'true';
  else if (/^[-+]?(?:0|[1-9]\d{0,15})$/.test(raw)) v = Number(raw);
  else if (/^[-+]?(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(raw)) v = Number(raw);
  return { t: 'scalar', line, v, raw };
}

/** `[a, b]`, `{k: v}`: one paste line's flow collection (all nodes cite its first line). */
class Flow {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly line: number,
    private readonly reader: Reader,
  ) {}

  node(depth: number): Node {
    if (depth > LIMITS.depth) throw new ReadError(this.line, 'tooDeep', { max: LIMITS.depth });
    this.ws();
    const c = this.s[this.i];
    if (c === '[' || c === '{') {
      this.i += 1;
      const close = c === '[' ? ']' : '}';
      const entries: Entry[] = [];
      const list: Node[] = [];
      for (;;) {
        this.ws();
        if (this.s[this.i] === close) break;
        const key = this.node(depth + 1);
        this.ws();
        if (this.s[this.i] === ':') {
          this.i += 1;
          const value = this.node(depth + 1);
          const k = key.t === 'scalar' ? key.raw : '';
          if (c === '{') entries.push({ key: k, line: this.line, value });
          else
            list.push({ t: 'map', line: this.line, entries: [{ key: k, line: this.line, value }] });
        } else if (c === '{') {
          entries.push({
            key: key.t === 'scalar' ? key.raw : '',
            line: this.line,
            value: plain('', this.line),
          });
        } else list.push(key);
        this.ws();
        if (this.s[this.i] === ',') this.i += 1;
        else if (this.s[this.i] !== close) throw new ReadError(this.line, 'yamlSyntax');
      }
      this.i += 1;
      return c === '['
        ? { t: 'seq', line: this.line, items: list }
        : { t: 'map', line: this.line, entries };
    }
    if (c === '"' || c === "'") {
      const end = quoteEnd(this.s, this.i);
      if (end < 0) throw new ReadError(this.line, 'yamlSyntax');
      const v = unquote(this.s.slice(this.i, end + 1), this.line);
      this.i = end + 1;
      return { t: 'scalar', line: this.line, v, raw: v };
    }
    if (c === '*') {
      const m = /^\*[^\s,[\]{}]+/.exec(this.s.slice(this.i));
      this.i += m ? m[0].length : 1;
      return this.reader.alias(m?.[0] ?? '*', this.line);
    }
    if (c === '&') {
      const m = /^&[^\s,[\]{}]+\s*/.exec(this.s.slice(this.i))!;
      this.i += m[0].length;
      return this.node(depth + 1); // an anchor inside a flow cannot be aliased later: kept simple
    }
    const m = /^(?:[^,[\]{}:#]|:(?=[^\s,[\]{}]))*/.exec(this.s.slice(this.i))!;
    this.i += m[0].length;
    return plain(m[0].trim(), this.line);
  }

  /** Only a comment may follow the collection on its line. */
  end(): void {
    this.ws();
    if (this.i < this.s.length && this.s[this.i] !== '#')
      throw new ReadError(this.line, 'yamlSyntax');
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i += 1;
  }
}
