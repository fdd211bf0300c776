import { useState } from 'react';
import { useT } from './useT';

/** "Start over" asks first: it forgets every answer and paste of this symptom at once. */
export function StartOver({
  onConfirm,
  ask = 'app.startOverAsk',
}: {
  onConfirm(): void;
  /** What the question says will be forgotten. */
  ask?: string;
}) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        className="quiet"
        onClick={() => setAsking(true)}
        data-testid="start-over"
      >
        {t('app.startOver')}
      </button>
    );
  return (
    <span role="group" aria-labelledby="start-over-ask" className="confirm">
      <span id="start-over-ask">{t(ask)}</span>
      <button
        type="button"
        className="danger"
        onClick={onConfirm}
        data-testid="start-over-confirm"
        // The question replaces the button the operator just pressed: keep the focus on it.
        autoFocus
      >
        {t('app.startOverYes')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('app.cancel')}
      </button>
    </span>
  );
}
