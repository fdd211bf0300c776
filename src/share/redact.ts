/**
 * Replaces addresses, host names, MACs and secret-looking values by stand-ins of the same
 * shape, consistently: one redactor per link, so a value gets the same stand-in in every paste
 * and answer and the diagnosis still reads right. Numbers that are not addresses (ports,
 * counters, versions, sysctl values, iptables chain hashes) are left alone.
 */
export type RedactKind = 'ipv4' | 'ipv6' | 'mac' | 'host' | 'secret';

export interface Replacement {
  kind: RedactKind;
  from: string;
  to: string;
}

export interface Redactor {
  text(s: string): string;
  /** Originals and their stand-ins, in order of first use: for the sender's eyes only. */
  replacements(): Replacement[];
}

interface Matcher {
  kind: RedactKind;
  re: RegExp;
  /** Key for the stand-in table (null: leave this match alone). */
  key(m: string): string | null;
  make(m: string, n: number): string;
}

// What may follow an address: not a word or another number, but a sentence's full stop, a
// `:port`, or tcpdump's `.port` (`10.0.0.5.52144 > 10.0.0.9.31710:`). An IPv6 address is not
// followed by a colon (that would be a longer address).
const END4 = '(?=$|[^\\w.]|\\.(?!\\w)|\\.\\d{1,5}(?![\\w.]))';
const END6 = '(?=$|[^\\w.:]|\\.(?!\\w)|\\.\\d{1,5}(?![\\w.]))';
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(
  `(?<![\\w.])(?<![A-Za-z]/)(?:${OCTET}\\.){3}${OCTET}(?:/(?:3[0-2]|[12]?\\d))?${END4}`,
  'g',
);
const H = '[0-9a-f]{1,4}';
const IPV6 = new RegExp(
  `(?<![\\w:.])(?:(?:${H}:){7}${H}|(?:${H}:){1,7}:|(?:${H}:){1,6}:${H}|(?:${H}:){1,5}(?::${H}){1,2}|(?:${H}:){1,4}(?::${H}){1,3}|(?:${H}:){1,3}(?::${H}){1,4}|(?:${H}:){1,2}(?::${H}){1,5}|${H}:(?::${H}){1,6}|:(?:(?::${H}){1,7}|:))(?:/\\d{1,3})?${END6}`,
  'gi',
);
const MAC = /(?<![\w:.-])[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}(?![\w:-]|\.\w)/gi;
const FQDN =
  /(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24})(?![\w-]|\.[a-z0-9])/gi;
const NODE_LIKE =
  /(?<![\w.-])(?:ip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}|(?:k8s|kube)-(?:node|master|worker|minion)(?:-?\d+)?|(?:node|master|worker|minion)-?\d+)(?![\w-]|\.[a-z0-9])/g;
/** Secret-looking values; `mixed`: only when it mixes upper, lower and digits (not a word or path). */
const SECRETS: { re: RegExp; mixed?: true }[] = [
  // password=…, "token": "…", client_secret: …
  {
    re: /(?<=\b[\w-]*?(?:password|passwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key)s?["']?\s*[=:]\s*["']?)[^\s"',;&]{3,}/gi,
  },
  { re: /(?<=\bbearer\s+)[A-Za-z0-9._~+/-]{8,}=*/gi },
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g },
  // https://user:password@host
  { re: /(?<=[a-z][a-z0-9+.-]*:\/\/[^\s/:@]{1,64}:)[^\s/@]{1,128}(?=@)/gi },
  { re: /(?<![\w-])[0-9a-f]{32,}(?![\w-])/gi },
  { re: /(?<![\w+/=-])[A-Za-z0-9+/_-]{32,}={0,2}(?![\w+/=-])/g, mixed: true },
];

// Names that are not the operator's: public registries and docs, and the cluster's own
// search domains (which DNS diagnoses need as they are).
const PUBLIC =
  /(?:^|\.)(?:kubernetes\.io|k8s\.io|docker\.io|docker\.com|quay\.io|gcr\.io|ghcr\.io|github\.com|githubusercontent\.com|golang\.org|google\.com|kernel\.org|redhat\.com|centos\.org|ubuntu\.com|debian\.org)$/i;
