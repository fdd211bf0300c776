import type { Line } from '../../engine/types';
import { KLOG } from '../k8s-common/text';
import type { IngressAccessLine, IngressErrorEvent, UpstreamErrorKind } from './facts';

/** What `kubectl logs --timestamps` / `--prefix` or a container runtime put before a line. */
const PREFIX =
  /^\s*(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?(?: std(?:out|err) [FP])? |\[pod\/[^\]\s]{1,200}\] )/;
/**
 * `2023/03/08 16:02:40 [error] 31#31: *569 message`; posts often quote the line from `[error]`
 * on, without its date and time, which the `[level] pid#tid:` head still marks as nginx's.
 */
export const NGINX_ERROR =
  /^(?:(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d) )?\[(\w+)\] \d+#\d+: (?:\*\d+ )?(.*)$/;
/** `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$referer" "$ua"...` */
const ACCESS =
  /^(\S+) - (?:\[[^\]]*\] - )?(\S+) \[([^\]]{10,40})\] "((?:[^"\\]|\\.)*)" (\d{3}) (\d+|-) "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"(.*)$/;
/** ingress-nginx's tail: ` $request_length $request_time [$proxy_upstream_name] [$alt] $upstream...` */
const TAIL = /^ (\d+) ([\d.]+|-) \[([^\]]*)\](?: \[([^\]]*)\])? (.*)$/;
/** Messages and files that only an ingress-nginx controller's klog has. */
const CONTROLLER_MARK =
  /\bingress\b|\bnginx\b|\bNGINX\b|\bEndpoint\b|backend reload|[Bb]ackend successfully|configuration changes|Configuration changes/i;
/** What the controller prints around a failed reload (nginx's own stderr, the exit status). */
const RELOAD_CHATTER =
  /^(?:nginx: (?:\[\w+\] .*|configuration file \S+ test (?:failed|is successful)|the configuration file \S+ syntax is ok)|Error: exit status \d+)\s*$/;
const BANNER =
  /^\s*(?:-{20,}|NGINX Ingress controller|Release:|Build:|Repository:|nginx version:)\s*(\S.*)?$/;

/** `NGINX configuration diff:` at a reload: a unified diff of nginx.conf follows. */
const DIFF_START = /configuration diff:?\s*$/i;
const DIFF_LINE = /^(?:--- \S|\+\+\+ \S|@@ [-+]?\d|[ \t+-]|$)/;

/**
 * Follows the controller's configuration diff at a reload, line by line: true for a line of the
 * diff (headers, hunks, context, added and removed lines), which is the controller's too.
 */
export function diffTracker(): (text: string) => boolean {
  let inDiff = false;
  return (text) => {
    if (inDiff && DIFF_LINE.test(text) && !KLOG.test(text)) return true;
    inDiff = false;
    const m = KLOG.exec(text);
    if (m && DIFF_START.test(m[3] ?? '')) inDiff = true;
    return false;
  };
}

/**
 * A piece of an nginx error line hard-wrapped by the post: it carries one of nginx's context
 * fields (`client: `, `server: `, `request: `, `upstream: `, `host: `). Only ever read right
 * after an error line, and only when it is no log line of its own.
 */
const CONTEXT_PIECE = /(?:^|, )(?:client|server|request|upstream|host|referrer): /;
/** How many lines one hard-wrapped error line may take after its first. */
export const MAX_PIECES = 3;

export function isContextPiece(text: string): boolean {
  return CONTEXT_PIECE.test(text);
}

/**
 * Puts a hard-wrapped line back together: a break after a space or a comma was between words,
 * any other one inside a word (`cafe.example.c` / `om`).
 */
export function joinWrapped(head: string, piece: string): string {
  return /,$/.test(head) ? `${head} ${piece}` : head + piece;
}

/**
 * Markdown glued to a line of the log: inline-code backquotes or bold `**` around lines pasted
 * in prose (`` `2018/12/29 ... [error] ...` ``, `**2020/06/17 ... [error] ...`), which no log
 * line starts or ends with.
 */
const GLUED_HEAD = /^(\s*)(?:`{1,3}|\*\*)(?=\S)/;
const GLUED_TAIL = /(\S)(?:`{1,3}|\*\*)\s*$/;

export function stripPrefix(text: string): string {
  return text.replace(GLUED_HEAD, '$1').replace(GLUED_TAIL, '$1').replace(PREFIX, '');
}

export function isBanner(text: string): RegExpExecArray | null {
  return BANNER.exec(text);
}

export function isChatter(text: string): boolean {
  return RELOAD_CHATTER.test(text);
}

