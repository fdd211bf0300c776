import { splitHostPort } from '../addr';
import type { Action, Choice, PacketState } from '../program';
import type { TableContext } from './context';
import { lookup, type Key, type Source } from './matches';
import type { WrittenElement } from './tokens';
import { about, msg, type Msg } from '../msg';

/** An action that cannot be decided: the branch ends as unknown with the reason. */
export function unknownAction(text: string, why: Msg): Action {
  return { kind: 'choose', text, choose: () => ({ unknown: about(why, text) }) };
}

/** `jump X` / `goto X`; a chain the paste does not hold ends the branch as unknown. */
export function chainAction(kind: 'jump' | 'goto', chain: string, ctx: TableContext): Action {
  return ctx.hasChain(chain)
    ? { kind, chain }
    : unknownAction(
        `${kind} ${chain}`,
        msg('walk.unknown.nftMissingChain', { chain, table: ctx.tableKey }),
      );
}

/** A map's verdict (`goto service-…`, `drop`, `accept`) as an action; null when it is not one. */
export function verdictAction(text: string, ctx: TableContext): Action | null {
  const t = text.trim();
  if (t === 'accept' || t === 'drop' || t === 'return') return { kind: t };
  if (t === 'continue') return { kind: 'continue', text: t };
  const m = /^(jump|goto)\s+"?([^"\s]+)"?$/.exec(t);
  if (m) return chainAction(m[1] as 'jump' | 'goto', m[2]!, ctx);
  return null;
}

/**
 * `… vmap @service-ips`, `… vmap { tcp : accept }`: the element the packet's key finds decides;
 * no element, and the rule does nothing.
 */
export function verdictMap(key: Key, source: Source, text: string, ctx: TableContext): Action {
  return mapAction(key, source, text, (e) => verdictAction(e.value ?? '', ctx));
}

/** A lookup whose element's value becomes the action (`vmap`, `dnat to … map`). */
export function mapAction(
  key: Key,
  source: Source,
  text: string,
  toAction: (e: WrittenElement) => Action | null,
): Action {
  const numgen = key.parts.length === 1 ? key.parts[0]!.selector.numgen : undefined;
  if (numgen && 'index' in source) {
    // Each number of `numgen random mod N` is equally likely: an element gets its count / N.
    const choices: Choice[] = [];
    let rest = 1;
    const chosen = new Map<WrittenElement, number>();
    for (let n = 0n; n < numgen.mod; n++) {
      const found = source.index.lookup([{ value: n + numgen.offset }]);
      if (found !== null && 'unknown' in found) return unknownAction(text, found.unknown);
      if (found) chosen.set(found.element, (chosen.get(found.element) ?? 0) + 1);
    }
    for (const [element, count] of chosen) {
      const action = toAction(element);
      if (!action)
        return unknownAction(text, msg('walk.unknown.mapValue', { value: element.value ?? '' }));
      const probability = count / Number(numgen.mod);
      choices.push({ probability, action });
      rest -= probability;
    }
    // The numbers without an element: the lookup misses and the rule ends there.
    if (rest > 1e-9)
      choices.push({ probability: rest, action: { kind: 'choose', text, choose: () => [] } });
    return { kind: 'choose', text, choose: () => choices };
  }
  return {
    kind: 'choose',
    text,
    choose(p: PacketState) {
      const found = lookup(source, key, p);
      if (found === null) return [];
      if ('unknown' in found) return found;
      const action = toAction(found.element);
      if (!action)
        return {
          unknown: about(msg('walk.unknown.mapValue', { value: found.element.value ?? '' }), text),
        };
      return [{ probability: 1, action }];
    },
  };
}

/** `10.0.0.1:80`, `[fd00::1]:80`, `10.0.0.1 . 80` (a map's concatenated value). */
export function natTarget(text: string): { address: string; port: number | null } | null {
  const parts = text.trim().split(/\s+\.\s+/);
  if (parts.length === 2 && /^\d+$/.test(parts[1]!)) {
    const a = splitHostPort(parts[0]!);
    return a && a.port === null ? { address: a.address, port: Number(parts[1]) } : null;
  }
  return parts.length === 1 ? splitHostPort(parts[0]!) : null;
}
