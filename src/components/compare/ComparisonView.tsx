import type { Comparison } from '../../diagnosis/comparison';
import { groupDifferences } from '../../compare/groups';
import { labelOf, valueOf } from '../../compare/labels';
import type { Msg } from '../../engine/types';
import { useT } from '../useT';
import { EvidenceList, type Sources } from '../diagnosis/EvidenceList';

/**
 * What differs between this node and the node that works: differences a catalog cause explains
 * first, under that cause; the rest after, by kind. Counters, names and addresses that differ on
 * any two nodes are counted, not listed.
 */
export function ComparisonView({
  comparison: c,
  goodName,
  sources,
}: {
  comparison: Comparison;
  goodName: string | undefined;
  sources: Sources;
}) {
  const { t, tm } = useT();
  const say = (m: Msg | string) => (typeof m === 'string' ? m : tm(m));
  const groups = groupDifferences(c.differences, true);
  const good = goodName ? t('compareUi.goodNamed', { name: goodName }) : t('compareUi.good');
  return (
    <section className="comparison" data-testid="comparison" aria-labelledby="comparison-title">
      <h2 id="comparison-title">{t('compareUi.title')}</h2>
      {c.differences.length === 0 ? (
        <p className="none" data-testid="comparison-none">
          {t(c.compared.length > 0 ? 'compare.noDifference' : 'compare.nothingCompared')}
        </p>
      ) : (
        groups.map((g) => (
          <div key={g.cause ?? `other-${g.items[0]!.kind}`} className="difference-group">
            <h3>
              {g.cause ? (
                <>
                  {t(`cause.${g.cause}.title`)}{' '}
                  <span className="muted">({t('compareUi.explains')})</span>
                </>
              ) : (
                t(`compare.kind.${g.items[0]!.kind}`)
              )}
            </h3>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('compareUi.what')}</th>
                    <th scope="col">{t('compareUi.here')}</th>
                    <th scope="col">{good}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.items.map((d) => (
                    <tr
                      key={`${d.kind}:${d.key}`}
                      data-difference={d.key}
                      data-explained-by={d.explainedBy ?? undefined}
                    >
                      <th scope="row">{say(labelOf(d))}</th>
                      <td className="bad-value">{say(valueOf(d.bad))}</td>
                      <td>{say(valueOf(d.good))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <details>
              <summary>{t('diagnosis.evidence')}</summary>
              <EvidenceList
                evidence={g.items.flatMap((d) => [...d.evidence.bad, ...d.evidence.good])}
                sources={sources}
              />
            </details>
          </div>
        ))
      )}
      {c.against.length > 0 && (
        <div className="against">
          <h3>{t('compare.against')}</h3>
          <ul>
            {c.against.map((a) => (
              <li key={a.cause}>
                <strong>{t(`cause.${a.cause}.title`)}</strong>:{' '}
                {a.shared.map((s) => `${say(labelOf(s))} = ${say(valueOf(s.value))}`).join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(c.noise > 0 || c.coverage.length > 0) && (
        <ul className="muted comparison-notes">
          {c.noise > 0 && <li>{t('compareUi.noise', { n: c.noise })}</li>}
          {c.coverage.map((x) => (
            <li key={`${x.kind}-${x.missingOn}`}>
              {t(`compareUi.coverage.${x.missingOn}`, { kind: t(`compare.kind.${x.kind}`) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
