import type { Cited, Line } from '../../engine/types';
import { accept, defineParser, msg, reject, type ParseContext } from '../define';
import { isNoise, MAX_LINE, withLeadingCommand } from '../k8s-common/text';
import type { CurlFacts, CurlOutcome } from './facts';

const K = 'parse.curl-v';
const CURL_COMMAND = /^(?:sudo\s+)?(?:\S*\/)?curl\s/;
const TRYING = /^\*\s+Trying (\S+?)(?:\.\.\.)?\s*$/;
const CONNECTED =
  /^\*\s+(?:Connected to|Established connection to) (\S+)(?: \(([^)]*)\))?(?: port (\d+))?/;
const CONNECT_FAIL =
  /^\*\s+(?:connect to \S+ port \d+ (?:from \S+ port \d+ )?failed: .*|Failed to connect to .*|Connection timed out after .*|connect fail.*|Immediate connect fail.*|Could not resolve host.*|.*: No route to host|Connection refused)$/i;
const TLS = /^\*\s+SSL connection using (\S+) \/ (\S+)/;
const ALPN =
  /^\*\s+ALPN(?:, server accepted to use|: server accepted) (\S+)|^\*\s+ALPN(?:,|:) server did not agree/;
const STATUS = /^(?:< )?(HTTP\/[\d.]+) (\d{3})(?: (.*))?$/;
const CURL_ERROR = /^curl: \((\d+)\) (.*)$/;
/** `-L` following a redirect: `* Issue another request to this URL: 'http://www.google.com/'`. */
const REDIRECT = /^\*\s+Issue another request to this URL: '([^']+)'/;
/** curl's own chatter (`* ...`, `> request`, `< header`, `{ [5 bytes data]`, the progress meter). */
const VERBOSE = /^(?:[*<>] |[*<>]$|[{}] \[|\s*% Total|\s*Dload\s)/;
/** curl's progress meter: eight numbers, three times, the current speed (read in the first 300 characters). */
const PROGRESS =
  /^\s*(?:\d+(?:\.\d+)?[kMGT]?\s+){8}(?:(?:--:--:--|\d+:\d\d:\d\d)\s+){3}\d+(?:\.\d+)?[kMGT]?/;
const MARKERS = [
  TRYING,
  CONNECTED,
  STATUS,
  CURL_ERROR,
  /^> (?:GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH) \S+ HTTP\//,
];

/** `curl -v` transcripts; with the command line shown, plain `curl` answers too. */
export const curlV = withLeadingCommand(
  defineParser<'curl-v', CurlFacts>({
    kind: 'curl-v',
    detect(head, ctx) {
      if (isCurl(ctx)) return head.some((l) => !isNoise(l.text));
      const strong = head.filter((l) => {
        const t = strip(l.text);
        return MARKERS.some((re, i) => re.test(t) && (i !== 2 || t.startsWith('< ')));
      }).length;
      return strong >= 2 || head.some((l) => CURL_ERROR.test(strip(l.text)));
    },
    parse(lines, ctx) {
      const f: CurlFacts = {
        target: targetOf(ctx, lines),
        attempts: [],
        connected: null,
        connectError: null,
        tls: null,
        alpn: null,
        redirects: [],
        statuses: [],
        error: null,
        body: null,
        bodyLines: 0,
        outcome: null,
      };
      let own = 0; // lines that are curl's own (verbose output, status lines, errors)
      let bodyOpen = true;
      for (const l of lines) {
        if (l.text.length > MAX_LINE) continue;
        const t = strip(l.text);
        if (t.trim() === '') {
          if (f.body) bodyOpen = false;
          continue;
        }
        if (isNoise(t) || (PROGRESS.test(t.slice(0, 300)) && !/[*<>]/.test(t))) continue;
        if (read(f, t, cite(l))) own += 1;
        // curl stops at its error: what follows is not its output.
        else if (f.error) continue;
        // Before any status line, a verbose transcript's unprefixed lines continue curl's own
        // (`  CApath: ...` under `*   CAfile: ...`); the body comes after the headers.
        else if (own > 0 && f.statuses.length === 0) own += 1;
        else if (!f.body) {
          f.body = { ...cite(l), value: t.trim() };
          f.bodyLines = 1;
        } else if (bodyOpen) f.bodyLines += 1;
      }
      f.outcome = outcomeOf(f);
      if (!f.outcome || (!isCurl(ctx) && own === 0)) return reject(msg(`${K}.nothing`));
      // `-L`: the outcome and the last status are the last hop's, so is the URL shown.
      const hop = f.redirects.at(-1);
      const params = {
        target: hop?.value ?? f.target?.value ?? '?',
        outcome: f.outcome,
        status: f.statuses.at(-1)?.status ?? '-',
        error: f.error ? `curl (${f.error.value.code}) ${f.error.value.message}` : '-',
      };
      if (!hop) return accept(f, [], msg(`${K}.summary`, params));
      return accept(
        f,
        [],
        msg(`${K}.summaryRedirected`, {
          ...params,
          first: f.target?.value ?? '?',
          hops: f.redirects.length,
        }),
      );
    },
  }),
);

/** Reads one of curl's own lines into the facts; false for anything else (the body). */
function read(f: CurlFacts, t: string, c: Cited): boolean {
  let m: RegExpExecArray | null;
  if ((m = TRYING.exec(t))) f.attempts.push({ ...c, value: m[1]! });
  else if ((m = REDIRECT.exec(t))) f.redirects.push({ ...c, value: m[1]! });
  else if ((m = CONNECTED.exec(t))) f.connected ??= { ...c, value: m[2] ?? m[1]! };
  else if (CONNECT_FAIL.test(t)) f.connectError ??= { ...c, value: t.replace(/^\*\s+/, '') };
  else if ((m = TLS.exec(t))) f.tls = { ...c, value: { version: m[1]!, cipher: m[2]! } };
  else if ((m = ALPN.exec(t))) f.alpn = { ...c, value: m[1] ?? 'none' };
  else if ((m = CURL_ERROR.exec(t)))
    f.error = { ...c, value: { code: Number(m[1]), message: m[2]!.trim() } };
  else if ((m = STATUS.exec(t)) && (t.startsWith('<') || !f.body)) {
    const [, version, status, reason = ''] = m;
    f.statuses.push({
      version: version!,
      status: Number(status),
      reason,
      line: c.line,
      text: c.text,
    });
  } else return VERBOSE.test(t);
  return true;
}

function isCurl(ctx: ParseContext): boolean {
  return CURL_COMMAND.test(`${ctx.command ?? ''} `);
}

/** The line without the progress meter that `curl -v` without `-s` writes in front of it. */
function strip(text: string): string {
  const m = PROGRESS.exec(text.slice(0, 300));
  return m && /^(?:[*<>]|HTTP\/)/.test(text.slice(m[0].length)) ? text.slice(m[0].length) : text;
}

function cite(l: Line): Cited {
  return { value: '', line: l.n, text: l.text };
}

const VALUE_FLAGS =
  /^-(?:[HdXowuAebcFExmr]|-(?:header|data[\w-]*|request|output|write-out|user|resolve|connect-timeout|max-time|user-agent|referer|cookie|cookie-jar|form|cacert|cert|key|proxy|interface|connect-to|retry|range))$/;

/** The URL or host the command line names (the first argument that is not a flag or its value). */
function targetOf(ctx: ParseContext, lines: Line[]): Cited | null {
  if (isCurl(ctx)) {
    const words = shellWords(ctx.command!);
    words.splice(0, words[0] === 'sudo' ? 2 : 1);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (VALUE_FLAGS.test(w)) i += 1;
      else if (!w.startsWith('-') && /^(?:\w+:\/\/)?[\w.[\]:-]+(?::\d+)?(?:[/?].*)?$/.test(w))
        return { value: w, line: 0, text: ctx.command! };
    }
  }
  const first = lines.find((l) => TRYING.test(strip(l.text)));
  return first ? { ...cite(first), value: TRYING.exec(strip(first.text))![1]! } : null;
}

