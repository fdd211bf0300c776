import type { Cited } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite, isElided } from '../node-shared/util';
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
/** The command itself, copied above its output without a prompt (`ipvsadm -S -n`). */
const COMMAND_LINE = /^\s*(?:sudo\s+)?ipvsadm(?:-save)?(?:\s+-{1,2}[A-Za-z][\w-]*)*\s*$/;
/**
 * `ipvsadm -S` / `ipvsadm-save` (the rules as the commands that restore them):
 * `-A -t 10.96.0.1:443 -s rr -p 10800` a virtual service, `-a -t 10.96.0.1:443 -r
 * 10.244.1.5:6443 -m -w 1` one of its real servers. `-t` TCP, `-u` UDP, `--sctp-service`, `-f`
 * a firewall mark; long forms too (`--tcp-service`).
 */
const SAVE_LINE =
  /^\s*-([Aa])\s+(-t|-u|-f|--tcp-service|--udp-service|--sctp-service|--fwmark-service)\s+(\S+)(?:\s+(.*?))?\s*$/;
const SAVE_PROTO: Record<string, VirtualService['proto']> = {
  '-t': 'TCP',
  '--tcp-service': 'TCP',
  '-u': 'UDP',
  '--udp-service': 'UDP',
  '--sctp-service': 'SCTP',
  '-f': 'FWM',
  '--fwmark-service': 'FWM',
};
/** `-m` masquerading, `-g` gatewaying, `-i` ipip: the words `ipvsadm -Ln` prints for them. */
const SAVE_FORWARD: Record<string, string> = {
  '-m': 'Masq',
  '--masquerading': 'Masq',
  '-g': 'Route',
  '--gatewaying': 'Route',
  '-i': 'Tunnel',
  '--ipip': 'Tunnel',
};

/**
 * `ipvsadm -Ln` (`--stats`, `--rate`, `--timeout`, `-Lnc`) and `ipvsadm -S` → virtual services
 * with their real servers.
 */
export const ipvsadm = defineParser<'ipvsadm', IpvsFacts>({
  kind: 'ipvsadm',
  detect(head) {
    let services = 0;
    let reals = 0;
    let saved = 0;
    for (const l of head) {
      const t = l.text;
      if (t.length > MAX_LINE) continue;
      if (VERSION.test(t) || HEADER.test(t) || TIMEOUT.test(t) || CONN_HEADER.test(t)) return true;
      if (SERVICE.test(t)) services += 1;
      else if (REAL.test(t)) reals += 1;
      else if (SAVE_LINE.test(t)) saved += 1;
    }
    // `ipvsadm -S`: nearly every line a `-A`/`-a` one (a lone line could be a typed command).
    if (saved >= 2 && saved * 10 >= head.length * 9) return true;
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
      if (c === 45 && (t.charCodeAt(p + 1) === 65 || t.charCodeAt(p + 1) === 97)) {
        const m = SAVE_LINE.exec(t);
        if (m) {
          format = 'save';
          const vs = saveLine(m, services, l, current);
          if (vs) current = vs;
          else problems.add(l.n, 'badLine');
          continue;
        }
      }
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
      if (RS_HEADER.test(t) || COMMAND_LINE.test(t)) continue;
      const to = TIMEOUT.exec(t);
      if (to) {
        timeout = cite({ tcp: Number(to[1]), tcpfin: Number(to[2]), udp: Number(to[3]) }, l);
        continue;
      }
      if (CONN_HEADER.test(t)) {
        conns ??= { total: 0, states: {} };
        continue;
      }
      // The author's `...` / `………………` where other virtual servers were cut: not a fault.
      if (isElided(t)) continue;
      problems.add(l.n, 'badLine');
    }
    if (services.length === 0 && !timeout && !conns && !version)
      return reject(msg(`${K}.noServices`));
    if (services.length === 0) format = conns ? 'connections' : timeout ? 'timeout' : format;
    const facts: IpvsFacts = { format, version, services, timeout, connections: conns };
    return accept(facts, problems.done(), summary(facts));
  },
});

/**
 * One `ipvsadm -S` line into the table: `-A` opens a virtual service, `-a` adds a real server to
 * the one it names. A grep may keep `-a` lines without their `-A`: the service they name exists
 * all the same (the kernel holds no real server without one), so it is added, its scheduler
 * unknown. Returns the service the line belongs to, or null for an `-a` line without `-r`.
 */
function saveLine(
  m: RegExpExecArray,
  services: VirtualService[],
  l: { n: number; text: string },
  current: VirtualService | null,
): VirtualService | null {
  const proto = SAVE_PROTO[m[2]!]!;
  const address = m[3]!;
  const opts = (m[4] ?? '').split(WORDS).filter((w) => w !== '');
  const value = (...names: string[]) => {
    const i = opts.findIndex((o) => names.includes(o));
    return i >= 0 ? (opts[i + 1] ?? null) : null;
  };
  const find = () =>
    current && current.proto === proto && current.address === address
      ? current
      : services.find((s) => s.proto === proto && s.address === address);
  if (m[1] === 'A') {
    const persistent = value('-p', '--persistent');
    const vs: VirtualService = {
      proto,
      address,
      scheduler: value('-s', '--scheduler'),
      flags: opts.join(' '),
      persistent: persistent !== null && /^\d+$/.test(persistent) ? Number(persistent) : null,
      stats: null,
      realServers: [],
      line: l.n,
      text: l.text,
    };
    services.push(vs);
    return vs;
  }
  const server = value('-r', '--real-server');
  if (server === null) return null;
  let vs = find();
  if (!vs) {
    vs = {
      proto,
      address,
      scheduler: null,
      flags: '',
      persistent: null,
      stats: null,
      realServers: [],
      line: l.n,
      text: l.text,
    };
    services.push(vs);
  }
  const fwd = opts.find((o) => o in SAVE_FORWARD);
  vs.realServers.push({
    address: server,
    forward: fwd ? SAVE_FORWARD[fwd]! : null,
    weight: int(value('-w', '--weight') ?? undefined),
    active: null,
    inactive: null,
    stats: null,
    line: l.n,
    text: l.text,
  });
  return vs;
}

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
