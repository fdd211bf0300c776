import { accept, defineParser, msg, reject } from '../define';
import { isNoise } from '../k8s-common/text';
import { ProblemList } from '../node-shared/util';
import { MAX_LINE, textToRead, withCommandLine } from '../cilium-shared/text';
import type { CiliumDrop, CiliumMonitorFacts } from './facts';

const K = 'parse.cilium-monitor';
const KEEP = 500;

/** `xx drop (Policy denied) flow 0x1 to endpoint 0, ifindex 4, file bpf_lxc.c:1234, , identity 1->2: a -> b tcp SYN`. */
const DROP = /^xx drop \((.+?)\) (?:flow \S+ )?to endpoint \d+\b(.*)$/;
const IDENTITY = /, identity (\S+?->\S+?): (.*)$/;
/** `-v`: `CPU 01: MARK 0x1 FROM 1833 DROP: 86 bytes, reason Stale or unroutable IP, identity host->unknown`. */
const VERBOSE_DROP =
  /^CPU \d+: MARK \S+ FROM \d+ DROP: \d+ bytes, reason (.+?)(?:, identity (\S+?->\S+?))?(?:, to endpoint \d+)?$/;
/** The packet dissection under a `-v` event: `IPv4\t{... SrcIP=10.0.0.183 DstIP=10.0.0.213 ...}`. */
const DISSECT = /^([A-Za-z][\w.]*)\s+\{/;
const BANNER =
  /^(?:Listening for events on \d+ CPUs with \S+ of shared memory|Press Ctrl-C to quit)$/;
/** Other monitor events: traces (`-> endpoint 12 flow ...`), captures, policy verdicts, debug. */
const EVENT =
  /^(?:(?:->|<-) [a-z][\w -]{0,30}? flow 0x[\da-f]+\b|>> [A-Z]|Policy verdict log: |CPU \d+: )/;
/**
 * `cilium-dbg monitor -t policy-verdict`: `Policy verdict log: flow 0x1 local EP ID 211, remote ID
 * world, proto 6, ingress, action deny, match none, 172.26.50.201:60556 -> 10.0.1.185:8082 tcp SYN`
 * (before 1.9 also `dst port 80, ` and `ingress true`). Only `action deny` drops the packet:
 * `allow`, `redirect` and `audit` (audit mode lets it through) do not.
 */
const MONITOR_VERDICT =
  /^Policy verdict log: .*?\b(ingress|egress)(?: (?:true|false))?, action (\w+), match ([^,]+), (\S+) -> (\S+)(?: (.*))?$/;
/** Its own log lines (`level=info msg="Initializing dissection cache..."`). */
const LOGFMT = /^(?:time=\S+ )?level=\w+ /;
/**
 * Cilium 1.0–1.2 summaries: `drop: Policy denied (L3) ( 10.0.0.9:5890) => (ns/pod 10.0.0.8:53)`,
 * where each side is `(labels address)` and the labels may be empty.
 */
const OLD_DROP = /^drop: (.+?) \(\s*(?:[^()\s]+ )*?([^()\s]*)\) => \((?:[^()\s]+ )*?([^()\s]*)\)$/;
/** The first monitor (2017): `drop [ifindex 397 / endpoint 38061] (Policy denied)`. */
const BRACKET_DROP = /^drop \[[^\]]*\] \((.+)\)$/;
/** Their other events: `trace ( a) => (b)`, `debug: Conntrack lookup ...`, `from [container 397 / ...]`. */
const OLD_EVENT = /^(?:(?:trace|capture) \(.*\) => \(|debug: \S|from \[[^\]]+\])/;
/**
 * The monitor.log of Cilium's test runs: `[2018-10-17 06:34:51] ` before each line, and the node's
 * name (`k8s2: `) when the log gathers several nodes.
 */
const LOG_PREFIX =
  /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] (?:[\w.-]+: (?=(?:drop|trace|debug|capture|xx|CPU \d+|->|<-)\b))?/;

const STAMP =
  /(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)/
    .source;
/**
 * A flow's verdict as `hubble observe` prints it; a policy-verdict event says ALLOWED, DENIED or
 * AUDITED instead of FORWARDED, DROPPED or AUDIT.
 */
const VERDICT =
  'FORWARDED|DROPPED|ERROR|AUDIT|REDIRECTED|TRACED|TRANSLATED|DENIED|ALLOWED|AUDITED|UNKNOWN';
