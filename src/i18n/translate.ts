import type { Msg } from './msg';
import { translateIn } from './dict';
import { RESOURCES, type Lang } from './resources';

/** The one translation function of the page and the CLI: a dotted key in every dictionary. */
export function translate(lang: Lang, key: string, params: Msg['params'] = {}): string {
  return translateIn(RESOURCES[lang], key, params);
}

export const tMsg = (lang: Lang, m: Msg): string => translate(lang, m.key, m.params);
