/**
 * Offline support: registers the service worker that vite-plugin-pwa generates
 * (dist/sw.js, which precaches the whole app). After one visit the app loads with no
 * network. The worker calls skipWaiting and clientsClaim, so the first visit is
 * already controlled and a new deploy takes over at once; the page is not reloaded.
 *
 * Does nothing in development (no sw.js), in the single-file build (file:// has no
 * service workers) and on pages not served over http(s).
 */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration | undefined> {
  if (!import.meta.env.PROD || import.meta.env.VITE_SINGLE) return Promise.resolve(undefined);
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    return Promise.resolve(undefined);
  }
  if (location.protocol !== 'https:' && location.protocol !== 'http:') {
    return Promise.resolve(undefined);
  }
  const register = () =>
    // Relative to the page, so it works under any sub-path; the scope is that directory.
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error: unknown) => {
      // Offline support is a bonus: the app works without it.
      console.warn('net-triage: service worker registration failed', error);
      return undefined;
    });
  // Registering after load keeps the worker's precache downloads off the first paint.
  if (document.readyState === 'complete') return register();
  return new Promise((resolve) => {
    window.addEventListener('load', () => resolve(register()), { once: true });
  });
}

/**
 * Screens, mermaid and the share dialog are chunks loaded on first use. A deploy replaces them,
 * and the new service worker takes over at once and drops the old ones from its cache, so a page
 * still running the old entry fails to load its next chunk. Vite reports that as
 * `vite:preloadError`: reload, which brings the new version. Not again within a minute, so that
 * a chunk which truly cannot be had (offline, never cached) shows its error instead of a loop.
 */
export function reloadOnStaleChunks(): void {
  if (!import.meta.env.PROD || import.meta.env.VITE_SINGLE || typeof window === 'undefined') return;
  window.addEventListener('vite:preloadError', () => {
    const key = 'net-triage:stale-chunk-reload';
    try {
      if (Date.now() - Number(sessionStorage.getItem(key) ?? 0) < 60_000) return;
      sessionStorage.setItem(key, String(Date.now()));
    } catch {
      return; // no storage to guard against a reload loop: leave the error as it is
    }
    location.reload();
  });
}
