import type { Cited, Line, ParseOutcome } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite, content } from '../node-shared/util';
import type { Listener, SsFacts } from './facts';

const K = 'parse.ss';
const STATES =
  'ESTAB|SYN-SENT|SYN-RECV|FIN-WAIT-1|FIN-WAIT-2|TIME-WAIT|CLOSE|CLOSE-WAIT|LAST-ACK|LISTEN|CLOSING|UNCONN|UNKNOWN|NEW-SYN-RECV|BOUND';
const HEADER = /^\s*(Netid\s+)?State\s+Recv-Q\s+Send-Q\s+Local Address:Port\s+Peer Address:Port/;
/** `[netid] STATE recvq sendq local peer [process]`. */
const ROW = new RegExp(
  `^\\s*(?:(tcp|udp|raw|u_str|u_dgr|u_seq|nl|p_raw|p_dgr|icmp6|sctp|tcp6|udp6|mptcp|v_str|v_dgr|xdp)\\s+)?(${STATES})\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*))?$`,
);
/**
 * `netstat -an[p]`'s socket row: `tcp6  0  0 :::30046  :::*  LISTEN  9651/kube-proxy`; UDP
 * rows have no state, `-e` adds the user and inode before the program.
 */
const NETSTAT_ROW =
  /^\s*(tcp6?|udp6?|udpl6?|raw6?|sctp6?)\s+(\d+)\s+(\d+)\s+(\S+:\S*)\s+(\S+:\S*)(?:\s+([A-Z][A-Z_0-9]+))?(?:\s+\S+\s+\d+)?(?:\s+((\d+)\/(\S.*?)|-))?\s*$/;
