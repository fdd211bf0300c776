import {
  cite,
  noEvidence,
  ruledOut,
  type RuleContext,
  type RuleResult,
  type Sourced,
} from '../rule';
import type { Evidence } from '../../engine/types';
import type {
  IngressAccessLine,
  IngressErrorEvent,
  IngressNginxLogFacts,
  UpstreamErrorKind,
} from '../../parsers/ingress-nginx-log/facts';
import { endpointsRows, splitAddress } from './k8s';

const INGRESS_CM = /ingress|nginx/i;
/** Keys of ingress-nginx's ConfigMap (a ConfigMap of another name that has them is one too). */
const INGRESS_KEY =
  /^(?:ssl-|use-http2|use-forwarded|proxy-|upstream-|keep-alive|http2-|http-snippet|server-snippet|log-format|enable-|worker-|client-|large-client|allow-snippet)/;

export interface Setting {
  value: string;
  evidence: Evidence;
}

/**
 * ingress-nginx settings by their ConfigMap name (`ssl-ciphers`, `use-http2`,
 * `upstream-keepalive-timeout`...), from pasted ConfigMaps (YAML/JSON or data lines) and nginx
 * directives (`ssl_ciphers` is read as `ssl-ciphers`). The first paste that has a key wins.
 */
export function ingressSettings(ctx: RuleContext): Record<string, Setting> {
  const out: Record<string, Setting> = Object.create(null) as Record<string, Setting>;
  const put = (key: string, value: string, ev: Evidence) => {
    if (!(key in out)) out[key] = { value: value.trim(), evidence: ev };
  };
  for (const { source, facts } of ctx.of('nginx-tls')) {
    if (facts.protocols)
      put('ssl-protocols', facts.protocols.value.join(' '), cite(source, facts.protocols));
    if (facts.ciphers)
      put('ssl-ciphers', facts.ciphers.value.join(':'), cite(source, facts.ciphers));
    if (facts.http2) put('use-http2', String(facts.http2.value), cite(source, facts.http2));
    for (const [k, v] of Object.entries(facts.settings)) put(k, v.value, cite(source, v));
  }
  for (const { source, facts } of ctx.of('k8s-object')) {
    for (const o of facts.objects) {
      if (o.kind !== 'ConfigMap' || !o.data) continue;
      // The controller's ConfigMap, not kube-proxy's or CoreDNS's.
      const keys = Object.keys(o.data);
      if (!INGRESS_CM.test(o.name ?? '') && !keys.some((k) => INGRESS_KEY.test(k))) continue;
      for (const [k, v] of Object.entries(o.data)) put(k, v.value, cite(source, v));
    }
  }
  return out;
}

export type IngressLog = Sourced<IngressNginxLogFacts>;

/**
 * Fix lines: does the pod answer from the proxy's own pod? Each proxy's image has its own client
 * (istio-proxy has curl, Traefik's image busybox wget). Tagged by `proxy` (see `proxyVars`).
 */
export const CONNECT_FROM_PROXY = [
  '[proxy=nginx] kubectl -n {ingressns} exec deploy/{controller} -- curl -sv -m 5 -o /dev/null http://{upstream}/',
  '[proxy=envoy] kubectl -n {ingressns} exec deploy/{controller} -c istio-proxy -- curl -sv -m 5 -o /dev/null http://{upstream}/',
  '[proxy=traefik] kubectl -n {ingressns} exec deploy/{controller} -- wget -q -T 5 -O /dev/null http://{upstream}/',
];

/** Where each other proxy's pods usually run, for fix commands the operator did not answer. */
const PROXY_HOME = {
  envoy: { ingressns: 'istio-system', controller: 'istio-ingressgateway' },
  traefik: { ingressns: 'traefik', controller: 'traefik' },
} as const;

/**
 * Which proxy wrote the evidence (`proxy`: nginx, envoy or traefik), so the fix names that
 * product's settings; for Envoy and Traefik also where their pods usually run, unless the
 * operator answered it. An access line alone from a proxy-log is Envoy's (Traefik's are not read).
 */
export function proxyVars(
  ctx: RuleContext,
  x: { source: string; e?: Pick<IngressErrorEvent, 'source'> },
): Record<string, string> {
  const fromProxyLog = ctx.of('proxy-log').some((l) => l.source === x.source);
  const proxy =
    x.e?.source === 'envoy' || x.e?.source === 'traefik'
      ? x.e.source
      : fromProxyLog
        ? 'envoy'
        : 'nginx';
  if (proxy === 'nginx') return { proxy };
  const home: Record<string, string> = { ...PROXY_HOME[proxy] };
  for (const k of Object.keys(home)) if (ctx.vars[k]) delete home[k];
  return { proxy, ...home };
}

