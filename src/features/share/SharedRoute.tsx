import { lazy, Suspense } from 'react';
import { useT } from '../../components/useT';

// The decoder and the shared view load only when a share link is opened.
const SharedLink = lazy(() => import('./SharedLink').then((m) => ({ default: m.SharedLink })));

/** The `/share/*` route: a share link, decoded and opened. */
export function SharedRoute() {
  const { t } = useT();
  return (
    <Suspense fallback={<p className="muted">{t('share.received.opening')}</p>}>
      <SharedLink />
    </Suspense>
  );
}
