import type { Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList } from '../node-shared/util';
import type { IpRouteFacts, Route, SourceRejected } from './facts';

const K = 'parse.ip-route';
const TYPES =
  /^(?:unicast|local|broadcast|multicast|throw|unreachable|prohibit|blackhole|nat|anycast)$/;
/** A route line: an optional type, then `default` or an address (with a prefix length). */
const ROUTE =
  /^\s*(?:(?:unicast|local|broadcast|multicast|throw|unreachable|prohibit|blackhole|nat|anycast)\s+)?(?:default|[\d.]+(?:\/\d+)?|[0-9a-f]*:[0-9a-f:.]*(?:\/\d+)?)(?:\s|$)/i;
const KEYED = new Set([
  'via',
  'dev',
  'proto',
  'scope',
  'src',
  'metric',
  'table',
  'mtu',
  'weight',
  'pref',
  'expires',
  'uid',
  'realm',
  'from',
  'tos',
  'advmss',
  'rtt',
  'initcwnd',
  'cache',
  'nexthop',
  'hoplimit',
  'encap',
  // `unreachable ::/96 dev lo metric 1024 error -101`: the errno the route returns.
  'error',
  'features',
  'quickack',
  'congctl',
  'fastopen_no_cookie',
  'ttl-propagate',
  'rto_min',
  'ssthresh',
  'cwnd',
  'window',
  'rttvar',
  'reordering',
  'initrwnd',
]);
/** `ip neigh` entries: a link-layer address, or a NUD state at the end. */
const NEIGH =
  /\slladdr\s|\s(?:INCOMPLETE|REACHABLE|STALE|DELAY|PROBE|FAILED|NOARP|PERMANENT|NONE)\s*$/;
const MAX_LINE = 2_000;
/** A path of a multipath route: `\tnexthop via 10.0.0.1 dev eth0 weight 1`. */
const NEXTHOP = /^\s+nexthop\s+(?:.*\s)?(?:via|dev)\s+\S/;
/** iproute2's words for EXDEV, which `ip route get ... iif DEV` returns when source validation fails. */
const EXDEV = /^\s*RTNETLINK answers: Invalid cross-device link\s*$/;
/** `ip route get`, `ip -4 r g`, `sudo ip route get`: the only command whose EXDEV means rp_filter. */
const ROUTE_GET = /^(?:sudo\s+)?ip\s+(?:-\S+\s+)*r(?:o(?:u(?:te?)?)?)?\s+g(?:et?)?\s/;

/** `ip route` → routes with gateway and device; the default routes picked out. */
export const ipRoute = defineParser<'ip-route', IpRouteFacts>({
  kind: 'ip-route',
  detect(head, ctx) {
    let routes = 0;
    const get = routeGet(ctx.command);
    for (const l of head) {
      const t = l.text;
      if (t.length > MAX_LINE) continue;
      if (get && EXDEV.test(t)) routes += 1;
      // A neighbour entry (`10.0.0.1 dev eth0 lladdr ... REACHABLE`) has a `dev` too.
      if (NEIGH.test(t)) continue;
      if (ROUTE.test(t) && /\s(?:dev|via)\s/.test(t)) routes += 1;
      // The paths of a multipath route (`default proto bgp metric 20` has none on its line).
      else if (NEXTHOP.test(t)) routes += 1;
      else if (/^\s*(?:blackhole|unreachable|prohibit)\s+\S+/.test(t)) routes += 1;
    }
    return routes >= 1 && routes * 2 >= head.length;
  },
  parse(lines, ctx) {
    const problems = new ProblemList(K);
    const routes: Route[] = [];
    const sourceRejected: SourceRejected[] = [];
    const get = routeGet(ctx.command);
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (get && EXDEV.test(t)) {
        sourceRejected.push({ ...get, line: l.n, text: t });
        continue;
      }
      if (t.length > MAX_LINE || !ROUTE.test(t)) {
        // `    cache expires 597sec mtu 1400` under `ip route get`
        if (/^\s+cache\b/.test(t)) continue;
        if (/^\s+nexthop\b/.test(t)) {
          const last = routes.at(-1);
          if (last && t.length <= MAX_LINE) addNexthop(last, t);
          continue;
        }
        problems.add(l.n, 'badLine');
        continue;
      }
      routes.push(route(t, l));
    }
    if (routes.length === 0 && sourceRejected.length === 0) return reject(msg(`${K}.noRoutes`));
    // `unreachable default dev lo table unspec ... error -101` is no way out.
    const defaults = routes.filter((r) => r.destination === 'default' && r.type === 'unicast');
    const devices = [
      ...new Set(
        routes.flatMap((r) => [r.dev, ...(r.nexthops ?? []).map((h) => h.dev)]).filter(isName),
      ),
    ];
    const facts: IpRouteFacts = { routes, sourceRejected, defaults, devices };
    const gw = defaults.map((d) => `${d.via ?? '-'} dev ${d.dev ?? '-'}`).join('; ');
    if (routes.length === 0) {
      const r = sourceRejected[0]!;
      return accept(
        facts,
        problems.done(),
        msg(`${K}.summaryRejected`, { from: r.from ?? '?', iif: r.iif ?? '?' }),
      );
    }
    return accept(
      facts,
      problems.done(),
      msg(defaults.length ? `${K}.summaryDefault` : `${K}.summary`, {
        n: routes.length,
        defaults: defaults.length,
        gw,
      }),
    );
  },
});

