import { useState, type ReactNode } from 'react';
import type { Evidence } from '../../engine/types';
import { useT } from '../useT';

/** How the diagnosis names a paste, and its text (to show a cited line in place). */
export interface Sources {
  label(source: string): string;
  text(source: string): string | undefined;
}

const CONTEXT = 3;

/** Evidence lines quoted from the pastes, with where they came from and their line numbers. */
export function EvidenceList({
  evidence,
  sources,
  annotate,
}: {
  evidence: Evidence[];
  sources: Sources;
  /** More to say of a line (what a walked rule did with the packet). */
  annotate?(e: Evidence, i: number): ReactNode;
}) {
  const { t } = useT();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <ol className="evidence">
      {evidence.map((e, i) => {
        // Line 0: a rule the walk assumed (kube-proxy's jumps a grep left out), in no paste.
        const text = e.line > 0 ? sources.text(e.source) : undefined;
        return (
          <li key={`${e.source}:${e.line}:${i}`}>
            <span className="where-from">
              {t('diagnosis.where', {
                source: sources.label(e.source),
                line: e.line > 0 ? t('diagnosis.line', { n: e.line }) : t('diagnosis.notInPaste'),
              })}
              {text !== undefined && (
                <button
                  type="button"
                  className="link"
                  aria-expanded={open === i}
                  onClick={() => setOpen(open === i ? null : i)}
                >
                  {t(open === i ? 'diagnosis.hideInPaste' : 'diagnosis.showInPaste')}
                </button>
              )}
            </span>
            {annotate?.(e, i)}
            <code className="line" data-line={e.line}>
              {e.text}
            </code>
            {open === i && text !== undefined && <InPaste text={text} line={e.line} />}
          </li>
        );
      })}
    </ol>
  );
}

/** The cited line among its neighbours, numbered as in the paste. */
function InPaste({ text, line }: { text: string; line: number }) {
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, line - CONTEXT);
  const to = Math.min(lines.length, line + CONTEXT);
  return (
    <pre className="in-paste" tabIndex={0}>
      {lines.slice(from - 1, to).map((l, k) => {
        const n = from + k;
        return (
          <span key={n} className={n === line ? 'cited' : undefined}>
            <span className="ln" aria-hidden="true">
              {String(n).padStart(4)}{' '}
            </span>
            {l}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}