/** `hubble observe` compact: `May  4 13:23:47.852: default/xwing:42818 (ID:1) <> 10.0.0.2:80 (world) Policy denied DROPPED (TCP Flags: SYN)`. */
const COMPACT = new RegExp(
  `^(?:${STAMP}(?: \\[[^\\]\\s]+\\])?: )?(\\S+)(?: \\([^)\\s]*\\))? (?:->|<-|<>|<->|\\?\\?|<=>|=>) (\\S+)(?: \\([^)\\s]*\\))? (.+?) (${VERDICT})(?: \\((.*)\\))?$`,
);
/** `hubble observe` table: `Jun  2 11:14:46.041   src   dst   to-endpoint   FORWARDED   UDP`. */
const TABLE = new RegExp(`^(${STAMP})\\s{2,}(\\S.*)$`);
const VERDICT_WORD = new RegExp(`^(?:${VERDICT})$`);
const TABLE_HEADER = /^TIMESTAMP\s+(?:NODE\s+)?SOURCE\s+DESTINATION\s+TYPE\s+VERDICT\s+SUMMARY$/;

/**
 * `hubble observe -o json`: one flow per line, `{"flow":{...},"node_name":...}` (jsonpb, Hubble
 * 0.8+) or the bare flow before; a grep over saved flows puts `file.json:` before it.
 */
