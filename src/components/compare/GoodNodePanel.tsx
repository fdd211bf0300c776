import { useId, useState } from 'react';
import { isSymptomId } from '../../catalog/causes';
import { GOOD_ALL, type GoodNode } from '../../engine/replay';
import type { SectionView } from '../../parsers/registry';
import type { TreeId } from '../../tree';
import { CollectorCommand } from '../collector/CollectorCommand';
import { PasteResult } from '../paste/PasteResult';
import { PasteArea } from '../paste/PasteArea';
import { useT } from '../useT';

/**
 * "Compare with a node that works": the same outputs from a healthy node of the cluster (one
 * collector run, or the outputs one after another), kept with the work. What differs is
 * evidence: the diagnosis reads it (see rules/combine/compare).
 */
export function GoodNodePanel({
  tree,
  vars,
  good,
  views,
  onSave,
}: {
  tree: TreeId;
  vars: Record<string, string>;
  good: GoodNode | undefined;
  /** What each of its pastes was read as, by step. */
  views: Record<string, SectionView[]>;
  onSave(good: GoodNode | undefined): void;
}) {
  const { t } = useT();
  const id = useId();
  const [text, setText] = useState(good?.pastes[GOOD_ALL] ?? '');
  const [name, setName] = useState(good?.name ?? '');
  const read = Object.values(views).flat();
  // Not `text.trim()`: that copies a 40 MB paste on every render.
  const filled = /\S/.test(text);
  return (
    <section className="panel good-node" data-testid="good-node" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('compareUi.addTitle')}</h2>
      <p>{t('compareUi.addIntro')}</p>
      <details className="good-collect">
        <summary>{t('compareUi.collect')}</summary>
        <CollectorCommand
          symptom={isSymptomId(tree) ? tree : null}
          vars={vars}
          intro={t('compareUi.collectIntro')}
        />
      </details>
      <form
        className="good-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!filled) return;
          const n = name.trim();
          // Outputs kept step by step stay; this box is the node's collector run.
          onSave({ ...(n ? { name: n } : {}), pastes: { ...good?.pastes, [GOOD_ALL]: text } });
        }}
      >
        <label htmlFor={`${id}-name`}>{t('compareUi.name')}</label>
        <input
          id={`${id}-name`}
          data-testid="good-name"
          value={name}
          spellCheck={false}
          autoComplete="off"
          maxLength={253}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={`${id}-paste`}>{t('compareUi.paste')}</label>
        <PasteArea id={`${id}-paste`} testId="good-paste" rows={8} text={text} onText={setText} />
        <div className="row">
          <button type="submit" className="primary" data-testid="good-compare" disabled={!filled}>
            {t('compareUi.compare')}
          </button>
          {good && (
            <button
              type="button"
              data-testid="good-remove"
              onClick={() => {
                setText('');
                setName('');
                onSave(undefined);
              }}
            >
              {t('compareUi.remove')}
            </button>
          )}
        </div>
      </form>
      {good && read.length > 0 && (
        <div className="good-read">
          <p>{t('compareUi.read', { name: good.name ?? t('compareUi.good') })}</p>
          <PasteResult paste={{ sections: read, deltas: [] }} />
        </div>
      )}
    </section>
  );
}
