import { useEffect, useId, useRef, useState } from 'react';
import type { WizardState } from '../../engine/replay';
import type { TreeId } from '../../tree';
import { assessTreeOffThread } from '../../worker/client';
import { useT } from '../useT';
import { CopyButton } from '../CopyButton';
import { buildPayload, shareableState, type Built, type ShareOptions } from '../../share/build';
import { encodeShare } from '../../share/codec';
import './share.css';

/** Above this, some chat tools and bots cut or refuse a message (see share.tooLong). */
export const CHAT_SAFE_LENGTH = 2000;

interface Props {
  tree: TreeId;
  node: string;
  state: WizardState;
  onClose(): void;
}

type Result = { options: ShareOptions; link: string; built: Built } | { error: string };

/** A modal dialog: the options, the link with its length, a copy button, and what it carries. */
export function ShareDialog({ tree, node, state, onClose }: Props) {
  const { t, lang } = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [options, setOptions] = useState<ShareOptions>({ omitRaw: false, redact: false });
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    let alive = true;
    (async () => {
      // Without raw output the link carries the path and the verdicts: the worker's, as the
      // wizard shows them.
      const shared = shareableState(tree, state);
      const assessed = options.omitRaw ? await assessTreeOffThread(tree, shared) : null;
      const built = buildPayload(tree, node, shared, lang, options, assessed);
      const link = `${location.href.split('#')[0]}#/share/${await encodeShare(built.payload)}`;
      if (alive) setResult({ options, link, built });
    })().catch((e: unknown) => alive && setResult({ error: String(e) }));
    return () => {
      alive = false;
    };
  }, [tree, node, state, lang, options]);

  const ready = result && 'link' in result && result.options === options ? result : null;
  const toggle = (key: keyof ShareOptions) => setOptions((o) => ({ ...o, [key]: !o[key] }));
  const option = (key: keyof ShareOptions, label: string, hint: string) => (
    <div className="share-option">
      <input
        type="checkbox"
        id={`${id}-${key}`}
        checked={options[key]}
        onChange={() => toggle(key)}
        aria-describedby={`${id}-${key}-hint`}
        data-testid={`share-${key}`}
      />
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <p id={`${id}-${key}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );

  return (
    <dialog
      ref={ref}
      className="share-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      data-testid="share-dialog"
    >
      <div className="share-head">
        <h2 id={`${id}-title`}>{t('share.title')}</h2>
        <button type="button" className="quiet" onClick={() => ref.current?.close()}>
          {t('share.close')}
        </button>
      </div>
      <p>{t('share.intro')}</p>
      <fieldset className="share-options">
        <legend className="visually-hidden">{t('share.title')}</legend>
        {option('omitRaw', t('share.omitRaw'), t('share.omitRawHint'))}
        {option('redact', t('share.redact'), t('share.redactHint'))}
      </fieldset>

      <label htmlFor={`${id}-link`} className="share-link-label">
        {t('share.link')}
      </label>
      <div className="share-link-row">
        <input
          id={`${id}-link`}
          className="share-link"
          readOnly
          value={ready?.link ?? ''}
          placeholder={t('share.preparing')}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="share-link"
          data-ready={ready ? 'true' : 'false'}
        />
        <CopyButton text={ready?.link ?? ''} caption={t('share.copy')} className="primary" />
      </div>
      {result && 'error' in result && (
        <p role="alert" className="error">
          {t('share.failed', { error: result.error })}
        </p>
      )}
      <div aria-live="polite">
        {ready && (
          <p
            className={ready.link.length > CHAT_SAFE_LENGTH ? 'share-length warn' : 'share-length'}
            data-testid="share-length"
          >
            <strong>{t('share.length', { n: ready.link.length.toLocaleString(lang) })}</strong>{' '}
            {ready.link.length > CHAT_SAFE_LENGTH ? t('share.tooLong') : t('share.lengthOk')}
          </p>
        )}
      </div>

      {ready && options.redact && <Replaced built={ready.built} />}
      {ready && <ReceiverSees payload={ready.built.payload} />}
      <h3 id={`${id}-preview`}>{t('share.preview')}</h3>
      {ready && json(ready).length > PREVIEW_CHARS && (
        <p className="muted">
          {t('share.previewCut', {
            n: PREVIEW_CHARS.toLocaleString(lang),
            total: json(ready).length.toLocaleString(lang),
          })}
        </p>
      )}
      <pre
        className="share-preview"
        tabIndex={0}
        aria-labelledby={`${id}-preview`}
        data-testid="share-preview"
      >
        {ready ? preview(json(ready)) : t('share.preparing')}
      </pre>
    </dialog>
  );
}

/** Beyond this the preview shows the start only: a page cannot lay out megabytes of text. */
const PREVIEW_CHARS = 100_000;

const shown = new WeakMap<object, string>();
/** The payload as the preview shows it (computed once per link). */
function json(ready: { built: Built }): string {
  let text = shown.get(ready.built);
  if (text === undefined)
    shown.set(ready.built, (text = JSON.stringify(ready.built.payload, null, 2)));
  return text;
}

function preview(text: string): string {
  return text.length <= PREVIEW_CHARS ? text : `${text.slice(0, PREVIEW_CHARS)}\n…`;
}

const REPLACED_ROWS = 200;

function Replaced({ built }: { built: Built }) {
  const { t } = useT();
  const list = built.replacements;
  if (list.length === 0) return <p className="muted">{t('share.replacedNone')}</p>;
  return (
    <details className="share-replaced">
      <summary>{t('share.replaced', { count: list.length })}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('share.from')}</th>
            <th scope="col">{t('share.to')}</th>
          </tr>
        </thead>
        <tbody>
          {list.slice(0, REPLACED_ROWS).map((r) => (
            <tr key={`${r.kind}:${r.from}`}>
              <td>
                <code>{r.from}</code>
              </td>
              <td>
                <code>{r.to}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.length > REPLACED_ROWS && (
        <p className="muted">{t('share.replacedMore', { n: list.length - REPLACED_ROWS })}</p>
      )}
    </details>
  );
}

/** What the receiver will see, in words: the symptom, the step, the answers and the outputs. */
function ReceiverSees({ payload }: { payload: Built['payload'] }) {
  const { t } = useT();
  const pasted = Object.values(payload.pastes).filter((p) => p !== null).length;
  const findings = payload.omitted?.diagnosis?.results.filter((r) => r.type === 'finding').length;
  return (
    <section className="share-sees" data-testid="share-sees">
      <h3>{t('share.sees.title')}</h3>
      <ul>
        <li>
          {t('share.sees.where', {
            tree: t(`tree.${payload.tree}.name`),
            step: t(`tree.${payload.tree}.${payload.node}.title`),
          })}
        </li>
        <li>{t('share.sees.answers', { n: Object.keys(payload.answers).length })}</li>
        <li>
          {payload.omitted
            ? t('share.sees.omitted', { n: findings ?? 0 })
            : t('share.sees.outputs', { n: pasted })}
        </li>
        {payload.redacted && <li>{t('share.sees.redacted')}</li>}
        {payload.walks && !payload.omitted && Object.keys(payload.walks).length > 0 && (
          <li>{t('share.sees.walks', { n: Object.keys(payload.walks).length })}</li>
        )}
        {payload.good && (
          <li data-testid="share-sees-good">
            {t(payload.omitted ? 'share.sees.goodOmitted' : 'share.sees.good', {
              name: payload.good.name ?? t('compareUi.good'),
              n: Object.keys(payload.good.pastes).length,
            })}
          </li>
        )}
      </ul>
    </section>
  );
}