const JSON_FLOW = /^(?:[\w./-]+\.json:)?(\{".*\})$/;
/** Such lines run long (labels of both ends, the node's labels): read up to this length. */
const MAX_JSON_LINE = 20_000;
/** Hubble's numeric drop reasons for a flow without `drop_reason_desc` (older Hubble). */
const DROP_CODES: Record<number, string> = { 133: 'POLICY_DENIED', 181: 'POLICY_DENY' };
/** Hubble's event type of a policy verdict (a drop is 1). */
const POLICY_VERDICT_EVENT = 5;

type Read =
  | { kind: 'drop'; drop: Omit<CiliumDrop, 'line' | 'text'>; hubble: boolean }
  | { kind: 'event'; hubble: boolean; denial?: Omit<CiliumDrop, 'line' | 'text'> }
  | { kind: 'other' }
  | null;

/** What one line is. */
function read(line: string): Read {
  const t = line.replace(LOG_PREFIX, '');
  let m = DROP.exec(t);
  if (m) {
    const id = IDENTITY.exec(m[2]!);
    const flow = id ? /^(\S+) -> (\S+)(?: (.*))?$/.exec(id[2]!) : null;
    return {
      kind: 'drop',
      hubble: false,
      drop: {
        reason: m[1]!,
        source: flow?.[1] ?? null,
        destination: flow?.[2] ?? null,
        proto: protoOf(flow?.[3] ?? ''),
        identities: id?.[1] ?? null,
      },
    };
  }
  m = VERBOSE_DROP.exec(t);
  if (m) {
    const drop = {
      reason: m[1]!,
      source: null,
      destination: null,
      proto: null,
      identities: m[2] ?? null,
    };
    return { kind: 'drop', hubble: false, drop };
  }
  m = OLD_DROP.exec(t);
  if (m) {
    const drop = {
      reason: m[1]!,
      source: m[2] || null,
      destination: m[3] || null,
      proto: null,
      identities: null,
    };
    return { kind: 'drop', hubble: false, drop };
  }
  m = BRACKET_DROP.exec(t);
  if (m) {
    const drop = { reason: m[1]!, source: null, destination: null, proto: null, identities: null };
    return { kind: 'drop', hubble: false, drop };
  }
  if (OLD_EVENT.test(t)) return { kind: 'event', hubble: false };
  m = COMPACT.exec(t);
  if (m) return flow(m[1]!, m[2]!, m[3]!, m[4]!, m[5] ?? '');
  m = TABLE.exec(t);
  if (m) {
    const cols = m[2]!.split(/\s{2,}/);
    const v = cols.findIndex((c) => VERDICT_WORD.test(c));
    if (v >= 3) return flow(cols[v - 3]!, cols[v - 2]!, cols[v - 1]!, cols[v]!, cols[v + 1] ?? '');
  }
  m = MONITOR_VERDICT.exec(t);
  if (m && m[2]!.toLowerCase() === 'deny') {
    // `ingress true` (1.8) says the direction with a flag: `ingress false` is egress.
    const dir = /\bingress false,/.test(t) ? 'egress' : m[1]!;
    const denial = {
      reason: `policy-verdict ${dir} action deny (match ${m[3]!})`,
      source: m[4]!,
      destination: m[5]!,
      proto: protoOf(m[6] ?? ''),
      identities: null,
    };
    return { kind: 'event', hubble: false, denial };
  }
  if (EVENT.test(t)) return { kind: 'event', hubble: false };
  const json = jsonFlow(t);
  if (json) return json;
  if (BANNER.test(t) || LOGFMT.test(t) || DISSECT.test(t) || /^-{20,}$/.test(t))
    return { kind: 'other' };
  if (TABLE_HEADER.test(t)) return { kind: 'other' };
  return null;
}

function flow(
  source: string,
  destination: string,
  type: string,
  verdict: string,
  summary: string,
): Read {
  // `policy-verdict:none EGRESS DENIED`: the policy engine's verdict on a packet it drops (the
  // drop itself may follow as `Policy denied DROPPED`, or be filtered out of the paste).
  if (verdict === 'DENIED' && /^policy-verdict:/.test(type)) {
    const denial = { reason: `${type} DENIED`, source, destination, proto: protoOf(summary) };
    return { kind: 'event', hubble: true, denial: { ...denial, identities: null } };
  }
  if (verdict !== 'DROPPED') return { kind: 'event', hubble: true };
  const drop = { reason: type, source, destination, proto: protoOf(summary), identities: null };
  return { kind: 'drop', hubble: true, drop };
}

/** A flow as JSON may run past MAX_LINE; any other line may not. */
const tooLong = (t: string) =>
  t.length > (/^(?:[\w./-]+\.json:)?\{"/.test(t) ? MAX_JSON_LINE : MAX_LINE);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One flow of `hubble observe -o json`, read as the compact line would be; null if it is none. */
function jsonFlow(t: string): Read {
  const m = t.length <= MAX_JSON_LINE ? JSON_FLOW.exec(t) : null;
  if (!m) return null;
  let o: unknown;
  try {
    o = JSON.parse(m[1]!);
  } catch {
    return null;
  }
  const f = isObject(o) && isObject(o.flow) ? o.flow : o;
  if (!isObject(f) || typeof f.verdict !== 'string') return null;
  const l4 = isObject(f.l4) ? f.l4 : {};
  const proto = Object.keys(l4)[0] ?? null;
  const ports = proto && isObject(l4[proto]) ? l4[proto] : {};
  const ip = isObject(f.IP) ? f.IP : {};
  const end = (side: 'source' | 'destination'): string | null => {
    const e = isObject(f[side]) ? f[side] : {};
    const pod = typeof e.pod_name === 'string' && e.pod_name ? e.pod_name : null;
    const ns = typeof e.namespace === 'string' && e.namespace ? e.namespace : null;
    const addr = typeof ip[side] === 'string' ? ip[side] : null;
    const name = pod ? (ns ? `${ns}/${pod}` : pod) : addr;
    const port = ports[`${side}_port`];
    if (!name) return null;
    if (typeof port !== 'number') return name;
    return !pod && name.includes(':') ? `[${name}]:${port}` : `${name}:${port}`;
  };
  const code = typeof f.drop_reason === 'number' ? f.drop_reason : null;
  const desc =
    typeof f.drop_reason_desc === 'string'
      ? f.drop_reason_desc
      : code !== null
        ? (DROP_CODES[code] ?? `drop reason ${code}`)
        : 'unknown';
  // `POLICY_DENIED` → `Policy denied`: the words the monitor and the compact output print.
  const words = desc.toLowerCase().replace(/_/g, ' ');
  const reason = words.charAt(0).toUpperCase() + words.slice(1);
  const base = {
    source: end('source'),
    destination: end('destination'),
    proto: protoOf(proto ?? ''),
    identities: null,
  };
  const type = isObject(f.event_type) ? f.event_type.type : null;
  if (f.verdict !== 'DROPPED') return { kind: 'event', hubble: true };
  // A policy verdict that drops: the engine's verdict, as `policy-verdict:none INGRESS DENIED`.
  if (type === POLICY_VERDICT_EVENT) {
    const dir = typeof f.traffic_direction === 'string' ? `${f.traffic_direction} ` : '';
    return {
      kind: 'event',
      hubble: true,
      denial: { ...base, reason: `policy-verdict ${dir}DENIED (${reason})` },
    };
  }
  return { kind: 'drop', hubble: true, drop: { ...base, reason } };
}

/** `tcp SYN` / `TCP Flags: SYN` → tcp; `EchoRequest` / `ICMPv4 EchoRequest` → icmp. */
function protoOf(detail: string): string | null {
  const w = detail.split(/\s+/)[0] ?? '';
  if (/^(?:tcp|udp|sctp)$/i.test(w)) return w.toLowerCase();
  if (/^icmp(?:v[46])?$|^(?:Echo|Router|Neighbor|DestinationUnreachable|TimeExceeded)/i.test(w))
    return 'icmp';
  return null;
}

/** `cilium-dbg monitor --type drop` and `hubble observe` → drops with their reason, addresses, protocol. */
export const ciliumMonitor = withCommandLine(
  /\b(?:monitor|observe)\b/,
  defineParser<'cilium-monitor', CiliumMonitorFacts>({
    kind: 'cilium-monitor',
    detect(head) {
      let flows = 0;
      let body = 0;
      for (const l of head) {
        const t = l.text.trim();
        if (isNoise(t) || tooLong(t)) continue;
        body += 1;
        if (DROP.test(t) || VERBOSE_DROP.test(t) || BANNER.test(t) || TABLE_HEADER.test(t))
          return true;
        const r = read(t);
        const u = t.replace(LOG_PREFIX, '');
        if (r && r.kind !== 'other' && (r.hubble || EVENT.test(u) || OLD_EVENT.test(u))) flows += 1;
        else if (r && r.kind === 'drop') flows += 1;
      }
      // Flows and traces without a drop or the banner: most of the lines must be such.
      return flows >= 1 && flows * 2 >= body;
    },
    parse(lines) {
      const problems = new ProblemList(K);
      const facts: CiliumMonitorFacts = {
        format: 'monitor',
        drops: [],
        counts: {},
        events: 0,
        denials: [],
      };
      let known = 0;
      let hubble = 0;
      let monitor = 0;
      let pending: CiliumDrop | null = null; // a `-v` drop whose dissection may follow
      for (const l of lines) {
        const long = l.text.length > MAX_LINE && !tooLong(l.text.trim());
        const text = long ? l.text : textToRead(l, problems);
        if (text === null) continue;
        const t = text.trim();
        const r = read(t);
        if (!r) {
          problems.add(l.n, 'badLine');
          continue;
        }
        known += 1;
        if (r.kind === 'other') {
          if (pending) dissect(pending, t.replace(LOG_PREFIX, ''));
          continue;
        }
        pending = null;
        if (r.hubble) hubble += 1;
        else monitor += 1;
        if (r.kind === 'event') {
          facts.events += 1;
          if (r.denial && facts.denials.length < KEEP)
            facts.denials.push({ ...r.denial, line: l.n, text: l.text });
          continue;
        }
        const drop: CiliumDrop = { ...r.drop, line: l.n, text: l.text };
        facts.counts[drop.reason] = (facts.counts[drop.reason] ?? 0) + 1;
        if (facts.drops.length < KEEP) facts.drops.push(drop);
        if (VERBOSE_DROP.test(t.replace(LOG_PREFIX, ''))) pending = drop;
      }
      if (known === 0) return reject(msg(`${K}.noEvents`));
      if (hubble > monitor) facts.format = 'hubble';
      return accept(facts, problems.done(), summary(facts));
    },
  }),
);

/** Addresses and ports of a `-v` drop from the dissection under it. */
function dissect(d: CiliumDrop, t: string): void {
  const ip = /^IPv[46]\s+\{.*?\bSrcIP=(\S+) DstIP=(\S+)/.exec(t);
  if (ip) {
    d.source = ip[1]!;
    d.destination = ip[2]!;
    return;
  }
  const l4 = /^(TCP|UDP|SCTP|ICMPv4|ICMPv6)\s+\{/.exec(t);
  if (!l4) return;
  d.proto = protoOf(l4[1]!);
  const src = /\bSrcPort=(\d+)/.exec(t)?.[1];
  const dst = /\bDstPort=(\d+)/.exec(t)?.[1];
  const join = (a: string, p: string) => (a.includes(':') ? `[${a}]:${p}` : `${a}:${p}`);
  if (src && d.source) d.source = join(d.source, src);
  if (dst && d.destination) d.destination = join(d.destination, dst);
}

function summary(f: CiliumMonitorFacts) {
  const tool = f.format === 'hubble' ? 'hubble observe' : 'cilium monitor';
  const n = Object.values(f.counts).reduce((a, b) => a + b, 0);
  if (n === 0) return msg(`${K}.summaryNone`, { tool, events: f.events });
  const reasons = Object.entries(f.counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([reason, count]) => `${reason} ×${count}`)
    .join(', ');
  return msg(`${K}.summary`, { tool, n, reasons });
}
