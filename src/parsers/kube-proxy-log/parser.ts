import type { Cited, Line, Problem } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import type { KlogEntry, KubeProxyLogFacts } from './facts';
import { SYSLOG_DATE } from '../node-shared/syslog-date';

const K = 'parse.kube-proxy-log';
/**
 * A klog line, `I0514 13:55:14.505765       1 server_others.go:304] message`, possibly behind the
 * prefix `kubectl logs --timestamps` (RFC 3339), the container runtime's log file (CRI:
 * `2026-07-10T14:33:53.86Z stderr F `), `--prefix` (`[pod/x/c]`) or journald adds (its
 * month localized too: `9月 22 08:58:03 host kube-proxy[4854]: ` under a Chinese locale).
 * Single spaces are accepted too: blogs collapse the padding before the thread id.
 * stern (and kail) print each line as `POD CONTAINER message` (`kube-proxy-22hmk kube-proxy
 * E1120 07:08:50.135017 ...`), with `--timestamps` an RFC 3339 time after them: two Kubernetes
 * names, lowercase DNS labels, before the header.
 */
const K8S_NAME = String.raw`[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?`;
const PREFIX = String.raw`^\s*(?:${K8S_NAME} ${K8S_NAME}\s+)?(?:(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?(?: std(?:out|err) [FP])?|\[[^\]\s]{1,200}\]|${SYSLOG_DATE} \S{1,100} [\w.-]{1,100}\[\d+\]:)\s+)?`;
const KLOG = new RegExp(
  String.raw`${PREFIX}([IWEF])(\d{4} \d\d:\d\d:\d\d\.\d+)\s+\d+\s+([\w.-]{1,100}:\d+)\]\s?(.*)$`,
);
/**
 * The Go runtime's report when kube-proxy panics (`panic: non-positive interval for NewTicker`),
 * behind the same prefixes as a klog line: the process exits, as after a fatal klog line. The
 * goroutine dump under it (`goroutine 46 [running]:`, each frame's call and its tab-indented
 * `file.go:N +0x1b4`) belongs to it; a frame in kube-proxy's own packages marks the paste as
 * kube-proxy's.
 */
const GO_PANIC = new RegExp(String.raw`${PREFIX}(panic: .{1,2000}?)\s*$`);
const GO_TRACE = new RegExp(
  String.raw`${PREFIX}(?:goroutine \d+ \[[^\]]{1,200}\]:|\[signal [^\]]{1,300}\]|(?:created by )?[\w./*()\[\]{}-]{1,500}\([^)]{0,500}\)(?: in goroutine \d+)?|created by \S{1,500}(?: in goroutine \d+)?|\/?[\w./@+-]{1,500}\.(?:go|s):\d+(?: \+0x[0-9a-f]+)?|\.\.\.additional frames elided\.\.\.|exit status \d+)\s*$`,
);
const OWN_FRAME =
  /(?:^|[\s/])(?:k8s\.io\/kubernetes\/(?:pkg\/proxy|cmd\/kube-proxy)|pkg\/proxy\/(?:ipvs|iptables|nftables)\/)/;
const MAX_TRACE_LINES = 400;
/** Files and words only kube-proxy logs (a kubelet or flannel klog must not be taken for it). */
const ORIGIN_MARK =
  /^(?:server_others|server_linux|server_windows|proxier|proxier_\w+|conntrack|meta_proxier|graceful_termination)\.go:/;
// Not "kube-proxy" itself: kubelet logs name the kube-proxy pods.
const MESSAGE_MARK =
  /^kube-proxy (?:exited|panic): |Proxier|\bProxyServer\b|\b(?:iptables|ipvs|nftables|userspace) proxy\b|nodePort|\bipvs\b|KUBE-(?:SERVICES|NODEPORTS|MARK-)|ProxyMode|proxy mode|^(?:add|insert|create|replace|delete|flush|destroy) (?:rule|element|chain|set|map|table) ip6? kube-proxy\b/i;
/**
 * journald's and syslog's identifier before the message is the process that wrote it
 * (`Jun 25 20:50:00 host kube-proxy[3828]: E0625 ... ipset.go:156] ...`): a line it tags
 * `kube-proxy` is kube-proxy's own, whatever file of it logged the line.
 */
