import type { Cited } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import type { IpvsFacts, RealServer, VirtualService } from './facts';

const K = 'parse.ipvsadm';
const VERSION = /^\s*IP Virtual Server version (\S+)(?: \(size=(\d+)\))?/;
const HEADER = /^\s*Prot\s+LocalAddress:Port\s+(.*)$/;
const RS_HEADER = /^\s*->\s+RemoteAddress:Port\b/;
/** `TCP  10.96.0.1:443 rr`, `FWM  100 rr`; names without -n (`kubernetes.default...:https`). */
const SERVICE = /^\s*(TCP|UDP|SCTP|FWM)\s+(\S+:\S+|\d+)(?:\s+(.*?))?\s*$/;
const REAL = /^\s*->\s+\S+:\S+/;
const TIMEOUT = /^\s*Timeout \(tcp tcpfin udp\):\s+(\d+)\s+(\d+)\s+(\d+)\s*$/;
const CONN_HEADER = /^\s*(?:IPVS connection entries|pro\s+expire\s+state\s+source)/;
const CONN = /^\s*(TCP|UDP|SCTP|IP)\s+\d\d:\d\d\s+(\S+)\s+\S+\s+\S+\s+\S+\s*$/;
const MAX_LINE = 2_000;

/** `ipvsadm -Ln` (`--stats`, `--rate`, `--timeout`, `-Lnc`) → virtual services with their real servers. */
export const ipvsadm = defineParser<'ipvsadm', IpvsFacts>({
  kind: 'ipvsadm',
  detect(head) {
    let services = 0;
    let reals = 0;
    for (const l of head) {
      const t = l.text;
      if (t.length > MAX_LINE) continue;
      if (VERSION.test(t) || HEADER.test(t) || TIMEOUT.test(t) || CONN_HEADER.test(t)) return true;
      if (SERVICE.test(t)) services += 1;
      else if (REAL.test(t)) reals += 1;
    }
    // Without the header (a grep, or the header cut): service lines followed by `->` lines.
    return services >= 1 && reals >= 1 && (services + reals) * 2 >= head.length;
  },
  parse(lines) {
    const problems = new ProblemList(K);
    const services: VirtualService[] = [];
    let version: Cited | null = null;
    let timeout: IpvsFacts['timeout'] = null;
    let columns: string[] = ['Scheduler', 'Flags'];
    let format: IpvsFacts['format'] = 'list';
    let conns: { total: number; states: Record<string, number> } | null = null;
    let current: VirtualService | null = null;
    for (const l of lines) {
      const t = l.text;
      if (t.length > MAX_LINE) {
        problems.add(l.n, 'badLine');
        continue;
      }
      // Nearly every line is a service or a real server: told apart by their first characters.
      let p = 0;
      while (t.charCodeAt(p) === 32 || t.charCodeAt(p) === 9) p++;
      if (p === t.length) continue;
      const c = t.charCodeAt(p);
      if (c === 45 && t.charCodeAt(p + 1) === 62 && !RS_HEADER.test(t)) {
        // `  -> 10.244.2.111:80   Masq  1  0  0`
        const words = t.slice(p).trimEnd().split(WORDS);
        if (!current) problems.add(l.n, 'orphanRealServer');
        else if (words.length < 2) problems.add(l.n, 'badLine');
        else current.realServers.push(realServer(words, format, columns, l));
        continue;
      }
      const entry = conns ? CONN.exec(t) : null;
      if (entry && conns) {
        conns.total += 1;
        conns.states[entry[2]!] = (conns.states[entry[2]!] ?? 0) + 1;
        continue;
      }
      if (c === 84 || c === 85 || c === 83 || c === 70) {
        const svc = SERVICE.exec(t);
        if (svc) {
          current = service(svc, format, columns, l);
          services.push(current);
          continue;
        }
      }
      const v = VERSION.exec(t);
      if (v) {
        version = cite(v[1]!, l);
        continue;
      }
      const h = HEADER.exec(t);
      if (h) {
        columns = h[1]!.trim().split(/\s+/);
        format = columns.includes('Conns') ? 'stats' : columns.includes('CPS') ? 'rate' : 'list';
        continue;
      }
      if (RS_HEADER.test(t)) continue;
      const to = TIMEOUT.exec(t);
      if (to) {
        timeout = cite({ tcp: Number(to[1]), tcpfin: Number(to[2]), udp: Number(to[3]) }, l);
        continue;
      }
      if (CONN_HEADER.test(t)) {
        conns ??= { total: 0, states: {} };
        continue;
      }
      problems.add(l.n, 'badLine');
    }
    if (services.length === 0 && !timeout && !conns && !version)
      return reject(msg(`${K}.noServices`));
    if (services.length === 0) format = conns ? 'connections' : timeout ? 'timeout' : format;
    const facts: IpvsFacts = { format, version, services, timeout, connections: conns };
    return accept(facts, problems.done(), summary(facts));
  },
});

