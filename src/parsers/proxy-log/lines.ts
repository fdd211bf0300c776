import type { Line } from '../../engine/types';
import type {
  IngressAccessLine,
  IngressErrorEvent,
  UpstreamErrorKind,
} from '../ingress-nginx-log/facts';

/**
 * What a log collector puts before a line: `kubectl logs --timestamps`, `--prefix`
 * (`[pod/x/c]`), stern (`[traefik-6655b5c5f4-jdw45 traefik] `), docker compose (`traefik-1  | `),
 * kail (`contour-external/envoy-gblck[envoy]: `).
 * A bracket that starts with a digit is Envoy's own timestamp, not a prefix.
 */
const PREFIX =
  /^\s*(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?(?: std(?:out|err) [FP])? |\[[A-Za-z][^\]\s]{0,199}(?: [^\]\s]{1,100})?\] |[\w.-]{1,100}\s+\| |[a-z0-9][\w.-]{0,62}\/[a-z0-9][\w.-]{0,252}\[[\w.-]{1,63}\]: )?/;

/** Backquotes glued to a line (inline code, a fence on the same line as the output). */
const GLUED_QUOTES = /^`{1,3}|`{1,3}$/g;

export function stripPrefix(text: string): string {
  return text.trim().replace(GLUED_QUOTES, '').replace(PREFIX, '').trim();
}

// ---- Traefik -------------------------------------------------------------------------------

/** Traefik v1/v2 (logrus): `time="..." level=debug msg="..."`, the message quoted. */
const TRAEFIK_LOGFMT = /^(?:time="[^"]{10,40}" )?level=(\w+) msg="((?:[^"\\]|\\.)*)"(.*)$/;
/**
 * Traefik v3 (zerolog): `2024-05-01T10:00:00Z DBG path/file.go:113 > message key=value` (the
 * time may already be gone with a `kubectl logs --timestamps` prefix). Posts often drop the
 * time and the caller but keep the separator: `DBG > message`.
 */
const TRAEFIK_ZEROLOG =
  /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d) )?(TRC|DBG|INF|WRN|ERR|FTL|PNC) (?:(?:\S+\.go:\d+ )?> )?(.*)$/;
/** The proxy's own account of a failed request: `'502 Bad Gateway' caused by: <Go error>`. */
const CAUSED_BY = /'(5\d\d) [^']{1,40}' caused by: (.*)$/;
/** v3: `502 Bad Gateway error="dial tcp ...: connect: connection refused"`. */
const V3_PROXY_ERROR = /^(5\d\d) [A-Z][\w ]{1,40} error="((?:[^"\\]|\\.)*)"/;
/** Phrases only Traefik logs: its load balancer, routers, providers, entry points. */
const TRAEFIK_MARK =
  /vulcand\/oxy|traefik|entryPointName=|routerName=|providerName=|serviceName=|middlewareName=|Upstream ResponseWriter of type/i;

/**
 * Traefik's own word that a backend Service has no endpoints: v2/v3 `Skipping service: no
 * endpoints found` (the Service in `namespace=` and `serviceName=` fields), v1 `Endpoints not
 * available for ns/name` / `Endpoints not found for ns/name`. It builds no route to it.
 */
const TRAEFIK_NO_ENDPOINTS =
  /^(?:Skipping service: no endpoints found(?:\s|$)|Endpoints not (?:available|found) for ([\w.-]{1,253}\/[\w.-]{1,253})\s*$)/;

/** `ns/name` from Traefik's `namespace=... serviceName=...` fields, quoted or not. */
function traefikService(fields: string): string | null {
  const value = (name: string) =>
    new RegExp(`(?:^|\\s)${name}=(?:"([^"]*)"|(\\S+))`).exec(fields)?.slice(1).find(Boolean);
  const ns = value('namespace');
  const svc = value('serviceName');
  return svc ? `${ns ?? 'default'}/${svc}` : null;
}

/** What a Go dial or read error says about the upstream connection. */
function goErrorKind(error: string): UpstreamErrorKind {
  if (/connect: connection refused/i.test(error)) return 'refused';
  if (/^dial tcp .*: i\/o timeout/i.test(error)) return 'timeout-connect';
  if (/connect: (?:no route to host|network is unreachable|host is down)/i.test(error))
    return 'unreachable';
  if (/connection reset by peer/i.test(error)) return 'reset';
  if (/^(?:unexpected )?EOF$|: EOF$|server closed idle connection/i.test(error))
    return 'premature-close';
  if (/i\/o timeout|context deadline exceeded|timeout awaiting response headers/i.test(error))
    return 'timeout-read';
  if (/no such host|server misbehaving/i.test(error)) return 'dns';
  return 'other';
}

