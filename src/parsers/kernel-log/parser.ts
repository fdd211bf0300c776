import type { Cited, Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite, isElided } from '../node-shared/util';
import { SYSLOG_DATE, SYSLOG_MONTH } from '../node-shared/syslog-date';
import type { KernelEvent, KernelEventKind, KernelLogFacts } from './facts';

const K = 'parse.kernel-log';
/**
 * `[1454500.910215] ` or `[ 1423.035722] ` (dmesg), `[Tue Nov 20 22:30:22 2018] ` (dmesg -T),
 * after `kern  :warn  : ` (dmesg -x), `kern.info kernel: ` (OpenWrt logread, its date cut off) or
 * a bare `kernel: ` (a syslog line whose date and host the poster cut off).
 */
const DMESG =
  /^\s*(?:(?:kern|user|daemon|syslog)(?:\s*:\s*\w+\s*: |\.\w+ kernel: )|kernel: )?(\[\s*\d+\.\d+\]|\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d [\d:]{8} \d{4}\]) ?/;
/**
 * `Nov 20 22:30:22 host kernel: ` (syslog, journalctl -k; `9月 22 08:58:03 host kernel: ` under a
 * Chinese locale), `2024-05-08T06:12:40+0000 host kernel: ` (-o short-iso); busybox syslogd
 * (home routers, Asuswrt, older OpenWrt) writes no host: `Apr 20 22:02:55 kernel: `; OpenWrt's
 * logread the weekday, the year and the facility: `Wed Feb 24 00:35:21 2021 kern.info kernel: `.
 * The host never ends in `:` or `]`: `miniupnpd[1186]: kernel: ...` is another program's line.
 */
const SYSLOG = new RegExp(
  String.raw`^\s*(${SYSLOG_DATE}|[A-Z][a-z]{2} ${SYSLOG_DATE} \d{4}|\d{4}-\d\d-\d\dT[\d:.]+(?:[+-]\d\d:?\d\d|Z)?) (?:\S*[^\s:\]] )?kernel: (?:\[\s*\d+\.\d+\] )?`,
);
/** `ping -D` stamps its lines the way dmesg does: `[1594978465.914536] 64 bytes from ...`. */
const PING_LINE =
  /^\s*\[\d+\.\d+\] (?:\d+ bytes from \S+|no answer yet for icmp_seq=|From \S+ icmp_seq=)/;
/** journalctl's own lines: `-- Logs begin at ...`, `-- Boot 0f3c... --`, `-- No entries --`. */
const JOURNAL_NOTE = /^-- .* --$|^-- (?:Logs begin|Journal begins|No entries|Boot )/;
/**
 * The message kinds, found anywhere after the stamp: a subsystem or module prefix in front
 * (`IPv4: `, `ipv4: `, `neighbour: `) changed across kernel versions.
 */
const EVENT =
  /(?:nf_conntrack: (?:nf_conntrack: )?table full|ip_conntrack: table full)|((?:neighbour: )?\S+: neighbor table overflow|Neighbour table overflow)|(UDP(?:v6)?: bad checksum)|(IPVS: \S+: \S+ \S+ - no destination available)|((?:IPv4: )?martian (?:source|destination))|((?:net_|__)ratelimit: (\d+) callbacks suppressed)|((?:(?:Memory cgroup )?[Oo]ut of memory: )?Killed process)|(TCP: (?:request_sock_\w+: )?Possible SYN flooding)|(bridge: filtering via arp\/ip\/ip6tables is no longer available|br_netfilter: )|(Linux version (\S+))|(nf_conntrack version [\d.]+ \(\d+ buckets, (\d+) max\))/g;
/**
 * Messages that make a line with no stamp at all (`journalctl -o cat`, a quote) a kernel line:
 * only wordings no other program prints (a CNI log may say `br_netfilter: ...`).
 */
const BARE_EVENT =
  /nf_conntrack: (?:nf_conntrack: )?table full|ip_conntrack: table full|neighbor table overflow|Neighbour table overflow|UDP(?:v6)?: bad checksum|IPVS: \S+: \S+ \S+ - no destination available|martian (?:source|destination)|TCP: (?:request_sock_\w+: )?Possible SYN flooding/;
