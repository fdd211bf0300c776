import type { Line } from '../../engine/types';
import type { ProblemList } from '../node-shared/util';
import {
  emptyNft,
  type NftChain,
  type NftElement,
  type NftFacts,
  type NftRule,
  type NftSet,
  type NftTable,
} from './facts';
import { readStatements, unquote } from './statements';

const NAME = String.raw`("(?:[^"\\]|\\.)*"|[^\s{}"]+)`;
export const TABLE_LINE = new RegExp(
  String.raw`^table\s+(ip|ip6|inet|arp|bridge|netdev)\s+${NAME}\s*\{\s*(?:#.*)?$`,
);
const BLOCK = new RegExp(
  String.raw`^(chain|set|map|flowtable|counter|quota|limit|secmark|synproxy|ct\s+(?:helper|timeout|expectation))\s+${NAME}\s*\{(.*)$`,
);
const BASE_CHAIN =
  /^type\s+(\w+)\s+hook\s+(\w+)(?:\s+devices?\s*=?\s*(?:\{[^}]*\}|\S+))?\s+priority\s+([^;]+);(?:\s*policy\s+(accept|drop)\s*;)?/;
const XT_NOT_FOUND = /#\s*Warning: XT (?:target|match) \S+ not found\s*$/;
// nft before 0.9.x marked a match or target it could not translate inline: `# xt_tcp`, `# xt_REJECT`.
const XT_INLINE = /#\s*xt_(\w+)/g;
// What only a rule line of nft's says: a counter, or a verdict statement nft spells its own way.
const RULE_LIKE =
  /\bcounter packets \d+ bytes \d+\b|\b(?:jump|goto)\s+\S+$|\bmeta l4proto\b|\b(?:ip|ip6) (?:s|d)addr\b.*\b(?:accept|drop|return)$/;
const COMMENT_LINE = /^comment\s+"((?:[^"\\]|\\.)*)"\s*$/;
// Printed (to stdout) for each table iptables-nft made; redirected output can glue it to a line.
const XT_MANAGED = /#\s*Warning: table \S+ \S+ is managed by iptables-nft, do not touch!/;
// Set and map properties nft prints before (or instead of) the elements.
const SET_PROPERTY =
  /^(?:type|typeof|flags|size|timeout|gc-interval|policy|auto-merge|counter|comment|elements\s*=)\b/;

type Open =
  | { kind: 'table'; table: NftTable }
  | { kind: 'chain'; chain: NftChain }
  | { kind: 'set'; set: NftSet }
  | { kind: 'other'; depth: number };

/**
 * `nft list ruleset` and its narrower forms (`list table`, `list chain`, `list set`), with or
 * without `-a` handles and counters. A block-by-block reader: tables hold chains, sets, maps and
 * other objects; a chain's lines after its header are rules.
 */
