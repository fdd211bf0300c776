import { Link } from 'react-router';
import { isSymptomId } from '../../catalog/causes';
import { COMMANDS } from '../../catalog/commands';
import { type Step, type WizardState } from '../../engine/replay';
import type { Comparison } from '../../diagnosis/comparison';
import type { Verdicts } from '../../diagnosis/judge';
import { render } from '../../diagnosis/render';
import { fillTemplate } from '../../engine/shell';
import type { OutcomeNode } from '../../engine/tree';
import { TREES, nodeKey } from '../../tree';
import { useT } from '../../components/useT';
import { CodeBlock } from '../../components/CodeBlock';
import type { SharePayload } from '../../share/schema';
import { DiagnosisView } from '../../components/diagnosis/DiagnosisView';
import { useTreeAssessment } from '../../components/useAssessment';
import { WorkerFailed } from '../../components/WorkerFailed';
import { Verdict } from '../../components/diagnosis/Verdict';
import { useMemo } from 'react';
import { WalkPanel } from '../../components/walk/WalkPanel';

/**
 * A shared triage, read-only: the path taken, the step the sender was at, and the diagnosis
 * (recomputed from the pastes, or the carried one when the raw output was left out).
 */
export function SharedView({
  payload,
  onAdopt,
  conflict = true,
}: {
  payload: SharePayload;
  onAdopt?: () => void;
  /** The receiver has work of their own on this symptom that adopting would replace. */
  conflict?: boolean;
}) {
  const { t } = useT();
  const tree = TREES[payload.tree];
  // With raw output the receiver's worker reads the pastes as the sender's did; without, the
  // link carries the path and the verdicts.
  const state = useMemo<WizardState>(
    () =>
      payload.omitted
        ? { tree: payload.tree, answers: {}, pastes: {} }
        : {
            tree: payload.tree,
            answers: payload.answers,
            pastes: payload.pastes,
            ...(payload.good ? { good: payload.good } : {}),
          },
    [payload],
  );
  const assessed = useTreeAssessment(payload.tree, state);
  const got = payload.omitted ? null : assessed.value;
  const steps: Step[] = payload.omitted?.steps ?? got?.steps ?? [];
  const vars: Record<string, string> = {};
  for (const s of steps) {
    const spec = tree.nodes[s.node];
    if (s.status === 'answered' && spec?.type === 'question' && spec.var)
      vars[spec.var] = payload.answers[s.node] ?? '';
  }
  const key = (node: string) => nodeKey(payload.tree, node);
  const spec = tree.nodes[payload.node]!;
  const kindsOf = (node: string): string[] => {
    if (!payload.omitted) return (got?.views[node] ?? []).map((s) => s.kind ?? '');
    const inputs = payload.omitted.diagnosis?.inputs ?? [];
    return inputs.filter((i) => i.source.split('#')[0] === node).map((i) => i.kind ?? '');
  };
  const summary = (s: Step): string => {
    const node = tree.nodes[s.node]!;
    if (s.status === 'skipped') return t('share.received.skipped');
    if (s.status === 'auto-skipped') return t('share.received.autoSkipped');
    if (node.type === 'question') {
      const a = payload.answers[s.node];
      if (a === undefined) return t('share.received.notYet');
      return node.input.kind === 'choice' ? t(`${key(s.node)}.options.${a}`) : a;
    }
    if (node.type !== 'evidence') return '';
    const kinds = [
      ...new Set(kindsOf(s.node).map((k) => (k ? t(`kind.${k}`) : t('step.rejected')))),
    ];
    if (payload.omitted) return [t('share.received.outputOmitted'), ...kinds].join(' · ');
    return (
      kinds.join(', ') || (payload.pastes[s.node] === undefined ? t('share.received.notYet') : '…')
    );
  };

  return (
    <div className="shared" data-testid="shared-view">
      <section className="panel shared-banner" aria-label={t('share.received.title')}>
        <p className="step-meta">
          {t('share.received.title')} · {t(`tree.${payload.tree}.name`)}
        </p>
        <p>{t('share.received.readOnly')}</p>
        {payload.omitted && <p>{t('share.received.omitted')}</p>}
        {payload.redacted && (
          <p className="note" data-testid="redacted-note">
            {t('share.received.redacted')}
          </p>
        )}
        {onAdopt && conflict && <p>{t('share.received.conflict')}</p>}
        <div className="row">
          {onAdopt && (
            <button type="button" className="primary" onClick={onAdopt} data-testid="share-adopt">
              {t(conflict ? 'share.received.adoptReplace' : 'share.received.adopt')}
            </button>
          )}
          <Link className="button" to={onAdopt && conflict ? `/s/${payload.tree}` : '/'}>
            {t(onAdopt && conflict ? 'share.received.keepMine' : 'share.received.start')}
          </Link>
        </div>
      </section>
      <div className="wizard">
        <nav className="trail" aria-label={t('share.received.steps')}>
          <h2>{t('share.received.steps')}</h2>
          <ol className="shared-path">
            {steps.map((s) => (
              <li key={s.node} aria-current={s.node === payload.node ? 'step' : undefined}>
                <span className="trail-title">{t(`${key(s.node)}.title`)}</span>{' '}
                <span className="trail-value">{summary(s)}</span>
              </li>
            ))}
          </ol>
        </nav>
        <section className="step" aria-labelledby="shared-step-title">
          <p className="step-meta">{t('share.received.atStep')}</p>
          <h1 id="shared-step-title">{t(`${key(payload.node)}.title`)}</h1>
          {spec.type === 'question' && <p>{summary({ node: payload.node, status: 'current' })}</p>}
          {spec.type === 'evidence' && (
            <>
              {spec.command && (
                <div className="run">
                  <p className="where">{t('step.runOn', { where: t(`where.${spec.where}`) })}</p>
                  <CodeBlock code={fillTemplate(COMMANDS[spec.command].run, vars)} big />
                </div>
              )}
              {typeof payload.pastes[payload.node] === 'string' && !payload.omitted ? (
                <pre className="shared-paste" tabIndex={0} aria-label={t('step.pasteLabel')}>
                  {payload.pastes[payload.node]}
                </pre>
              ) : (
                <p className="muted">{summary({ node: payload.node, status: 'pasted' })}</p>
              )}
            </>
          )}
          {!payload.omitted && assessed.error && (
            <WorkerFailed error={assessed.error} retry={assessed.retry} />
          )}
          {!payload.omitted &&
            Object.entries(payload.walks ?? {}).map(([node, walk]) => {
              const text = payload.pastes[node];
              if (typeof text !== 'string' || text === '') return null;
              return (
                <div key={node} className="shared-walk" data-testid="shared-walk">
                  <p className="step-meta">{t(`${key(node)}.title`)}</p>
                  <WalkPanel
                    texts={[{ text, source: node }]}
                    spec={walk}
                    suggested={walk.packet}
                    sources={{ label: () => t(`${key(node)}.title`), text: () => text }}
                    redacted={!!payload.redacted}
                  />
                </div>
              );
            })}
          {spec.type === 'outcome' && (
            <Outcome
              payload={payload}
              spec={spec}
              steps={steps}
              vars={vars}
              verdicts={payload.omitted ? payload.omitted.diagnosis : got?.verdicts}
              comparison={payload.omitted ? null : (got?.comparison ?? null)}
            />
          )}
        </section>
      </div>
    </div>
  );
}