const NGINX_KINDS: [RegExp, UpstreamErrorKind][] = [
  [/upstream timed out \(110: [^)]*\) while connecting to upstream/i, 'timeout-connect'],
  [/upstream timed out \(110: [^)]*\) while (?:reading|sending)/i, 'timeout-read'],
  [/connect\(\) failed \(111: [^)]*\)/i, 'refused'],
  [/\(104: Connection reset by peer\)/i, 'reset'],
  [/connect\(\) failed \(11[03]: [^)]*\)/i, 'unreachable'],
  [/no live upstreams/i, 'no-live-upstreams'],
  [/upstream prematurely closed connection/i, 'premature-close'],
  [/upstream sent too big header/i, 'header-too-big'],
  [/SSL_do_handshake\(\) failed .*while SSL handshaking to upstream/i, 'tls-upstream'],
  [/could not be resolved|\((?:2|3|110): [^)]*\) while resolving|\bresolver\b.*timed out/i, 'dns'],
];
const CONTROLLER_KINDS: [RegExp, UpstreamErrorKind][] = [
  [/does not have any active Endpoint/i, 'no-endpoints'],
  [
    /\blookup \S+(?: on \S+)?: (?:no such host|i\/o timeout|server misbehaving|read udp)|kubernetes\.default|could not be resolved/i,
    'dns',
  ],
];
const ERROR_LEVELS = /^(?:warn|error|crit|alert|emerg)$/;
/**
 * An upstream error quoted from its message on, without nginx's `[error] pid#tid:` head (posts
 * that keep only the message): known upstream wording, then nginx's `, client: ` context.
 */
const BARE_UPSTREAM_ERROR =
  /^(?:\*\d+ )?((?:connect\(\) failed \(\d+: [^)]*\)|upstream timed out \(110: [^)]*\)|upstream prematurely closed connection|upstream sent too big header|no live upstreams|recv\(\) failed \(\d+: [^)]*\)|SSL_do_handshake\(\) failed \([^)]*\)) while [^,]{1,80}, client: .*)$/;
/**
 * An upstream error quoted in prose as its message alone, the whole line: nginx's wording up to
 * the end of its `while ... upstream` phase, in quotes or not, after a short label (`nginx error
 * log: "upstream prematurely closed connection while reading response header from upstream"`,
 * `报错：upstream timed out (110: Connection timed out) while connecting to upstream`). A sentence
 * that only names the error (`... is what I get`, `why does ... happen?`) does not end there.
 */
const QUOTED_UPSTREAM_ERROR =
  /^(?:[^"'“”`]{1,40}?[:：]\s*)?["'“]?((?:connect\(\) failed \(\d+: [^)]*\)|upstream timed out \(110: [^)]*\)|upstream prematurely closed connection|upstream sent too big header|no live upstreams|recv\(\) failed \(\d+: [^)]*\)) while [a-z ]{1,40}upstream)["'”]?[.。]?\s*$/;
/**
 * An nginx error line quoted in the middle of a sentence: a short lead-in ending with a full stop
 * or a colon, then nginx's head with its connection number (`I am getting this error in the logs.
 * [error] 117#117: *16706 upstream timed out (110: ...) while reading response header from
 * upstream.I have tried ...`). Only read when the message is one of nginx's upstream errors (see
 * `INLINE_MESSAGE`): the prose after it is cut off at the end of its `while ... upstream` phase.
 */
const INLINE_NGINX_ERROR = /^[^[\]`"'“”<>]{1,120}?[.:：!]\s+\[(\w+)\] \d+#\d+: \*\d+ (.*)$/;
const INLINE_MESSAGE =
  /^((?:connect\(\) failed \(\d+: [^)]*\)|upstream timed out \(110: [^)]*\)|upstream prematurely closed connection|upstream sent too big header|no live upstreams|recv\(\) failed \(\d+: [^)]*\)) while [a-z ]{1,40}upstream)(?:, client: .*|[.。,;]?(?:\S.*)?|\s.*)?$/;

function inlineError(text: string): [string, undefined, string, string] | null {
  const m = INLINE_NGINX_ERROR.exec(text);
  if (!m) return null;
  const msg = INLINE_MESSAGE.exec(m[2]!);
  if (!msg) return null;
  // nginx's own context stays with the message; prose after the phase does not.
  const message = /^[^,]*, client: /.test(m[2]!) ? m[2]! : msg[1]!;
  return [text, undefined, m[1]!, message];
}

/** A failed TLS handshake, as nginx words it for any connection (client or upstream). */
const TLS_HANDSHAKE_FAILED = /^SSL_do_handshake\(\) failed \(/;

/** What the controller puts in an upstream with no endpoints: nothing listens there. */
const PLACEHOLDER_UPSTREAM = '127.0.0.1:8181';
const CONNECT_FAILED: UpstreamErrorKind[] = ['refused', 'timeout-connect', 'unreachable', 'reset'];

function field(message: string, name: string): string | null {
  const m = new RegExp(`, ${name}: (?:"([^"]*)"|([^,]*))`).exec(message);
  return m ? (m[1] ?? m[2] ?? '').trim() : null;
}