const JOURNAL_OWN = new RegExp(String.raw`^\s*${SYSLOG_DATE} \S{1,100} kube-proxy\[\d+\]:\s`);
const PROXIER =
  /\bUsing (iptables|ipvs|nftables|userspace|kernelspace) (?:Proxier|proxy)\b|Creating dualStackProxier for (iptables|ipvs|nftables)/i;
const VERSION = /\bVersion: (v\d[\w.+-]*)|"Version info" version="(v[^"]+)"/;
/**
 * The header `systemctl status kube-proxy` prints above the journal lines it quotes: the unit
 * line (`● kube-proxy.service - ...`), its `Key: value` fields and the CGroup process tree.
 * Neither kube-proxy's output nor a stray line; it only says which unit the log is from.
 */
const UNIT_STATUS =
  /^\s*(?:[●○×] [\w@.-]{1,200}\.service\b|(?:Loaded|Active|Docs|Main PID|Tasks|Memory|CPU|CGroup|Drop-In|Process|Status|TriggeredBy):(?:\s|$)|[└├│]|Hint: Some lines were ellipsized)/;
const MAX_LINE = 100_000;
const MAX_PROBLEMS = 50;
/**
 * kube-proxy writes English only (journald may localize the month before it, `9月 22`, on a
 * line the klog pattern reads). A line that is not a klog line and holds CJK ideographs or
 * full-width punctuation is the author's between the lines (an issue template's `## 日志`,
 * `- 网络插件：flannel`, `proxy工作不正常`): neither kube-proxy's output nor a stray line of it.
 */
const AUTHOR_PROSE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]/;
const isProse = (text: string) => AUTHOR_PROSE.test(text);

type Proxier = NonNullable<KubeProxyLogFacts['proxier']>['value'];

/** kube-proxy's klog output (`kubectl logs`, with or without `--timestamps`, or its log file). */
export const kubeProxyLog = defineParser<'kube-proxy-log', KubeProxyLogFacts>({
  kind: 'kube-proxy-log',
  detect(head) {
    let klog = 0;
    let other = 0;
    let marked = false;
    const value = new MultiLineValue();
    const trace = new GoTrace();
    for (const l of head) {
      if (UNIT_STATUS.test(l.text)) continue;
      if (value.takes(l.text)) continue;
      if (trace.takes(l.text)) {
        if (OWN_FRAME.test(l.text)) marked = true;
        continue;
      }
      const m = l.text.length <= MAX_LINE ? lineOf(l.text) : null;
      if (!m && isProse(l.text)) continue;
      other += 1;
      if (!m) continue;
      value.opens(m.message, l.text);
      trace.opens(m.message);
      klog += 1;
      if (
        !marked &&
        (ORIGIN_MARK.test(m.origin) ||
          MESSAGE_MARK.test(m.message) ||
          isKnown(m) ||
          JOURNAL_OWN.test(l.text))
      )
        marked = true;
    }
    return marked && klog * 2 >= other;
  },
  parse(lines) {
    const entries: KlogEntry[] = [];
    const problems: Problem[] = [];
    let proxier: Cited<Proxier> | null = null;
    let version: Cited | null = null;
    const value = new MultiLineValue();
    const trace = new GoTrace();
    for (const l of lines) {
      const last = entries[entries.length - 1];
      // The goroutine dump under a panic: its entry already says kube-proxy exited.
      if (last && trace.takes(l.text)) continue;
      if (last && value.takes(l.text)) {
        // The value's lines belong to its entry: the message reads as one line.
        const part = l.text.trim().replace(/^>\s*/, '');
        if (part !== '') last.message = `${last.message} ${part}`;
        continue;
      }
      if (l.text.trim() === '' || UNIT_STATUS.test(l.text)) continue;
      const e = l.text.length <= MAX_LINE ? entryOf(l) : null;
      if (!e && isProse(l.text)) continue;
      if (!e) {
        problems.push({ line: l.n, msg: msg(`${K}.notKlog`) });
        continue;
      }
      value.opens(e.message, l.text);
      trace.opens(e.message);
      entries.push(e);
      const p = PROXIER.exec(e.message);
      if (p) proxier = { value: (p[1] ?? p[2])!.toLowerCase() as Proxier, line: l.n, text: l.text };
      const v = VERSION.exec(e.message);
      if (v) version = { value: (v[1] ?? v[2])!, line: l.n, text: l.text };
    }
    if (entries.length === 0) return reject(msg(`${K}.noEntries`));
    // Other lines are tolerated (a wrapped message, a stray shell line) only while they are few.
    if (problems.length > entries.length)
      return reject(msg(`${K}.mostlyNotKlog`, { klog: entries.length, other: problems.length }));
    const errors = entries.filter((e) => e.level === 'E' || e.level === 'F').length;
    const warnings = entries.filter((e) => e.level === 'W').length;
    const params = {
      n: entries.length,
      errors,
      warnings,
      proxier: proxier?.value ?? '',
      version: version?.value ?? '',
    };
    const key = proxier ? (version ? 'summaryProxierVersion' : 'summaryProxier') : 'summary';
    return accept({ entries, proxier, version }, capped(problems), msg(`${K}.${key}`, params));
  },
});

