import type { Msg } from './msg';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** Chinese for any zh-* browser language, English otherwise. */
export function langFromNavigator(languages: readonly string[]): Lang {
  return languages.some((l) => /^zh\b/i.test(l)) ? 'zh-CN' : 'en';
}

export function isLang(v: unknown): v is Lang {
  return v === 'en' || v === 'zh-CN';
}

export type Dict = { [key: string]: string | Dict };

/**
 * The namespaces' dictionaries as one. Each file owns its keys: a text that two files both
 * define throws, where a plain spread would let the later one silently win.
 */
export function merge(...dicts: Dict[]): Dict {
  const out: Dict = {};
  const into = (to: Dict, from: Dict, path: string) => {
    for (const [k, v] of Object.entries(from)) {
      const prev = to[k];
      if (prev === undefined) to[k] = typeof v === 'object' ? into({}, v, `${path}${k}.`) : v;
      else if (typeof prev === 'object' && typeof v === 'object') into(prev, v, `${path}${k}.`);
      else throw new Error(`i18n: ${path}${k} is defined twice`);
    }
    return to;
  };
  for (const d of dicts) into(out, d, '');
  return out;
}

/**
 * Looks a dotted key up in `dict` and fills `{{name}}` parameters. A missing key returns the
 * key itself, which tests catch.
 */
export function translateIn(dict: Dict, key: string, params: Msg['params'] = {}): string {
  const node = lookup(dict, key.split('.'));
  if (typeof node !== 'string') return key;
  return plurals(node, params).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const v = params[name];
    // A value that is itself a message (`@msg:compare.value.loaded`), in the same language.
    if (typeof v === 'string' && v.startsWith(NESTED) && v.length > NESTED.length) {
      const inner = v.slice(NESTED.length);
      const text = translateIn(dict, inner, { ...params, [name]: '' });
      return text === inner ? '' : text;
    }
    return String(v ?? '');
  });
}

/** The prefix of a parameter that names a message to translate in its place. */
export const NESTED = '@msg:';

/**
 * `{{n}} chain(s)`: the word after a count agrees with it (1 chain, 3 chains, 0 chains). A
 * value that is not a count keeps the `(s)`.
 */
function plurals(text: string, params: Msg['params'] = {}): string {
  if (!text.includes('(')) return text;
  return text.replace(
    /(\{\{\s*(\w+)\s*\}\}[^{}()]*?)\((e?s)\)/g,
    (whole, before: string, name: string, suffix: string) => {
      const v = params[name];
      const n =
        typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(n)) return whole;
      return n === 1 ? before : `${before}${suffix}`;
    },
  );
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
