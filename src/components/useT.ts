import { useCallback } from 'react';
import { useLang } from '../stores/lang';
import { translate } from '../i18n/translate';
import type { Msg } from '../engine/types';

/** `t(key, params)` and `tm(msg)` in the current language. */
export function useT() {
  const lang = useLang((s) => s.lang);
  const t = useCallback(
    (key: string, params?: Msg['params']) => translate(lang, key, params),
    [lang],
  );
  const tm = useCallback((m: Msg) => translate(lang, m.key, m.params), [lang]);
  return { t, tm, lang };
}