/**
 * klog prints a multi-line value (an `err` with iptables-restore's output) as `key=<`, the
 * value's lines each indented by a tab, then ` >` followed by the remaining keys:
 *
 *     E0610 07:32:16.910840  1 proxier.go:1564] "Failed to execute iptables-restore" err=<
 *     \texit status 2: iptables-restore v1.8.8 (legacy): Couldn't load target `KUBE-SVC-...'
 *      > ipFamily="IPv4"
 *
 * Pastes lose part of it: a blog's HTML eats the `<` (`err=` then indented lines), or a
 * copy drops the indentation (`err=<` then bare lines, `>` alone). After `=<` any line up to the
 * closing `>` is the value's; after a bare `=` only indented lines and the `>` are. At most
 * MAX_VALUE_LINES lines, so an unclosed value cannot swallow the rest of a paste.
 *
 * An author may also pull the value's first line up behind `=<` and re-wrap the rest
 * (`Failed to execute iptables-restore" err=< exit status 2:` then `iptables-restore v1.8.7
 * (legacy): Couldn't load match ...` on the next line, the `>` dropped): the value then goes on
 * over the following lines indented at least as far as its opener, until a blank line, a `>` or
 * a klog line, at most MAX_PAREN_LINES of them.
 */
const MAX_VALUE_LINES = 200;
/** iptables-restore's complaint is a few lines; an unclosed `(` does not swallow a paste. */
const MAX_PAREN_LINES = 20;
class MultiLineValue {
  private open: 'any' | 'indented' | 'paren' | 'inline' | null = null;
  /** The opener line's indentation, for a value opened inline. */
  private indent = 0;
  private taken = 0;
  /** Parentheses the message opened and no line has closed yet. */
  private depth = 0;
  /** After an entry: does its message end by opening a multi-line value? */
  opens(message: string, text = '') {
    this.depth = depthOf(message);
    this.open = /=<$/.test(message)
      ? 'any'
      : /\w=$/.test(message)
        ? 'indented'
        : this.depth > 0
          ? 'paren'
          : INLINE_VALUE.test(message)
            ? 'inline'
            : null;
    this.indent = indentOf(text);
    this.taken = 0;
  }
  /** Is this line part of the open value (its closing `>` or `)` included)? */
  takes(text: string): boolean {
    if (!this.open || this.taken >= MAX_VALUE_LINES || text.length > MAX_LINE) return false;
    // Older kube-proxy quotes iptables-restore's output in parentheses, its lines as printed:
    // `Failed to execute iptables-restore: exit status 1 (iptables-restore: line 7 failed` then `)`.
    if (this.open === 'paren') {
      if (lineOf(text) !== null || this.taken >= MAX_PAREN_LINES) {
        this.open = null;
        return false;
      }
      this.depth += depthOf(text);
      if (this.depth <= 0) this.open = null;
      this.taken += 1;
      return true;
    }
    if (/^\s*>(?:\s|$)/.test(text)) {
      this.open = null;
      return true;
    }
    if (this.open === 'inline') {
      if (
        text.trim() === '' ||
        this.taken >= MAX_PAREN_LINES ||
        indentOf(text) < this.indent ||
        lineOf(text) !== null
      ) {
        this.open = null;
        return false;
      }
      this.taken += 1;
      return true;
    }
    const inside =
      this.open === 'any' ? lineOf(text) === null || /^\s/.test(text) : /^\s+\S/.test(text);
    if (!inside) {
      this.open = null;
      return false;
    }
    this.taken += 1;
    return true;
  }
}

