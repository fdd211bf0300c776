/**
 * The peer corpus (test-data/peer/jc): real outputs jc keeps with the JSON its parsers extract.
 * Each file belongs to a family: a kind it must be recognised as, or (out of scope) the near
 * miss it must get; where jc's JSON states a countable fact the facts or the summary also state,
 * both are put side by side. Imported by tests only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Msg } from '../engine/types';
import { parsePaste, type SectionResult } from '../parsers/registry';
import { TEST_DATA } from './test-data';

export const PEER_ROOT = join(TEST_DATA, 'peer', 'jc');

/** One comparison: what jc's JSON says, and what the facts or the summary say. */
export interface Check {
  what: string;
  ours: unknown;
  theirs: unknown;
}

// jc's JSON is whatever its parser emits: read it loosely.
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Parsed = Extract<SectionResult, { status: 'parsed' | 'partial' }>;
type Facts = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Family {
  name: string;
  /** Files of the family (path under test-data/peer/jc). */
  files: RegExp;
  /** The kind every section must be read as. */
  kind: string;
  /** Out of scope: the paste is refused with a near miss whose key this matches (`parse.nearMiss.*`). */
  nearMiss?: RegExp;
  /** Files whose lines jc itself could not read: a partial result is right. */
  partialOk?: RegExp;
  compare?(parts: { facts: Facts; summary: Msg }[], jc: Json): Check[];
}

