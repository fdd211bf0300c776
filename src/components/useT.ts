import { useCallback } from 'react';
import { useLang } from '../stores/lang';
import { translateLoaded as translate } from '../i18n/loaded';
import type { Msg } from '../engine/types';

/**
 * `t(key, params)` and `tm(msg)` in the current language, over the dictionaries loaded so far:
 * the start screen's (`ui`) at first, all of them once a screen that needs more has loaded
 * (see i18n/loaded.ts and app/App.tsx).
 */
export function useT() {
  const lang = useLang((s) => s.lang);
  const t = useCallback(
    (key: string, params?: Msg['params']) => translate(lang, key, params),
    [lang],
  );
  const tm = useCallback((m: Msg) => translate(lang, m.key, m.params), [lang]);
  return { t, tm, lang };
}
