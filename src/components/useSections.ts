import { useEffect, useMemo, useState } from 'react';
import type { SectionResult } from '../parsers/registry';
import { parseOffThread } from '../worker/client';

export interface Sections {
  /** Parsed sections of each paste, by the node it was pasted at. */
  byNode: Record<string, SectionResult[]>;
  all: SectionResult[];
  /** Nodes whose paste is still being parsed. */
  pending: string[];
}

/** Parses every paste off the main thread and keeps the results matched to their current text. */
export function useSections(pastes: Record<string, string | null>): Sections {
  const [done, setDone] = useState<Record<string, { text: string; sections: SectionResult[] }>>({});
  useEffect(() => {
    let alive = true;
    for (const [node, text] of Object.entries(pastes)) {
      if (text === null || done[node]?.text === text) continue;
      parseOffThread(text, node).then(
        (sections) => alive && setDone((d) => ({ ...d, [node]: { text, sections } })),
        (e: Error) =>
          alive &&
          setDone((d) => ({
            ...d,
            [node]: {
              text,
              sections: [
                {
                  source: node,
                  command: null,
                  kind: null,
                  status: 'rejected',
                  lineCount: 0,
                  problems: [{ msg: { key: 'parse.failed', params: { error: e.message } } }],
                },
              ],
            },
          })),
      );
    }
    return () => {
      alive = false;
    };
  }, [pastes, done]);

  return useMemo(() => {
    const byNode: Record<string, SectionResult[]> = {};
    const pending: string[] = [];
    for (const [node, text] of Object.entries(pastes)) {
      if (text === null) continue;
      const hit = done[node];
      if (hit && hit.text === text) byNode[node] = hit.sections;
      else pending.push(node);
    }
    return { byNode, all: Object.values(byNode).flat(), pending };
  }, [pastes, done]);
}