const NETSTAT_HEADER =
  /^\s*(?:Proto Recv-Q Send-Q Local Address|Active Internet connections|\((?:Not all processes could be identified|No info could be read for "-p")|netstat: no support for)/;
/** The command itself pasted without a prompt (`netstat -antp | grep kube-pr`). */
const BARE_COMMAND = /^\s*(?:sudo\s+)?(?:netstat|ss)\s+-\w+/;
/** netstat's UNIX-domain part: other sockets, read past. */
const NETSTAT_UNIX = /^\s*(?:Active UNIX domain sockets|Proto RefCnt Flags|unix\s+\d+\s+\[)/;
const TOTAL = /^\s*Total:\s+(\d+)/;
const TCP_SUMMARY = /^\s*TCP:\s+(\d+)\s+\(([^)]*)\)/;
const TRANSPORT = /^\s*(RAW|UDP|TCP|INET|FRAG)\s+(\d+)\s+(\d+)\s+(\d+)\s*$/;
const TRANSPORT_HEADER = /^\s*Transport\s+Total\s+IP\s+IPv6/;
const USERS = /users:\(\("([^"]+)",pid=(\d+)/;
/** netstat's state names → ss's. */
const NETSTAT_STATES: Record<string, string> = {
  ESTABLISHED: 'ESTAB',
  SYN_SENT: 'SYN-SENT',
  SYN_RECV: 'SYN-RECV',
  FIN_WAIT1: 'FIN-WAIT-1',
  FIN_WAIT2: 'FIN-WAIT-2',
  TIME_WAIT: 'TIME-WAIT',
  CLOSE: 'CLOSE',
  CLOSE_WAIT: 'CLOSE-WAIT',
  LAST_ACK: 'LAST-ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
  UNKNOWN: 'UNKNOWN',
};
const SS_STATES = new Set(STATES.split('|'));
/** A socket state in either tool's spelling, as ss spells it; null for anything else. */
function socketState(name: string): string | null {
  return NETSTAT_STATES[name] ?? (SS_STATES.has(name) ? name : null);
}
/** States only sockets have (conntrack has none of these): a histogram with one counts sockets. */
const SOCKET_ONLY =
  /^(?:FIN_WAIT[12]|FIN-WAIT-[12]|CLOSING|LISTEN|ESTAB|UNCONN|TIME-WAIT|CLOSE-WAIT|SYN-RECV|SYN-SENT|LAST-ACK)$/;
/** `uniq -c` of the state column (`  245 ESTABLISHED`) or awk's `print a, S[a]` (`TIME_WAIT 814`). */
const HIST_COUNT_FIRST = /^\s*(\d+)\s+([A-Z][A-Z_0-9-]*)\s*$/;
const HIST_STATE_FIRST = /^\s*([A-Z][A-Z_0-9-]*)[\s:]+(\d+)\s*$/;
const SOCKET_COMMAND = /\b(?:netstat|ss)\b/;
const EXAMPLES = 3;
const MAX_LISTENERS = 500;
const MAX_LINE = 4_000;

/**
 * `ss -tan[p]`, `ss -ltnp`, `ss -s`, and socket-state histograms (`netstat -ant | awk | uniq -c`)
 * → state counts (in ss's spelling) with examples, listeners (port → process), totals.
 */
export const ss = defineParser<'ss', SsFacts>({
  kind: 'ss',
  detect(head, ctx) {
    let rows = 0;
    for (const l of head) {
      const t = l.text;
      if (t.length > MAX_LINE) continue;
      if (HEADER.test(t) || TCP_SUMMARY.test(t) || TRANSPORT_HEADER.test(t)) return true;
      if (ROW.test(t) || netstatRow(t)) rows += 1;
      else if (NETSTAT_HEADER.test(t)) return true;
    }
    if (rows >= 1 && rows * 2 >= head.length) return true;
    return isHistogram(head, ctx.command);
  },
  parse(lines, ctx) {
    if (isHistogram(content(lines).slice(0, 40), ctx.command)) return parseHistogram(lines);
    const problems = new ProblemList(K);
    const states: Record<string, number> = {};
    const examples: Record<string, Cited[]> = {};
    const listeners: Listener[] = [];
    let total = 0;
    let summary: SsFacts['summary'] = null;
    const sum = () => (summary ??= { total: null, tcp: null, transports: {} });
    let last: Listener | null = null;
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (t.length > MAX_LINE) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const r = ROW.exec(t);
      const n = r ? null : netstatRow(t);
      if (r || n) {
        const state = r ? r[2]! : n!.state;
        total += 1;
        states[state] = (states[state] ?? 0) + 1;
        const ex = (examples[state] ??= []);
        if (ex.length < EXAMPLES) ex.push(cite(state, l));
        last = null;
        if (state === 'LISTEN' && listeners.length < MAX_LISTENERS) {
          last = r ? listener(r, l) : { ...n!.listener, line: l.n, text: t };
          listeners.push(last);
        }
        continue;
      }
      if (HEADER.test(t) || TRANSPORT_HEADER.test(t) || NETSTAT_HEADER.test(t)) continue;
      if (NETSTAT_UNIX.test(t) || BARE_COMMAND.test(t)) continue;
      // `ss -p` wraps `users:((...))` onto the next line when the terminal is narrow.
      const u = USERS.exec(t);
      if (u && /^\s*(?:users:|timer:|uid:|ino:|skmem:|cubic|\\)/.test(t)) {
        if (last && !last.process) [last.process, last.pid] = [u[1]!, Number(u[2])];
        continue;
      }
      if (/^\s*(?:timer:|uid:|ino:|skmem:|cubic|bbr|ts |sack |wscale:)/.test(t)) continue;
      const to = TOTAL.exec(t);
      if (to) {
        sum().total = cite(Number(to[1]), l);
        continue;
      }
      const tcp = TCP_SUMMARY.exec(t);
      if (tcp) {
        const parts: Record<string, number> = { total: Number(tcp[1]) };
        for (const m of tcp[2]!.matchAll(/(\w+)\s+(\d+)/g)) parts[m[1]!] = Number(m[2]);
        sum().tcp = cite(parts, l);
        continue;
      }
      const tr = TRANSPORT.exec(t);
      if (tr) {
        sum().transports[tr[1]!] = {
          total: Number(tr[2]),
          ip: Number(tr[3]),
          ipv6: Number(tr[4]),
          line: l.n,
        };
        continue;
      }
      problems.add(l.n, 'badLine');
    }
    if (total === 0 && !summary) return reject(msg(`${K}.noSockets`));
    const format = total === 0 ? 'summary' : 'sockets';
    const facts: SsFacts = { format, total, states, examples, listeners, summary };
    return accept(facts, problems.done(), summaryMsg(facts));
  },
});

