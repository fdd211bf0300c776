import { Link, Outlet, useLocation } from 'react-router';
import { LANGS, type Lang } from '../i18n/dict';
import { useLang } from '../stores/lang';
import { useHydrated } from '../stores/wizard';
import { useSaveTrouble } from '../stores/storage';
import { useT } from '../components/useT';
import { Suspense, useEffect } from 'react';
import logoUrl from './logo.svg';

const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' };

export function Layout() {
  const { t, lang } = useT();
  const setLang = useLang((s) => s.setLang);
  const hydrated = useHydrated();
  const refused = useSaveTrouble((s) => s.refused);
  const { pathname } = useLocation();
  useEffect(() => {
    document.documentElement.lang = lang;
    // A wizard step names itself in the tab (Wizard.tsx); every other screen has the app's name.
    if (!/^\/[sx]\//.test(pathname)) document.title = `${t('app.name')}: ${t('app.tagline')}`;
  }, [lang, t, pathname]);
  return (
    <>
      <a
        className="skip"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        {t('app.skipToContent')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          <img src={logoUrl} alt="" width="24" height="24" />
          <span>{t('app.name')}</span>
          <span className="tagline">{t('app.tagline')}</span>
        </Link>
        <label className="lang">
          <span className="visually-hidden">{t('app.language')}</span>
          <select
            value={lang}
            onChange={(e) => setLang(e.target.value as Lang)}
            data-testid="lang-switch"
          >
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1} aria-busy={!hydrated && pathname !== '/'}>
        {refused && (
          <p className="note" role="status" data-testid="save-refused">
            {t('app.saveRefused')}
          </p>
        )}
        {/* Screens other than the start one are lazy (App.tsx): nothing shows until they load.
            They wait for the kept work to be read back (a step must not be judged on an empty
            state); the start screen does not: it shows at once and offers to resume once read. */}
        {(hydrated || pathname === '/') && (
          <Suspense fallback={null}>
            <Outlet />
          </Suspense>
        )}
      </main>
      <footer className="foot">{t('app.privacy')}</footer>
    </>
  );
}
