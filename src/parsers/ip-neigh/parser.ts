import type { Cited, Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite, topN } from '../node-shared/util';
import type { IpNeighFacts } from './facts';

const K = 'parse.ip-neigh';
/** `10.0.0.1 dev eth0 lladdr 52:54:00:12:34:56 REACHABLE`, `fe80::1 dev eth0 lladdr ... router STALE`, `10.0.0.5 dev eth0  FAILED`. */
const ENTRY = /^\s*(\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*)\s+(\S.*)$/;
/** NUD states as `ip neigh` names them. */
const STATES = new Set([
  'INCOMPLETE',
  'REACHABLE',
  'STALE',
  'DELAY',
  'PROBE',
  'FAILED',
  'NOARP',
  'PERMANENT',
  'NONE',
]);
/** Words that take a value: `dev X`, `lladdr X`, `-s`'s `ref 1 used 9/9/6 probes 1`, `proto zebra`... */
const KEYED = new Set(['dev', 'lladdr', 'ref', 'used', 'probes', 'proto', 'vni', 'port', 'nhid']);
/** Flags an entry may carry. */
const FLAGS = new Set([
  'router',
  'proxy',
  'extern_learn',
  'offload',
  'managed',
  'extern_valid',
  'self',
  'master',
]);
/**
 * A count of the table rather than the table: `arp -an | wc -l`, `ip -4 neigh show nud all | wc -l`,
 * `ip -6 n | wc -l`, `cat /proc/net/arp | wc -l`. Only a listing piped straight into `wc -l` (a
 * grep in between counts something else). Group 1: the `ip` family option, when there is one.
 */
const COUNT_COMMAND =
  /^(?:sudo\s+)?(?:arp(?:\s+-[a-z]+)*|cat\s+\/proc\/net\/arp|ip(?:\s+-(?:s|d|4|6|f\s+inet6?|family\s+inet6?|stats|details))*\s+n(?:e(?:i(?:g(?:h(?:b(?:o(?:u(?:r)?)?)?)?)?)?)?)?(?:\s+(?:show|list|ls))?(?:\s+(?:nud\s+\w+|dev\s+\S+))*)\s*\|\s*wc\s+-l\s*$/;
/** The family a counted listing holds: `arp` and `/proc/net/arp` are IPv4; `ip` only with -4/-6. */
function countFamily(command: string): 'inet' | 'inet6' | null {
  const c = command.trim();
  if (/^(?:sudo\s+)?(?:arp\b|cat\s)/.test(c)) return 'inet';
  if (/\s-(?:6|f\s+inet6|family\s+inet6)\b/.test(c)) return 'inet6';
  if (/\s-(?:4|f\s+inet|family\s+inet)\b/.test(c)) return 'inet';
  return null;
}
const COUNT = /^\s*(\d{1,9})\s*$/;
/**
 * net-tools `arp -n` / `arp -v` rows (IPv4 only): `10.244.26.98  ether  02:42:0a:f4:1a:62  C  docker0`,
 * `10.0.0.5  (incomplete)  eth0`; without -n the address may be a host name. Flags: C complete,
 * M permanent, P published; the Mask column is usually empty.
 */
const ARP_ROW =
  /^\s*(\d{1,3}(?:\.\d{1,3}){3}|[A-Za-z0-9_][\w.-]*)\s+(?:(?:ether|infiniband|ieee1394|loop|fddi|tr|arcnet)\s+[0-9A-Fa-f]{1,2}(?::[0-9A-Fa-f]{1,2}){5,19}\s+([CMP]{1,3})\s+(?:\S+\s+)?|\(incomplete\)\s+)([\w.@:-]+)\s*$/;
/** BSD-style `arp -a` / `arp -an`: `? (172.20.136.122) at <incomplete> on eth0`, `gw (10.0.0.1) at 52:54:00:12:34:56 [ether] PERM on eth0`. */
const ARP_A =
  /^\s*\S+ \((\d{1,3}(?:\.\d{1,3}){3})\) at (?:<incomplete>|[0-9A-Fa-f]{1,2}(?::[0-9A-Fa-f]{1,2}){5,19} \[\w+\]((?: (?:PERM|PUB))*)) on ([\w.@:-]+)\s*$/;