function outcomeOf(f: CurlFacts): CurlOutcome | null {
  if (f.error) {
    const { code, message } = f.error.value;
    if (code === 6) return 'dns';
    if (code === 28 || /timed out/i.test(message)) return 'timeout';
    if (/refused/i.test(message)) return 'refused';
    if (/No route to host|Network is unreachable|Host is unreachable/i.test(message))
      return 'unreachable';
    if (code === 7) return 'connect-failed';
    if (code === 52) return 'empty-reply';
    if (code === 56 || /reset by peer/i.test(message)) return 'reset';
    if ([35, 51, 58, 60, 77, 83, 90, 91].includes(code)) return 'tls-error';
    if (f.statuses.length === 0) return 'other-error';
  }
  if (f.statuses.length > 0) return 'http';
  if (f.connectError) {
    const m = f.connectError.value;
    if (/refused/i.test(m)) return 'refused';
    if (/timed out/i.test(m)) return 'timeout';
    if (/resolve/i.test(m)) return 'dns';
    if (/No route|unreachable/i.test(m)) return 'unreachable';
    return 'connect-failed';
  }
  if (f.connected) return 'connected';
  if (f.body) return 'http';
  return null;
}

/** Words of a command line, quotes honoured (`-H 'Host: x'` is two words). */
function shellWords(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/(?:'[^']*'|"(?:[^"\\]|\\.)*"|[^\s'"]+)+/g))
    out.push(m[0].replace(/'([^']*)'|"((?:[^"\\]|\\.)*)"/g, '$1$2'));
  return out;
}
