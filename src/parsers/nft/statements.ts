import type { NftRule, NftVerdict } from './facts';

/** What one rule's statements say: the rule model's fields a rule line holds itself. */
export type RuleReading = Pick<
  NftRule,
  'body' | 'verdict' | 'dport' | 'proto' | 'daddr' | 'comment' | 'packets' | 'handle'
>;

const HANDLE = /\s*#\s*handle\s+(\d+)\s*$/;
// nft quotes a comment with "…"; a quote inside is escaped.
const COMMENT = /\s*\bcomment\s+"((?:[^"\\]|\\.)*)"/;
const COUNTER = /\s*\bcounter\s+packets\s+(\d+)\s+bytes\s+\d+/;
// iptables-nft 1.8.8+ and nft print protocol numbers where the name is unknown to them.
const PROTO_NUMBERS: Record<string, string> = {
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '132': 'sctp',
};

const VERDICTS: [RegExp, (m: RegExpExecArray) => NftVerdict][] = [
  [/\bvmap\s+(@\S+|\{.*\})$/, (m) => verdict('vmap', m[1]!.startsWith('@') ? m[1]! : null)],
  [/\b(jump|goto)\s+("(?:[^"\\]|\\.)*"|\S+)$/, (m) => verdict(m[1] as 'jump', unquote(m[2]!))],
  [/\b(accept|drop|return|continue)$/, (m) => verdict(m[1] as 'accept', null)],
  [/\breject(?:\s+with\s+\S+(?:\s+type)?\s+\S+)?$/, () => verdict('reject', null)],
  [
    /\b(dnat|snat)(?:\s+(?:ip6?|inet))?\s+to\s+(\S+)(?:\s+[\w-]+)*$/,
    (m) => verdict(m[1] as 'dnat', m[2]!),
  ],
  [/\bmasquerade(?:\s+to\s+\S+)?(?:\s+[\w,-]+)*$/, () => verdict('masquerade', null)],
  [/\bredirect(?:\s+to\s+(\S+))?(?:\s+[\w-]+)*$/, (m) => verdict('redirect', m[1] ?? null)],
  [/\bqueue\b.*$/, () => verdict('queue', null)],
  // nft -j shows an iptables-nft target it cannot translate as `xt target "DNAT"`.
  [
    /\bxt target "(DNAT|SNAT|MASQUERADE|REJECT|REDIRECT)"$/,
    (m) => verdict(m[1]!.toLowerCase() as 'dnat', null),
  ],
];

function verdict(kind: NftVerdict['kind'], target: string | null): NftVerdict {
  return { kind, target };
}

export function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') && s.length >= 2
    ? s.slice(1, -1).replace(/\\(.)/g, '$1')
    : s;
}

/** Reads the statements of one rule line (`nft list` text, or a JSON rule rendered as text). */
export function readStatements(line: string): RuleReading {
  let s = line.trim();
  let handle: number | null = null;
  const h = HANDLE.exec(s);
  if (h) {
    handle = Number(h[1]);
    s = s.slice(0, h.index);
  }
  let comment: string | null = null;
  const c = COMMENT.exec(s);
  if (c) {
    comment = c[1]!.replace(/\\(.)/g, '$1');
    s = s.slice(0, c.index) + s.slice(c.index + c[0].length);
  }
  let packets: number | null = null;
  const k = COUNTER.exec(s);
  if (k) {
    packets = Number(k[1]);
    s = s.slice(0, k.index) + s.slice(k.index + k[0].length);
  }
  // iptables-nft leaves double blanks where a match it cannot print was.
  const body = s.replace(/\s+/g, ' ').trim();
  return {
    body,
    verdict: verdictOf(body),
    ...ports(body),
    daddr: /\bip6?\s+daddr\s+([0-9A-Fa-f:.]+(?:\/\d+)?)(?=\s|$)/.exec(body)?.[1] ?? null,
    comment,
    packets,
    handle,
  };
}

function verdictOf(body: string): NftVerdict | null {
  for (const [re, make] of VERDICTS) {
    const m = re.exec(body);
    if (m) return make(m);
  }
  return null;
}

function ports(body: string): { dport: string | null; proto: string | null } {
  const d = /\b(tcp|udp|sctp|dccp|th)\s+dport\s+(?:(!=)\s+)?(\{[^}]*\}|\S+)/.exec(body);
  const dport = d ? (d[2] ? `!= ${d[3]}` : d[3]!) : null;
  const named =
    /\bmeta\s+l4proto\s+(\w+)\b/.exec(body)?.[1] ??
    /\bip\s+protocol\s+(\w+)\b/.exec(body)?.[1] ??
    /\bip6\s+nexthdr\s+(\w+)\b/.exec(body)?.[1] ??
    (d && d[1] !== 'th' ? d[1] : null);
  const proto = named ? (PROTO_NUMBERS[named] ?? named) : null;
  return { dport, proto };
}