/**
 * /proc/net/arp rows: `192.168.71.254   0x1   0x2   00:50:56:f3:2f:ae   *   ens33`. Flags: 0x2
 * complete, 0x4 permanent; 0x0 unresolved.
 */
const PROC_ARP_ROW =
  /^\s*(\d{1,3}(?:\.\d{1,3}){3})\s+0x[0-9a-fA-F]{1,4}\s+0x([0-9a-fA-F]{1,4})\s+[0-9A-Fa-f]{1,2}(?::[0-9A-Fa-f]{1,2}){5,19}\s+\S+\s+([\w.@:-]+)\s*$/;
/** The net-tools table header (and /proc/net/arp's), and the `arp -v` trailer (`Entries: 72 Skipped: 0  Found: 72`). */
const ARP_HEADER =
  /^\s*(?:Address\s+HWtype\s+HWaddress\s+Flags\s+Mask\s+Iface|IP address\s+HW type\s+Flags\s+HW address\s+Mask\s+Device)\s*$/;
const ARP_TRAILER = /^\s*Entries:\s*(\d{1,9})\s+Skipped:\s*\d{1,9}\s+Found:\s*\d{1,9}\s*$/;
const EXAMPLES = 5;
const MAX_LINE = 2_000;

interface Entry {
  family: 'inet' | 'inet6';
  dev: string;
  state: string;
  learned: boolean;
}

/** One `ip neigh` line, or null when it is not one. */
function entryOf(t: string): Entry | null {
  if (t.length > MAX_LINE) return null;
  const m = ENTRY.exec(t);
  if (!m) return null;
  const words = m[2]!.trim().split(/\s+/);
  let dev = '-';
  let state: string | null = null;
  let learned = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (KEYED.has(w)) {
      const v = words[++i];
      if (v === undefined) return null;
      if (w === 'dev') dev = v;
    } else if (STATES.has(w)) state = w;
    else if (FLAGS.has(w)) learned ||= w === 'extern_learn';
    else return null;
  }
  if (state === null) return null;
  return { family: m[1]!.includes(':') ? 'inet6' : 'inet', dev, state, learned };
}

/**
 * One net-tools `arp` row (`arp -n`, `arp -v`, `arp -an`) or /proc/net/arp row, or null. It shows no NUD state: a
 * resolved entry is COMPLETE, an unresolved one INCOMPLETE, a permanent one PERMANENT.
 */
function arpEntryOf(t: string): Entry | null {
  if (t.length > MAX_LINE) return null;
  const row = ARP_ROW.exec(t);
  if (row) {
    const state =
      row[2] === undefined ? 'INCOMPLETE' : row[2].includes('M') ? 'PERMANENT' : 'COMPLETE';
    return { family: 'inet', dev: row[3]!, state, learned: false };
  }
  const proc = PROC_ARP_ROW.exec(t);
  if (proc) {
    const flags = parseInt(proc[2]!, 16);
    const state = flags & 4 ? 'PERMANENT' : flags & 2 ? 'COMPLETE' : 'INCOMPLETE';
    return { family: 'inet', dev: proc[3]!, state, learned: false };
  }
  const a = ARP_A.exec(t);
  if (!a) return null;
  const state = !/\bat </.test(t)
    ? a[2]!.includes('PERM')
      ? 'PERMANENT'
      : 'COMPLETE'
    : 'INCOMPLETE';
  return { family: 'inet', dev: a[3]!, state, learned: false };
}

