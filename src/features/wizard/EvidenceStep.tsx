import { useEffect, useState } from 'react';
import type { EvidenceNode } from '../../engine/tree';
import { COMMANDS } from '../../catalog/commands';
import { fillTemplate } from '../../engine/shell';
import type { PasteView } from '../../diagnosis/paste-view';
import { parseOffThread } from '../../worker/client';
import { useT } from '../../components/useT';
import { CodeBlock } from '../../components/CodeBlock';
import { Markdownish } from '../../components/Markdownish';
import { PasteResult } from '../../components/paste/PasteResult';
import { BIG, PasteArea } from '../../components/paste/PasteArea';
import { WorkerFailed } from '../../components/WorkerFailed';
import { WalkPanel, suggestPacket } from '../../components/walk/WalkPanel';
import type { WalkSpec } from '../../engine/replay';
import { hasRules } from '../../walk/sections';

interface Props {
  node: string;
  textKey: string;
  spec: EvidenceNode;
  vars: Record<string, string>;
  initial: string | null | undefined;
  /** Submitted, waiting for the next step: a second submit or an edit would be lost. */
  busy: boolean;
  onDone(text: string | null): void;
  /** Keeps what is typed and not yet sent on, so a reload does not lose it. */
  onDraft?(text: string): void;
  /** The packet walked through this step's rules, kept with the work. */
  walk?: WalkSpec | null;
  onWalk?(spec: WalkSpec | null): void;
  /** The work came from a redacted link. */
  redacted?: boolean;
}

export function EvidenceStep(props: Props) {
  const { node, textKey, spec, vars, initial, busy, onDone, onDraft } = props;
  const { t } = useT();
  const [text, setText] = useState(initial ?? '');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<
    { text: string; paste: PasteView } | { text: string; error: string } | null
  >(null);
  const [attempt, setAttempt] = useState(0);
  const command = spec.command ? fillTemplate(COMMANDS[spec.command].run, vars) : null;
  // Not `text.trim()`: that copies a 40 MB paste on every render.
  const filled = /\S/.test(text);

  // Read the paste as soon as it stops changing, so the operator sees what was understood.
  useEffect(() => {
    if (!filled) return;
    let alive = true;
    const timer = setTimeout(
      () => {
        parseOffThread(text, node, (done, total) => alive && setProgress({ done, total })).then(
          (paste) => alive && setResult({ text, paste }),
          (e: unknown) =>
            alive && setResult({ text, error: e instanceof Error ? e.message : String(e) }),
        );
        // Typing waits until it stops; a huge text only comes whole (a paste or a file).
      },
      text.length > BIG ? 0 : 250,
    );
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [text, filled, node, attempt]);
  // Kept as it stops changing (not on every keystroke).
  useEffect(() => {
    if (!onDraft) return;
    const timer = setTimeout(() => onDraft(text), 400);
    return () => clearTimeout(timer);
  }, [text, onDraft]);
  const got = result && result.text === text && filled ? result : null;
  const current = got && 'paste' in got ? got.paste : null;
  const failed = got && 'error' in got ? got.error : null;

  return (
    <>
      <form
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          if (filled && !busy) onDone(text);
        }}
      >
        <p className="help">
          <Markdownish text={t(`${textKey}.help`)} />
        </p>
        {command && (
          <div className="run">
            <p className="where">
              {t('step.runOn', {
                where:
                  spec.where === 'bad-node' && vars.node
                    ? t('where.named', { where: t('where.bad-node'), name: vars.node })
                    : t(`where.${spec.where}`),
              })}
            </p>
            <CodeBlock code={command} label={command} big />
          </div>
        )}
        <label htmlFor={`paste-${node}`} className="paste-label">
          {t('step.pasteLabel')}
        </label>
        <PasteArea
          id={`paste-${node}`}
          testId="evidence-paste"
          text={text}
          onText={setText}
          placeholder={t('step.pastePlaceholder')}
          readOnly={busy}
        />
        <div aria-live="polite" className="paste-status">
          {filled && !got && (
            <p className="muted" role="status">
              {text.length > BIG
                ? t('step.parsingBig', {
                    mb: (text.length / 1e6).toFixed(1),
                    done: progress?.done ?? 0,
                    total: progress?.total ?? 1,
                  })
                : t('step.parsing')}
              {text.length > BIG && (
                <progress
                  max={progress?.total ?? 1}
                  value={progress?.done ?? 0}
                  aria-label={t('step.parsing')}
                />
              )}
            </p>
          )}
          {current && <PasteResult paste={current} wanted={spec.wants} tables={spec.tables} />}
          {failed && (
            <WorkerFailed
              error={failed}
              retry={() => {
                setResult(null);
                setAttempt((a) => a + 1);
              }}
            />
          )}
        </div>
        <fieldset className="plain row" disabled={busy}>
          <button type="submit" className="primary" disabled={!filled}>
            {t('step.continue')}
          </button>
          <button type="button" onClick={() => onDone(null)}>
            {t('step.skip')}
          </button>
        </fieldset>
      </form>
      {/* Its own form, after the step's: the rules just pasted, walked before going on. */}
      {current && got && hasRules(current.sections) && (
        <WalkPanel
          texts={[{ text: got.text, source: node }]}
          spec={props.walk ?? null}
          suggested={suggestPacket(vars)}
          sources={{ label: () => rulesLabel(current, t), text: () => got.text }}
          onSave={props.onWalk}
          redacted={props.redacted}
        />
      )}
    </>
  );
}

/** How a walk names the rules it cites: by what the paste was read as (`iptables-save`). */
function rulesLabel(paste: PasteView, t: (key: string) => string): string {
  const kinds = [
    ...new Set(paste.sections.flatMap((s) => (s.status === 'rejected' || !s.kind ? [] : [s.kind]))),
  ];
  return kinds.map((k) => t(`kind.${k}`)).join(', ');
}
