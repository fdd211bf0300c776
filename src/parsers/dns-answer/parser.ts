import type { Cited, Line, ParseOutcome } from '../../engine/types';
import { accept, defineParser, msg, reject, type ParseContext } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import type { DnsAnswerFacts, DnsRecord } from './facts';

const K = 'parse.dns-answer';
const SERVER = /^\s*Server:\s+(\S+)/;
/** `Address:\t10.96.0.10#53`, busybox `Address 1: 10.96.0.10 kube-dns...`; a quote's stray backtick after it. */
const ADDRESS = /^\s*Address(?: \d+)?:\s+([0-9A-Fa-f.:]+)(?:#\d+)?(?:\s+(\S+))?/;
const NAME = /^\s*Name:\s+(\S+)/;
const CNAME = /^\s*(\S+)\s+canonical name = (\S+?)\.?\s*$/;
const NON_AUTH = /^\s*Non-authoritative answer:/;
const TIMEOUT =
  /connection timed out; no servers could be reached|timed out; no servers could be reached|communications error to .* timed out/;
const NXDOMAIN = /server can't find .*: NXDOMAIN|can't resolve|Can't find .*: No answer|NXDOMAIN/;
const SERVFAIL = /SERVFAIL/;
const REFUSED = /REFUSED/;
const DIG_HEADER = /^\s*; <<>> DiG /;
const DIG_STATUS = /^;; ->>HEADER<<- opcode: \w+, status: (\w+)/;
const DIG_FLAGS = /^;; flags: ([a-z ]+);/;
const DIG_SECTION = /^;; (QUESTION|ANSWER|AUTHORITY|ADDITIONAL|OPT PSEUDO) SECTION:/;
const DIG_SERVER = /^;; SERVER: ([^#(\s]+)/;
const RECORD = /^(\S+)\s+(\d+)\s+(?:IN|CH|HS)\s+([A-Z0-9]+)\s+(.+?)\s*$/;
const QUESTION = /^;(\S+)\s+(?:IN|CH|HS)\s+[A-Z0-9]+\s*$/;
const ERROR_LINE = /^\s*(?:;; |\*\* |\*\*\* |nslookup: )/;

/** `nslookup` / `dig` → the answering server, the records, and timeouts or NXDOMAIN. */
export const dnsAnswer = defineParser<'dns-answer', DnsAnswerFacts>({
  kind: 'dns-answer',
  detect(head) {
    const first = head[0]!.text;
    if (DIG_HEADER.test(first) || head.some((l) => DIG_SECTION.test(l.text))) return true;
    if (head.some((l) => SERVER.test(l.text)) && head.some((l) => ADDRESS.test(l.text)))
      return true;
    return (
      head.length <= 3 &&
      head.some((l) => TIMEOUT.test(l.text) || /^\*\* server can't find/.test(l.text))
    );
  },
  parse(lines, ctx) {
    const dig = lines.some((l) => DIG_HEADER.test(l.text) || DIG_SECTION.test(l.text));
    return dig ? parseDig(lines, ctx) : parseNslookup(lines, ctx);
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
  for (const l of lines) {
    const t = l.text;
    if (t.trim() === '') continue;
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
    tool: 'nslookup',
    server,
    query: queryOf(ctx),
    status,
    answers,
    errors,
    authoritative,
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
  for (const l of lines) {
    const t = l.text;
    if (t.trim() === '') continue;
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
      if (section === 'ANSWER')
        answers.push({
          name: r[1]!.replace(/\.$/, ''),
          type: r[3]!,
          value: r[4]!.replace(/\.$/, ''),
          ttl: Number(r[2]),
          line: l.n,
          text: t,
        });
      continue;
    }
    if (TIMEOUT.test(t)) {
      errors.push(cite(t.trim(), l));
      continue;
    }
    if (t.startsWith(';')) continue;
    problems.add(l.n, 'badLine');
  }
  if (rcode === 'NXDOMAIN') errors.push({ value: 'NXDOMAIN', line: 0, text: 'status: NXDOMAIN' });
  let status = statusOf(errors, answers.length > 0);
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
  };
  return accept(facts, problems.done(), summary(facts));
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
  const word = m[1]!
    .split(/\s+/)
    .find((w) => w && !w.startsWith('-') && !w.startsWith('+') && !w.startsWith('@'));
  return word ?? null;
}

function summary(f: DnsAnswerFacts) {
  const server = f.server?.value ?? '?';
  if (f.status !== 'answer') return msg(`${K}.summaryFailed`, { server, status: f.status });
  return msg(`${K}.summary`, {
    server,
    n: f.answers.length,
    answers: f.answers
      .slice(0, 3)
      .map((a) => `${a.name} → ${a.value}`)
      .join(', '),
  });
}
