import { create } from 'zustand';
import { isLang, langFromNavigator, type Lang } from '../i18n/dict';

const KEY = 'net-triage:lang';

interface LangStore {
  lang: Lang;
  setLang(lang: Lang): void;
}

/** The operator's explicit choice wins; the first visit follows the browser's language. */
function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    if (isLang(saved)) return saved;
  } catch {
    /* storage blocked: fall through to the browser's language */
  }
  return langFromNavigator(
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
  );
}

export const useLang = create<LangStore>((set) => ({
  lang: initialLang(),
  setLang: (lang) => {
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      /* not persisted; the choice still holds for this tab */
    }
    set({ lang });
  },
}));
