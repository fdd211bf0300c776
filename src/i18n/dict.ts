import type { Msg } from './msg';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

export type Dict = { [key: string]: string | Dict };

/** Deep merge of per-concern dictionaries (each owns distinct subtrees, `parse` is shared). */
export function merge(...dicts: Dict[]): Dict {
  const out: Dict = {};
  for (const d of dicts) {
    for (const [k, v] of Object.entries(d)) {
      const prev = out[k];
      out[k] = typeof v === 'object' && typeof prev === 'object' ? merge(prev, v) : v;
    }
  }
  return out;
}

/**
 * Looks a dotted key up in `dict` and fills `{{name}}` parameters. A missing key returns the
 * key itself, which tests catch.
 */
export function translateIn(dict: Dict, key: string, params: Msg['params'] = {}): string {
  const node = lookup(dict, key.split('.'));
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Walks a dotted key; a segment may itself hold dots (an option id like `flannel.1`). */
function lookup(node: unknown, parts: string[]): unknown {
  if (parts.length === 0) return node;
  if (typeof node !== 'object' || node === null) return undefined;
  for (let i = parts.length; i >= 1; i--) {
    const k = parts.slice(0, i).join('.');
    if (!Object.hasOwn(node, k)) continue;
    const found = lookup((node as Record<string, unknown>)[k], parts.slice(i));
    if (found !== undefined) return found;
  }
  return undefined;
}
