import type { Line } from '../../engine/types';
import { readJson } from '../k8s-object/json';
import type { Node } from '../k8s-object/tree';
import { emptyNft, type NftElement, type NftFacts } from './facts';
import { readStatements } from './statements';

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };
type Obj = { [k: string]: Plain };

/** A JSON node as a plain value (the reader's tree keeps lines, which only objects need). */
function plain(n: Node): Plain {
  if (n.t === 'scalar') return n.v;
  if (n.t === 'seq') return n.items.map(plain);
  const o: Obj = {};
  for (const e of n.entries) o[e.key] = plain(e.value);
  return o;
}

const isObj = (p: Plain | undefined): p is Obj =>
  typeof p === 'object' && p !== null && !Array.isArray(p);
const str = (p: Plain | undefined): string | null =>
  typeof p === 'string' ? p : typeof p === 'number' ? String(p) : null;

/**
 * `nft -j list ruleset` (one line, or pretty-printed by jq): its objects in the same model as the
 * text listing. JSON has no text for a rule, so each is cited as nft would print it, at the line
 * its object starts on.
 */
export function readNftJson(lines: Line[]): NftFacts | null {
  const root = readJson(lines);
  const list = root.t === 'map' ? root.entries.find((e) => e.key === 'nftables')?.value : null;
  if (!list || list.t !== 'seq') return null;
  const facts = emptyNft('json');
  for (const item of list.items) {
    if (item.t !== 'map' || item.entries.length === 0) continue;
    const { key, value } = item.entries[0]!;
    const o = plain(value);
    if (!isObj(o)) continue;
    const line = item.line;
    const family = str(o.family) ?? '?';
    if (key === 'metainfo') {
      const v = str(o.version);
      if (v) facts.version = { value: v, line, text: `nftables ${v}` };
    } else if (key === 'table') {
      const name = str(o.name) ?? '?';
      facts.tables.push({
        family,
        name,
        comment: str(o.comment),
        line,
        text: `table ${family} ${name}`,
      });
    } else if (key === 'chain') {
      const name = str(o.name) ?? '?';
      const hook = str(o.hook);
      const policy = str(o.policy);
      facts.chains.push({
        family,
        table: str(o.table) ?? '?',
        name,
        type: str(o.type),
        hook,
        priority: str(o.prio),
        policy: policy === 'accept' || policy === 'drop' ? policy : null,
        handle: typeof o.handle === 'number' ? o.handle : null,
        line,
        text: hook
          ? `chain ${name} { type ${str(o.type)} hook ${hook} priority ${str(o.prio)}; policy ${policy ?? 'accept'}; }`
          : `chain ${name}`,
      });
    } else if (key === 'rule') {
      const body = Array.isArray(o.expr) ? o.expr.map(statement).join(' ') : '';
      const comment = str(o.comment);
      const text = comment ? `${body} comment "${comment.replace(/"/g, '\\"')}"` : body;
      facts.rules.push({
        family,
        table: str(o.table) ?? '?',
        chain: str(o.chain) ?? '?',
        ...readStatements(text),
        handle: typeof o.handle === 'number' ? o.handle : null,
        line,
        text,
      });
    } else if (key === 'set' || key === 'map') {
      const name = str(o.name) ?? '?';
      const type = Array.isArray(o.type) ? o.type.map(str).join(' . ') : str(o.type);
      const to = str(o.map);
      const elems = Array.isArray(o.elem) ? o.elem : [];
      facts.sets.push({
        family,
        table: str(o.table) ?? '?',
        name,
        kind: key,
        type: to ? `${type} : ${to}` : type,
        comment: str(o.comment),
        elements: elems.map((e) => element(e, key === 'map', line)),
        line,
        text: `${key} ${name}`,
      });
    }
  }
  return facts;
}

