import { RESOURCES, type Lang } from './resources';
import type { Msg } from '../engine/types';

/**
 * Looks a dotted key up and fills `{{name}}` parameters. The one translation function of the
 * page and the CLI. A missing key returns the key itself, which tests catch.
 */
export function translate(lang: Lang, key: string, params: Msg['params'] = {}): string {
  const node = lookup(RESOURCES[lang], key.split('.'));
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export const tMsg = (lang: Lang, m: Msg): string => translate(lang, m.key, m.params);

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