/** The logs of the ingress proxies: ingress-nginx's, and Envoy's or Traefik's read the same way. */
export const ingressLogs = (ctx: RuleContext): IngressLog[] => [
  ...ctx.of('ingress-nginx-log'),
  ...ctx.of('proxy-log'),
];

export function eventsOf(
  logs: IngressLog[],
  ...kinds: UpstreamErrorKind[]
): { source: string; e: IngressErrorEvent }[] {
  return logs.flatMap(({ source, facts }) =>
    facts.errors.filter((e) => kinds.includes(e.kind)).map((e) => ({ source, e })),
  );
}

export function countOf(logs: IngressLog[], ...kinds: UpstreamErrorKind[]): number {
  return logs.reduce(
    (n, { facts }) => n + kinds.reduce((m, k) => m + (facts.errorCounts[k] ?? 0), 0),
    0,
  );
}

export function accessWith(
  logs: IngressLog[],
  status: number,
): { source: string; a: IngressAccessLine }[] {
  return logs.flatMap(({ source, facts }) =>
    facts.access.serverErrors.filter((a) => a.status === status).map((a) => ({ source, a })),
  );
}

/**
 * The logs speak of upstream trouble (access lines or classified errors), and every line of them
 * was read: only then can their silence about a cause rule it out. A log with lines that could
 * not be read may hide the very line that would prove it.
 */
export function logSpeaks(logs: IngressLog[]): boolean {
  if (logs.some((l) => l.complete === false)) return false;
  return logs.some(
    ({ facts }) => facts.access.total > 0 || facts.errors.some((e) => e.kind !== 'other'),
  );
}

/** Every kind of upstream error the logs hold, most frequent first (for "it is X, not Y"). */
export function otherKinds(logs: IngressLog[], except: UpstreamErrorKind[]): string {
  const counts = new Map<string, number>();
  for (const { facts } of logs)
    for (const [k, n] of Object.entries(facts.errorCounts))
      if (k !== 'other' && !except.includes(k as UpstreamErrorKind))
        counts.set(k, (counts.get(k) ?? 0) + (n ?? 0));
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k]) => k)
    .join(', ');
}

/**
 * Fix variables for an upstream address: the address, its IP and port, and the Service's
 * namespace and name when a pasted `kubectl get ep` lists that address.
 */
export function upstreamVars(ctx: RuleContext, upstream: string | null): Record<string, string> {
  if (!upstream) return {};
  const out: Record<string, string> = { upstream };
  const a = splitAddress(upstream);
  if (a) Object.assign(out, { upstreamip: a.ip, upstreamport: a.port });
  const ep = endpointsRows(ctx).find((r) => r.addresses.includes(upstream));
  if (ep)
    Object.assign(out, { service: ep.name, ...(ep.namespace ? { namespace: ep.namespace } : {}) });
  return out;
}

/**
 * A few telling events: the first, then only events for other upstreams (another pod failing
 * the same way says more than the same pod again; the count is in the message).
 */
export function telling<T extends { e: IngressErrorEvent }>(events: T[], max = 3): T[] {
  const out: T[] = [];
  for (const x of events) {
    if (out.length >= max) break;
    if (out.length === 0 || !out.some((o) => o.e.upstream === x.e.upstream)) out.push(x);
  }
  return out;
}

export const evidenceOf = (
  list: { source: string; e?: IngressErrorEvent; a?: IngressAccessLine }[],
): Evidence[] => list.map((x) => cite(x.source, (x.e ?? x.a)!));

/**
 * The log speaks of upstream trouble, and none of it is `except`: the cause is ruled out,
 * citing what the log does show (another kind of error, or a 5xx access line).
 */
export function ruledOutByLog(
  logs: IngressLog[],
  except: UpstreamErrorKind[],
  key: string,
): RuleResult {
  if (!logSpeaks(logs)) return noEvidence;
  const other = otherKinds(logs, except);
  const first = logs.find(({ facts }) => facts.errors.length > 0 || facts.access.total > 0);
  const line =
    first?.facts.errors.find(
      (e) => e.kind !== 'other' && !except.includes(e.kind as UpstreamErrorKind),
    ) ?? first?.facts.access.serverErrors[0];
  return ruledOut(
    { key: other ? `${key}.otherErrors` : `${key}.none`, params: { kinds: other } },
    first && line ? [cite(first.source, line)] : [],
  );
}
