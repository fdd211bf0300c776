import { RESOURCES, type Lang } from './resources';
import type { Msg } from '../engine/types';

/**
 * Looks a dotted key up and fills `{{name}}` parameters. The one translation function of the
 * page and the CLI. A missing key returns the key itself, which tests catch.
 */
export function translate(lang: Lang, key: string, params: Msg['params'] = {}): string {
  let node: unknown = RESOURCES[lang];
  for (const part of key.split('.'))
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export const tMsg = (lang: Lang, m: Msg): string => translate(lang, m.key, m.params);