const noDot = (s: string) => s.replace(/\.$/, '');
const countBy = <T>(xs: T[], key: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

/** jc's dig `status` as the facts' status. */
function digStatus(q: Json): string {
  const records = (q.answer ?? q.axfr ?? []).length;
  switch (q.status ?? 'NOERROR') {
    case 'NOERROR':
      return records > 0 ? 'answer' : 'no-answer';
    case 'NXDOMAIN':
      return 'nxdomain';
    case 'SERVFAIL':
      return 'servfail';
    case 'REFUSED':
      return 'refused';
    default:
      return String(q.status);
  }
}

/** A record as `TYPE data`, whitespace collapsed, trailing dots and quotes dropped (jc drops a lone TXT string's). */
const record = (type: string, data: string) =>
  `${type} ${noDot(String(data).replace(/"/g, '').replace(/\s+/g, ' ').trim()).trim()}`;

const ping = (parts: { facts: Facts; summary: Msg }[], jc: Json): Check[] => {
  if (jc.packets_transmitted === undefined) return [];
  const runs: Facts[] = parts.flatMap((p) => p.facts.runs);
  const run = runs.length === 1 ? runs[0] : null;
  const params = parts[0]?.summary.params ?? {};
  return [
    { what: 'runs', ours: runs.length, theirs: 1 },
    { what: 'packets sent', ours: run?.sent, theirs: jc.packets_transmitted },
    { what: 'packets received', ours: run?.received, theirs: jc.packets_received },
    { what: 'packet loss %', ours: run?.loss, theirs: jc.packet_loss_percent },
    { what: 'summary: loss %', ours: params.loss, theirs: jc.packet_loss_percent },
  ];
};

export const FAMILIES: Family[] = [
  {
    name: 'iptables -L',
    files: /\/iptables-[\w-]+\.out$/,
    kind: 'iptables-L',
    compare: ([p], jc) => [
      {
        what: 'chains',
        ours: p!.facts.chains.map((c: Facts) => c.name),
        theirs: jc.map((c: Json) => c.chain),
      },
      {
        what: 'rules per chain',
        ours: Object.fromEntries(
          p!.facts.chains.map((c: Facts) => [
            c.name,
            p!.facts.rules.filter((r: Facts) => r.chain === c.name).length,
          ]),
        ),
        theirs: Object.fromEntries(jc.map((c: Json) => [c.chain, (c.rules ?? []).length])),
      },
    ],
  },
  {
    name: 'sysctl -a',
    files: /\/sysctl-a\.out$/,
    kind: 'sysctl',
    compare: ([p], jc) => [
      { what: 'keys', ours: Object.keys(p!.facts.values).length, theirs: Object.keys(jc).length },
    ],
  },
  {
    name: 'ip route',
    files: /\/ip_route\.out$/,
    kind: 'ip-route',
    compare: ([p], jc) => [
      {
        what: 'routes',
        ours: p!.facts.routes.map((r: Facts) => r.destination),
        theirs: jc.map((r: Json) => r.ip),
      },
    ],
  },
  {
    name: 'ss',
    files: /\/ss-[\w-]+\.out$/,
    kind: 'ss',
    compare: ([p], jc) => [
      { what: 'sockets', ours: p!.facts.total, theirs: jc.length },
      {
        what: 'sockets per state',
        ours: p!.facts.states,
        theirs: countBy(jc, (s: Json) => s.state),
      },
    ],
  },
  {
    name: 'lsmod',
    files: /\/lsmod\.out$/,
    kind: 'lsmod',
    compare: ([p], jc) => [
      {
        what: 'modules',
        ours: Object.keys(p!.facts.modules).sort(),
        theirs: jc.map((m: Json) => m.module).sort(),
      },
    ],
  },
  {
    name: 'uname -a (Linux)',
    files: /^(?!freebsd|osx)[^/]*\/uname-a[\w-]*\.out$/,
    kind: 'uname',
    compare: ([p], jc) => [
      { what: 'release', ours: p!.facts.release.value, theirs: jc.kernel_release },
    ],
  },
  {
    name: 'resolv.conf',
    files: /\/resolve\.conf-\d+$/,
    kind: 'resolv-conf',
    compare: ([p], jc) => [
      {
        what: 'nameservers',
        ours: p!.facts.nameservers.map((n: Facts) => n.value),
        theirs: jc.nameservers ?? [],
      },
      // jc joins every search line; the resolver reads the last (or a `domain` line, which jc
      // keeps apart): its domains are jc's last ones.
      {
        what: 'search domains',
        ours: p!.facts.search?.value ?? [],
        theirs: (jc.search ?? (jc.domain ? [jc.domain] : [])).slice(
          -Math.max(1, p!.facts.search?.value.length ?? 0),
        ),
      },
    ],
  },
  {
    name: 'curl -v',
    files: /\/curl_head[\w-]*\.out$/,
    kind: 'curl-v',
    compare: ([p], jc) => {
      const responses = jc.filter((x: Json) => x._type === 'response');
      const last = jc.filter((x: Json) => x._type === 'request').at(-1);
      const target = String(p!.summary.params?.target ?? '');
      return [
        {
          what: 'statuses',
          ours: p!.facts.statuses.map((s: Facts) => s.status),
          theirs: responses.map((r: Json) => r._response_status),
        },
        {
          what: 'summary: last hop',
          ours: /^(?:\w+:\/\/)?([^/:[\]]+)/.exec(target)?.[1] ?? target,
          theirs: last?.host,
        },
      ];
    },
  },
  {
    name: 'ping (Linux)',
    files: /^(?:centos|fedora|ubuntu|alpine|pi)[^/]*\/ping6?-[\w-]+\.out$/,
    kind: 'ping-mtu',
    partialOk: /-unpars/,
    compare: ping,
  },
  {
    name: 'ping (BSD/macOS)',
    files: /^(?:freebsd|osx)[^/]*\/ping6?-[\w-]+\.out$/,
    kind: 'ping-mtu',
    partialOk: /-unpars|-unknown-errors/,
    compare: ping,
  },
  {
    name: 'dig',
    files: /\/dig[\w-]*\.out$/,
    kind: 'dns-answer',
    compare: (parts, all) => {
      // `+qr` prints the query it sends (no `qr` flag) before the answer: jc lists it too.
      const jc = all.filter((q: Json) => !q.flags || q.flags.includes('qr'));
      return [
        { what: 'queries', ours: parts.length, theirs: jc.length },
        {
          what: 'status per query',
          ours: parts.map((p) => p.facts.status),
          theirs: jc.map(digStatus),
        },
        {
          what: 'answers per query',
          ours: parts.map((p) => p.facts.answers.map((a: Facts) => record(a.type, a.value))),
          theirs: jc.map((q: Json) =>
            (q.answer ?? q.axfr ?? []).map((a: Json) => record(a.type, a.data)),
          ),
        },
      ];
    },
  },
  // Out of scope: each names what to paste instead.
  {
    name: 'uname -a (BSD/macOS)',
    files: /^(?:freebsd|osx)[^/]*\/uname-a\.out$/,
    kind: 'uname',
    nearMiss: /^parse\.nearMiss\.unameNotLinux$/,
  },
  {
    name: 'route / netstat -r',
    files: /\/(?:route[\w-]*|netstat-r\w*)\.out$|\/net_(?:ipv6_)?route$/,
    kind: 'ip-route',
    nearMiss: /^parse\.nearMiss\.routeN$/,
  },
  {
    // Read as ip-addr: Linux `netstat -i` states each interface's MTU and flags.
    name: 'netstat -i (Linux)',
    files: /^(?:centos|fedora|ubuntu|alpine|pi)[^/]*\/netstat-i\.out$/,
    kind: 'ip-addr',
  },
  {
    name: 'netstat -i (BSD), /proc/net/dev',
    files: /^(?:freebsd|osx)[^/]*\/netstat-i\.out$|\/net_dev$/,
    kind: 'ip-addr',
    nearMiss: /^parse\.nearMiss\.netstatI$/,
  },
  {
    name: 'netstat (sockets)',
    files: /\/netstat-old\.out$/,
    kind: 'ss',
  },
  {
    name: '/proc/net/tcp',
    files: /\/net_tcp$/,
    kind: 'ss',
    nearMiss: /^parse\.nearMiss\.procNetTcp$/,
  },
  {
    // Read as ip-addr since ifconfig states the same MTUs and addresses.
    name: 'ifconfig',
    files: /\/ifconfig\.out$/,
    kind: 'ip-addr',
  },
  {
    name: 'host',
    files: /\/host-\w+\.out$/,
    kind: 'dns-answer',
  },
  {
    // Read since the neighbour table's size is what counts; a listing the parser cannot read still
    // gets the near miss that asks for `ip neigh show`.
    name: 'arp -a, /proc/net/arp',
    files: /\/arp-a\.out$|\/net_arp$/,
    kind: 'ip-neigh',
  },
  {
    name: 'ethtool (settings, module)',
    files: /\/ethtool--[\w-]+\.out$/,
    kind: 'ethtool-k',
    nearMiss: /^parse\.nearMiss\.ethtoolOther$/,
  },
  {
    name: '/proc/net/netstat',
    files: /\/net_netstat$/,
    kind: 'netstat-s',
    nearMiss: /^parse\.nearMiss\.procNetstat$/,
  },
];

export interface PeerFile {
  /** Path under test-data/peer/jc. */
  path: string;
  text: string;
  /** jc's JSON for it, when copied. */
  jc: Json | null;
}

/** Every output file of the corpus (JSON and notes left out). */
export function peerFiles(): PeerFile[] {
  const out: PeerFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!/\.(?:json|md)$/.test(name)) {
        const json = full.replace(/\.out$/, '') + '.json';
        const jc: Json | null = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : null;
        out.push({ path: relative(PEER_ROOT, full), text: readFileSync(full, 'utf8'), jc });
      }
    }
  };
  walk(PEER_ROOT);
  return out;
}