function element(e: Plain, isMap: boolean, line: number): NftElement {
  const [k, v] = isMap && Array.isArray(e) ? [e[0] ?? null, e[1] ?? null] : [e, null];
  let comment: string | null = null;
  let keyExpr: Plain = k;
  if (isObj(k) && isObj(k.elem)) {
    comment = str(k.elem.comment);
    keyExpr = k.elem.val ?? null;
  }
  const key =
    isObj(keyExpr) && Array.isArray(keyExpr.concat) ? keyExpr.concat.map(expr) : [expr(keyExpr)];
  const value = v === null ? null : statement(v);
  const text = `${key.join(' . ')}${comment ? ` comment "${comment}"` : ''}${value ? ` : ${value}` : ''}`;
  return { key, value, comment, line, text };
}

/** One expression as nft prints it; what this renderer does not know stays visible as JSON. */
function expr(p: Plain | undefined): string {
  if (p === null || p === undefined) return '';
  if (typeof p !== 'object') return String(p);
  if (Array.isArray(p)) return p.map(expr).join(' . ');
  const [k, v] = Object.entries(p)[0] ?? ['', null];
  const o = isObj(v) ? v : {};
  switch (k) {
    case 'payload':
      return `${str(o.protocol) ?? ''} ${str(o.field) ?? ''}`.trim();
    case 'meta':
      return `meta ${str(o.key) ?? ''}`;
    case 'ct':
      return `ct ${str(o.key) ?? ''}`;
    case 'concat':
      return Array.isArray(v) ? v.map(expr).join(' . ') : '';
    case 'set':
      return Array.isArray(v) ? `{ ${v.map(setItem).join(', ')} }` : expr(v);
    case 'prefix':
      return `${expr(o.addr)}/${expr(o.len)}`;
    case 'range':
      return Array.isArray(v) ? v.map(expr).join('-') : '';
    case 'elem':
      return expr(o.val);
    case 'fib':
      return `fib ${Array.isArray(o.flags) ? o.flags.map(expr).join(' . ') : expr(o.flags)} ${str(o.result) ?? ''}`;
    case 'numgen':
      return `numgen ${str(o.mode) ?? ''} mod ${expr(o.mod)}`;
    case '&':
    case '|':
    case '^':
    case '<<':
    case '>>':
      return Array.isArray(v) ? v.map(expr).join(` ${k} `) : '';
    default:
      return JSON.stringify(p);
  }
}

function setItem(p: Plain): string {
  return Array.isArray(p) && p.length === 2 ? `${expr(p[0])} : ${statement(p[1]!)}` : expr(p);
}

const OPS: Record<string, string> = { '==': '', in: '' };

/** One statement as nft prints it. */
function statement(p: Plain): string {
  if (!isObj(p)) return expr(p);
  const [k, v] = Object.entries(p)[0] ?? ['', null];
  const o = isObj(v) ? v : {};
  switch (k) {
    case 'match': {
      const op = str(o.op) ?? '==';
      const right = expr(o.right);
      return [expr(o.left), OPS[op] ?? op, right].filter((x) => x !== '').join(' ');
    }
    case 'counter':
      return `counter packets ${expr(o.packets) || 0} bytes ${expr(o.bytes) || 0}`;
    case 'accept':
    case 'drop':
    case 'return':
    case 'continue':
    case 'notrack':
      return k;
    case 'jump':
    case 'goto':
      return `${k} ${str(o.target) ?? ''}`;
    case 'reject':
      return 'reject';
    case 'vmap':
      return `${expr(o.key)} vmap ${expr(o.data)}`;
    case 'dnat':
    case 'snat': {
      const port = o.port === undefined ? '' : `:${expr(o.port)}`;
      return `${k} to ${expr(o.addr)}${port}`;
    }
    case 'masquerade':
    case 'redirect':
      return isObj(v) && v.flags ? `${k} ${expr(v.flags)}` : k;
    case 'mangle':
      return `${expr(o.key)} set ${expr(o.value)}`;
    case 'set':
      return `${str(o.op) ?? 'update'} ${str(o.set) ?? ''} { ${expr(o.elem)} }`;
    case 'xt':
      return `xt ${str(o.type) ?? ''} "${str(o.name) ?? ''}"`;
    case 'log':
    case 'limit':
    case 'queue':
      return k;
    default:
      return expr(p);
  }
}
