import type { Action, Match, Rule } from '../program';
import { chainAction, unknownAction } from './actions';
import type { RuleContext } from './context';
import { action, Cursor, match, type Item } from './cursor';
import { readMarkSet } from './marks';
import { unknownMatch } from './matches';
import { readMasquerade, readNat, readRedirect, readReject } from './nat';
import { readKey, relationOrMap } from './relations';
import { tokenize, tokenText } from './tokens';
import { msg } from '../msg';

const LIMIT_WORDS = /^(?:rate|over|until|burst|packets|bytes|\d+(?:\/\w+)?|[kmg]?bytes\/\w+)$/;

/** A rule's statements as matches (all must hold) and the actions run in order after them. */
export function compileRule(body: string, ctx: RuleContext): Pick<Rule, 'matches' | 'actions'> {
  const c = new Cursor(tokenize(body));
  const items: Item[] = [];
  while (!c.done) items.push(statement(c, ctx));
  return order(resolveLimits(items));
}

/** One statement from where the cursor is, the cursor moved past it. */
function statement(c: Cursor, ctx: RuleContext): Item {
  const from = c.i;
  const w = c.word();
  switch (w) {
    case 'counter':
      c.i++;
      if (c.word() === 'packets') c.i += 4;
      else if (c.word() === 'name') c.i += 2;
      return action({ kind: 'continue', text: 'counter' }, true);
    case 'log':
      c.i++;
      while (/^(?:prefix|level|flags|group|snaplen|queue-threshold)$/.test(c.word() ?? ''))
        c.i += c.word() === 'flags' && /^(?:tcp|ip)$/.test(c.word(c.i + 1) ?? '') ? 3 : 2;
      return action({ kind: 'continue', text: c.text(from) }, true);
    case 'notrack':
      c.i++;
      return action({ kind: 'notrack', text: 'notrack' }, true);
    case 'accept':
    case 'drop':
    case 'return':
      c.i++;
      return action({ kind: w });
    case 'continue':
      c.i++;
      return action({ kind: 'continue', text: 'continue' });
    case 'jump':
    case 'goto': {
      const target = c.tokens[c.i + 1];
      c.i += 2;
      if (!target) return action(unknownAction(w, msg('walk.unknown.nftNoChain')));
      const name = target.kind === 'string' ? target.text : tokenText(target);
      return action(chainAction(w, name, ctx));
    }
    case 'reject':
      return readReject(c, ctx.family);
    case 'dnat':
    case 'snat':
      return readNat(c, w, ctx);
    case 'masquerade':
      return readMasquerade(c);
    case 'redirect':
      return readRedirect(c);
    case 'limit':
      c.i++;
      while (!c.done && LIMIT_WORDS.test(c.word() ?? '')) c.i++;
      return { kind: 'limit', text: c.text(from) };
    case 'update':
    case 'add':
    case 'delete':
      if (c.word(c.i + 1)?.startsWith('@') && c.tokens[c.i + 2]?.kind === 'group') {
        c.i += 3;
        const text = c.text(from);
        // A set filled from the packet affects later packets; a meter inside it decides this one.
        return /\b(?:limit|quota|ct count)\b/.test(text)
          ? match(unknownMatch(text, msg('walk.unknown.nftMeter')))
          : action({ kind: 'continue', text }, true);
      }
      return c.unknownMatch(msg('walk.unknown.nftStatement'));
    case 'flow':
      if (/^(?:add|offload)$/.test(c.word(c.i + 1) ?? '')) {
        c.i += 3;
        return action({ kind: 'continue', text: c.text(from) }, true);
      }
      return c.unknownMatch(msg('walk.unknown.nftStatement'));
    case 'queue':
      // A verdict: a userspace program decides.
      c.i = c.tokens.length;
      return action(unknownAction(c.text(from), msg('walk.unknown.nftQueue')));
    case 'tproxy':
    case 'dup':
    case 'fwd':
    case 'synproxy':
      return c.unknownAction(msg('walk.unknown.nftElsewhere'));
    case 'xt': {
      // iptables-nft's extension that nft cannot print: what it matches or does is not known.
      c.i += 3;
      const why = msg('walk.unknown.nftXt');
      return c.word(from + 1) === 'target'
        ? action(unknownAction(c.text(from), why))
        : match(unknownMatch(c.text(from), why));
    }
    case 'mark':
      if (c.word(c.i + 1) === 'set') return readMarkSet(c, 'packet', 2);
      break;
    case 'meta':
      if (c.word(c.i + 1) === 'mark' && c.word(c.i + 2) === 'set')
        return readMarkSet(c, 'packet', 3);
      break;
    case 'ct':
      if (c.word(c.i + 1) === 'mark' && c.word(c.i + 2) === 'set')
        return readMarkSet(c, 'conntrack', 3);
      break;
  }
  const key = readKey(c);
  if (!key) {
    c.i = from;
    return c.unknownMatch(msg('walk.unknown.nftStatement'));
  }
  return relationOrMap(c, key, from, ctx);
}

/**
 * A rate limit decides nothing when the rule only logs or counts; otherwise whether the packet
 * is within the rate cannot be told from one packet.
 */
function resolveLimits(items: Item[]): Item[] {
  const onlyPassive = items.every((it) => it.kind !== 'action' || it.passive);
  return items.map((it) => {
    if (it.kind !== 'limit') return it;
    return onlyPassive
      ? action({ kind: 'continue', text: `${it.text} (only limits logging)` }, true)
      : match(unknownMatch(it.text, msg('walk.unknown.nftLimit')));
  });
}

/**
 * Matches before the first action, and those after passive actions only, are the rule's matches;
 * a match after a mark or NAT statement must see its effect, so it runs in its place as a guard.
 */
function order(items: Item[]): Pick<Rule, 'matches' | 'actions'> {
  const matches: Match[] = [];
  const actions: Action[] = [];
  let changed = false;
  for (const it of items) {
    if (it.kind === 'action') {
      actions.push(it.action);
      if (!it.passive) changed = true;
    } else if (it.kind === 'match') {
      if (!changed) matches.push(it.match);
      else actions.push(guard(it.match));
    }
  }
  return { matches, actions };
}

function guard(m: Match): Action {
  return {
    kind: 'choose',
    text: m.text,
    choose(p) {
      const r = m.test(p);
      if (r === true) return [{ probability: 1, action: { kind: 'continue', text: m.text } }];
      // A failed match ends the rule, as nft's does: an empty choice.
      if (r === false) return [];
      return 'unknown' in r ? r : { unknown: msg('walk.unknown.nftRandomAfter', { text: m.text }) };
    },
  };
}