/** A dmesg stamp cut at its start: `4500.910215] msg`. */
const CUT_STAMP = /^\s*\d*\.\d+\] ?/;
/** `host kernel: ` after a dmesg-style stamp (`journalctl -o short-monotonic`). */
const HOST_KERNEL = /^[\w.-]{1,64} kernel: /;
/** A kernel line this long was likely hard-wrapped by a terminal or a mail client. */
const WRAP_WIDTH = 60;
/** Lines that begin an output of their own (klog, a dated log, JSON, `key = value`), never a wrap. */
const OWN_START = new RegExp(
  String.raw`^\s*(?:[IWEF]\d{4} |\d{4}[-/]\d\d[-/]\d\d|${SYSLOG_MONTH} [ \d]\d |\{|[\w.-]+\s*=)`,
);
const KINDS: (KernelEventKind | 'version' | 'max')[] = [
  'conntrack-full',
  'neigh-overflow',
  'udp-bad-checksum',
  'ipvs-no-destination',
  'martian-source',
  'ratelimit-suppressed',
  'ratelimit-suppressed',
  'oom-kill',
  'syn-flood',
  'br-netfilter-hint',
  'version',
  'version',
  'max',
  'max',
];
const CHECKSUM_PORT = /to \S+?[:.](\d+) /;
/** A netfilter LOG line: its prefix, then `IN=... OUT=...` (then the addresses, protocol and ports). */
const NF_LOG = /(?:^|\s)(\S[^=]{0,60}?)\s?IN=(\S*) OUT=(\S*) (?=.*?\b(?:SRC|PROTO)=)/;
const NF_PROTO = /\bPROTO=(\w+)/;
const NF_DPT = /\bDPT=(\d+)/;
const NF_SRC = /\bSRC=(\S+)/;
const NF_DST = /\bDST=(\S+)/;
/** Prefixes of LOG rules that log what is turned away (firewalld's LogDenied, hand-made ones). */
const DENY_PREFIX = /REJECT|DROP|DENY|DENIED|BLOCK/i;
const MAX_DENIED = 200;
const EXAMPLES = 3;
const MAX_LINE = 20_000;

/** `dmesg [-T]`, `journalctl -k`, syslog / kern.log kernel lines → counts and cited lines of notable events. */
export const kernelLog = defineParser<'kernel-log', KernelLogFacts>({
  kind: 'kernel-log',
  detect(head) {
    let hits = 0;
    // `...` where the author cut lines out is neither the log's nor another output's.
    let elided = 0;
    for (const l of head) {
      if (l.text.length > MAX_LINE || PING_LINE.test(l.text)) continue;
      if (DMESG.test(l.text) || SYSLOG.test(l.text)) hits += 1;
      else if (JOURNAL_NOTE.test(l.text) || BARE_EVENT.test(l.text)) hits += 1;
      else if (isElided(l.text)) elided += 1;
    }
    return hits >= 1 && hits * 2 >= head.length - elided;
  },
  parse(lines) {
    const problems = new ProblemList(K);
    const events: Partial<Record<KernelEventKind, KernelEvent>> = {};
    const ports: Record<string, number> = {};
    let count = 0;
    let suppressed = 0;
    const denied: KernelLogFacts['denied'] = [];
    let kernel: Cited | null = null;
    let conntrackMax: Cited<number> | null = null;
    let firstLine: Line | null = null;
    let lastLine: Line | null = null;
    // The message of the last kernel line when it may go on on the next line (hard-wrapped).
    let wrapped: string | null = null;
    for (const l of lines) {
      const t = l.text;
      if (t.length === 0 || t.length > MAX_LINE) {
        if (t.length > MAX_LINE) problems.add(l.n, 'badLine');
        wrapped = null;
        continue;
      }
      const at = messageStart(t);
      let m: RegExpExecArray | null;
      if (at < 0) {
        if (wrapped !== null && !JOURNAL_NOTE.test(t) && !OWN_START.test(t)) {
          // The rest of a wrapped message: it may complete an event the line before began.
          const joined = `${wrapped} ${t.trim()}`;
          wrapped = null;
          EVENT.lastIndex = 0;
          m = EVENT.exec(joined);
          if (!m) continue;
        } else {
          if (t.trim() !== '' && !JOURNAL_NOTE.test(t)) problems.add(l.n, 'notKernelLog');
          continue;
        }
      } else {
        count += 1;
        lastLine = l;
        firstLine ??= l;
        EVENT.lastIndex = at;
        m = EVENT.exec(t);
        if (!m) {
          const nf = NF_LOG.exec(t.slice(at));
          if (nf && DENY_PREFIX.test(nf[1]!)) {
            const rest = t.slice(at + nf.index + nf[0].length);
            const dport = NF_DPT.exec(rest)?.[1];
            if (denied.length < MAX_DENIED)
              denied.push({
                prefix: nf[1]!.trim(),
                proto: (NF_PROTO.exec(rest)?.[1] ?? '').toUpperCase(),
                dport: dport ? Number(dport) : null,
                in: nf[2]!,
                out: nf[3]!,
                src: NF_SRC.exec(rest)?.[1] ?? null,
                dst: NF_DST.exec(rest)?.[1] ?? null,
                line: l.n,
                text: t,
              });
            count1(events, 'nf-deny', l);
            continue;
          }
        }
        wrapped = !m && t.length >= WRAP_WIDTH ? t.slice(at) : null;
        if (!m) continue;
      }
      const i = m.findIndex((g, k) => k > 0 && g !== undefined);
      const kind = i < 0 ? 'conntrack-full' : KINDS[i]!;
      if (kind === 'version') {
        kernel ??= cite(m[11]!, l);
        continue;
      }
      if (kind === 'max') {
        conntrackMax = cite(Number(m[13]), l);
        continue;
      }
      if (kind === 'ratelimit-suppressed') suppressed += Number(m[6]);
      if (kind === 'udp-bad-checksum') {
        const port = CHECKSUM_PORT.exec(m.input.slice(m.index))?.[1];
        if (port) ports[port] = (ports[port] ?? 0) + 1;
      }
      count1(events, kind, l);
    }
    if (count === 0) return reject(msg(`${K}.noLines`));
    const first = firstLine ? stamp(firstLine) : null;
    const last = lastLine ? stamp(lastLine) : null;
    const format = formatOf(first?.value ?? '');
    const facts: KernelLogFacts = {
      format,
      lines: count,
      first,
      last,
      kernel,
      conntrackMax,
      events,
      badChecksumPorts: ports,
      suppressed,
      denied,
    };
    return accept(facts, problems.done(), summary(facts));
  },
});

