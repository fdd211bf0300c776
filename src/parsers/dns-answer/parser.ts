import type { Cited, Line, ParseOutcome } from '../../engine/types';
import { accept, defineParser, msg, reject, type ParseContext } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import type { DnsAnswerFacts, DnsRecord, UnexpectedReply } from './facts';

const K = 'parse.dns-answer';
const SERVER = /^\s*Server:\s+(\S+)/;
/** `Address:\t10.96.0.10#53`, busybox `Address 1: 10.96.0.10 kube-dns...`; a quote's stray backtick after it. */
const ADDRESS = /^\s*Address(?: \d+)?:\s+([0-9A-Fa-f.:]+)(?:#\d+)?(?:\s+(\S+))?/;
const NAME = /^\s*Name:\s+(\S+)/;
/**
 * An answer's `Address:` line whose value the poster masked (`XXX.XXX.XXX.XXX`, `x.x.x.x`,
 * `*IPV6 PUBLIC ADDRESS*`, `<redacted>`): still an answer for the name above it.
 */
const MASKED_ADDRESS = /^\s*Address(?: \d+)?:\s+(\S(?:.{0,62}\S)?)\s*$/;
const CNAME = /^\s*(\S+)\s+canonical name = (\S+?)\.?\s*$/;
const NON_AUTH = /^\s*Non-authoritative answer:/;
const TIMEOUT =
  /connection timed out; no servers could be reached|timed out; no servers could be reached|communications error to .* timed out/;
const NXDOMAIN = /server can't find .*: NXDOMAIN|can't resolve|Can't find .*: No answer|NXDOMAIN/;
const SERVFAIL = /SERVFAIL/;
const REFUSED = /REFUSED/;
/** bind's nslookup and dig drop a reply from another address than the one they asked. */
const UNEXPECTED =
  /^\s*;; reply from unexpected source: ([0-9A-Fa-f.:]+)#\d+, expected ([0-9A-Fa-f.:]+)#\d+/;
/**
 * busybox's nslookup (musl) prints this in place of its `Server:` block when it cannot name the
 * server it asked: a line about the server, not about the name looked up.
 */
const NULL_SERVER = /^\s*nslookup: can't resolve '\(null\)'/;
const DIG_HEADER = /^\s*; <<>> DiG /;
const DIG_STATUS = /^;; ->>HEADER<<- opcode: \w+, status: (\w+)/;
const DIG_FLAGS = /^;; flags: ([a-z ]+);/;
const DIG_SECTION = /^;; (QUESTION|ANSWER|AUTHORITY|ADDITIONAL|OPT PSEUDO) SECTION:/;
const DIG_SERVER = /^;; SERVER: ([^#(\s]+)/;
const RECORD = /^(\S+)\s+(\d+)\s+(?:IN|CH|HS)\s+([A-Z0-9]+)\s+(.+?)\s*$/;
const QUESTION = /^;(\S+)\s+(?:IN|CH|HS)\s+[A-Z0-9]+\s*$/;
const ERROR_LINE = /^\s*(?:;; |\*\* |\*\*\* |nslookup: )/;
/** Where dig prints the answer of one query (`dig a b` prints one block per name). */
const GOT_ANSWER = /^;; Got answer:/;
const SENDING = /^;; Sending:/;
/** The rest of a record a terminal or a mail wrapped (an RRSIG's base64, an SOA's numbers). */
const WRAPPED = /^\s*[\w.+/=:()-]+(?:\s+[\w.+/=:()-]+)*\s*$/;
/** `; Transfer failed.`, `; communications error to ...`: dig's own complaints. */
const DIG_FAILED = /^; (?:Transfer failed|communications error)/;
/** Records that sign or chain, never the address a name resolves to. */
const DNSSEC = new Set(['RRSIG', 'NSEC', 'NSEC3', 'NSEC3PARAM', 'DNSKEY', 'DS', 'CDS', 'CDNSKEY']);
const MAX_LINE = 4_000;
/** `host NAME` (bind): one sentence per record. */
const HOST_RECORDS: [RegExp, string][] = [
  [/^(\S+) has address (\S+)$/, 'A'],
  [/^(\S+) has IPv6 address (\S+)$/, 'AAAA'],
  [/^(\S+) is an alias for (\S+)$/, 'CNAME'],
  [/^(\S+) mail is handled by (\d+ \S+)$/, 'MX'],
  [/^(\S+) domain name pointer (\S+)$/, 'PTR'],
  [/^(\S+) has SOA record (.+)$/, 'SOA'],
  [/^(\S+) name server (\S+)$/, 'NS'],
  [/^(\S+) descriptive text (.+)$/, 'TXT'],
];
/** The name exists, without records of the type asked (NOERROR, no data). */
const HOST_NO_DATA = /^\S+ has no \w+ record$/;
/** `Host x not found: 3(NXDOMAIN)`, `2(SERVFAIL)`, `5(REFUSED)`. */
const HOST_NOT_FOUND = /^Host \S+ not found: \d+\(\w+\)/;
/** `host NAME SERVER` names the server asked in a block: `Using domain server:`, `Name:`, `Address: IP#53`, `Aliases:`. */
const HOST_USING = /^Using domain server:$/;
/** `host -C`: each authoritative server's SOA under its address. */
const HOST_NAMESERVER = /^Nameserver (\S+):$/;
const hostLine = (t: string) => {
  const s = t.trim();
  return (
    HOST_RECORDS.some(([re]) => re.test(s)) ||
    HOST_NO_DATA.test(s) ||
    HOST_NOT_FOUND.test(s) ||
    HOST_NAMESERVER.test(s)
  );
};

/** `nslookup` / `dig` → the answering server, the records, and timeouts or NXDOMAIN. */
export const dnsAnswer = defineParser<'dns-answer', DnsAnswerFacts>({
  kind: 'dns-answer',
  detect(head) {
    const first = head[0]!.text;
    if (DIG_HEADER.test(first) || head.some((l) => DIG_SECTION.test(l.text))) return true;
    // `dig +noall +answer`: records only.
    if (
      head.every((l) => l.text.length < MAX_LINE && (RECORD.test(l.text) || /^;/.test(l.text))) &&
      head.some((l) => RECORD.test(l.text))
    )
      return true;
    if (head.some((l) => SERVER.test(l.text)) && head.some((l) => ADDRESS.test(l.text)))
      return true;
    if (head.some((l) => UNEXPECTED.test(l.text))) return true;
    if (head.some((l) => NULL_SERVER.test(l.text))) return true;
    if (head.some((l) => HOST_USING.test(l.text.trim()))) return true;
    const hosts = head.filter((l) => l.text.length < MAX_LINE && hostLine(l.text)).length;
    if (hosts > 0 && hosts * 2 >= head.length) return true;
    return (
      head.length <= 3 &&
      head.some((l) => TIMEOUT.test(l.text) || /^\*\* server can't find/.test(l.text))
    );
  },
  parse(lines, ctx) {
    const dig = lines.some(
      (l) =>
        l.text.length < MAX_LINE &&
        (DIG_HEADER.test(l.text) || DIG_SECTION.test(l.text) || RECORD.test(l.text)),
    );
    if (dig) return parseDig(lines, ctx);
    const host = lines.some(
      (l) => l.text.length < MAX_LINE && (HOST_USING.test(l.text.trim()) || hostLine(l.text)),
    );
    return host ? parseHost(lines, ctx) : parseNslookup(lines, ctx);
  },
  /** `dig a.example b.example` answers each name in a block of its own: one part per query. */
  split(lines) {
    const starts: number[] = [];
    // `+qr` prints the query it sends (`;; Sending:`) before each answer: it goes with it.
    let sending: number | null = null;
    lines.forEach((l, i) => {
      if (SENDING.test(l.text)) sending ??= i;
      else if (GOT_ANSWER.test(l.text)) {
        starts.push(sending ?? i);
        sending = null;
      }
    });
    if (starts.length < 2) return [];
    // The first part keeps what comes before its answer (`; <<>> DiG ...`, a `+qr` query sent).
    starts[0] = 0;
    return starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length));
  },
});

function parseNslookup(lines: Line[], ctx: ParseContext): ParseOutcome<DnsAnswerFacts> {
  const problems = new ProblemList(K);
  const answers: DnsRecord[] = [];
  const errors: Cited[] = [];
  let server: Cited | null = null;
  let name: string | null = null;
  let authoritative: boolean | null = null;
  let answered = false;
  const unexpected: UnexpectedReply[] = [];
  for (const l of lines) {
    const t = l.text;
    if (t.trim() === '' || NULL_SERVER.test(t)) continue;
    const u = unexpectedReply(l);
    if (u) {
      unexpected.push(u);
      // the server asked, when the tool printed no `Server:` line before giving up
      server ??= cite(u.expected, l);
      errors.push(cite(t.trim(), l));
      continue;
    }
    const s = SERVER.exec(t);
    if (s) {
      server = cite(s[1]!, l);
      name = null;
      continue;
    }
    if (NON_AUTH.test(t)) {
      authoritative = false;
      answered = true;
      continue;
    }
    const n = NAME.exec(t);
    if (n) {
      name = n[1]!;
      answered = true;
      continue;
    }
    const a = ADDRESS.exec(t);
    if (a) {
      if (name === null) {
        // The server's own address line (`Address: 10.96.0.10#53`).
        if (server) server = { ...server, value: server.value.replace(/#\d+$/, '') };
        continue;
      }
      const value = a[1]!;
      answers.push({
        name,
        type: value.includes(':') ? 'AAAA' : 'A',
        value,
        ttl: null,
        line: l.n,
        text: t,
      });
      continue;
    }
    const masked = name !== null ? MASKED_ADDRESS.exec(t) : null;
    if (masked) {
      const value = masked[1]!;
      answers.push({
        name: name!,
        type: /:|ipv6|aaaa/i.test(value) ? 'AAAA' : 'A',
        value,
        ttl: null,
        line: l.n,
        text: t,
        masked: true,
      });
      continue;
    }
    const c = CNAME.exec(t);
    if (c) {
      answers.push({ name: c[1]!, type: 'CNAME', value: c[2]!, ttl: null, line: l.n, text: t });
      answered = true;
      continue;
    }
    if (ERROR_LINE.test(t) || TIMEOUT.test(t) || NXDOMAIN.test(t)) {
      errors.push(cite(t.trim(), l));
      continue;
    }
    problems.add(l.n, 'badLine');
  }
  if (!server && errors.length === 0 && answers.length === 0) return reject(msg(`${K}.noAnswer`));
  const status = statusOf(errors, answers.length > 0 || answered);
  const facts: DnsAnswerFacts = {
    // dig's error lines alone (no header) read the same as nslookup's
    tool: /\bdig\s/.test(ctx.command ?? '') ? 'dig' : 'nslookup',
    server,
    query: queryOf(ctx),
    status,
    answers,
    errors,
    authoritative,
    unexpected,
  };
  return accept(facts, problems.done(), summary(facts));
}

function parseDig(lines: Line[], ctx: ParseContext): ParseOutcome<DnsAnswerFacts> {
  const problems = new ProblemList(K);
  const answers: DnsRecord[] = [];
  const errors: Cited[] = [];
  let server: Cited | null = null;
  let query: string | null = null;
  let section = '';
  let rcode: string | null = null;
  let authoritative: boolean | null = null;
  // What the line before was: the `; <<>> DiG` line (a wrapped command goes on), or a record
  // (a wrapped one goes on; `+multiline` opens `(` and closes `)` lines later).
  let prev: 'header' | 'record' | 'other' = 'other';
  // The record the next lines may go on with, its data as printed (trailing dot kept).
  let last: { record: DnsRecord | null; raw: string; open: boolean } = {
    record: null,
    raw: '',
    open: false,
  };
  const unexpected: UnexpectedReply[] = [];
  const goOn = (more: string) => {
    last.raw = `${last.raw} ${more}`.trim();
    if (last.record) last.record.value = last.raw.replace(/\.$/, '');
  };
  for (const l of lines) {
    const t = l.text;
    if (t.trim() === '') {
      prev = 'other';
      continue;
    }
    if (t.length > MAX_LINE) {
      problems.add(l.n, 'badLine');
      prev = 'other';
      continue;
    }
    if (prev === 'record' && last.open) {
      // `+multiline`: `... SOA a.ns.nic.cz. hostmaster.nic.cz. (` then `1508686803 ; serial` ... `)`.
      const data = t.replace(/;.*$/, '').trim();
      if (data) goOn(data);
      if (data.includes(')')) last.open = false;
      continue;
    }
    const kind = prev;
    prev = 'other';
    if (DIG_HEADER.test(t)) {
      prev = 'header';
      continue;
    }
    const sec = DIG_SECTION.exec(t);
    if (sec) {
      section = sec[1]!;
      continue;
    }
    const st = DIG_STATUS.exec(t);
    if (st) {
      rcode = st[1]!;
      continue;
    }
    const fl = DIG_FLAGS.exec(t);
    if (fl) {
      authoritative = fl[1]!.split(' ').includes('aa');
      continue;
    }
    const sv = DIG_SERVER.exec(t);
    if (sv) {
      server = cite(sv[1]!, l);
      continue;
    }
    if (section === 'QUESTION') {
      const q = QUESTION.exec(t);
      if (q) {
        query = q[1]!.replace(/\.$/, '');
        continue;
      }
    }
    const r = RECORD.exec(t);
    if (r) {
      const record: DnsRecord = {
        name: r[1]!.replace(/(.)\.$/, '$1'),
        type: r[3]!,
        value: r[4]!.replace(/\.$/, ''),
        ttl: Number(r[2]),
        line: l.n,
        text: t,
      };
      // The answer section; with no sections at all, `+noall +answer` and a zone transfer.
      const answer = section === 'ANSWER' || section === '';
      if (answer) answers.push(record);
      last = { record: answer ? record : null, raw: r[4]!, open: /\(\s*$/.test(r[4]!) };
      prev = 'record';
      continue;
    }
    const u = unexpectedReply(l);
    if (u) {
      unexpected.push(u);
      server ??= cite(u.expected, l);
      errors.push(cite(t.trim(), l));
      continue;
    }
    if (TIMEOUT.test(t) || DIG_FAILED.test(t)) {
      errors.push(cite(t.trim(), l));
      continue;
    }
    if (t.startsWith(';')) continue;
    // `dig +noedns\nabc.com SOA` (the command wrapped), an RRSIG's signature on lines of its own.
    if (kind === 'header') continue;
    if (kind === 'record' && WRAPPED.test(t)) {
      goOn(t.trim());
      prev = 'record';
      continue;
    }
    problems.add(l.n, 'badLine');
  }
  if (rcode === 'NXDOMAIN') errors.push({ value: 'NXDOMAIN', line: 0, text: 'status: NXDOMAIN' });
  let status = statusOf(errors, answers.length > 0);
  // The answer's rcode says what happened, whatever records came with it.
  if (rcode === 'NXDOMAIN') status = 'nxdomain';
  if (rcode === 'SERVFAIL') status = 'servfail';
  if (rcode === 'REFUSED') status = 'refused';
  const facts: DnsAnswerFacts = {
    tool: 'dig',
    server,
    query: query ?? queryOf(ctx),
    status,
    answers,
    errors: errors.filter((e) => e.line > 0),
    authoritative,
    unexpected,
  };
  return accept(facts, problems.done(), summary(facts));
}

/**
 * `host NAME [SERVER]`: a sentence per record (the name as answered, so a search domain the
 * resolver appended shows), `Host NAME not found: 3(NXDOMAIN)`, bind's `;;` complaints.
 */
function parseHost(lines: Line[], ctx: ParseContext): ParseOutcome<DnsAnswerFacts> {
  const problems = new ProblemList(K);
  const answers: DnsRecord[] = [];
  const errors: Cited[] = [];
  const unexpected: UnexpectedReply[] = [];
  let server: Cited | null = null;
  let answered = false;
  // The command typed bare above its answer, as posts show it (`host -T web.default 10.0.0.10`).
  let typed: string | null = null;
  // Inside `Using domain server:` until its `Aliases:` line.
  let using = false;
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '' || t.length > MAX_LINE) {
      if (t !== '') problems.add(l.n, 'badLine');
      continue;
    }
    if (typed === null && answers.length === 0 && /^host\s+\S/.test(t) && !hostLine(t)) {
      typed = t;
      continue;
    }
    if (HOST_USING.test(t)) {
      using = true;
      continue;
    }
    if (using) {
      const a = ADDRESS.exec(t);
      if (a) server = cite(a[1]!, l);
      if (/^Aliases:/.test(t)) using = false;
      if (a || /^(?:Name|Aliases):/.test(t)) continue;
      using = false;
    }
    const ns = HOST_NAMESERVER.exec(t);
    if (ns) {
      server = cite(ns[1]!, l);
      continue;
    }
    const rec = HOST_RECORDS.map(([re, type]) => [re.exec(t), type] as const).find(([m]) => m);
    if (rec) {
      const [m, type] = rec;
      const value = m![2]!.replace(/(.)\.$/, '$1');
      answers.push({
        name: m![1]!.replace(/(.)\.$/, '$1'),
        type,
        value,
        ttl: null,
        line: l.n,
        text: l.text,
      });
      continue;
    }
    if (HOST_NO_DATA.test(t)) {
      answered = true;
      continue;
    }
    const u = unexpectedReply(l);
    if (u) {
      unexpected.push(u);
      server ??= cite(u.expected, l);
      errors.push(cite(t, l));
      continue;
    }
    if (HOST_NOT_FOUND.test(t) || ERROR_LINE.test(t) || TIMEOUT.test(t)) {
      errors.push(cite(t, l));
      continue;
    }
    problems.add(l.n, 'badLine');
  }
  if (errors.length === 0 && answers.length === 0 && !answered) return reject(msg(`${K}.noAnswer`));
  const facts: DnsAnswerFacts = {
    tool: 'host',
    server,
    query: queryOf(typed ? { ...ctx, command: ctx.command ?? typed } : ctx),
    status: statusOf(errors, answers.length > 0 || answered),
    answers,
    errors,
    authoritative: null,
    unexpected,
  };
  return accept(facts, problems.done(), summary(facts));
}

function unexpectedReply(l: Line): UnexpectedReply | null {
  const m = UNEXPECTED.exec(l.text);
  return m ? { from: m[1]!, expected: m[2]!, line: l.n, text: l.text } : null;
}

function statusOf(errors: Cited[], answered: boolean): DnsAnswerFacts['status'] {
  const text = errors.map((e) => e.value).join('\n');
  if (answered) return 'answer';
  if (TIMEOUT.test(text)) return 'timeout';
  if (SERVFAIL.test(text)) return 'servfail';
  if (REFUSED.test(text)) return 'refused';
  if (NXDOMAIN.test(text)) return 'nxdomain';
  return 'no-answer';
}

/** `nslookup www.google.com 100.64.0.10`, `dig +short @10.96.0.10 kubernetes.default` → the name. */
function queryOf(ctx: ParseContext): string | null {
  const m = /\b(?:nslookup|dig|host)\s+(.*)$/.exec(ctx.command ?? '');
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  // Options that take a value: `host -t A name`, `dig -p 5353 name`.
  const takesValue = /^-[tcWRNmpqybkf]$/;
  const word = words.find(
    (w, i) =>
      w &&
      !w.startsWith('-') &&
      !w.startsWith('+') &&
      !w.startsWith('@') &&
      !takesValue.test(words[i - 1] ?? ''),
  );
  return word ?? null;
}

function summary(f: DnsAnswerFacts) {
  // Signatures and chain records are no answer to show: the addresses and names are.
  const shown = f.answers.filter((a) => !DNSSEC.has(a.type));
  const answers = shown
    .slice(0, 3)
    .map((a) => `${a.name} → ${a.value}`)
    .join(', ');
  const n = f.answers.length;
  // `host NAME` names no server unless it was given one: the summary then names none.
  const named = f.server ? '' : 'NoServer';
  const server: Record<string, string> = f.server ? { server: f.server.value } : {};
  if (f.status === 'nxdomain' && n > 0)
    return msg(`${K}.summaryNxdomainWithRecords${named}`, { ...server, n, answers });
  if (f.status !== 'answer')
    return msg(`${K}.summaryFailed${named}`, { ...server, status: f.status });
  return msg(`${K}.summary${named}`, { ...server, n, answers });
}
