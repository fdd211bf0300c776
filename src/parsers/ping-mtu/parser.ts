import type { Cited, Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import type { PingFacts, PingRun } from './facts';

const K = 'parse.ping-mtu';
/**
 * `PING 10.0.0.1 (10.0.0.1) 1472(1500) bytes of data.`, `PING g.com(2800::e (2800::e)) 1445 data
 * bytes`, `-I`: `PING x (10.0.0.1) from 10.0.0.2 eth0: 56(84) bytes of data.`, ping6's `PING
 * x(x (2001:db8::1)) from 2001:db8::2 : 56 data bytes`, busybox and BSD `PING x (x): 56 data bytes`.
 */
const START =
  /^\s*PING\s+(\S*?)\s*\(([^()\s]*)(?: \([^()]*\))?\)\)?(?:\s+from\s+(\S+?)(?:\s+([^\s:]+))?\s*:)?:?\s+(\d+)(?:\((\d+)\))?\s+(?:data )?bytes/;
/** BSD and macOS ping6: `PING6(56=40+8+8 bytes) 2600::1 --> 2a04::323`. */
const START6 = /^\s*PING6\((\d+)=\d+\+\d+\+(\d+) bytes\) (\S+) --> (\S+)/;
/** An echo reply: `64 bytes from 10.0.0.1: icmp_seq=1 ...`, BSD ping6 `16 bytes from ::1, icmp_seq=0`, busybox `seq=0`. */
const REPLY = /^\s*\d+ bytes from \S+(?: \([^()]*\))?[:,] (?:icmp_[rs]eq|seq)=\d+/;
const LOCAL = /(?:local error: |sendmsg: |sendto: )message too long(?:, mtu[=:]\s*(\d+))?/i;
/**
 * `ping: sendmsg: Invalid argument` (busybox: `ping: sendto: Invalid argument`): the kernel refused
 * the packet before it left. For IPv4 that is the output path failing to create a neighbour
 * entry; ping6 says the same for a link-local target given without its interface.
 */
const EINVAL = /^\s*ping6?: send(?:msg|to): Invalid argument\s*$/i;
const FRAG = /Frag needed and DF set \(mtu = (\d+)\)|Packet too big: mtu[=:]\s*(\d+)/;
/**
 * An ICMP error instead of a reply: `From 10.0.0.1 icmp_seq=1 Destination Host Unreachable`,
 * ping6's `Destination unreachable: Address unreachable`, BSD's `92 bytes from x (10.0.0.1):
 * Destination Host Unreachable`, and the prohibited and filtered ones a firewall sends.
 */
const UNREACHABLE =
  /^\s*(?:From (\S+)(?: \([^()]*\))?(?: icmp_seq=\d+)?|\d+ bytes from (\S+)(?: \(([^()]*)\))?:) (?:Destination (?:Host|Net|Network|Port|Protocol) Unreachable|Destination unreachable: |Destination (?:Host|Net|Network) Prohibited|Packet filtered|Communication prohibited)/i;
/**
 * The ICMP errors only a filter sends (a REJECT's `icmp-host-prohibited`, `icmp-net-prohibited`,
 * `icmp-admin-prohibited`; BSD's `Communication prohibited by filter`), not a missing host.
 */
const PROHIBITED =
  /\b(?:Destination (?:Host|Net|Network) Prohibited|Packet filtered|Communication prohibited)/i;
/** No answer in time: `no answer yet for icmp_seq=3` (`-O`), BSD's `Request timeout for icmp_seq 3`. */
const TIMEOUT = /^\s*(?:no answer yet for icmp_seq=\d+|Request timeout for icmp_seq \d+)\s*$/;
/** `3 packets transmitted, 0 received, +3 errors, 100% packet loss`, BSD `3 packets received, 0.0% packet loss`. */
const STATS =
  /^\s*(\d+) packets transmitted, (\d+)(?: packets)? received((?:, \+\d+ [a-z]+){0,4}), ([\d.]+)% packet loss/;
/** `ping -D`'s `[1594978465.914536] ` in front of each line. */
const STAMP = /^\s*\[\d{6,}\.\d+\]\s*/;
/** BSD's dump of the packet an ICMP error quotes: `Vr HL TOS  Len   ID Flg  off TTL Pro  cks  Src  Dst` and its values. */
const DUMP_HEAD = /^\s*Vr HL TOS\s+Len\s+ID\s+Flg\s+off\s+TTL\s+Pro\s+cks\s+Src\s+Dst\s*$/;
const DUMP_ROW =
  /^\s*[0-9a-f]{1,2}\s+[0-9a-f]{1,2}\s+[0-9a-f]{2}\s+[0-9a-f]{4}\s+[0-9a-f]{4}\s+\d\s+[0-9a-f]{4}\s+[0-9a-f]{2}\s+[0-9a-f]{2}\s+[0-9a-f]{4}\s+\S+\s+\S+\s*$/i;
