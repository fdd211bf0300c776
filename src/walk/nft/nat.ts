import type { Action } from '../program';
import { mapAction, natTarget, unknownAction } from './actions';
import type { RuleContext } from './context';
import { action, type Cursor, type Item } from './cursor';
import { readKey, readSource } from './relations';
import { readSelector } from './selectors';
import { msg } from '../msg';

const NAT_FLAGS = /^(?:persistent|random|fully-random)(?:,(?:persistent|random|fully-random))*$/;

function skipFlags(c: Cursor) {
  while (NAT_FLAGS.test(c.word() ?? '')) c.i++;
}

/** `dnat to 10.0.0.1:80`, `dnat ip to …`, `dnat to ip daddr map { … }`, `snat to 1.2.3.4`. */
export function readNat(c: Cursor, kind: 'dnat' | 'snat', ctx: RuleContext): Item {
  const from = c.i;
  c.i++;
  if (/^(?:ip6?|inet)$/.test(c.word() ?? '')) c.i++;
  // `dnat ip addr . port to …`: the map's values are an address and a port.
  const concat = c.word() === 'addr' && c.word(c.i + 1) === '.' && c.word(c.i + 2) === 'port';
  if (concat) c.i += 3;
  if (c.word() !== 'to') return c.unknownAction(msg('walk.unknown.nftNat', { kind }), from);
  c.i++;
  const toAction = (target: string): Action | null => {
    const t = natTarget(target);
    if (!t) return null;
    return kind === 'dnat'
      ? { kind, address: t.address, port: t.port }
      : { kind, address: t.address };
  };
  const mapKey = readSelector(c.tokens, c.i) ? readKey(c) : null;
  if (mapKey) {
    if (c.word() !== 'map') return c.unknownAction(msg('walk.unknown.nftNat', { kind }), from);
    c.i++;
    const source = readSource(c, mapKey, ctx);
    skipFlags(c);
    const text = c.text(from);
    if (!source) return action(unknownAction(text, msg('walk.unknown.nftNatMap')));
    return action(mapAction(mapKey, source, text, (e) => toAction(e.value ?? '')));
  }
  let target = c.word() ?? '';
  c.i++;
  if (concat && c.word() === '.') {
    target = `${target} . ${c.word(c.i + 1) ?? ''}`;
    c.i += 2;
  }
  skipFlags(c);
  return action(
    toAction(target) ?? unknownAction(c.text(from), msg('walk.unknown.nftNat', { kind })),
  );
}

/** `masquerade`, `masquerade to :1024-65535 fully-random`. */
export function readMasquerade(c: Cursor): Item {
  c.i++;
  if (c.word() === 'to' && /^:/.test(c.word(c.i + 1) ?? '')) c.i += 2;
  skipFlags(c);
  return action({ kind: 'masquerade' });
}

/** `redirect`, `redirect to :8443`. */
export function readRedirect(c: Cursor): Item {
  const from = c.i;
  c.i++;
  let port: number | null = null;
  if (c.word() === 'to') {
    const m = /^:?(\d+)$/.exec(c.word(c.i + 1) ?? '');
    c.i += 2;
    if (!m)
      return action(unknownAction(c.text(from), msg('walk.unknown.nftNat', { kind: 'redirect' })));
    port = Number(m[1]);
  }
  skipFlags(c);
  return action({ kind: 'redirect', port });
}

/** `reject`, `reject with icmpx type admin-prohibited`, `reject with tcp reset`. */
export function readReject(c: Cursor, family: string): Item {
  const from = c.i;
  c.i++;
  if (c.word() !== 'with') {
    // nft's default: port unreachable in the family's ICMP.
    const icmp = family === 'ip6' ? 'icmpv6' : family === 'inet' ? 'icmpx' : 'icmp';
    return action({ kind: 'reject', with: `${icmp} type port-unreachable` });
  }
  const start = ++c.i;
  if (c.word() === 'tcp' && c.word(c.i + 1) === 'reset') c.i += 2;
  else if (/^icmp(?:v6|x)?$/.test(c.word() ?? '')) c.i += c.word(c.i + 1) === 'type' ? 3 : 2;
  else return c.unknownAction(msg('walk.unknown.nftReject'), from);
  return action({ kind: 'reject', with: c.text(start) });
}