const SEARCH_DOMAIN = /^(?:(?:[a-z0-9-]+\.)?svc\.)?cluster\.local$/i;
const TLDS = new Set(
  'com net org io info biz co dev app cloud ai me tech site online xyz top vip cn uk de jp fr ru kr tw hk sg au ca us eu nl br in local internal lan corp intra intranet home localdomain example test invalid'.split(
    ' ',
  ),
);
// Two-letter endings that are more often file extensions than country domains.
const FILE_EXT = new Set(
  'py rs sh md so pl ps cc am ac mk hh js ts rb cs ml mo po gz xz bz'.split(' '),
);
const SPECIAL_V6 = new Set(['::', '::1']);
/** Tokens shaped like the stand-ins this module makes. */
const STAND_IN =
  /198\.1[89]\.\d+\.\d+|2001:db8::[0-9a-f]+|02([:-])00\1(?:00)\1(?:00)\1[0-9a-f]{2}\1[0-9a-f]{2}|(?:node|host)-\d+|redacted-secret-\d+/gi;

const PROMPT_HOSTS = [
  /^\s*\[[\w.-]+@([\w./-]+)[\s\]]/, // [root@k8s-node03 ~]#
  /^\s*[\w.-]+@([\w./-]+):\S*\s?[$#%](?:\s|$)/, // user@host:~$
  /^\s*([\w.-]+(?:\/[\w.-]+)?):[~/]\S*\s?#(?:\s|$)/, // host:~#
];
/** Labels that say nothing about whose system it is: top-level domains and cluster words. */
const KEEP_LABELS = new Set(
  'com net org io cn de uk jp info biz dev app cloud local localdomain internal lan corp example svc cluster default kube-system pod'.split(
    ' ',
  ),
);

const NOT_HOSTS = /^(?:https?|ftp|file|localhost|[\d.]+)$/i;

/** Host names the shell prompts of `texts` show (`[root@k8s-node03 ~]#`, `user@host:~$`). */
export function promptHosts(texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts)
    for (const line of t.split('\n')) {
      for (const re of PROMPT_HOSTS) {
        const h = re.exec(line)?.[1];
        if (h && h.length >= 2 && !NOT_HOSTS.test(h)) out.add(h);
      }
    }
  return [...out];
}

/**
 * `texts`: everything this redactor will see (stand-ins never collide with any of it, and
 * prompt host names in it are redacted everywhere). `names`: more host names (the node answer).
 */