/**
 * Lines ping prints that carry nothing more: statistics header, rtt, `PATTERN: 0xabcd` (`-p`),
 * `WARNING: pinging broadcast address`, `pipe 3`, TTL exceeded and redirects, other errors.
 */
const NOISE =
  /^\s*(?:--- .* ping6? statistics ---|rtt |round-trip |PATTERN: 0x[0-9a-f]+|WARNING: pinging broadcast address|pipe \d+\s*$|From \S+(?: \([^()]*\))? icmp_seq=\d+ (?:Time to live exceeded|Redirect )|\^C|ping6?: )/i;
const MAX_LINE = 2_000;

/** `ping -M do -s N` → size tried, MTU reported (locally or by a router), replies, unreachables and loss. */
export const pingMtu = defineParser<'ping-mtu', PingFacts>({
  kind: 'ping-mtu',
  detect(head, ctx) {
    for (const l of head) {
      if (l.text.length > MAX_LINE) continue;
      const t = l.text.replace(STAMP, '');
      if (START.test(t) || START6.test(t) || LOCAL.test(t) || FRAG.test(t) || EINVAL.test(t))
        return true;
    }
    return /^\s*ping6?\b/.test(ctx.command ?? '') && head.some((l) => STATS.test(l.text));
  },
  parse(lines, ctx) {
    const problems = new ProblemList(K);
    const runs: PingRun[] = [];
    let run: PingRun | null = null;
    const ensure = (l: Line): PingRun => {
      run ??= newRun('?', null, null, null, l);
      if (!runs.includes(run)) runs.push(run);
      return run;
    };
    const seen: {
      mtu: Cited<number> | null;
      unreachable: Cited | null;
      prohibited: Cited | null;
    } = { mtu: null, unreachable: null, prohibited: null };
    const sawMtu = (value: number, l: Line) => {
      if (!seen.mtu || value < seen.mtu.value) seen.mtu = cite(value, l);
    };
    let dump = false; // inside BSD's dump of a quoted packet
    for (const l of lines) {
      if (l.text.trim() === '') {
        dump = false;
        continue;
      }
      if (l.text.length > MAX_LINE) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const t = l.text.replace(STAMP, '');
      const s = START.exec(t);
      if (s) {
        run = newRun(s[1] || s[2]!, Number(s[5]), s[6] ? Number(s[6]) : null, s[3] ?? null, l);
        const name = (s[1] ?? '').replace(/\.$/, '').toLowerCase();
        run.address = s[2] || null;
        run.resolved = name && name !== s[2]?.toLowerCase() && !isAddress(name) ? name : null;
        runs.push(run);
        continue;
      }
      const s6 = START6.exec(t);
      if (s6) {
        run = newRun(s6[4]!, Number(s6[2]), Number(s6[1]), s6[3]!, l);
        runs.push(run);
        continue;
      }
      if (REPLY.test(t)) {
        ensure(l).replies += 1;
        continue;
      }
      const local = LOCAL.exec(t);
      if (local) {
        const r = ensure(l);
        r.localErrors += 1;
        if (local[1]) {
          r.mtu = Math.min(r.mtu ?? Infinity, Number(local[1]));
          sawMtu(Number(local[1]), l);
        }
        continue;
      }
      if (EINVAL.test(t)) {
        const r = ensure(l);
        r.invalid += 1;
        r.invalidLine ??= cite(t.trim(), l);
        continue;
      }
      const frag = FRAG.exec(t);
      if (frag) {
        const r = ensure(l);
        const value = Number(frag[1] ?? frag[2]);
        r.fragNeeded += 1;
        r.mtu = Math.min(r.mtu ?? Infinity, value);
        sawMtu(value, l);
        continue;
      }
      const u = UNREACHABLE.exec(t);
      if (u) {
        const r = ensure(l);
        const from = u[3] || u[1] || u[2]!;
        r.unreachable += 1;
        r.unreachableFrom ??= from;
        seen.unreachable ??= cite(from, l);
        if (PROHIBITED.test(t)) seen.prohibited ??= cite(from, l);
        continue;
      }
      if (TIMEOUT.test(t)) {
        ensure(l).timeouts += 1;
        continue;
      }
      const st = STATS.exec(t);
      if (st) {
        const r = ensure(l);
        r.sent = Number(st[1]);
        r.received = Number(st[2]);
        r.loss = Number(st[4]);
        r.duplicates = extra(st[3]!, 'duplicates');
        r.errors = extra(st[3]!, 'errors');
        continue;
      }
      if (DUMP_HEAD.test(t)) {
        dump = true;
        continue;
      }
      if (dump && DUMP_ROW.test(t)) continue;
      if (!NOISE.test(t)) problems.add(l.n, 'badLine');
    }
    if (runs.length === 0) return reject(msg(`${K}.noPing`));
    // The echoed `ping ... HOST` belongs to the first run (later ones had commands not shown).
    const asked = hostArgument(ctx.command ?? '');
    if (asked) {
      runs[0]!.asked = asked;
      // Without a `PING host` header the run's target is the one the echoed command named.
      if (runs[0]!.target === '?') runs[0]!.target = asked;
    }
    const ok = runs.filter((r) => r.size !== null && r.replies > 0).map((r) => r.size!);
    // Unanswered for its size: refused, told too big, or lost whole. An unreachable target says
    // nothing about sizes.
    const failed = runs
      .filter(
        (r) =>
          r.size !== null &&
          r.replies === 0 &&
          (r.localErrors + r.fragNeeded > 0 ||
            (r.unreachable === 0 && (r.loss === 100 || (r.loss === null && r.timeouts > 0)))),
      )
      .map((r) => r.size!);
    const command = ctx.command ?? '';
    const counted = runs.filter((r) => r.sent !== null && r.received !== null);
    const sent = counted.length ? counted.reduce((n, r) => n + r.sent!, 0) : null;
    const received = counted.length ? counted.reduce((n, r) => n + r.received!, 0) : null;
    const loss =
      counted.length === 1
        ? counted[0]!.loss
        : sent
          ? Math.round((1000 * (sent - received!)) / sent) / 10
          : null;
    // IPv6 targets are left out: ping6 to a link-local address without `%iface` fails the same way.
    const ipv6 = /\bping6\b|\s-6\b/.test(command);
    const sendInvalid =
      runs.find(
        (r) =>
          r.invalidLine !== null &&
          !ipv6 &&
          ![r.target, r.address, r.asked].some((a) => a !== null && a.includes(':')),
      )?.invalidLine ?? null;
    const facts: PingFacts = {
      runs,
      mtu: seen.mtu,
      largestOk: ok.length ? Math.max(...ok) : null,
      smallestFailed: failed.length ? Math.min(...failed) : null,
      dontFragment: /^\s*ping\b|\bping\s/.test(command) ? /-M\s*do\b/.test(command) : null,
      sent,
      received,
      loss,
      unreachable: seen.unreachable,
      prohibited: seen.prohibited,
      sendInvalid,
    };
    return accept(facts, problems.done(), summary(facts, ok.length));
  },
});

