import type { Mermaid } from 'mermaid';

let loading: Promise<Mermaid> | null = null;

/** mermaid is large: one memoised dynamic import, only when a flowchart is shown. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => {
    m.default.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default',
      // Room between nodes and ranks: the trees' long edge labels otherwise overlap where
      // several routes meet one step.
      flowchart: { htmlLabels: false, useMaxWidth: true, nodeSpacing: 70, rankSpacing: 80 },
      fontFamily: 'system-ui, sans-serif',
    });
    return m.default;
  });
  loading.catch(() => (loading = null));
  return loading;
}