function Outcome(props: {
  payload: SharePayload;
  spec: OutcomeNode;
  steps: Step[];
  vars: Record<string, string>;
  /** Carried by the link, or judged by the receiver's worker (undefined while it works). */
  verdicts: Verdicts | null | undefined;
  /** This node against the node that works, as the receiver's worker compared them. */
  comparison: Comparison | null;
}) {
  const { t, lang } = useT();
  const { payload, spec, steps, vars, verdicts } = props;
  const carried = payload.omitted?.diagnosis;
  if (!carried || spec.route)
    return (
      <Verdict
        tree={payload.tree}
        spec={spec}
        steps={steps}
        vars={vars}
        verdicts={verdicts}
        pastes={payload.omitted ? {} : payload.pastes}
        good={payload.good}
        comparison={props.comparison ?? null}
      />
    );
  const symptom = isSymptomId(payload.tree) ? payload.tree : null;
  const label = (source: string) => {
    const node = source.split('#')[0]!;
    return TREES[payload.tree].nodes[node] ? t(`${nodeKey(payload.tree, node)}.title`) : source;
  };
  return (
    <DiagnosisView
      diagnosis={render(symptom, carried, vars, lang)}
      sources={{ label, text: () => undefined }}
      skipped={steps.filter((s) => s.status === 'skipped').length}
      collect={spec.collect.map((c) => fillTemplate(COMMANDS[c].run, vars))}
    />
  );
}
