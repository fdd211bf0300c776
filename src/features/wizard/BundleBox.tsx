import { useState } from 'react';
import { isSymptomId } from '../../catalog/causes';
import { fillFromBundle, sectionParts } from '../../diagnosis/bundle';
import { type WizardState } from '../../engine/replay';
import { TREES, type TreeId } from '../../tree';
import { parseOffThread } from '../../worker/client';
import { useAdvance } from '../../components/useAssessment';
import { WorkerFailed } from '../../components/WorkerFailed';
import { useT } from '../../components/useT';
import { CollectorCommand } from '../../components/collector/CollectorCommand';

/** "Paste everything" inside a tree: each recognised part fills the step that asks for it. */
export function BundleBox({
  tree,
  state,
  vars,
}: {
  tree: TreeId;
  state: WizardState;
  vars: Record<string, string>;
}) {
  const { t } = useT();
  // A failure after the steps are filled shows on the step the wizard is at.
  const { advance } = useAdvance();
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!text.trim()) return;
    setError(null);
    let parts;
    try {
      parts = sectionParts(text, (await parseOffThread(text, 'bundle')).sections);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    const { state: next, filled } = fillFromBundle(TREES[tree], state, parts);
    if (filled.length === 0) {
      setNote(t('collector.nothingFilled'));
      return;
    }
    setText('');
    setNote(t('collector.filled', { count: filled.length }));
    await advance(tree, next);
  };

  return (
    <details className="bundle-box">
      <summary>{t('collector.title')}</summary>
      <CollectorCommand symptom={isSymptomId(tree) ? tree : null} vars={vars} />
      {/* Not a form: the step's own form keeps the only submit button on the page. */}
      <div className="bundle-form">
        <label htmlFor="bundle-in-tree">{t('collector.pasteLabel')}</label>
        <textarea
          id="bundle-in-tree"
          data-testid="paste-everything-tree"
          className="paste"
          rows={5}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="button"
          className="primary"
          disabled={!text.trim()}
          onClick={() => void submit()}
        >
          {t('collector.fill')}
        </button>
        {error && <WorkerFailed error={error} retry={() => void submit()} />}
        {note && (
          <p role="status" className="note">
            {note}
          </p>
        )}
      </div>
    </details>
  );
}
