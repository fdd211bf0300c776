/**
 * iptables targets as actions. A target that is a chain of the same table is a jump; the
 * standard and NAT/mark targets are modelled; logging and housekeeping targets let the rule go
 * on; any other extension target stops the walk as unknown.
 */
import { splitHostPort } from '../addr';
import type { Action } from '../program';
import { parseMark } from './matches';
import { msg, type Msg } from '../msg';

/** Targets that do something on the side and let the packet go on to the next rule. */
const SIDE_TARGETS = new Set([
  'LOG',
  'NFLOG',
  'ULOG',
  'TRACE',
  'CHECKSUM',
  'TCPMSS',
  'AUDIT',
  'CLASSIFY',
  'DSCP',
  'TOS',
  'TTL',
  'HL',
  'SET',
  'IDLETIMER',
  'LED',
  'SECMARK',
  'CONNSECMARK',
]);

/** Extension targets the walk does not follow (queues to userspace, tproxy…). */
const OPAQUE_TARGETS = new Set([
  'QUEUE',
  'NFQUEUE',
  'TPROXY',
  'TEE',
  'CLUSTERIP',
  'SYNPROXY',
  'HMARK',
  'NETMAP',
  'RATEEST',
]);

/** Target options as read from the rule: `--to-destination` → its words. */
export type TargetOptions = Map<string, string[]>;

const opt = (o: TargetOptions, ...names: string[]) => {
  for (const n of names) {
    const v = o.get(n);
    if (v) return v[0] ?? '';
  }
  return null;
};

const unknownAction = (text: string, why: Msg): Action => ({
  kind: 'choose',
  text,
  choose: () => ({ unknown: why }),
});

/** A `a[-b][:p[-q]]` NAT range: the first address and port (kube-proxy writes one of each). */
function natTarget(spec: string | null): { address: string | null; port: number | null } | null {
  if (spec === null) return null;
  const direct = splitHostPort(spec);
  if (direct) return direct;
  const portOnly = /^:(\d+)(?:-\d+)?$/.exec(spec);
  if (portOnly) return { address: null, port: Number(portOnly[1]) };
  const ranged = /^([^-\s]+?)(?:-[^:]+)?(?::(\d+)(?:-\d+)?)?$/.exec(spec);
  const first = ranged ? splitHostPort(ranged[1]!) : null;
  if (first) return { address: first.address, port: ranged![2] ? Number(ranged![2]) : null };
  const v6 = /^\[([^\]]+)\](?::(\d+))?/.exec(spec);
  return v6 ? { address: v6[1]!, port: v6[2] ? Number(v6[2]) : null } : null;
}

function markAction(target: 'packet' | 'conntrack', o: TargetOptions, text: string): Action | null {
  const read = (name: string) => {
    const v = opt(o, name);
    return v === null ? null : parseMark(v);
  };
  const xmark = read('--set-xmark');
  if (xmark) {
    const { value, mask } = xmark;
    return { kind: 'mark', target, set: (m) => ((m & ~mask) ^ value) >>> 0, text };
  }
  const setMark = read('--set-mark');
  if (setMark) {
    const { value, mask } = setMark;
    return { kind: 'mark', target, set: (m) => ((m & ~mask) | value) >>> 0, text };
  }
  const or = read('--or-mark');
  if (or) return { kind: 'mark', target, set: (m) => (m | or.value) >>> 0, text };
  const and = read('--and-mark');
  if (and) return { kind: 'mark', target, set: (m) => (m & and.value) >>> 0, text };
  const xor = read('--xor-mark');
  if (xor) return { kind: 'mark', target, set: (m) => (m ^ xor.value) >>> 0, text };
  return null;
}

/** CONNMARK `--save-mark`/`--restore-mark`: copies between packet and connection marks. */
function connmarkCopy(o: TargetOptions, text: string): Action | null {
  const save = o.has('--save-mark');
  if (!save && !o.has('--restore-mark')) return null;
  const nfmask = parseMark(opt(o, '--nfmask') ?? '0xffffffff')?.value ?? 0xffffffff;
  const ctmask =
    parseMark(opt(o, '--ctmask') ?? opt(o, '--mask') ?? '0xffffffff')?.value ?? 0xffffffff;
  return {
    kind: 'choose',
    text,
    choose: (p) => [
      {
        probability: 1,
        action: save
          ? {
              kind: 'mark',
              target: 'conntrack',
              set: (c) => ((c & ~ctmask) | (p.mark & nfmask)) >>> 0,
              text,
            }
          : {
              kind: 'mark',
              target: 'packet',
              set: (m) => ((m & ~nfmask) | (p.ctmark & ctmask)) >>> 0,
              text,
            },
      },
    ],
  };
}

/**
 * The actions of `-j target [options]` (or `-g chain`). `isChain` says whether the table has a
 * chain of that name; `text` is the target as written, for the hop.
 */
export function targetActions(
  target: string,
  goto: boolean,
  o: TargetOptions,
  isChain: (name: string) => boolean,
  text: string,
): Action[] {
  if (goto) return [{ kind: 'goto', chain: target }];
  if (isChain(target)) return [{ kind: 'jump', chain: target }];
  switch (target) {
    case 'ACCEPT':
      return [{ kind: 'accept' }];
    case 'DROP':
      return [{ kind: 'drop' }];
    case 'RETURN':
      return [{ kind: 'return' }];
    case 'REJECT':
      return [{ kind: 'reject', with: opt(o, '--reject-with') ?? 'icmp-port-unreachable' }];
    case 'DNAT': {
      const to = natTarget(opt(o, '--to-destination', '--to'));
      if (!to) return [unknownAction(text, msg('walk.unknown.dnatUnread', { text }))];
      return [{ kind: 'dnat', address: to.address, port: to.port }];
    }
    case 'SNAT': {
      const to = natTarget(opt(o, '--to-source', '--to'));
      return [{ kind: 'snat', address: to?.address ?? null }];
    }
    case 'MASQUERADE':
      return [{ kind: 'masquerade' }];
    case 'REDIRECT': {
      const ports = opt(o, '--to-ports', '--redir-ports');
      return [
        {
          kind: 'redirect',
          port: ports === null ? null : Number(/^\d+/.exec(ports)?.[0] ?? NaN) || null,
        },
      ];
    }
    case 'MARK': {
      const a = markAction('packet', o, text);
      return [a ?? unknownAction(text, msg('walk.unknown.markChangeUnread', { text }))];
    }
    case 'CONNMARK': {
      const a = markAction('conntrack', o, text) ?? connmarkCopy(o, text);
      return [a ?? unknownAction(text, msg('walk.unknown.markChangeUnread', { text }))];
    }
  }
  if (SIDE_TARGETS.has(target)) return [{ kind: 'continue', text }];
  // raw's notrack: the packet leaves conntrack (no nat for it); other CT options only tune it.
  if (target === 'NOTRACK' || (target === 'CT' && o.has('--notrack')))
    return [{ kind: 'notrack', text }];
  if (target === 'CT') return [{ kind: 'continue', text }];
  if (OPAQUE_TARGETS.has(target))
    return [unknownAction(text, msg('walk.unknown.targetNotFollowed', { target, text }))];
  // Not a built-in target: a chain the paste does not hold; the engine says so.
  return [{ kind: 'jump', chain: target }];
}
