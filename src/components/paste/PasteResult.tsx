import type { PasteView } from '../../diagnosis/paste-view';
import type { Kind } from '../../parsers/registry';
import { useT } from '../useT';
import { Markdownish } from '../Markdownish';

/** What each part of a paste was recognised as, its key facts, and why a part was not understood. */
export function PasteResult({
  paste,
  wanted,
  tables,
}: {
  paste: PasteView;
  wanted?: Kind[];
  /** The netfilter tables the step needs: an iptables paste of another table gets a hint. */
  tables?: string[];
}) {
  const { t, tm } = useT();
  const { sections, deltas } = paste;
  const kinds = sections.filter((s) => s.status !== 'rejected').map((s) => s.kind);
  const offTopic =
    wanted &&
    wanted.length > 0 &&
    kinds.length > 0 &&
    !kinds.some((k) => wanted.includes(k as Kind));
  const wrongTable =
    tables && tables.length > 0
      ? sections.find(
          (s) => s.status !== 'rejected' && s.tables && !s.tables.some((x) => tables.includes(x)),
        )
      : undefined;
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
      {wrongTable && wrongTable.status !== 'rejected' && (
        <li className="note" data-testid="wrong-table">
          <Markdownish
            text={t('step.wrongTable', {
              shown: wrongTable.tables!.join(', '),
              wanted: tables!.join(', '),
              command:
                wrongTable.kind === 'iptables-L'
                  ? `sudo iptables -t ${tables![0]} -L -n -v`
                  : `sudo iptables-save -t ${tables![0]}`,
            })}
          />
        </li>
      )}
      {offTopic && (
        <li className="note">
          {t('step.wantedOther', { wanted: wanted.map((k) => t(`kind.${k}`)).join(', ') })}
        </li>
      )}
    </ul>
  );
}
