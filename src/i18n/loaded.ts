import { translateIn, type Dict, type Lang } from './dict';
import type { Msg } from './msg';
import uiEn from './ui.en';
import uiZh from './ui.zh-CN';

/**
 * The page's texts as far as they are loaded. The frame and the start screen need only the `ui`
 * namespace, which is all the entry chunk holds; every other dictionary (trees, causes, parsers,
 * share: most of the text of the app, in both languages) comes with `loadMessages()`, which the
 * other screens await before they render (app/App.tsx). The CLI and the tests use `translate`,
 * which has every dictionary at once.
 */
let loaded: Record<Lang, Dict> = { en: uiEn, 'zh-CN': uiZh };
let all: Promise<void> | undefined;

/** Loads every dictionary (once); `translateLoaded` has them all when it resolves. */
export function loadMessages(): Promise<void> {
  all ??= import('./resources').then(
    (m) => {
      loaded = m.RESOURCES;
    },
    (error: unknown) => {
      all = undefined; // offline and not cached yet: a later navigation tries again
      throw error;
    },
  );
  return all;
}

/** `translate` over what is loaded: a key not loaded yet comes back as the key itself. */
export function translateLoaded(lang: Lang, key: string, params: Msg['params'] = {}): string {
  return translateIn(loaded[lang], key, params);
}
