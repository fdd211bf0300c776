import { lazy, Suspense, useRef, useState } from 'react';
import type { WizardState } from '../../engine/replay';
import type { TreeId } from '../../tree';
import { useT } from '../useT';

// The dialog (codec, redaction) loads only when the operator opens it.
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));

/** "Share" on every wizard step: opens the share dialog for the state at this step. */
export function ShareButton(props: { tree: TreeId; node: string; state: WizardState }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-testid="share-open"
      >
        {t('share.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog
            {...props}
            onClose={() => {
              setOpen(false);
              opener.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
