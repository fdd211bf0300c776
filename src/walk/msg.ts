/**
 * The walk's user-visible messages are language-neutral: an i18n key under `walk.note.*` or
 * `walk.unknown.*` and its parameters. Rule and match text stay parameters (code, not prose);
 * the wizard and the CLI translate them where they are shown.
 */
import type { Msg } from '../i18n/msg';

export type { Msg };

export type WalkKey = `walk.note.${string}` | `walk.unknown.${string}`;

export function msg(key: WalkKey, params?: Msg['params']): Msg {
  return params ? { key, params } : { key };
}

/** A reason with the statement it is about added as `text` (nft's unknown statements). */
export function about(why: Msg, text: string): Msg {
  return { key: why.key, params: { ...why.params, text } };
}

/** Identity of a message, for dedupe: key and parameters in key order. */
export function msgId(m: Msg): string {
  const params = Object.entries(m.params ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([m.key, params]);
}

/** Messages less repeats (same key and parameters), first kept. */
export function uniqueMsgs(list: readonly Msg[]): Msg[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const id = msgId(m);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