function histogramRow(t: string): { state: string; n: number; raw: string } | null {
  if (t.length > 200) return null;
  const a = HIST_COUNT_FIRST.exec(t);
  const b = a ? null : HIST_STATE_FIRST.exec(t);
  const raw = a ? a[2]! : b ? b[1]! : null;
  const state = raw ? socketState(raw) : null;
  return state && raw ? { state, n: Number(a ? a[1] : b![2]), raw } : null;
}

/**
 * A socket-state histogram (`netstat -ant | awk '{print $6}' | sort | uniq -c`, or awk's
 * `{++S[$NF]} END {for (a in S) print a, S[a]}`): the netstat/ss command says so, or a state
 * conntrack never prints does (conntrack's own histogram is the conntrack parser's).
 */
function isHistogram(head: Line[], command: string | null): boolean {
  let rows = 0;
  let socketOnly = false;
  for (const l of head) {
    const h = histogramRow(l.text);
    if (!h) continue;
    rows += 1;
    if (SOCKET_ONLY.test(h.raw)) socketOnly = true;
  }
  if (rows === 0 || rows * 2 < head.length) return false;
  if (/\bconntrack\b/.test(command ?? '')) return false;
  return socketOnly || SOCKET_COMMAND.test(command ?? '');
}

function parseHistogram(lines: Line[]): ParseOutcome<SsFacts> {
  const problems = new ProblemList(K);
  const states: Record<string, number> = {};
  const examples: Record<string, Cited[]> = {};
  let total = 0;
  for (const l of lines) {
    const t = l.text;
    if (t.trim() === '') continue;
    const h = histogramRow(t);
    if (!h) {
      // awk's `print "TOTAL", total` line, and `State` (the header `$6` of netstat picks up)
      // or the command itself pasted without a prompt
      if (
        !/^\s*(?:\d+\s+)?(?:TOTAL\s+\d+|State|Foreign|established\)|servers\))\s*$/i.test(t) &&
        !BARE_COMMAND.test(t)
      )
        problems.add(l.n, 'badLine');
      continue;
    }
    states[h.state] = (states[h.state] ?? 0) + h.n;
    (examples[h.state] ??= []).push(cite(h.state, l));
    total += h.n;
  }
  if (total === 0) return reject(msg(`${K}.noSockets`));
  const facts: SsFacts = {
    format: 'histogram',
    total,
    states,
    examples,
    listeners: [],
    summary: null,
  };
  return accept(facts, problems.done(), summaryMsg(facts));
}

/** A netstat socket row in ss's terms: its state (UDP's none is UNCONN) and, listening, its listener. */
function netstatRow(
  t: string,
): { state: string; listener: Omit<Listener, 'line' | 'text'> } | null {
  if (t.length > MAX_LINE) return null;
  const m = NETSTAT_ROW.exec(t);
  if (!m) return null;
  const state = m[6] ? socketState(m[6]) : m[1]!.startsWith('udp') ? 'UNCONN' : null;
  if (!state) return null;
  const local = m[4]!;
  return {
    state,
    listener: {
      netid: m[1]!,
      local,
      port: local.slice(local.lastIndexOf(':') + 1),
      recvQ: Number(m[2]),
      sendQ: Number(m[3]),
      // netstat cuts program names at 15 characters; the pid is whole.
      process: m[9] ? m[9].trim() : null,
      pid: m[8] ? Number(m[8]) : null,
    },
  };
}

function listener(r: RegExpExecArray, l: Line): Listener {
  const local = r[5]!;
  const u = USERS.exec(r[7] ?? '');
  return {
    netid: r[1] ?? null,
    local,
    port: local.slice(local.lastIndexOf(':') + 1),
    recvQ: Number(r[3]),
    sendQ: Number(r[4]),
    process: u ? u[1]! : null,
    pid: u ? Number(u[2]) : null,
    line: l.n,
    text: l.text,
  };
}

function summaryMsg(f: SsFacts) {
  if (f.format === 'summary') {
    const tcp = f.summary?.tcp?.value;
    return msg(`${K}.summaryTotals`, {
      total: f.summary?.total?.value ?? '?',
      estab: tcp?.estab ?? '?',
      timewait: tcp?.timewait ?? '?',
    });
  }
  const top = Object.entries(f.states)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return msg(`${K}.summary`, { n: f.total, top, listeners: f.listeners.length });
}
