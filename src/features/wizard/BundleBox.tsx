import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isSymptomId } from '../../catalog/causes';
import { fillFromBundle, sectionParts } from '../../diagnosis/bundle';
import { type WizardState } from '../../engine/replay';
import { replay } from '../../diagnosis/replay';
import { TREES, type TreeId } from '../../tree';
import { useWizard } from '../../stores/wizard';
import { parseOffThread } from '../../worker/client';
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
  const navigate = useNavigate();
  const load = useWizard((s) => s.load);
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);

  const submit = async () => {
    if (!text.trim()) return;
    const sections = await parseOffThread(text, 'bundle');
    const { state: next, filled } = fillFromBundle(
      TREES[tree],
      state,
      sectionParts(text, sections),
    );
    if (filled.length === 0) {
      setNote(t('collector.nothingFilled'));
      return;
    }
    load(next);
    setText('');
    setNote(t('collector.filled', { count: filled.length }));
    const parsed = await Promise.all(
      Object.entries(next.pastes).map(([n, p]) => (p === null ? [] : parseOffThread(p, n))),
    );
    navigate(`/s/${tree}/${replay(TREES[tree], next, parsed.flat()).current}`);
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
        {note && (
          <p role="status" className="note">
            {note}
          </p>
        )}
      </div>
    </details>
  );
}
