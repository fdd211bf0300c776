import type { Line } from './types';

/**
 * What decorates every line of a paste without being part of the output, removed before any
 * parser sees it (line numbers stay those of the paste):
 * - a quote prefix on every line (`> `, as chat and GitHub quotes add);
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
  return unwrapLogRecords(
    dedent(
      stripSharedPrefix(
        stripQuotePrefix(stripDiffMarkers(lines).filter((l) => !FENCE.test(l.text))),
      ),
    ),
  );
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

/** The lines without a quote prefix that every non-empty one has (a chat or Markdown quote). */
export function stripQuotePrefix(lines: Line[]): Line[] {
  let quoted = false;
  for (const l of lines) {
    if (isBlank(l)) continue;
    if (!QUOTED.test(l.text)) return lines;
    quoted = true;
  }
  if (!quoted) return lines;
  return lines.map((l) => ({ n: l.n, text: l.text.replace(/^\s*> ?/, '') }));
}

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
  const stripped = stripGrepNumbers(lines, filled) ?? stripLabel(lines, filled);
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
