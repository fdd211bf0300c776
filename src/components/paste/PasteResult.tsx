import type { PasteView } from '../../diagnosis/paste-view';
import type { Kind } from '../../parsers/registry';
import { useT } from '../useT';
import { Markdownish } from '../Markdownish';

/** What each part of a paste was recognised as, its key facts, and why a part was not understood. */
export function PasteResult({ paste, wanted }: { paste: PasteView; wanted?: Kind[] }) {
  const { t, tm } = useT();
  const { sections, deltas } = paste;
  const kinds = sections.filter((s) => s.status !== 'rejected').map((s) => s.kind);
  const offTopic =
    wanted &&
    wanted.length > 0 &&
    kinds.length > 0 &&
    !kinds.some((k) => wanted.includes(k as Kind));
  return (
    <ul className="paste-result" data-testid="paste-result">
      {sections.map((s) => (
        <li
          key={s.source}
          className={`parse-${s.status}`}
          data-kind={s.kind ?? ''}
          data-status={s.status}
        >
          {s.status === 'rejected' ? (
            <p role="alert">
              <strong>{t('step.rejected')}</strong>
              {s.command ? <code className="cmd">{s.command}</code> : null}:{' '}
              <Markdownish text={s.problems[0] ? tm(s.problems[0].msg) : ''} />
            </p>
          ) : (
            <>
              <p>
                <strong>
                  {t(s.status === 'parsed' ? 'step.recognised' : 'step.partial', {
                    kind: t(`kind.${s.kind}`),
                  })}
                </strong>
                {s.command ? <code className="cmd">{s.command}</code> : null}
              </p>
              <p className="facts">{tm(s.summary)}</p>
              {s.problems.length > 0 && (
                <details>
                  <summary>{t('step.problems', { count: s.problems.length })}</summary>
                  <ul>
                    {s.problems.slice(0, 20).map((p, i) => (
                      <li key={i}>
                        {p.line !== undefined ? `${t('diagnosis.line', { n: p.line })}: ` : ''}
                        {tm(p.msg)}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
        </li>
      ))}
      {deltas.map((d, i) => (
        <li key={`delta-${i}`} className="deltas" data-testid="deltas">
          <strong>{tm(d.summary)}</strong>
          {d.deltas.length > 1 && (
            <ul>
              {d.deltas.slice(0, 6).map((c) => (
                <li key={c.name}>
                  <code>{c.label}</code> {c.before} → {c.after} ({c.delta > 0 ? '+' : ''}
                  {c.delta})
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
      {offTopic && (
        <li className="note">
          {t('step.wantedOther', { wanted: wanted.map((k) => t(`kind.${k}`)).join(', ') })}
        </li>
      )}
    </ul>
  );
}