export function createRedactor(texts: string[], names: string[] = []): Redactor {
  // Every token in the input shaped like a stand-in: a stand-in must never be one of them.
  const existing = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(STAND_IN)) existing.add(m[0].toLowerCase());
  const collides = (candidate: string) =>
    [...candidate.matchAll(STAND_IN)].some((m) => existing.has(m[0].toLowerCase()));
  const known = [...new Set([...names, ...promptHosts(texts)])]
    .filter((n) => n.length >= 2 && !NOT_HOSTS.test(n))
    .sort((a, b) => b.length - a.length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const matchers: Matcher[] = [
    ...SECRETS.map(({ re, mixed: onlyMixed }) => ({
      kind: 'secret' as const,
      re,
      key: (m: string) => (onlyMixed && !mixed(m) ? null : m),
      make: (_: string, n: number) => `redacted-secret-${n}`,
    })),
    ...(known.length
      ? [
          {
            kind: 'host' as const,
            re: new RegExp(
              `(?<![\\w.-])(?:${known.map(escape).join('|')})(?![\\w-]|\\.[A-Za-z0-9])`,
              'gi',
            ),
            key: (m: string) => `node:${m.toLowerCase()}`,
            make: (_: string, n: number) => `node-${n}`,
          },
        ]
      : []),
    {
      kind: 'mac',
      re: MAC,
      key: (m) =>
        /^(?:00[:-]?){5}00$|^(?:ff[:-]?){5}ff$/i.test(m)
          ? null
          : m.toLowerCase().replace(/-/g, ':'),
      make: (m, n) => {
        const sep = m[2]!;
        const hex = n.toString(16).padStart(4, '0');
        const out = ['02', '00', '00', '00', hex.slice(0, 2), hex.slice(2, 4)].join(sep);
        return m === m.toUpperCase() ? out.toUpperCase() : out;
      },
    },
    {
      kind: 'ipv6',
      re: IPV6,
      key: (m) => {
        const addr = m.split('/')[0]!.toLowerCase();
        return SPECIAL_V6.has(addr) ? null : addr;
      },
      make: (_, n) => `2001:db8::${n.toString(16)}`,
    },
    {
      kind: 'ipv4',
      re: IPV4,
      key: (m) => {
        const addr = m.split('/')[0]!;
        return /^(?:0|127|255)\.|^169\.254\./.test(addr) ? null : addr;
      },
      make: (_, n) => `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`,
    },
    {
      kind: 'host',
      re: FQDN,
      key: (m) => (isFqdn(m) ? `fqdn:${m.toLowerCase()}` : null),
      // Label by label, so one domain stays the suffix of another (a search domain and the
      // answer it produced must still read right after redaction).
      make: (m) => labelwise(m),
    },
    {
      kind: 'host',
      re: NODE_LIKE,
      key: (m) => `node:${m.toLowerCase()}`,
      make: (_, n) => `node-${n}`,
    },
  ];

  const table = new Map<string, Replacement>();
  const counters = new Map<string, number>();
  const labels = new Map<string, string>();
  const labelwise = (name: string): string =>
    name
      .split('.')
      .map((label) => {
        const l = label.toLowerCase();
        if (KEEP_LABELS.has(l)) return label;
        let to = labels.get(l);
        if (!to) {
          for (let n = labels.size + 1; ; n++) {
            to = `d${n}`;
            if (!collides(to)) break;
          }
          labels.set(l, to);
        }
        return to;
      })
      .join('.');
  /** The next stand-in of a family that appears nowhere in the input. */
  const fresh = (family: string, make: (n: number) => string): string => {
    for (let n = (counters.get(family) ?? 0) + 1; ; n++) {
      const candidate = make(n);
      if (!collides(candidate)) {
        counters.set(family, n);
        return candidate;
      }
    }
  };
  const standIn = (mt: Matcher, m: string): string | null => {
    const ip = mt.kind === 'ipv4' || mt.kind === 'ipv6';
    const value = ip ? m.split('/')[0]! : m;
    const key = mt.key(m);
    if (key === null) return null;
    const family = mt.kind === 'host' ? key.split(':')[0]! : mt.kind;
    const id = `${family}:${key}`;
    let hit = table.get(id);
    if (!hit) {
      // IPv4 stand-ins skip .0 and .255 in the last octet, so they look like hosts.
      const n4 = (n: number) => Math.floor((n - 1) / 254) * 256 + ((n - 1) % 254) + 1;
      const to =
        family === 'fqdn'
          ? mt.make(value, 0)
          : fresh(family, (n) => mt.make(value, mt.kind === 'ipv4' ? n4(n) : n));
      hit = { kind: mt.kind, from: value, to };
      table.set(id, hit);
    }
    return ip ? hit.to + prefixOf(m) : hit.to;
  };

  return {
    text(s) {
      const spans: { at: number; end: number; to: string }[] = [];
      const taken = new Uint8Array(s.length); // characters already inside a match
      const free = (at: number, end: number) => {
        for (let i = at; i < end; i++) if (taken[i]) return false;
        return true;
      };
      for (const mt of matchers) {
        mt.re.lastIndex = 0;
        for (const m of s.matchAll(mt.re)) {
          const at = m.index;
          const end = at + m[0].length;
          if (!free(at, end)) continue;
          const to = standIn(mt, m[0]);
          if (to === null) continue;
          spans.push({ at, end, to });
          taken.fill(1, at, end);
        }
      }
      spans.sort((a, b) => a.at - b.at);
      let out = '';
      let pos = 0;
      for (const x of spans) {
        out += s.slice(pos, x.at) + x.to;
        pos = x.end;
      }
      return out + s.slice(pos);
    },
    replacements: () => [...table.values()],
  };
}

function prefixOf(m: string): string {
  const i = m.indexOf('/');
  return i < 0 ? '' : m.slice(i);
}

/** Upper, lower and digits: a token, not a word, a path or a pod name. */
function mixed(s: string): boolean {
  return /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s) && !s.startsWith('/');
}

function isFqdn(name: string): boolean {
  if (PUBLIC.test(name) || SEARCH_DOMAIN.test(name)) return false;
  const labels = name.toLowerCase().split('.');
  const tld = labels.at(-1)!;
  if (TLDS.has(tld)) return true;
  return tld.length === 2 && labels.length >= 3 && !FILE_EXT.has(tld);
}
