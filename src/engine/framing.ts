import type { Line } from './types';

/**
 * What decorates every line of a paste without being part of the output, removed before any
 * parser sees it (line numbers stay those of the paste):
 * - a quote prefix on every line (`> `, as chat and GitHub quotes add), or on each run of
 *   quoted lines between a post's own prose, nested quotes (`> > `) included;
 * - a prefix nearly every line shares: a host name from pdsh/clush or a provisioning tool
 *   (`node1: `), a file name from `grep -H` (`/var/log/messages:`), `grep -n`'s line numbers
 *   (`12:` / `12-`, with or without the file), `kubectl logs --prefix` (`[pod/x/c] `);
 * - the indentation every line shares (a Markdown code block, an indented e-mail quote), by
 *   the common minimum only, so a format's own indentation (netstat -s, YAML) is kept;
 * - Markdown code fences (a line of only ```` ``` ```` or `~~~`, with its info string): no
 *   command prints one, and a fence around one short line would outvote it in a detector;
 * - the `- ` (or `+ `) that marks every line of a ```` ```diff ```` fence used only to colour
 *   pasted output red (or green), as blog and README authors do to highlight an error;
 * - a container runtime's log record around each line (Docker's json-file driver), last, so
 *   that a file name or a quote around the records comes off first.
 */
export function unframe(lines: Line[]): Line[] {
  const unfenced = stripDiffMarkers(lines).filter((l) => !FENCE.test(l.text));
  return unwrapLogRecords(dedent(stripSharedPrefix(stripQuotes(unfenced))));
}

/** The opening fence of a Markdown `diff` block (GitHub and most blogs colour its lines). */
const DIFF_FENCE = /^\s*(?:`{3,}|~{3,})\s*diff\s*$/i;
/** A line marked removed (`- `) or added (`+ `), or the bare marker of an empty line. */
const MARKED = { '-': /^-(?: |$)/, '+': /^\+(?: |$)/ } as const;

/**
 * The lines of a `diff` fence without their marker when every non-empty one carries the same
 * `- ` or `+ `: output coloured for the reader, not a patch. A real patch (`---`/`+++`
 * headers, `@@` hunks, unmarked context lines, lines of both signs) is left as it is.
 */
function stripDiffMarkers(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (!DIFF_FENCE.test(lines[i]!.text)) continue;
    let end = i + 1;
    while (end < lines.length && !FENCE.test(lines[end]!.text)) end++;
    const body = lines.slice(i + 1, end).filter((l) => !isBlank(l));
    const sign = body[0]?.text[0];
    if ((sign === '-' || sign === '+') && body.every((l) => MARKED[sign].test(l.text))) {
      out ??= [...lines];
      for (let k = i + 1; k < end; k++)
        out[k] = { n: lines[k]!.n, text: lines[k]!.text.replace(MARKED[sign], '') };
    }
    i = end;
  }
  return out ?? lines;
}

/** A Markdown fence line: three or more backquotes or tildes, an optional info string (`bash`, `console`). */
export const FENCE = /^\s*(?:>\s*)*(?:`{3,}|~{3,})\s*[\w+.-]*\s*$/;

const isBlank = (l: Line) => l.text.trim() === '';

const QUOTED = /^\s*>(\s|$)/;
const unquote = (l: Line): Line => ({ n: l.n, text: l.text.replace(/^\s*> ?/, '') });
/** How deep Markdown quotes are peeled (`> > > x`); posts never nest deeper. */
const MAX_QUOTE_DEPTH = 4;

/** The lines without a quote prefix that every non-empty one has (a chat or Markdown quote). */
export function stripQuotePrefix(lines: Line[]): Line[] {
  let quoted = false;
  for (const l of lines) {
    if (isBlank(l)) continue;
    if (!QUOTED.test(l.text)) return lines;
    quoted = true;
  }
  return quoted ? lines.map(unquote) : lines;
}

/**
 * The lines without their quotes: one level off every line when every non-empty one has it,
 * otherwise off each run of quoted lines, as a post quotes output between its own prose; and
 * again inside, for quotes nested in quotes (`> > x`).
 */
function stripQuotes(lines: Line[], depth = 0): Line[] {
  if (depth >= MAX_QUOTE_DEPTH) return lines;
  const whole = stripQuotePrefix(lines);
  if (whole !== lines) return stripQuotes(whole, depth + 1);
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length;) {
    let end = i;
    while (end < lines.length && QUOTED.test(lines[end]!.text)) end++;
    if (end === i) {
      out?.push(lines[i]!);
      i++;
      continue;
    }
    const run = lines.slice(i, end);
    out ??= lines.slice(0, i);
    out.push(...(quotedOutput(lines[i - 1], run) ? stripQuotes(run.map(unquote), depth + 1) : run));
    i = end;
  }
  return out ?? lines;
}

/**
 * Is a run of `> ` lines amid other text a quote of output? It needs two lines at least: one
 * `> key="v"` closes a klog value (`err=<`), and the `>` may be the output's own: curl -v's
 * request (`> GET / HTTP/1.1`, then its headers), or the shell's continuation prompt under a
 * here-document (`cat <<EOF`, `> key = 1`, `> EOF`), whose body is typed input, not output.
 */