export function readText(lines: Line[], problems: ProblemList): NftFacts {
  const facts = emptyNft('text');
  const stack: Open[] = [];
  // A set's `elements = { …` runs over several lines until its brace closes.
  // `depth`: the braces still open, counted as lines come (a 10,000-element map is one pass).
  let elements: { set: NftSet; parts: Line[]; raw: Map<number, string>; depth: number } | null =
    null;

  // A listing cut from its table (`map no-endpoint-services {` … pasted alone) gets a table
  // without a name: its blocks and rules are read, and nothing is claimed about what it lacks.
  let fragment: NftTable | null = null;
  const openFragment = (l: Line): Open => {
    if (!fragment) {
      fragment = { family: '?', name: '?', comment: null, line: l.n, text: l.text };
      facts.tables.push(fragment);
    }
    return { kind: 'table', table: fragment };
  };
  // nft prints a target it cannot translate as `… # Warning: XT target DNAT not found` and then
  // `xt target "DNAT"` on a line of its own: that line finishes the rule before it.
  let unfinished: NftRule | null = null;

  for (const l of lines) {
    let t = l.text.trim();
    const warn = XT_MANAGED.exec(t);
    if (warn) {
      facts.xtablesManaged.push({ value: warn[0], line: l.n, text: l.text });
      t = (t.slice(0, warn.index) + t.slice(warn.index + warn[0].length)).trim();
    }
    if (unfinished && /^xt\s+(?:target|match)\s+"\w+"$/.test(t)) {
      const { body, verdict } = readStatements(`${unfinished.body} ${t}`);
      Object.assign(unfinished, { body, verdict });
      unfinished = null;
      continue;
    }
    unfinished = null;
    const xtWarning = XT_NOT_FOUND.exec(t);
    if (xtWarning) t = t.slice(0, xtWarning.index).trim();
    // nft's own notes (`# Warning: …`) and a grep's separators are not part of the ruleset.
    if (t === '' || t.startsWith('#') || t === '--') continue;
    if (t.length > 20_000) {
      problems.add(l.n, 'badLine');
      continue;
    }
    if (elements) {
      elements.parts.push({ n: l.n, text: t });
      elements.raw.set(l.n, l.text);
      elements.depth += braces(t);
      if (elements.depth <= 0) {
        elements.set.elements.push(...readElements(elements.parts, elements.raw));
        elements = null;
      }
      continue;
    }
    let top = stack.at(-1);
    if (t === '}') {
      // A fragment's closing braces can outnumber its openings.
      if (top) stack.pop();
      else if (!fragment) problems.add(l.n, 'badLine');
      continue;
    }
    if (!top) {
      const m = TABLE_LINE.exec(t);
      if (m) {
        const table: NftTable = {
          family: m[1]!,
          name: unquote(m[2]!),
          comment: null,
          line: l.n,
          text: l.text,
        };
        facts.tables.push(table);
        stack.push({ kind: 'table', table });
        continue;
      }
      if (BLOCK.test(t)) stack.push((top = openFragment(l)));
      else if (looksLikeRule(t)) {
        openFragment(l);
        stack.push((top = { kind: 'chain', chain: fragmentChain(facts, fragment!, l) }));
      } else {
        problems.add(l.n, 'badLine');
        continue;
      }
    }
    if (top.kind === 'other') {
      top.depth += braces(t);
      if (top.depth <= 0) stack.pop();
      continue;
    }
    if (top.kind === 'table') {
      const open = openBlock(t, top.table, l, facts);
      if (open) {
        if (open.kind !== 'other' || open.depth > 0) stack.push(open);
        continue;
      }
      const c = COMMENT_LINE.exec(t);
      if (c) top.table.comment = unquote(`"${c[1]!}"`);
      else if (!/^flags\s/.test(t)) problems.add(l.n, 'badLine');
      continue;
    }
    if (top.kind === 'chain') {
      const chain = top.chain;
      const base = BASE_CHAIN.exec(t);
      if (base) {
        chain.type = base[1]!;
        chain.hook = base[2]!;
        chain.priority = base[3]!.trim();
        chain.policy = (base[4] as 'accept' | 'drop' | undefined) ?? null;
        chain.baseLine = { line: l.n, text: l.text };
        continue;
      }
      if (COMMENT_LINE.test(t) || /^devices\s*=/.test(t)) continue;
      const rule: NftRule = {
        family: chain.family,
        table: chain.table,
        chain: chain.name,
        ...readStatements(untranslated(t)),
        line: l.n,
        text: l.text,
      };
      facts.rules.push(rule);
      if (xtWarning) unfinished = rule;
      continue;
    }
    // A set or map.
    const set = top.set;
    if (/^elements\s*=/.test(t)) {
      const parts = [{ n: l.n, text: t.replace(/^elements\s*=\s*/, '') }];
      const raw = new Map([[l.n, l.text]]);
      const depth = braces(parts[0]!.text);
      if (depth <= 0) set.elements.push(...readElements(parts, raw));
      else elements = { set, parts, raw, depth };
      continue;
    }
    const c = COMMENT_LINE.exec(t);
    if (c) set.comment = unquote(`"${c[1]!}"`);
    else if (/^type(?:of)?\s/.test(t)) set.type = t.replace(/^type(?:of)?\s+/, '');
    else if (!SET_PROPERTY.test(t)) problems.add(l.n, 'badLine');
  }
  if (elements) elements.set.elements.push(...readElements(elements.parts, elements.raw));
  if (stack.length > 0 && !fragment) problems.add(undefined, 'unclosed');
  return facts;
}

