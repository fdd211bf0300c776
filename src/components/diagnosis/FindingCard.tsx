import type { Finding } from '../../diagnosis/diagnose';
import { useT } from '../useT';
import { CodeBlock } from '../CodeBlock';
import { Markdownish } from '../Markdownish';
import { EvidenceList, type Sources } from './EvidenceList';

const PARTS = ['now', 'persist', 'verify', 'rollback'] as const;

export function FindingCard({
  finding,
  sources,
  node,
}: {
  finding: Finding;
  sources: Sources;
  /** The node that fails, as the operator named it. */
  node?: string;
}) {
  const { t, tm } = useT();
  const id = `finding-${finding.cause}`;
  return (
    <article
      className={`finding conf-${finding.confidence}`}
      data-cause-id={finding.cause}
      aria-labelledby={id}
    >
      <header>
        <h3 id={id}>{t(`cause.${finding.cause}.title`)}</h3>
        <span className={`badge conf conf-${finding.confidence}`}>
          {t(`diagnosis.confidence.${finding.confidence}`)}
        </span>
      </header>
      <p className="finding-why">{tm(finding.why)}</p>
      {finding.also.map((m, i) => (
        <p
          key={i}
          className="finding-also"
          data-testid={m.key.startsWith('compareCite.') ? 'finding-compare' : 'finding-walk'}
        >
          <Markdownish text={tm(m)} />
        </p>
      ))}
      <h4>{t('diagnosis.evidence')}</h4>
      <EvidenceList evidence={finding.evidence} sources={sources} />
      <details className="explain">
        <summary>{t('diagnosis.why')}</summary>
        <p>{t(`cause.${finding.cause}.why`)}</p>
      </details>
      <h4>{t('diagnosis.fix')}</h4>
      <div className="fix">
        {PARTS.map((p) => (
          <div key={p} className="fix-part">
            <h5>{t(`diagnosis.fixPart.${p}`)}</h5>
            <p className="where">{runWhere(finding.fix[p], t, node)}</p>
            <CodeBlock code={finding.fix[p]} label={`${t(`diagnosis.fixPart.${p}`)}`} />
          </div>
        ))}
      </div>
      <p className="risk">
        <strong>{t('diagnosis.risk')}:</strong> {t(`cause.${finding.cause}.risk`)}
      </p>
    </article>
  );
}

/**
 * Where a fix block runs, as each step says it: kubectl lines on any machine with kubectl, the
 * client's checks on the client, the rest on the node that fails; a mixed block says so.
 */
function runWhere(
  code: string,
  t: (k: string, p?: Record<string, string | number>) => string,
  node?: string,
) {
  const places = new Set<string>();
  for (const line of code.split('\n')) {
    const cmd = line.replace(/(?:^|\s)#.*$/, '').trim();
    if (!cmd) continue;
    if (/^kubectl\b/.test(cmd)) places.add('kubectl');
    else if (/^curl\b/.test(cmd)) places.add('client');
    else places.add('bad-node');
  }
  if (places.size === 0) return null;
  if (places.size > 1) return t('diagnosis.runMixed');
  const place = [...places][0]!;
  const where = t(`where.${place}`);
  return t('step.runOn', {
    where: place === 'bad-node' && node ? t('where.named', { where, name: node }) : where,
  });
}
