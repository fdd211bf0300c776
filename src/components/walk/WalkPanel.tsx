import { useEffect, useId, useState } from 'react';
import type { WalkSpec } from '../../engine/replay';
import { addrBits } from '../../walk/addr';
import { packetText, parsePacket } from '../../walk/packet';
import type { Packet } from '../../walk/types';
import type { WalkOutcome } from '../../worker/protocol';
import { walkOffThread } from '../../worker/client';
import type { Sources } from '../diagnosis/EvidenceList';
import { Markdownish } from '../Markdownish';
import { useT } from '../useT';
import { WalkResultView } from './WalkResultView';

interface Props {
  /** The pastes whose rules the packet walks (one node's), by source. */
  texts: { text: string; source: string }[];
  /** The walk kept for this step, if any: it is walked again on opening. */
  spec: WalkSpec | null;
  /** A packet to start from, built from the answers. */
  suggested: string;
  sources: Sources;
  /** Keeps the walk with the work (absent when read-only: a received link). */
  onSave?(spec: WalkSpec | null): void;
  /** The rules and the packet came from a redacted link: their addresses are stand-ins. */
  redacted?: boolean;
}

/**
 * A packet to start from, from the answers: to the NodePort on the failing node (its address
 * when the answer is one), or to the ClusterIP; from a client outside the cluster (TEST-NET).
 */
export function suggestPacket(vars: Record<string, string>): string {
  const node = vars.node && addrBits(vars.node) ? vars.node : 'NODE_IP';
  if (vars.port) return `tcp 192.0.2.10:40000 -> ${node}:${vars.port}`;
  if (vars.vip && vars.vport) return `tcp 192.0.2.10:40000 -> ${vars.vip}:${vars.vport}`;
  return `tcp 192.0.2.10:40000 -> ${node}:PORT`;
}

/** The packet, its options and the node's addresses, as the walk needs them; or what is wrong. */
export function packetOf(spec: WalkSpec): { packet: Packet; addresses: string[] | null } | null {
  const packet = parsePacket(spec.packet, { inIface: spec.iface || null, local: !!spec.local });
  if (!packet) return null;
  const list = (spec.addresses ?? '')
    .split(/[\s,]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
  if (list.some((a) => !addrBits(a))) return null;
  return { packet, addresses: list.length > 0 ? list : null };
}

/**
 * "Walk a packet": one packet followed through the rules pasted at this step, in the worker,
 * with the verdict, the endpoints and every rule it passed shown in its paste.
 */
export function WalkPanel({ texts, spec, suggested, sources, onSave, redacted }: Props) {
  const { t } = useT();
  const id = useId();
  const [form, setForm] = useState<WalkSpec>(spec ?? { packet: suggested });
  const [asked, setAsked] = useState<WalkSpec | null>(spec);
  const key = texts.map((x) => `${x.source}:${x.text.length}`).join('|');
  // The answer to one question (this packet through these texts); another question waits.
  const [answer, setAnswer] = useState<{
    asked: WalkSpec;
    key: string;
    got: { outcome: WalkOutcome } | { error: string };
  } | null>(null);
  const read = packetOf(form);
  const packetOk = !!parsePacket(form.packet);

  useEffect(() => {
    const p = asked && packetOf(asked);
    if (!asked || !p) return;
    let alive = true;
    const done = (got: { outcome: WalkOutcome } | { error: string }) =>
      alive && setAnswer({ asked, key, got });
    walkOffThread(texts, p.packet, p.addresses).then(
      (outcome) => done({ outcome }),
      (e: unknown) => done({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      alive = false;
    };
    // `key` stands for the texts (a 6 MB dump is not compared on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked, key]);
  const current = answer && answer.asked === asked && answer.key === key ? answer.got : null;
  const walking = !!asked && !!packetOf(asked) && !current;
  const run = () => {
    if (!read) return;
    // Kept as the operator wrote it, normalised: the link carries it as the walk read it.
    const saved: WalkSpec = { ...form, packet: packetText(read.packet) };
    setForm(saved);
    setAsked(saved);
    onSave?.(saved);
  };

  const readOnly = !onSave;
  return (
    <section className="walk-panel" data-testid="walk-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('walk.title')}</h2>
      <p className="muted">{t('walk.intro')}</p>
      {readOnly ? (
        asked && (
          <p>
            <code data-testid="walk-packet">{asked.packet}</code>
          </p>
        )
      ) : (
        // Not a form: the step's own form keeps the page's one submit button (Continue); Enter in
        // a field of this group walks the packet.
        <div
          className="walk-form"
          role="group"
          aria-label={t('walk.run')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
              e.preventDefault();
              run();
            }
          }}
        >
          <label htmlFor={`${id}-packet`}>{t('walk.packet')}</label>
          <input
            id={`${id}-packet`}
            className="walk-packet"
            data-testid="walk-packet-input"
            value={form.packet}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={!packetOk}
            aria-describedby={`${id}-packet-hint`}
            onChange={(e) => setForm({ ...form, packet: e.target.value })}
          />
          <p id={`${id}-packet-hint`} className={packetOk ? 'hint' : 'hint invalid'}>
            <Markdownish text={t(packetOk ? 'walk.packetHint' : 'walk.packetInvalid')} />
          </p>
          <label htmlFor={`${id}-addresses`}>{t('walk.nodeAddresses')}</label>
          <input
            id={`${id}-addresses`}
            data-testid="walk-addresses-input"
            value={form.addresses ?? ''}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-addresses-hint`}
            onChange={(e) => setForm({ ...form, addresses: e.target.value })}
          />
          <p id={`${id}-addresses-hint`} className="hint">
            <Markdownish text={t('walk.nodeAddressesHint')} />
          </p>
          <div className="row">
            <label htmlFor={`${id}-iface`}>{t('walk.inIface')}</label>
            <input
              id={`${id}-iface`}
              className="walk-iface"
              value={form.iface ?? ''}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setForm({ ...form, iface: e.target.value.trim() })}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={!!form.local}
                onChange={(e) => {
                  const next: WalkSpec = { ...form };
                  if (e.target.checked) next.local = true;
                  else delete next.local;
                  setForm(next);
                }}
              />{' '}
              {t('walk.local')}
            </label>
          </div>
          <button type="button" data-testid="walk-run" disabled={!read} onClick={run}>
            {t('walk.run')}
          </button>
        </div>
      )}
      <div aria-live="polite">
        {walking && <p className="muted">{t('walk.walking')}</p>}
        {current && 'error' in current && (
          <p role="alert">{t('walk.failed', { error: current.error })}</p>
        )}
        {redacted && current && 'outcome' in current && (
          <p className="note" data-testid="walk-redacted">
            {t('walk.redacted')}
          </p>
        )}
        {current &&
          'outcome' in current &&
          (current.outcome.result ? (
            <WalkResultView
              result={current.outcome.result}
              addresses={current.outcome.addresses}
              sources={sources}
            />
          ) : (
            <p className="note">
              <Markdownish text={t('walk.noRules')} />
            </p>
          ))}
      </div>
    </section>
  );
}
