import { useT } from './useT';

/** The worker failed or stopped: say so, and offer to ask again (never a step stuck "Reading…"). */
export function WorkerFailed({ error, retry }: { error: string; retry(): void }) {
  const { t } = useT();
  return (
    <div role="alert" className="panel error" data-testid="worker-failed">
      <p>{t('worker.failed', { error })}</p>
      <button type="button" className="primary" onClick={retry} data-testid="worker-retry">
        {t('worker.retry')}
      </button>
    </div>
  );
}