function quotedOutput(before: Line | undefined, run: Line[]): boolean {
  if (run.filter((l) => !isBlank(unquote(l))).length < 2) return false;
  if (run.some((l) => CURL_REQUEST.test(l.text))) return false;
  const word = before ? HEREDOC.exec(before.text)?.[1] : undefined;
  return word === undefined || !run.some((l) => unquote(l).text.trim() === word);
}

// curl -v's request line: `> GET /healthz HTTP/1.1` (`HTTP/2`).
const CURL_REQUEST = /^\s*> (?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|CONNECT|TRACE) \S+ HTTP\/\d/;
// A here-document started on the line above: `cat > /etc/x.conf <<EOF`, `<<-'END'`.
const HEREDOC = /<<-?\s*['"]?(\w+)['"]?/;

/** A share of the non-empty lines that must carry a prefix for it to be taken as framing. */
const NEARLY_ALL = 0.9;

// `grep -n` (`12:text`, context lines `12-text`), `grep -Hn` (`file:12:text`).
const GREP_N = /^(?:([^\s:]{1,200}):(\d{1,9})[:-]|(\d{1,9})[:-])/;
// `1: lo    inet ...` (`ip -o addr`, `ip -o link`): an index, one blank, a name.
const INDEX_NAME = /^\d{1,9}: \S/;
// A constant label: `node1: `, `/var/log/messages:`, `[pod/kube-proxy-x/kube-proxy] `,
// docker compose's `proxy_1  | `, a log viewer's box-drawing gutter (`│ `). It
// starts with a letter, `/` or `.`, so the hour of a timestamp (`12:00:01`, a CRI log's
// `2024-06-01T13:`) is never taken for one.
const LABEL =
  /^(?:\[[^\]\s]{1,200}\] ?|[A-Za-z./][\w./@-]{0,200}:|[A-Za-z][\w.-]{0,200} +\| |[│┃](?= ))/;
/**
 * A `word:` that is the message's own first word, not a host or a file: an identifier with `_`
 * and no `.` or `/` (`nf_conntrack:`, `arp_cache:`: no host name holds `_`), or a tag written in
 * capitals (`IPVS:`, `UDP:`, `IPv4:`, `ERROR:`). `dmesg -t`, `journalctl -k -o cat` and a grep
 * of one kernel message put it on every line.
 */
const MESSAGE_TAG = /^(?:[^./]*_[^./]*|[A-Z]{2,}(?:v[46])?):$/;
/**
 * `proxier.go:1907] Adding new service ...`: a klog header cut short to its origin (the Go
 * file, its line and `]`), the log's own text. A file name from `grep -H` is followed by the
 * matched line, never by a line number and `]`.
 */
const KLOG_ORIGIN = /^[\w.-]{1,100}\.go:\d{1,6}\]/;

function stripSharedPrefix(lines: Line[]): Line[] {
  const filled = lines.filter((l) => !isBlank(l));
  // One line, or a handful, says too little about what is framing and what is output.
  if (filled.length < 3) return lines;
  const stripped =
    stripGrepNumbers(lines, filled) ?? stripLabel(lines, filled) ?? stripGrepFiles(lines, filled);
  // Framing can nest (pdsh around grep -n): peel until nothing more comes off.
  return stripped ? stripSharedPrefix(stripped) : lines;
}

/** `grep -n` numbers: present on nearly every line, from one file, always increasing. */
function stripGrepNumbers(lines: Line[], filled: Line[]): Line[] | null {
  const first = GREP_N.exec(filled[0]!.text);
  if (!first) return null;
  const file = first[1];
  const numberOf = (m: RegExpExecArray) => Number(m[2] ?? m[3]);
  let last = -1;
  let hits = 0;
  let separators = 0;
  let indexed = 0;
  for (const l of filled) {
    if (l.text === '--') {
      separators++; // grep's separator between context groups
      continue;
    }
    const m = GREP_N.exec(l.text);
    if (!m || m[1] !== file) continue;
    const n = numberOf(m);
    if (n <= last) return null;
    last = n;
    hits++;
    if (file === undefined && INDEX_NAME.test(l.text)) indexed++;
  }
  if (hits < (filled.length - separators) * NEARLY_ALL) return null;
  if (indexed === hits) return null; // every line `N: name`: ip's own numbering
  return lines.flatMap((l) => {
    if (l.text === '--') return [];
    const m = GREP_N.exec(l.text);
    return [m && m[1] === file ? { n: l.n, text: l.text.slice(m[0].length) } : l];
  });
}

/** A label every line starts with (the first line's, on nearly all of them). */
function stripLabel(lines: Line[], filled: Line[]): Line[] | null {
  const m = LABEL.exec(filled[0]!.text);
  if (!m) return null;
  // `kind: Service` or `Name:  x` on one line is the output's own key, not a label: only a
  // label that repeats line after line is framing.
  const label = m[0].trimEnd();
  if (MESSAGE_TAG.test(label) || KLOG_ORIGIN.test(filled[0]!.text)) return null;
  const has = (l: Line) => l.text.startsWith(label);
  if (filled.filter(has).length < filled.length * NEARLY_ALL) return null;
  return lines.map((l) => {
    if (!has(l)) return l;
    const rest = l.text.slice(label.length);
    return { n: l.n, text: rest.startsWith(' ') ? rest.slice(1) : rest };
  });
}

