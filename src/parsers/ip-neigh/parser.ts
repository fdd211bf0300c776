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

/** `ip neigh show` → entries per family, state and device; FAILED, INCOMPLETE and STALE counted. */
export const ipNeigh = defineParser<'ip-neigh', IpNeighFacts>({
  kind: 'ip-neigh',
  detect(head, ctx) {
    if (COUNT_COMMAND.test(ctx.command ?? '')) {
      const body = head.filter((l) => l.text.trim() !== '');
      return body.length === 1 && COUNT.test(body[0]!.text);
    }
    let entries = 0;
    for (const l of head) if (entryOf(l.text)) entries += 1;
    return entries >= 1 && entries * 2 >= head.length;
  },
  parse(lines, ctx) {
    if (COUNT_COMMAND.test(ctx.command ?? '')) return parseCount(lines, ctx.command!);
    const problems = new ProblemList(K);
    const facts = emptyFacts();
    // Device names come from the paste: a Map, so that `__proto__` is a name like any other.
    const devices = new Map<string, Record<string, number>>();
    for (const l of lines) {
      if (l.text.trim() === '') continue;
      const e = entryOf(l.text);
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