/** The host:port a Go error names (`dial tcp 10.244.0.146:5000: ...`, `read tcp a->b: ...`). */
function goErrorUpstream(error: string): string | null {
  const dial = /\bdial tcp ([\d.]+:\d+|\[[\da-f:]+\]:\d+)/i.exec(error);
  if (dial) return dial[1]!;
  const rw = /\b(?:read|write|readfrom) tcp \S+->([\d.]+:\d+|\[[\da-f:]+\]:\d+)/i.exec(error);
  return rw ? rw[1]! : null;
}

export type TraefikLine = {
  event: IngressErrorEvent | null;
  marked: boolean;
  status: number | null;
} | null;

/** A Traefik log line: the failed request it tells of, if any; null when not Traefik's form. */
export function traefikLine(text: string, l: Line): TraefikLine {
  let level: string;
  let message: string;
  let rest = '';
  const v2 = TRAEFIK_LOGFMT.exec(text);
  const v3 = v2 ? null : TRAEFIK_ZEROLOG.exec(text);
  if (v2) [, level, message, rest] = v2 as unknown as [string, string, string, string];
  else if (v3) [, level, message] = v3 as unknown as [string, string, string];
  else return null;
  message = message.replace(/\\"/g, '"');
  const noEndpoints = TRAEFIK_NO_ENDPOINTS.exec(message);
  if (noEndpoints)
    return {
      marked: true,
      status: null,
      event: {
        kind: 'no-endpoints',
        source: 'traefik',
        level,
        message,
        upstream: null,
        service: noEndpoints[1] ?? traefikService(`${message} ${rest}`),
        client: null,
        host: null,
        request: null,
        line: l.n,
        text: l.text,
      },
    };
  const caused = CAUSED_BY.exec(message) ?? (v3 ? V3_PROXY_ERROR.exec(message) : null);
  const marked = caused !== null || TRAEFIK_MARK.test(message) || TRAEFIK_MARK.test(rest);
  if (!caused) return { event: null, marked, status: null };
  const error = caused[2]!;
  return {
    marked,
    status: Number(caused[1]),
    event: {
      kind: goErrorKind(error),
      source: 'traefik',
      level,
      message,
      upstream: goErrorUpstream(error),
      service: null,
      client: null,
      host: null,
      request: null,
      line: l.n,
      text: l.text,
    },
  };
}

// ---- Envoy (Istio, Contour, Emissary, Envoy Gateway) --------------------------------------

/**
 * Envoy's default text format: `[START_TIME] "METHOD PATH PROTOCOL" CODE FLAGS ...`, Istio's
 * adding the response code details after the flags. A TCP proxy line has `"- - -"` and code 0.
 * Formats (or posts) that leave the protocol out keep `"METHOD /path"`.
 */
const ENVOY_TEXT =
  /^\[(\d{4}-\d\d-\d\dT[^\]]{5,40})\] "(\S+ \S+ \S+|[A-Z]{3,10} \/\S*)" (?:\*\*)?(\d{3}|0)(?:\*\*)? (\S+) (.*)$/;
/** Response flags: `-`, or upper-case codes joined by commas (`UF,URX`). */
const FLAGS = /^(?:-|[A-Z]{2,5}(?:,[A-Z]{2,5})*)$/;
const ADDRESS = /^(?:[\d.]+|\[[\da-f:]+\]):\d+$/i;

export interface EnvoyRecord {
  status: number;
  flags: string[];
  /** `upstream_reset_before_response_started{connection_failure}`, `via_upstream`... */
  details: string;
  /** `delayed_connect_error:_111`, Istio's `UPSTREAM_TRANSPORT_FAILURE_REASON`. */
  failure: string;
  upstream: string | null;
  cluster: string | null;
  request: string;
  /** Milliseconds. */
  duration: number | null;
}

/** An Envoy access line in the default (or Istio's) text format. */
function envoyText(text: string): EnvoyRecord | null {
  const m = ENVOY_TEXT.exec(text);
  if (!m || !FLAGS.test(m[4]!)) return null;
  const rest = m[5]!;
  const quoted = [...rest.matchAll(/"([^"]*)"/g)].map((q) => q[1]!);
  const upstream = quoted.find((q) => ADDRESS.test(q)) ?? null;
  const words = rest.replace(/"[^"]*"/g, ' ').split(/\s+/);
  const details = words.find((w) => /^[a-z_]+(?:\{[^}]*\})?$/.test(w) && w.includes('_')) ?? '';
  // BYTES_RECEIVED BYTES_SENT DURATION: the first three numbers after the flags (and details).
  const numbers = words.filter((w) => /^\d+$/.test(w));
  return {
    status: Number(m[3]),
    flags: m[4] === '-' ? [] : m[4]!.split(','),
    details,
    failure: quoted.find((q) => /connect_error|connection|failure|refused/i.test(q)) ?? '',
    upstream,
    cluster: words.find((w) => /^(?:outbound|inbound)\|/.test(w)) ?? null,
    request: m[2]!,
    duration: numbers.length >= 3 ? Number(numbers[2]) : null,
  };
}