export interface PeerResult {
  file: string;
  family: Family | null;
  /** Each section's kind and status (and its first problem's key when refused). */
  read: { kind: string | null; status: string; key?: string }[];
  recognised: boolean;
  checks: Check[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function agrees(c: Check): boolean {
  return same(c.ours, c.theirs);
}

export function readPeer(f: PeerFile): PeerResult {
  const family = FAMILIES.find((fam) => fam.files.test(f.path)) ?? null;
  const rs = parsePaste(f.text, f.path);
  const read = rs.map((r) =>
    r.status === 'rejected'
      ? { kind: r.kind, status: r.status, key: r.problems[0]?.msg.key }
      : { kind: r.kind, status: r.status },
  );
  if (!family) return { file: f.path, family, read, recognised: false, checks: [] };
  if (family.nearMiss) {
    const recognised =
      rs.length === 1 && rs[0]!.kind === family.kind && family.nearMiss.test(read[0]!.key ?? '');
    return { file: f.path, family, read, recognised, checks: [] };
  }
  const parts = rs.filter((r): r is Parsed => r.status !== 'rejected' && r.kind === family.kind);
  const partialOk = family.partialOk?.test(f.path) ?? false;
  const recognised =
    parts.length === rs.length &&
    parts.length > 0 &&
    parts.every((p) => p.status === 'parsed' || partialOk);
  let checks: Check[] = [];
  if (family.compare && f.jc !== null && parts.length > 0) {
    try {
      checks = family.compare(
        parts.map((p) => ({ facts: p.facts, summary: p.summary })),
        f.jc,
      );
    } catch (e) {
      checks = [{ what: 'compare', ours: String(e), theirs: 'no error' }];
    }
  } else if (family.compare && f.jc !== null) {
    checks = [{ what: 'read', ours: 'nothing', theirs: 'facts' }];
  }
  return { file: f.path, family, read, recognised, checks };
}

/** Per family: recognised / total, facts agreeing / compared (a Markdown table). */
export function peerTable(results: PeerResult[]): string {
  const rows = new Map<string, { files: number; ok: number; agree: number; compared: number }>();
  for (const f of FAMILIES) rows.set(f.name, { files: 0, ok: 0, agree: 0, compared: 0 });
  for (const r of results) {
    const name = r.family?.name ?? '(no family)';
    const row = rows.get(name) ?? { files: 0, ok: 0, agree: 0, compared: 0 };
    row.files += 1;
    row.ok += r.recognised ? 1 : 0;
    row.compared += r.checks.length;
    row.agree += r.checks.filter(agrees).length;
    rows.set(name, row);
  }
  const lines = ['| family | recognised / total | facts agreeing / compared |', '|---|---|---|'];
  for (const [name, r] of rows)
    lines.push(
      `| ${name} | ${r.ok} / ${r.files} | ${r.compared ? `${r.agree} / ${r.compared}` : '-'} |`,
    );
  return lines.join('\n');
}