/** `ip neigh show` → entries per family, state and device; FAILED, INCOMPLETE and STALE counted. */
export const ipNeigh = defineParser<'ip-neigh', IpNeighFacts>({
  kind: 'ip-neigh',
  detect(head, ctx) {
    if (COUNT_COMMAND.test(ctx.command ?? '')) {
      const body = head.filter((l) => l.text.trim() !== '');
      return body.length === 1 && COUNT.test(body[0]!.text);
    }
    let entries = 0;
    let frame = 0;
    for (const l of head)
      if (entryOf(l.text) ?? arpEntryOf(l.text)) entries += 1;
      else if (ARP_HEADER.test(l.text) || ARP_TRAILER.test(l.text)) frame += 1;
    return entries >= 1 && (entries + frame) * 2 >= head.length;
  },
  parse(lines, ctx) {
    if (COUNT_COMMAND.test(ctx.command ?? '')) return parseCount(lines, ctx.command!);
    const problems = new ProblemList(K);
    const facts = emptyFacts();
    // Device names come from the paste: a Map, so that `__proto__` is a name like any other.
    const devices = new Map<string, Record<string, number>>();
    // `arp -v` ends with how many entries it read: more than the rows when the paste elides some.
    let arpEntries = 0;
    for (const l of lines) {
      if (l.text.trim() === '') continue;
      if (ARP_HEADER.test(l.text)) continue;
      const trailer = ARP_TRAILER.exec(l.text);
      if (trailer) {
        arpEntries = Math.max(arpEntries, Number(trailer[1]));
        continue;
      }
      const e = entryOf(l.text) ?? arpEntryOf(l.text);
      if (!e) {
        problems.add(l.n, 'badLine');
        continue;
      }
      add(facts, e, l);
      const dev = devices.get(e.dev) ?? {};
      dev[e.state] = (dev[e.state] ?? 0) + 1;
      devices.set(e.dev, dev);
    }
    if (facts.total === 0) return reject(msg(`${K}.noEntries`));
    if (arpEntries > facts.inet.entries) {
      const permanent = facts.inet.entries - facts.inet.counted;
      facts.total += arpEntries - facts.inet.entries;
      facts.inet = { entries: arpEntries, counted: arpEntries - permanent };
    }
    facts.devices = Object.fromEntries(devices);
    const busiest = topN(
      [...devices].map(([d, s]) => [d, sum(s)] as [string, number]),
      3,
      (d) => d,
    )
      .map((c) => `${c.value} ${c.count}`)
      .join(', ');
    return accept(
      facts,
      problems.done(),
      msg(`${K}.summary`, {
        n: facts.total,
        ipv4: facts.inet.entries,
        ipv6: facts.inet6.entries,
        failed: facts.failed,
        incomplete: facts.incomplete,
        stale: facts.stale,
        devices: busiest,
      }),
    );
  },
});

function emptyFacts(): IpNeighFacts {
  return {
    total: 0,
    inet: { entries: 0, counted: 0 },
    inet6: { entries: 0, counted: 0 },
    states: {},
    devices: {},
    failed: 0,
    incomplete: 0,
    stale: 0,
    examples: {},
    first: null,
    listed: null,
  };
}

/**
 * `arp -an | wc -l` → the number of entries, counted against the family's table when the command
 * names one. The listing's PERMANENT entries cannot be told apart, so all count.
 */
function parseCount(lines: Line[], command: string) {
  const body = lines.filter((l) => l.text.trim() !== '');
  const m = body.length === 1 ? COUNT.exec(body[0]!.text) : null;
  if (!m) return reject<IpNeighFacts>(msg(`${K}.noEntries`));
  const n = Number(m[1]);
  const family = countFamily(command);
  const facts = emptyFacts();
  facts.total = n;
  facts.listed = { ...cite(n, body[0]!), family, command: command.trim() };
  if (family) {
    facts[family] = { entries: n, counted: n };
    facts.first = cite(body[0]!.text.trim(), body[0]!);
  }
  return accept(facts, [], msg(`${K}.countSummary`, { n, command: command.trim() }));
}

function add(f: IpNeighFacts, e: Entry, l: Line): void {
  f.total += 1;
  f.first ??= cite(l.text.trim(), l);
  const fam = f[e.family];
  fam.entries += 1;
  if (e.state !== 'PERMANENT' && !e.learned) fam.counted += 1;
  f.states[e.state] = (f.states[e.state] ?? 0) + 1;
  if (e.state === 'FAILED') f.failed += 1;
  else if (e.state === 'INCOMPLETE') f.incomplete += 1;
  else if (e.state === 'STALE') f.stale += 1;
  const ex: Cited[] = (f.examples[e.state] ??= []);
  if (ex.length < EXAMPLES) ex.push(cite(l.text.trim(), l));
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
