import { useId, useState } from 'react';
import type { GoodNode } from '../../engine/replay';
import type { SectionView } from '../../parsers/registry';
import { PasteResult } from '../paste/PasteResult';
import { PasteArea } from '../paste/PasteArea';
import { useT } from '../useT';

/**
 * A step's output from the node that works, step by step rather than one collector run: kept
 * beside this node's paste, compared at the diagnosis. Not a form: the step keeps one submit.
 */
export function GoodStepPaste({
  step,
  good,
  views,
  onSave,
}: {
  step: string;
  good: GoodNode | undefined;
  /** What the kept paste was read as. */
  views: SectionView[] | undefined;
  onSave(good: GoodNode | undefined): void;
}) {
  const { t } = useT();
  const id = useId();
  const kept = good?.pastes[step] ?? '';
  const [text, setText] = useState(kept);
  const save = (value: string) => {
    const pastes = { ...good?.pastes };
    if (/\S/.test(value)) pastes[step] = value;
    else delete pastes[step];
    const name = good?.name;
    onSave(
      Object.keys(pastes).length > 0 || name ? { ...(name ? { name } : {}), pastes } : undefined,
    );
  };
  return (
    <details className="good-step" data-testid="good-step" open={kept !== '' || undefined}>
      <summary>{t('compareUi.stepTitle')}</summary>
      <p className="hint">{t('compareUi.stepHint')}</p>
      <label htmlFor={`${id}-text`} className="paste-label">
        {t('compareUi.stepLabel')}
      </label>
      <PasteArea id={`${id}-text`} testId="good-step-paste" rows={5} text={text} onText={setText} />
      <div className="row">
        <button
          type="button"
          data-testid="good-step-keep"
          disabled={text === kept}
          onClick={() => save(text)}
        >
          {t('compareUi.keep')}
        </button>
        {kept !== '' && (
          <button
            type="button"
            onClick={() => {
              setText('');
              save('');
            }}
          >
            {t('compareUi.forget')}
          </button>
        )}
      </div>
      {kept !== '' && views && views.length > 0 && (
        <PasteResult paste={{ sections: views, deltas: [] }} />
      )}
    </details>
  );
}
