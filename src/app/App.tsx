import { createHashRouter, RouterProvider } from 'react-router';
import { Layout } from './Layout';
import { Start } from '../features/start/Start';
import { lazy, Suspense, type ComponentType } from 'react';
import { NotFound } from '../components/NotFound';
import { loadMessages } from '../i18n/loaded';

/**
 * Only the start screen is in the entry chunk. The other screens, with the rules, trees and
 * every dictionary they need (the entry has only the start screen's texts), load when first
 * visited; the service worker precaches them all. Each has its own <Suspense>, so the previous
 * screen goes as soon as the URL changes, as it did when every screen was in the entry.
 */
function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Loaded = lazy(async () => {
    const [Screen] = await Promise.all([load(), loadMessages()]);
    return { default: Screen };
  });
  return function LazyScreen(props: P) {
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}

const Wizard = lazyScreen(() => import('../features/wizard/Wizard').then((m) => m.Wizard));
const PasteAll = lazyScreen(() => import('../features/paste/PasteAll').then((m) => m.PasteAll));
const SharedRoute = lazyScreen(() =>
  import('../features/share/SharedRoute').then((m) => m.SharedRoute),
);

// Hash routes: the app works from any static host, any sub-path and file://.
const router = createHashRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Start /> },
      { path: '/s/:tree/:node?', element: <Wizard /> },
      { path: '/x/:tree/:node?', element: <Wizard space="example" /> },
      { path: '/all', element: <PasteAll /> },
      { path: '/share/*', element: <SharedRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