function summary(f: PingFacts, ok: number) {
  const targets = [...new Set(f.runs.map((r) => r.target))];
  const params = {
    n: f.runs.length,
    ok,
    target: targets.slice(0, 3).join(', '),
    mtu: f.mtu?.value ?? '-',
    from: f.unreachable?.value ?? '-',
    unreachable: f.runs.reduce((n, r) => n + r.unreachable, 0),
    lost: f.runs.reduce((n, r) => n + r.timeouts, 0),
  };
  if (f.sent === null || f.received === null || f.loss === null) {
    if (f.mtu) return msg(`${K}.summaryMtuNoStats`, params);
    if (f.unreachable) return msg(`${K}.summaryUnreachableNoStats`, params);
    return msg(`${K}.summaryNoStats`, params);
  }
  const withStats = { ...params, sent: f.sent, received: f.received, loss: f.loss };
  if (f.mtu) return msg(`${K}.summaryMtu`, withStats);
  if (f.unreachable) return msg(`${K}.summaryUnreachable`, withStats);
  return msg(`${K}.summary`, withStats);
}

/** `, +19 duplicates, +3 errors` → the number before `name`, or null. */
function extra(text: string, name: string): number | null {
  const m = new RegExp(`\\+(\\d+) ${name}\\b`).exec(text);
  return m ? Number(m[1]) : null;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function isAddress(s: string): boolean {
  return IPV4.test(s) || (s.includes(':') && /^[0-9a-f:.%]+$/i.test(s));
}

/** Options of iputils, busybox and BSD ping that take a value. */
const VALUE_OPTIONS = /^-[cIiMstWwpQlTmFSeNgGhkPz]$/;

/** `ping -M do -s 1472 -c 3 host.example.com` → `host.example.com`; null when no ping command or no host. */
function hostArgument(command: string): string | null {
  const words = command.trim().split(/\s+/);
  const at = words.findIndex((w) => /^(?:\S*\/)?ping6?$/.test(w));
  if (at < 0) return null;
  let host: string | null = null;
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i]!;
    if (/^[|;&>]/.test(w)) break;
    if (VALUE_OPTIONS.test(w)) {
      i += 1;
      continue;
    }
    if (w.startsWith('-')) continue;
    host = w;
  }
  return host && /^[\w.:%-]+$/.test(host) ? host : null;
}

function newRun(
  target: string,
  size: number | null,
  packet: number | null,
  source: string | null,
  l: Line,
): PingRun {
  return {
    target,
    resolved: null,
    address: null,
    asked: null,
    size,
    packet,
    source,
    replies: 0,
    localErrors: 0,
    fragNeeded: 0,
    unreachable: 0,
    unreachableFrom: null,
    timeouts: 0,
    invalid: 0,
    invalidLine: null,
    mtu: null,
    sent: null,
    received: null,
    loss: null,
    duplicates: null,
    errors: null,
    line: l.n,
    text: l.text,
  };
}
