import type { Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList } from '../node-shared/util';
import type { IpRouteFacts, Route } from './facts';

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

/** `ip route` → routes with gateway and device; the default routes picked out. */
export const ipRoute = defineParser<'ip-route', IpRouteFacts>({
  kind: 'ip-route',
  detect(head) {
    let routes = 0;
    for (const l of head) {
      const t = l.text;
      if (t.length > MAX_LINE) continue;
      // A neighbour entry (`10.0.0.1 dev eth0 lladdr ... REACHABLE`) has a `dev` too.
      if (NEIGH.test(t)) continue;
      if (ROUTE.test(t) && /\s(?:dev|via)\s/.test(t)) routes += 1;
      else if (/^\s*(?:blackhole|unreachable|prohibit)\s+\S+/.test(t)) routes += 1;
    }
    return routes >= 1 && routes * 2 >= head.length;
  },
  parse(lines) {
    const problems = new ProblemList(K);
    const routes: Route[] = [];
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (t.length > MAX_LINE || !ROUTE.test(t)) {
        // `    cache expires 597sec mtu 1400` under `ip route get`, and nexthop lines
        if (/^\s+(?:cache|nexthop)\b/.test(t)) continue;
        problems.add(l.n, 'badLine');
        continue;
      }
      routes.push(route(t, l));
    }
    if (routes.length === 0) return reject(msg(`${K}.noRoutes`));
    // `unreachable default dev lo table unspec ... error -101` is no way out.
    const defaults = routes.filter((r) => r.destination === 'default' && r.type === 'unicast');
    const devices = [...new Set(routes.map((r) => r.dev).filter((d): d is string => d !== null))];
    const facts: IpRouteFacts = { routes, defaults, devices };
    const gw = defaults.map((d) => `${d.via ?? '-'} dev ${d.dev ?? '-'}`).join('; ');
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