/** The addresses and the input device of an `ip route get` command; null for any other command. */
function routeGet(command: string | null): Omit<SourceRejected, 'line' | 'text'> | null {
  if (command === null || command.length > MAX_LINE || !ROUTE_GET.test(command.trim())) return null;
  const words = command.trim().split(/\s+/);
  const at = words.findIndex((w) => /^g(?:et?)?$/.test(w));
  const out: Omit<SourceRejected, 'line' | 'text'> = { to: null, from: null, iif: null };
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i]!;
    const v = words[i + 1] ?? null;
    if (w === 'from' || w === 'iif') {
      out[w] = v;
      i += 1;
    } else if (KEYED.has(w) || ['oif', 'mark', 'vrf', 'ipproto', 'sport', 'dport'].includes(w))
      i += 1;
    else if (w === 'to') {
      out.to = v;
      i += 1;
    } else out.to ??= w;
  }
  return out;
}

function route(t: string, l: Line): Route {
  const words = t.trim().split(/\s+/);
  let type = 'unicast';
  if (TYPES.test(words[0]!)) type = words.shift()!;
  const r: Route = {
    type,
    destination: words.shift()!,
    via: null,
    dev: null,
    proto: null,
    scope: null,
    src: null,
    metric: null,
    flags: [],
    table: null,
    line: l.n,
    text: t,
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!KEYED.has(w)) {
      r.flags.push(w);
      continue;
    }
    const v = words[i + 1];
    i += 1;
    if (w === 'via') r.via = v ?? null;
    else if (w === 'dev') r.dev = v ?? null;
    else if (w === 'proto') r.proto = v ?? null;
    else if (w === 'scope') r.scope = v ?? null;
    else if (w === 'src') r.src = v ?? null;
    else if (w === 'table') r.table = v ?? null;
    else if (w === 'metric') r.metric = v && /^\d+$/.test(v) ? Number(v) : null;
  }
  return r;
}

function isName(d: string | null): d is string {
  return d !== null;
}

/**
 * A multipath route's path: kept on the route, whose own `via`/`dev` (absent from its line)
 * become the first path's, so a multipath default still names its gateway and device.
 */
function addNexthop(r: Route, t: string): void {
  const words = t.trim().split(/\s+/);
  const at = (k: string) => {
    const i = words.indexOf(k);
    return i >= 0 ? (words[i + 1] ?? null) : null;
  };
  const hop = { via: at('via'), dev: at('dev') };
  (r.nexthops ??= []).push(hop);
  if (r.via === null && r.dev === null) {
    r.via = hop.via;
    r.dev = hop.dev;
  }
}