/** One more line of an event kind: counted, kept among the first few, and as the last. */
function count1(events: KernelLogFacts['events'], kind: KernelEventKind, l: Line): void {
  const c = cite(kind, l);
  const e = events[kind];
  if (!e) events[kind] = { count: 1, examples: [c], last: c };
  else {
    e.count += 1;
    if (e.examples.length < EXAMPLES) e.examples.push(c);
    e.last = c;
  }
}

/**
 * Where the message starts after the timestamp (and `host kernel: `), or -1 when the line is
 * not a kernel log line: with a stamp, with a stamp cut at its start or mangled, or with none
 * but a message only the kernel writes.
 */
function messageStart(t: string): number {
  const at = stampEnd(t);
  if (at >= 0) {
    const host = HOST_KERNEL.exec(t.slice(at, at + 80));
    return host ? at + host[0].length : at;
  }
  const cut = CUT_STAMP.exec(t);
  if (cut) return cut[0].length;
  return BARE_EVENT.test(t) ? 0 : -1;
}

/** Where a line's stamp ends. Runs on every line: character checks, the regexes only to confirm. */
function stampEnd(t: string): number {
  let p = 0;
  while (t.charCodeAt(p) === 32) p++;
  const c = t.charCodeAt(p);
  if (c === 91) {
    // dmesg: `[ 1423.035722] ` / `[Tue Nov 20 22:30:22 2018] `
    const end = t.indexOf(']', p);
    if (end < 0 || end - p > 30) return -1;
    const inner = t.charCodeAt(p + 1);
    if (!(inner === 32 || isDigit(inner) || (inner >= 65 && inner <= 90))) return -1;
    return t.charCodeAt(end + 1) === 32 ? end + 2 : end + 1;
  }
  if ((c >= 65 && c <= 90) || isDigit(c)) {
    // syslog `Nov 20 22:30:22 host kernel: `, ISO `2024-05-08T06:12:40+0000 host kernel: `
    const k = t.indexOf(' kernel: ', p + 14);
    if (k < 0 || k > p + 120) return c >= 65 ? dmesgLevel(t) : -1;
    const m = SYSLOG.exec(t);
    return m ? m[0].length : -1;
  }
  return c === 107 || c === 117 ? dmesgLevel(t) : -1;
}

/** `dmesg -x`: `kern  :warn  : [   12.3] ...`. */
function dmesgLevel(t: string): number {
  const m = DMESG.exec(t);
  return m ? m[0].length : -1;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

function stamp(l: Line): Cited {
  const m = DMESG.exec(l.text) ?? SYSLOG.exec(l.text);
  return { value: m?.[1] ?? '', line: l.n, text: l.text };
}

function formatOf(stamp: string): KernelLogFacts['format'] {
  if (/^\[\s*\d/.test(stamp)) return 'dmesg';
  if (stamp.startsWith('[')) return 'dmesg-T';
  return /^\d{4}-/.test(stamp) ? 'iso' : 'syslog';
}

function summary(f: KernelLogFacts) {
  const notable = (Object.entries(f.events) as [KernelEventKind, KernelEvent][])
    .sort((a, b) => b[1].count - a[1].count)
    .map(([k, e]) => `${k} × ${e.count}`)
    .join(', ');
  return notable
    ? msg(`${K}.summaryEvents`, { n: f.lines, events: notable })
    : msg(`${K}.summary`, { n: f.lines });
}