/** A multi-line value opened with text behind its `=<` on the same line and not closed there. */
const INLINE_VALUE = /\w=<\s+\S(?!.*\s>(?:\s|$))/;
/** Leading whitespace of a line, a tab counted as one. */
const indentOf = (text: string) => /^\s*/.exec(text)![0].length;

/** How many more `(` than `)` a text has. */
function depthOf(text: string): number {
  let d = 0;
  for (const c of text) d += c === '(' ? 1 : c === ')' ? -1 : 0;
  return d;
}

/** The goroutine dump after a `panic:` entry, blank lines in it included, until a line of another kind. */
class GoTrace {
  private open = false;
  private taken = 0;
  opens(message: string) {
    this.open = message.startsWith('panic: ');
    this.taken = 0;
  }
  takes(text: string): boolean {
    if (!this.open || this.taken >= MAX_TRACE_LINES || text.length > 4_000) return false;
    if (text.trim() !== '' && !GO_TRACE.test(text)) {
      this.open = false;
      return false;
    }
    this.taken += 1;
    return true;
  }
}

function entryOf(l: Line): KlogEntry | null {
  const m = lineOf(l.text);
  return m ? { ...m, line: l.n, text: l.text } : null;
}

/** A klog line, in text or in JSON (`--logging-format=json`), or a structured message alone. */
function lineOf(text: string): Pick<KlogEntry, 'level' | 'origin' | 'message'> | null {
  const m = KLOG.exec(text);
  if (m) return { level: m[1] as KlogEntry['level'], origin: m[3]!, message: m[4]!.trimEnd() };
  return (
    jsonLine(text) ??
    bareMessage(text) ??
    knownMessage(text) ??
    nftReport(text) ??
    goPanic(text) ??
    embeddedLine(text)
  );
}

/**
 * k3s and RKE2 run kube-proxy inside their own process and report on it through their own
 * logger (logrus): `Running kube-proxy --cluster-cidr=...` when they start it, and `kube-proxy
 * exited: <error>` (or `kube-proxy panic:`) when it returns; the whole k3s process then stops
 * (or, on Windows, restarts it). On a terminal logrus writes the level's first four letters and
 * the seconds since start (`ERRO[0003] kube-proxy exited: ...`), in journald and files it writes
 * logfmt (`time="2024-11-07T18:38:43Z" level=fatal msg="kube-proxy exited: ..."`, the message's
 * quotes escaped). Only these lines about kube-proxy are taken: the supervisor's other lines
 * are not kube-proxy's output. A Markdown inline-code pair of backticks around one is dropped.
 */