/** An nginx error-log line at warn level or above, classified; null for other lines. */
export function nginxError(text: string, l: Line): IngressErrorEvent | 'quiet' | null {
  const bare = BARE_UPSTREAM_ERROR.exec(text) ?? QUOTED_UPSTREAM_ERROR.exec(text);
  const headed = NGINX_ERROR.exec(text);
  const m = headed ?? (bare ? [text, undefined, 'error', bare[1]] : inlineError(text));
  if (!m) return null;
  const [, , level, message] = m;
  if (!ERROR_LEVELS.test(level!)) return 'quiet'; // notice/info: reloads, worker starts
  const upstreamUrl = field(message!, 'upstream');
  // Markdown a post put around the URL (`[**https**://10.0.0.1:8099/\"](https://...)`) is skipped.
  const bareUrl = upstreamUrl?.replace(/^\[|\*\*/g, '');
  const hostPort = bareUrl ? (/^(?:\w+:\/\/)?([^/\s]+)/.exec(bareUrl)?.[1] ?? null) : null;
  const found = NGINX_KINDS.find(([re]) => re.test(message!.slice(0, 2000)))?.[1] ?? 'other';
  // nginx logs a client's failed handshake at info (or crit), an upstream's at error: a line
  // with nginx's own `[error]` head is the upstream's even when the post cut its `while` phase.
  const kind =
    found === 'other' && m === headed && level === 'error' && TLS_HANDSHAKE_FAILED.test(message!)
      ? 'tls-upstream'
      : found;
  const protocol = bareUrl ? /^([a-z][a-z0-9+.-]{0,15}):\/\//i.exec(bareUrl)?.[1] : undefined;
  return {
    kind:
      hostPort === PLACEHOLDER_UPSTREAM && CONNECT_FAILED.includes(kind)
        ? 'placeholder-upstream'
        : kind,
    source: 'nginx',
    level: level!,
    message: message!.replace(/, client: .*$/, ''),
    upstream: hostPort,
    service: null,
    client: field(message!, 'client'),
    host: field(message!, 'host'),
    request: field(message!, 'request'),
    ...(protocol ? { protocol: protocol.toLowerCase() } : {}),
    line: l.n,
    text: l.text,
  };
}

/** A controller klog line: an event for W/E/F, 'quiet' for I, null when not the controller's. */
export function controllerLine(
  text: string,
  l: Line,
): { event: IngressErrorEvent | null; marked: boolean } | null {
  const m = KLOG.exec(text);
  if (!m) return null;
  const [, level, , message] = m;
  const marked = CONTROLLER_MARK.test(message!);
  if (level === 'I') return { event: null, marked };
  const svc = /Service "?([\w.-]+\/[\w.-]+)"? does not have any active Endpoint/i.exec(message!);
  return {
    marked,
    event: {
      kind: CONTROLLER_KINDS.find(([re]) => re.test(message!.slice(0, 2000)))?.[1] ?? 'other',
      source: 'controller',
      level: level!,
      message: message!.trim(),
      upstream: null,
      service: svc?.[1] ?? null,
      client: null,
      host: null,
      request: null,
      line: l.n,
      text: l.text,
    },
  };
}

export function accessLine(
  text: string,
  l: Line,
): (IngressAccessLine & { ingress: boolean }) | null {
  const m = ACCESS.exec(text);
  if (!m) return null;
  const status = Number(m[5]);
  const tail = TAIL.exec(m[9]!);
  const out: IngressAccessLine & { ingress: boolean } = {
    status,
    request: m[4]!,
    upstreamName: null,
    upstreams: [],
    upstreamStatuses: [],
    upstreamTimes: [],
    requestTime: null,
    line: l.n,
    text: l.text,
    ingress: false,
  };
  if (!tail) return out;
  out.ingress = true;
  out.requestTime = tail[2] === '-' ? null : Number(tail[2]);
  out.upstreamName = tail[3] || null;
  // Attempts are joined by ", " (and " : " across upstream groups): make each group one word.
  const groups = tail[5]!
    .replace(/\s*,\s*/g, ',')
    .replace(/\s+:\s+/g, ',')
    .trim()
    .split(/\s+/);
  const list = (g: string | undefined) => (!g || g === '-' ? [] : g.split(','));
  out.upstreams = list(groups[0]);
  out.upstreamTimes = list(groups[2]).map((t) => (/^[\d.]+$/.test(t) ? Number(t) : null));
  out.upstreamStatuses = list(groups[3]);
  return out;
}
