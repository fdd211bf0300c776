import type { Cited, Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import type { PingFacts, PingRun } from './facts';

const K = 'parse.ping-mtu';
/** `PING 10.0.0.1 (10.0.0.1) 1472(1500) bytes of data.`, `PING g.com(2800::e (2800::e)) 1445 data bytes`, busybox `PING x (x): 56 data bytes`. */
const START =
  /^\s*PING\s+(\S*?)\s*\(([^()\s]*)(?: \([^()]*\))?\)\)?:?\s+(\d+)(?:\((\d+)\))?\s+(?:data )?bytes/;
const REPLY = /^\s*\d+ bytes from \S+/;
const LOCAL = /(?:local error: |sendmsg: )message too long(?:, mtu[=:]\s*(\d+))?/i;
const FRAG = /Frag needed and DF set \(mtu = (\d+)\)|Packet too big: mtu[=:]\s*(\d+)/;
const STATS =
  /^\s*(\d+) packets transmitted, (\d+)(?: packets)? received(?:, \+\d+ errors)?(?:, \+\d+ duplicates)?, ([\d.]+)% packet loss/;
/** Lines ping prints that carry nothing more: statistics header, rtt, progress notes, other errors. */
const NOISE =
  /^\s*(?:--- .* ping statistics ---|rtt |round-trip |\[\d+\.\d+\] no answer yet|From \S+ icmp_seq=\d+ (?:Destination|Time to live)|Request timeout|\^C|ping: )/;
const MAX_LINE = 2_000;

/** `ping -M do -s N` → size tried, MTU reported (locally or by a router), replies and loss. */
export const pingMtu = defineParser<'ping-mtu', PingFacts>({
  kind: 'ping-mtu',
  detect(head, ctx) {
    for (const l of head) {
      if (l.text.length > MAX_LINE) continue;
      if (START.test(l.text) || LOCAL.test(l.text) || FRAG.test(l.text)) return true;
    }
    return /^\s*ping\b/.test(ctx.command ?? '') && head.some((l) => STATS.test(l.text));
  },
  parse(lines, ctx) {
    const problems = new ProblemList(K);
    const runs: PingRun[] = [];
    let run: PingRun | null = null;
    const ensure = (l: Line): PingRun => {
      run ??= newRun('?', null, null, l);
      if (!runs.includes(run)) runs.push(run);
      return run;
    };
    const seen: { mtu: Cited<number> | null } = { mtu: null };
    const sawMtu = (value: number, l: Line) => {
      if (!seen.mtu || value < seen.mtu.value) seen.mtu = cite(value, l);
    };
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (t.length > MAX_LINE) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const s = START.exec(t);
      if (s) {
        run = newRun(s[1] || s[2]!, Number(s[3]), s[4] ? Number(s[4]) : null, l);
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
      const frag = FRAG.exec(t);
      if (frag) {
        const r = ensure(l);
        const value = Number(frag[1] ?? frag[2]);
        r.fragNeeded += 1;
        r.mtu = Math.min(r.mtu ?? Infinity, value);
        sawMtu(value, l);
        continue;
      }
      const st = STATS.exec(t);
      if (st) {
        const r = ensure(l);
        r.sent = Number(st[1]);
        r.received = Number(st[2]);
        r.loss = Number(st[3]);
        continue;
      }
      if (!NOISE.test(t)) problems.add(l.n, 'badLine');
    }
    if (runs.length === 0) return reject(msg(`${K}.noPing`));
    const ok = runs.filter((r) => r.size !== null && r.replies > 0).map((r) => r.size!);
    const failed = runs
      .filter(
        (r) =>
          r.size !== null &&
          r.replies === 0 &&
          (r.localErrors + r.fragNeeded > 0 || r.loss === 100),
      )
      .map((r) => r.size!);
    const command = ctx.command ?? '';
    const facts: PingFacts = {
      runs,
      mtu: seen.mtu,
      largestOk: ok.length ? Math.max(...ok) : null,
      smallestFailed: failed.length ? Math.min(...failed) : null,
      dontFragment: /^\s*ping\b|\bping\s/.test(command) ? /-M\s*do\b/.test(command) : null,
    };
    const m = seen.mtu;
    return accept(
      facts,
      problems.done(),
      m
        ? msg(`${K}.summaryMtu`, { n: runs.length, mtu: m.value })
        : msg(`${K}.summary`, { n: runs.length, ok: ok.length }),
    );
  },
});

function newRun(target: string, size: number | null, packet: number | null, l: Line): PingRun {
  return {
    target,
    size,
    packet,
    replies: 0,
    localErrors: 0,
    fragNeeded: 0,
    mtu: null,
    sent: null,
    received: null,
    loss: null,
    line: l.n,
    text: l.text,
  };
}