const LOGRUS_TEXT = new RegExp(
  String.raw`${PREFIX}(INFO|WARN|ERRO|FATA|PANI|DEBU|TRAC)\[[^\]\s]{1,40}\]\s+(.{1,2000}?)\s*$`,
);
const LOGRUS_LOGFMT = new RegExp(
  String.raw`${PREFIX}time="[^"]{1,60}" level=(\w{1,10}) msg="((?:[^"\\]|\\.){1,2000})"`,
);
const LOGRUS_LEVEL: Record<string, KlogEntry['level']> = {
  ERRO: 'E',
  FATA: 'F',
  PANI: 'F',
  WARN: 'W',
};
const EMBEDDED = /^(?:Running kube-proxy --|kube-proxy (?:exited|panic): )/;
/** Returned without error: k3s shutting down, not kube-proxy failing. */
const CLEAN_EXIT = /^kube-proxy exited: (?:<nil>|context canceled)$/;
function embeddedLine(text: string): Pick<KlogEntry, 'level' | 'origin' | 'message'> | null {
  if (text.length > 4_000) return null;
  const t = text.trim().replace(/^`(.+)`$/, '$1');
  const m = LOGRUS_TEXT.exec(t);
  const f = m ? null : LOGRUS_LOGFMT.exec(t);
  const level = (m?.[1] ?? f?.[1] ?? '').slice(0, 4).toUpperCase();
  const message = m ? m[2]! : f ? f[2]!.replace(/\\(["\\])/g, '$1') : '';
  if (!EMBEDDED.test(message)) return null;
  // kube-proxy returned: it no longer runs whatever level the supervisor logged it at.
  if (/^kube-proxy (?:exited|panic): /.test(message) && !CLEAN_EXIT.test(message))
    return { level: 'F', origin: '', message };
  // logfmt's `error`, `fatal`, `panic`, `warning` cut to the text form's four letters.
  const klogLevel = LOGRUS_LEVEL[level] ?? 'I';
  return { level: klogLevel, origin: '', message };
}

function goPanic(text: string): Pick<KlogEntry, 'level' | 'origin' | 'message'> | null {
  if (text.length > 4_000) return null;
  const m = GO_PANIC.exec(text);
  return m ? { level: 'F', origin: '', message: m[1]! } : null;
}

/**
 * nft's report on a transaction kube-proxy's nftables mode fed it on stdin (the value of its
 * `"nftables sync failed" err=<`), pasted without the klog line around it: the error, the
 * statement it rejected (on kube-proxy's own table, which is what makes the paste
 * kube-proxy's), and a caret line under the culprit.
 */
const NFT_ERROR = /^\/dev\/stdin:\d+:\d+(?:-\d+)?: Error: \S/;
const NFT_STATEMENT =
  /^(?:add|insert|create|replace|delete|flush|destroy) (?:rule|element|chain|set|map|table) ip6? kube-proxy\b/;
const NFT_CARET = /^\s*\^[\^~]*\s*$/;
function nftReport(text: string): Pick<KlogEntry, 'level' | 'origin' | 'message'> | null {
  const t = text.trim();
  if (t.length > 4_000) return null;
  if (NFT_ERROR.test(t)) return { level: 'E', origin: '', message: t };
  if (NFT_STATEMENT.test(t) || NFT_CARET.test(text)) return { level: 'I', origin: '', message: t };
  return null;
}

/**
 * kube-proxy's own messages, in the wordings its versions printed, copied alone without the klog
 * header (a blog, a chat): they name what only kube-proxy does, so the line is kube-proxy's.
 * Each with the level kube-proxy logs it at.
 */
const KNOWN: [RegExp, KlogEntry['level']][] = [
  [/^can[’']t set sysctl net\/ipv4\/vs\/\w+/i, 'E'],
  [/^can[’']t open (?:port )?"nodePort for [^"]+" \(/i, 'E'],
  [/^can[’']t use (?:the )?ipvs proxier\b/i, 'E'],
  [/^IPVS proxier will not be used because\b/, 'E'],
  [/^Failed to execute iptables-restore\b/, 'E'],
  // The IPVS proxier's cleanup of its leftovers when kube-proxy (re)starts in another mode.
  [/^Error removing iptables rules in ipvs proxier\b/, 'E'],
  [/^Unknown proxy mode "[^"]*", assuming \w+ proxy\b/, 'W'],
  // The IPVS proxier programming a virtual server, and the kernel refusing it (1.1x wordings).
  [/^Adding new service "[^"]{1,300}" \S{1,100}\/(?:TCP|UDP|SCTP)\b/, 'I'],
  [/^Failed to add IPVS service "[^"]{1,300}": /, 'E'],
  [/^Failed to sync (?:endpoint for )?service: \S{1,100}\/(?:TCP|UDP|SCTP), err: /, 'E'],
  [/^Using (?:iptables|ipvs|nftables|userspace) Proxier\b/, 'I'],
];
const isKnown = (m: Pick<KlogEntry, 'origin' | 'message'>) =>
  m.origin === '' && KNOWN.some(([re]) => re.test(unquoted(m.message)));
/** A structured message's text (`"Failed to execute iptables-restore" err=...`) without its quotes. */
const unquoted = (message: string) => /^"((?:[^"\\]|\\.){1,1000})"/.exec(message)?.[1] ?? message;
/**
 * Around a known message: Markdown's inline-code backticks (`` `…` ``, a chat or an issue
 * quoting one line), and the rest of a klog header cut short at its origin
 * (`proxier.go:1667] Failed to execute iptables-restore: …`, the level, date and thread id left
 * out of the copy).
 */
const HEADLESS = /^`?(?:([\w.-]{1,100}\.go:\d{1,6})\]\s+)?(.*?)`?$/;
function knownMessage(text: string): Pick<KlogEntry, 'level' | 'origin' | 'message'> | null {
  const t = text.trim();
  if (t.length > 4_000) return null;
  const h = HEADLESS.exec(t);
  const message = h?.[2] ?? t;
  const k = KNOWN.find(([re]) => re.test(message));
  if (!k) return null;
  const origin = ownOrigin(h?.[1]);
  return { level: k[1], origin, message };
}

/**
 * A structured-logging message copied without its klog header (from a log viewer, an event, a
 * ticket): `"Can't use the IPVS proxier" err="IPVS proxier will not be used because ..."`. The
 * quoted message then `key=value` pairs is klog's own text form of it; `err=` makes it an error.
 * The copy may keep the end of the header, its origin (`server.go:136] "Error running
 * ProxyServer" err=...`, the level, date and thread id cut off). Only kube-proxy's words or
 * files make the paste kube-proxy's (`detect` asks for MESSAGE_MARK or ORIGIN_MARK).
 */
/** A cut header's origin, kept only when it is one of kube-proxy's files: it then marks the paste. */
const ownOrigin = (origin: string | undefined) =>
  origin && ORIGIN_MARK.test(origin) ? origin : '';
const BARE_MESSAGE =
  /^\s*(?:([\w.-]{1,100}\.go:\d{1,6})\]\s+)?("(?:[^"\\]|\\.){1,1000}")((?:\s+[\w.-]{1,100}=(?:"(?:[^"\\]|\\.)*"|[^\s"]+))*)\s*$/;
/**
 * The same with its last value a multi-line one (`err=<`) whose first line the author pulled up
 * behind the `<`: `"Failed to execute iptables-restore" err=< exit status 2: iptables-restore
 * v1.8.7 (legacy): Couldn't load match ...`, the closing `>` and the keys after it kept or lost.
 */
const FLAT_VALUE_MESSAGE =
  /^\s*(?:([\w.-]{1,100}\.go:\d{1,6})\]\s+)?("(?:[^"\\]|\\.){1,1000}")((?:\s+[\w.-]{1,100}=(?:"(?:[^"\\]|\\.)*"|[^\s"<]+))*)\s+([\w.-]{1,100})=<\s+(\S.{0,3000}?)\s*$/;
function bareMessage(text: string): Pick<KlogEntry, 'level' | 'origin' | 'message'> | null {
  const m = BARE_MESSAGE.exec(text);
  if (!m) {
    const f = FLAT_VALUE_MESSAGE.exec(text);
    if (!f) return null;
    return {
      level: f[4] === 'err' || /(?:^|\s)err=/.test(f[3]!) ? 'E' : 'I',
      origin: ownOrigin(f[1]),
      message: `${f[2]!}${f[3]!} ${f[4]!}=< ${f[5]!}`.trim(),
    };
  }
  const origin = ownOrigin(m[1]);
  return {
    level: /(?:^|\s)err=/.test(m[3]!) ? 'E' : 'I',
    origin,
    message: `${m[2]!}${m[3]!}`.trim(),
  };
}

/**
 * `{"ts":1678895112345.1,"caller":"app/server_others.go:239","msg":"Using iptables Proxier",
 * "v":0}`: the message and its keys written as klog's text format writes them (`"msg" k="v"`),
 * so one set of patterns reads both. `err` makes it an error line.
 */
function jsonLine(text: string): Pick<KlogEntry, 'level' | 'origin' | 'message'> | null {
  const t = text.trim();
  if (!t.startsWith('{') || !t.includes('"msg"') || !t.includes('"caller"')) return null;
  let o: unknown;
  try {
    o = JSON.parse(t);
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null) return null;
  const { msg: message, caller, ...rest } = o as Record<string, unknown>;
  if (typeof message !== 'string' || typeof caller !== 'string') return null;
  const keys = Object.entries(rest)
    .filter(([k]) => k !== 'ts' && k !== 'v')
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return {
    level: 'err' in rest ? 'E' : 'I',
    origin: caller.slice(caller.lastIndexOf('/') + 1),
    message: [JSON.stringify(message), ...keys].join(' '),
  };
}

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { msg: msg(`${K}.moreProblems`, { n: problems.length - MAX_PROBLEMS }) },
  ];
}