const NFT_ONLY =
  /^type\s+\w+\s+hook\s+\w+|^type\s.*\b(?:ipv[46]_addr|inet_service|inet_proto|verdict)\b|^elements\s*=\s*\{/;

/** The head of a listing, whole (`table ip nat {`) or cut from its table (`chain X {` + nft lines). */
export function looksLikeListing(head: Line[]): boolean {
  const texts = head.map((l) => l.text.trim());
  if (texts.some((t) => TABLE_LINE.test(t))) return true;
  if (texts.some((t) => BLOCK.test(t)) && texts.some((t) => NFT_ONLY.test(t))) return true;
  // Rules alone (a grep of the listing): nft's own counter syntax on most lines.
  const counted = texts.filter(
    (t) => /\bcounter packets \d+ bytes \d+\b/.test(t) && looksLikeRule(t),
  );
  return (
    counted.length >= 3 && counted.length * 2 >= texts.filter((t) => !t.startsWith('#')).length
  );
}

function looksLikeRule(t: string): boolean {
  return RULE_LIKE.test(t) && !/^-[AIN]\s/.test(t);
}

/** Untranslated inline markers as the statements they stand for (`# xt_REJECT` → a reject). */
function untranslated(t: string): string {
  if (!t.includes('xt_')) return t;
  return t
    .replace(XT_INLINE, (_, name: string) => (/^[A-Z]+$/.test(name) ? `xt target "${name}"` : ''))
    .replace(/(xt target "\w+")(.*)$/, '$2 $1')
    .trim();
}

function fragmentChain(facts: NftFacts, table: NftTable, l: Line): NftChain {
  const chain: NftChain = {
    family: table.family,
    table: table.name,
    name: '?',
    type: null,
    hook: null,
    priority: null,
    policy: null,
    handle: null,
    line: l.n,
    text: l.text,
  };
  facts.chains.push(chain);
  return chain;
}

/** A block opening inside a table; null when the line is not one. */
function openBlock(t: string, table: NftTable, l: Line, facts: NftFacts): Open | null {
  const m = BLOCK.exec(t);
  if (!m) return null;
  const kind = m[1]!;
  const name = unquote(m[2]!);
  const rest = m[3]!;
  const handle = /#\s*handle\s+(\d+)/.exec(rest);
  const where = { family: table.family, table: table.name, name, line: l.n, text: l.text };
  if (kind === 'chain') {
    const chain: NftChain = {
      ...where,
      type: null,
      hook: null,
      priority: null,
      policy: null,
      handle: handle ? Number(handle[1]) : null,
    };
    facts.chains.push(chain);
    return { kind: 'chain', chain };
  }
  if (kind === 'set' || kind === 'map') {
    const set: NftSet = { ...where, kind, type: null, comment: null, elements: [] };
    facts.sets.push(set);
    return { kind: 'set', set };
  }
  return { kind: 'other', depth: 1 + braces(rest.replace(/#.*$/, '')) };
}

/** The change in brace depth a line makes, quoted text aside. */
function braces(t: string): number {
  let d = 0;
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '\\' && quoted) i++;
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '{') d++;
    else if (!quoted && ch === '}') d--;
  }
  return d;
}

/**
 * `{ 172.30.0.41 . tcp . 80 : goto service-…, tcp . 3001 comment "ns2/svc2:p80" : drop }`, over
 * one or more lines: each element with the line it starts on.
 */
function readElements(parts: Line[], raw: Map<number, string>): NftElement[] {
  const out: NftElement[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  let start: Line | null = null;
  const flush = () => {
    const e = cur.trim();
    if (e !== '' && start)
      out.push(element(e, { n: start.n, text: raw.get(start.n) ?? start.text }));
    cur = '';
    start = null;
  };
  for (const p of parts) {
    const t = p.text;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i]!;
      if (quoted) {
        cur += ch;
        if (ch === '\\') cur += t[++i] ?? '';
        else if (ch === '"') quoted = false;
        continue;
      }
      if (ch === '"') quoted = true;
      if (ch === '{') {
        depth++;
        if (depth === 1) continue;
      } else if (ch === '}') {
        depth--;
        if (depth === 0) {
          flush();
          continue;
        }
      } else if (ch === ',' && depth === 1) {
        flush();
        continue;
      }
      if (depth >= 1) {
        if (start === null && ch.trim() !== '') start = p;
        if (start !== null) cur += ch;
      }
    }
    if (depth >= 1 && cur !== '') cur += ' ';
  }
  flush();
  return out;
}

function element(e: string, at: Line): NftElement {
  let s = e;
  let comment: string | null = null;
  const c = /\s*\bcomment\s+"((?:[^"\\]|\\.)*)"/.exec(s);
  if (c) {
    comment = c[1]!.replace(/\\(.)/g, '$1');
    s = s.slice(0, c.index) + s.slice(c.index + c[0].length);
  }
  const colon = s.search(/\s:\s/);
  const value =
    colon >= 0
      ? s
          .slice(colon)
          .replace(/^\s:\s/, '')
          .trim()
      : null;
  const key = (colon >= 0 ? s.slice(0, colon) : s)
    .replace(/\s+(?:timeout|expires)\s+\S+/g, '')
    .replace(/\s+counter\s+packets\s+\d+\s+bytes\s+\d+/, '')
    .trim();
  return { key: key.split(/\s+\.\s+/), value, comment, line: at.n, text: at.text };
}
