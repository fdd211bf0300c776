import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { WizardState } from '../../engine/replay';
import { useWizard } from '../../stores/wizard';
import { useT } from '../../components/useT';
import { decodeShare, type Decoded, type ShareError } from '../../share/codec';
import type { SharePayload } from '../../share/schema';
import { SharedView } from './SharedView';
import '../../components/share/share.css';

/**
 * `#/share/v1.…`: decodes the link and opens it. A full link opens straight in the wizard when
 * the receiver has no other work on that symptom; otherwise (or without raw output) it is
 * shown read-only. A broken link says why and changes nothing.
 */
export function SharedLink() {
  const { t } = useT();
  const { pathname } = useLocation();
  const raw = pathname.replace(/^\/share\/?/, '');
  const [decoded, setDecoded] = useState<{ raw: string; result: Decoded } | null>(null);
  useEffect(() => {
    let alive = true;
    let token = raw;
    try {
      token = decodeURIComponent(raw); // a chat tool may have percent-encoded it
    } catch {
      /* keep it as it is: the decoder says what is wrong with it */
    }
    void decodeShare(token).then((result) => alive && setDecoded({ raw, result }));
    return () => {
      alive = false;
    };
  }, [raw]);

  if (!decoded || decoded.raw !== raw)
    return <p className="muted">{t('share.received.opening')}</p>;
  if (!decoded.result.ok) return <BrokenLink error={decoded.result.error} />;
  return <Received payload={decoded.result.payload} />;
}

function Received({ payload }: { payload: SharePayload }) {
  const { t } = useT();
  const navigate = useNavigate();
  const own = useWizard((s) => s.byTree[payload.tree]);
  const shared = useMemo<WizardState>(
    () => ({
      tree: payload.tree,
      answers: payload.answers,
      pastes: payload.pastes,
      ...(payload.walks ? { walks: payload.walks } : {}),
      ...(payload.good ? { good: payload.good } : {}),
    }),
    [payload],
  );
  const adopt = () => {
    useWizard.getState().load(payload.redacted ? { ...shared, redacted: true } : shared);
    navigate(`/s/${payload.tree}/${payload.node}`, { replace: true });
  };
  // Nothing of the receiver's would be replaced: open it in the wizard right away. A redacted
  // link first says so: its addresses and names are stand-ins, not values to act on.
  const mine = !!own && !isEmpty(own) && !sameState(own, shared);
  const free = !payload.omitted && !payload.redacted && !mine;
  useEffect(() => {
    if (free) adopt();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the link opens
  }, [free]);

  if (free) return <p className="muted">{t('share.received.opening')}</p>;
  return (
    <SharedView payload={payload} onAdopt={payload.omitted ? undefined : adopt} conflict={mine} />
  );
}

const ERROR_KEYS: Record<ShareError['code'], string> = {
  empty: 'share.error.empty',
  corrupt: 'share.error.corrupt',
  version: 'share.error.version',
  'too-large': 'share.error.tooLarge',
  invalid: 'share.error.invalid',
};

function BrokenLink({ error }: { error: ShareError }) {
  const { t } = useT();
  return (
    <div className="panel" data-testid="share-error">
      <h1>{t('share.error.title')}</h1>
      <p role="alert">
        {t(ERROR_KEYS[error.code], error.code === 'version' ? { version: error.version } : {})}
      </p>
      {error.code === 'invalid' && (
        <p className="muted">
          <code>{error.why}</code>
        </p>
      )}
      <p>{t('share.error.safe')}</p>
      <Link to="/">{t('share.received.start')}</Link>
    </div>
  );
}

const isEmpty = (s: WizardState) =>
  Object.keys(s.answers).length === 0 && Object.keys(s.pastes).length === 0;

function sameState(a: WizardState, b: WizardState): boolean {
  const same = (x: Record<string, unknown>, y: Record<string, unknown>) =>
    Object.keys(x).length === Object.keys(y).length &&
    Object.entries(x).every(([k, v]) => Object.hasOwn(y, k) && y[k] === v);
  return (
    same(a.answers, b.answers) &&
    same(a.pastes, b.pastes) &&
    same(a.good?.pastes ?? {}, b.good?.pastes ?? {})
  );
}
