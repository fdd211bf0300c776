import { useState } from 'react';
import type { Branch, Hop, WalkResult } from '../../walk/types';
import { packetText } from '../../walk/packet';
import { EvidenceList, type Sources } from '../diagnosis/EvidenceList';
import { Markdownish } from '../Markdownish';
import { useT } from '../useT';

const pct = (p: number) => `${Math.round(p * 1000) / 10}%`;
const hostPort = (e: { address: string; port: number | null }) =>
  `${e.address.includes(':') ? `[${e.address}]` : e.address}${e.port === null ? '' : `:${e.port}`}`;

/** A walk's verdict in one sentence, its endpoints, and each way the packet goes, rule by rule. */
export function WalkResultView({
  result,
  addresses,
  sources,
}: {
  result: WalkResult;
  addresses: string[];
  sources: Sources;
}) {
  const { t, tm } = useT();
  const [view, setView] = useState<'list' | 'diagram'>('list');
  const packet = packetText(result.packet);
  const main = result.branches[0];
  const headline = (() => {
    if (result.verdict === 'dnat')
      return t('walk.headline.dnat', {
        packet,
        endpoints: result.endpoints.map((e) => `${hostPort(e)} (${pct(e.probability)})`).join(', '),
      });
    if ((result.verdict === 'drop' || result.verdict === 'reject') && main?.decidedBy)
      return t(`walk.headline.${result.verdict}`, {
        packet,
        line: main.decidedBy.line,
        source: sources.label(main.decidedBy.source),
        rule: main.decidedBy.rule,
      });
    if (
      result.verdict === 'unknown' &&
      result.branches.length > 1 &&
      !result.branches.every((b) => b.verdict === 'unknown')
    )
      return t('walk.headline.split', { packet });
    return t(`walk.headline.${result.verdict}`, { packet });
  })();
  return (
    <div className="walk-result" data-testid="walk-result" data-verdict={result.verdict}>
      <p className={`walk-headline verdict-${result.verdict}`} data-testid="walk-headline">
        <Markdownish text={headline} />
      </p>
      <p className="muted">
        {t('walk.nodeAddresses')}: {addresses.join(', ') || '?'}
      </p>
      <div className="row" role="group" aria-label={t('walk.hops')}>
        <button
          type="button"
          className="link"
          aria-pressed={view === 'list'}
          onClick={() => setView('list')}
        >
          {t('walk.list')}
        </button>
        <button
          type="button"
          className="link"
          aria-pressed={view === 'diagram'}
          data-testid="walk-diagram-toggle"
          onClick={() => setView('diagram')}
        >
          {t('walk.diagram')}
        </button>
      </div>
      {result.branches.map((b, i) => (
        <BranchView
          key={i}
          branch={b}
          n={i + 1}
          many={result.branches.length > 1}
          view={view}
          sources={sources}
        />
      ))}
      {result.notes.length > 0 && (
        <details className="walk-notes">
          <summary>{t('walk.notes')}</summary>
          <ul>
            {result.notes.map((n) => {
              const text = tm(n);
              return <li key={text}>{text}</li>;
            })}
          </ul>
        </details>
      )}
    </div>
  );
}

function BranchView(props: {
  branch: Branch;
  n: number;
  many: boolean;
  view: 'list' | 'diagram';
  sources: Sources;
}) {
  const { t, tm } = useT();
  const { branch: b, n, many, view, sources } = props;
  const title = [
    many ? t('walk.branch', { n, p: pct(b.probability) }) : null,
    t(`walk.verdict.${b.verdict}`),
    b.endpoint ? `→ ${hostPort(b.endpoint)}` : null,
    b.masquerade ? t('walk.masquerade') : null,
    b.rejectWith,
  ]
    .filter(Boolean)
    .join(' · ');
  const decided = (h: Hop) =>
    !!b.decidedBy && h.source === b.decidedBy.source && h.line === b.decidedBy.line;
  const body = (
    <>
      {b.unknown && (
        <p className="note" data-testid="walk-unknown">
          {t('walk.unknownAt', { why: tm(b.unknown) })}
        </p>
      )}
      {view === 'list' ? (
        <EvidenceList
          evidence={b.hops.map((h) => ({ source: h.source, line: h.line, text: h.rule }))}
          sources={sources}
          annotate={(_, i) => {
            const h = b.hops[i]!;
            return (
              <span className={decided(h) ? 'hop-action decided' : 'hop-action'}>
                {h.table} {h.chain}: {h.action}
                {h.packets !== null ? ` (${t('walk.packets', { n: h.packets })})` : ''}
                {decided(h) ? ` — ${t('walk.decided')}` : ''}
              </span>
            );
          }}
        />
      ) : (
        <ol className="walk-diagram" aria-label={t('walk.diagram')}>
          {b.hops.map((h, i) => (
            <li key={i} className={decided(h) ? 'decided' : undefined}>
              <span className="hop-chain">
                {h.table} · {h.chain}
              </span>
              <span className="hop-what">{h.action}</span>
            </li>
          ))}
          <li className={`end verdict-${b.verdict}`}>{t(`walk.verdict.${b.verdict}`)}</li>
        </ol>
      )}
    </>
  );
  if (!many)
    return (
      <div className="walk-branch" data-testid="walk-branch">
        {
          <p>
            <strong>{title}</strong>
          </p>
        }
        {body}
      </div>
    );
  return (
    <details className="walk-branch" data-testid="walk-branch" open={n === 1}>
      <summary>{title}</summary>
      {body}
    </details>
  );
}