/** An Envoy access line in JSON (Istio's and Contour's JSON format, or a custom one). */
function envoyJson(text: string): EnvoyRecord | null {
  if (!/^\{.*\}$/.test(text) || !/response_?code/i.test(text)) return null;
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return null;
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return null;
  const fields = new Map<string, string>();
  for (const [k, v] of Object.entries(o as Record<string, unknown>))
    if (typeof v === 'string' || typeof v === 'number')
      fields.set(k.replace(/[_-]/g, '').toLowerCase(), String(v));
  const code = fields.get('responsecode');
  const flags = fields.get('responseflags');
  if (!code || !/^\d{3}$/.test(code) || flags === undefined || !FLAGS.test(flags)) return null;
  const upstream = fields.get('upstreamhost') ?? '';
  const method = fields.get('method') ?? fields.get('requestmethod') ?? '';
  const path = fields.get('path') ?? fields.get('requestpath') ?? '';
  const duration = Number(fields.get('duration'));
  return {
    status: Number(code),
    flags: flags === '-' ? [] : flags.split(','),
    details: fields.get('responsecodedetails') ?? '',
    failure: fields.get('upstreamtransportfailurereason') ?? '',
    upstream: ADDRESS.test(upstream) ? upstream : null,
    cluster: fields.get('upstreamcluster') ?? null,
    request: `${method} ${path}`.trim(),
    duration: Number.isFinite(duration) ? duration : null,
  };
}

export function envoyRecord(text: string): EnvoyRecord | null {
  return envoyText(text) ?? envoyJson(text);
}

/**
 * What went wrong with the upstream, from the response flags and details. A connection failure
 * (`UF`) says why only in its transport failure reason (`delayed connect error: 111` is a
 * refusal, 110 a timeout); without one it could be either.
 */
export function envoyKind(r: EnvoyRecord): UpstreamErrorKind | null {
  const has = (f: string) => r.flags.includes(f);
  const why = `${r.details} ${r.failure}`;
  if (has('UH') || /no_healthy_upstream/.test(r.details)) return 'no-live-upstreams';
  if (has('UF') || /connection_failure|remote_connection_failure/.test(why)) {
    if (/connect_error:_?111|connection[ _]refused/i.test(why)) return 'refused';
    if (/connect_error:_?110|connect_timeout|timed[ _]out/i.test(why)) return 'timeout-connect';
    if (/connect_error:_?113|no[ _]route/i.test(why)) return 'unreachable';
    return 'connect-failed';
  }
  if (has('UT') || /upstream_response_timeout/.test(r.details)) return 'timeout-read';
  if (has('UC') || /connection[ _]termination/.test(why)) return 'premature-close';
  if (has('UR') || /remote_reset|upstream_reset_before_response_started\{remote/.test(why))
    return 'reset';
  return r.status >= 500 && r.flags.length > 0 ? 'other' : null;
}

/**
 * Envoy's local reply as the client saw it (curl, the browser):
 * `upstream connect error or disconnect/reset before headers. reset reason: connection failure,
 * transport failure reason: delayed connect error: 111`, `no healthy upstream`,
 * `upstream request timeout`.
 */
const LOCAL_REPLY =
  /^(?:upstream connect error or disconnect\/reset before headers\.(?: (?:retried and the latest )?reset reason: (.*))?|(no healthy upstream)|(upstream request timeout))\s*$/;

export function envoyReply(text: string): UpstreamErrorKind | null {
  const m = LOCAL_REPLY.exec(text);
  if (!m) return null;
  if (m[2]) return 'no-live-upstreams';
  if (m[3]) return 'timeout-read';
  const why = m[1] ?? '';
  if (/delayed connect error: 111|connection refused/i.test(why)) return 'refused';
  if (/delayed connect error: 110|connection timeout/i.test(why)) return 'timeout-connect';
  if (/connection termination/i.test(why)) return 'premature-close';
  if (/remote reset|connection reset/i.test(why)) return 'reset';
  return 'connect-failed';
}

export function envoyEvent(
  kind: UpstreamErrorKind,
  r: EnvoyRecord | null,
  l: Line,
): IngressErrorEvent {
  return {
    kind,
    source: 'envoy',
    level: 'error',
    message: r
      ? [r.status, r.flags.join(',') || '-', r.details, r.failure].filter(Boolean).join(' ')
      : l.text.trim(),
    upstream: r?.upstream ?? null,
    service: null,
    client: null,
    host: null,
    request: r?.request ?? null,
    line: l.n,
    text: l.text,
  };
}

export function envoyAccess(r: EnvoyRecord, l: Line): IngressAccessLine {
  return {
    status: r.status,
    request: r.request,
    upstreamName: r.cluster,
    upstreams: r.upstream ? [r.upstream] : [],
    upstreamStatuses: [],
    // DURATION is the whole request's, not the upstream attempt's: no attempt times.
    upstreamTimes: [],
    requestTime: r.duration === null ? null : r.duration / 1000,
    line: l.n,
    text: l.text,
  };
}
