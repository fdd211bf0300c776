/**
 * nft's rule syntax as tokens: words (`saddr`, `10.0.0.0/8`, `!=`, `@service-ips`), quoted
 * strings (`"eth0"`, `"eth*"`) and bracketed groups (`{ 80, 443 }`, `(syn | ack)`) kept whole,
 * so an anonymous set or map is one token whose inside is read by `splitElements`.
 */

export type Token =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string; raw: string }
  | { kind: 'group'; open: '{' | '('; inner: string; raw: string };

export function tokenize(body: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      const end = quotedEnd(body, i);
      const raw = body.slice(i, end);
      out.push({ kind: 'string', text: raw.slice(1, -1).replace(/\\(.)/g, '$1'), raw });
      i = end;
    } else if (ch === '{' || ch === '(') {
      const end = groupEnd(body, i);
      const raw = body.slice(i, end);
      out.push({ kind: 'group', open: ch, inner: raw.slice(1, -1).trim(), raw });
      i = end;
    } else {
      let j = i;
      while (j < body.length && !/[\s"{(]/.test(body[j]!)) j++;
      out.push({ kind: 'word', text: body.slice(i, j) });
      i = j;
    }
  }
  return out;
}

/** A token as the rule wrote it. */
export function tokenText(t: Token): string {
  return t.kind === 'word' ? t.text : t.raw;
}

function quotedEnd(s: string, start: number): number {
  let i = start + 1;
  while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, s.length);
}

/** Past the bracket that closes the one at `start` (quotes and nesting respected). */
function groupEnd(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') i = quotedEnd(s, i) - 1;
    else if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return s.length;
}

/** One element of a set or map as written: its key's concatenated parts and a map's value. */
export interface WrittenElement {
  parts: string[];
  value: string | null;
  text: string;
}

/**
 * The inside of `{ 10.0.0.1 . tcp . 80 comment "x" : goto a, 0-1 : drop }` as elements. Commas
 * split at the top level only; a map's value follows ` : ` (IPv6 colons have no blanks).
 */
export function splitElements(inner: string): WrittenElement[] {
  const out: WrittenElement[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const text = inner.slice(start, end).trim();
    if (text !== '') out.push(readElement(text));
    start = end + 1;
  };
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') i = quotedEnd(inner, i) - 1;
    else if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) push(i);
  }
  push(inner.length);
  return out;
}

function readElement(text: string): WrittenElement {
  const s = text
    .replace(/\s*\bcomment\s+"(?:[^"\\]|\\.)*"/, '')
    .replace(/\s+(?:timeout|expires)\s+\S+/g, '')
    .replace(/\s+counter\s+packets\s+\d+\s+bytes\s+\d+/, '');
  const colon = s.search(/\s:\s/);
  const key = colon >= 0 ? s.slice(0, colon) : s;
  const value =
    colon >= 0
      ? s
          .slice(colon)
          .replace(/^\s:\s/, '')
          .trim()
      : null;
  return { parts: key.trim().split(/\s+\.\s+/), value, text };
}