function service(
  m: RegExpExecArray,
  format: IpvsFacts['format'],
  columns: string[],
  l: { n: number; text: string },
): VirtualService {
  const rest = (m[3] ?? '').trim();
  const stats = format === 'stats' || format === 'rate';
  const words = stats || !rest ? [] : rest.split(WORDS);
  const p = stats ? null : PERSISTENT.exec(rest);
  return {
    proto: m[1] as VirtualService['proto'],
    address: m[2]!,
    scheduler: words[0] ?? null,
    flags: words.slice(1).join(' '),
    persistent: p ? Number(p[1]) : null,
    stats: stats ? numbers(rest.split(WORDS), columns) : null,
    realServers: [],
    line: l.n,
    text: l.text,
  };
}

const PERSISTENT = /\bpersistent (\d+)/;

/** A real server line split into words: `->`, the address, then the columns. */
function realServer(
  words: string[],
  format: IpvsFacts['format'],
  columns: string[],
  l: { n: number; text: string },
): RealServer {
  const stats = format === 'stats' || format === 'rate';
  return {
    address: words[1]!,
    forward: stats ? null : (words[2] ?? null),
    weight: stats ? null : int(words[3]),
    active: stats ? null : int(words[4]),
    inactive: stats ? null : int(words[5]),
    stats: stats ? numbers(words.slice(2), columns) : null,
    line: l.n,
    text: l.text,
  };
}

const WORDS = /\s+/;

function int(s: string | undefined): number | null {
  if (s === undefined || s === '') return null;
  const n = Number(s);
  return Number.isInteger(n) ? n : null;
}

/** `--stats`/`--rate` values by column name; ipvsadm abbreviates large ones (`12K`, `3M`). */
function numbers(values: string[], columns: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  values.forEach((v, i) => {
    const m = /^(\d+)([KMGT]?)$/.exec(v);
    const name = columns[i];
    if (m && name)
      out[name] = Number(m[1]) * { '': 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12 }[m[2] as 'K'];
  });
  return out;
}

function summary(f: IpvsFacts) {
  if (f.services.length === 0 && f.timeout)
    return msg(`${K}.summaryTimeout`, { ...f.timeout.value });
  if (f.services.length === 0 && f.connections)
    return msg(`${K}.summaryConnections`, { n: f.connections.total });
  const reals = f.services.reduce((n, s) => n + s.realServers.length, 0);
  const empty = f.services.filter((s) => s.realServers.length === 0);
  // The empty ones are the key fact: name them (a few), as the operator would look them up.
  const which =
    empty
      .slice(0, 3)
      .map((s) => `${s.proto} ${s.address}`)
      .join(', ') + (empty.length > 3 ? ', …' : '');
  return msg(empty.length > 0 ? `${K}.summaryEmpty` : `${K}.summary`, {
    services: f.services.length,
    reals,
    empty: empty.length,
    which,
  });
}