// `grep -r` / `grep -H` over several files: `dir/file.conf:` or `/etc/sysctl.d/x.conf:12:`, a
// path with a `/` in it. /proc and /sys paths are left: `grep . /proc/sys/net/...` names the key.
const GREP_FILE =
  /^(?!\/(?:proc|sys)\/)(?:\.{1,2}\/|\/)?[\w.@+-]{1,200}(?:\/[\w.@+-]{1,200}){1,30}:(?:\d{1,9}:)?/;

/**
 * A file name in front of nearly every line that is not the same on all (`grep -r` across a
 * directory, a collector's bundle grepped): each line without its own. One file on every line
 * is `stripLabel`'s.
 */
function stripGrepFiles(lines: Line[], filled: Line[]): Line[] | null {
  const named = filled.filter((l) => GREP_FILE.test(l.text)).length;
  if (named < filled.length * NEARLY_ALL) return null;
  return lines.map((l) => {
    const m = GREP_FILE.exec(l.text);
    return m ? { n: l.n, text: l.text.slice(m[0].length) } : l;
  });
}

/** The lines without the leading blanks that all non-empty ones share. */
function dedent(lines: Line[]): Line[] {
  let common: string | null = null;
  for (const l of lines) {
    if (isBlank(l)) continue;
    const lead = /^[ \t]*/.exec(l.text)![0];
    if (common === null || !lead.startsWith(common)) {
      let k = 0;
      const base: string = common ?? lead;
      while (k < base.length && k < lead.length && base[k] === lead[k]) k++;
      common = base.slice(0, k);
    }
    if (common === '') return lines;
  }
  if (!common) return lines;
  const cut = common.length;
  return lines.map((l) =>
    isBlank(l) ? { n: l.n, text: '' } : { n: l.n, text: l.text.slice(cut) },
  );
}

/**
 * Docker's json-file log driver writes each line a container prints as one JSON object,
 * `{"log":"E0102 10:00:00.1 1 proxier.go:1] ...\n","stream":"stderr","time":"2021-01-02T10:00:00.1Z"}`
 * (`/var/lib/docker/containers/<id>/<id>-json.log`, and the `/var/log/containers/*.log` links
 * of a node whose kubelet runs Docker); a log shipper (fluentd, fluent-bit) keeps the shape and
 * adds keys (`kubernetes`, `docker`, `tag`, `@timestamp`). The output is the `log` string.
 * A record is unwrapped line by line, wherever it stands: a one-line object with a `log`
 * string and a `stream` (stdout/stderr) or a time stamp, and no resource keys (`kind`,
 * `metadata`), is a shape no command's own output has. A record cut short (a wrapped paste)
 * is still read when it begins as the runtime writes it, `{"log":"...","stream":`.
 */
function unwrapLogRecords(lines: Line[]): Line[] {
  if (!lines.some((l) => l.text.includes('"log"'))) return lines;
  return lines.flatMap((l) => {
    const log = logRecordText(l.text);
    if (log === null) return [l];
    const body = log.replace(/\r?\n$/, '');
    return body.split(/\r?\n/).map((text) => ({ n: l.n, text: plain(text) }));
  });
}

// `{"log":"...",` with the next key one a runtime writes after it.
const RECORD_START = /^\s*\{\s*"log"\s*:\s*("(?:[^"\\]|\\.)*")\s*,\s*"(?:stream|time|attrs)"\s*:/;
// Keys of an object that describes a Kubernetes resource, not a log record.
const RESOURCE_KEYS = ['kind', 'apiVersion', 'metadata', 'spec', 'status', 'items'];

/** The line a log record carries, or null when the line is not one. */
export function logRecordText(text: string): string | null {
  const t = text.trim();
  if (!t.startsWith('{') || !t.includes('"log"')) return null;
  if (t.endsWith('}')) {
    let o: unknown;
    try {
      o = JSON.parse(t);
    } catch {
      o = undefined;
    }
    if (o !== undefined) return recordLog(o);
  }
  const m = RECORD_START.exec(t);
  if (!m) return null;
  try {
    const log: unknown = JSON.parse(m[1]!);
    return typeof log === 'string' ? log : null;
  } catch {
    return null;
  }
}

function recordLog(o: unknown): string | null {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const r = o as Record<string, unknown>;
  if (typeof r.log !== 'string') return null;
  if (RESOURCE_KEYS.some((k) => k in r)) return null;
  const stream = r.stream === 'stdout' || r.stream === 'stderr';
  const time = ['time', '@timestamp', 'timestamp'].some((k) => typeof r[k] === 'string');
  return stream || time ? r.log : null;
}

// What a terminal would not show of a decoded line: colour codes and other control characters.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b-\x1f\x7f]/g;
const plain = (text: string) => text.replace(ESCAPES, '');
