import type { Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import { addressOf, isElision, MAX_LINE, textToRead, withCommandLine } from '../cilium-shared/text';
import type { CiliumService, CiliumServiceFacts } from './facts';

const K = 'parse.cilium-service';
const HEADER = /^\s*(?:ID\s+)?Frontend\s+Service Type\s+Backend\b/;
/** `5    0.0.0.0:31940/TCP   NodePort   1 => 10.217.0.107:80/TCP (active)`; no ID column in some builds. */
const ROW = /^\s*(?:(\d+)\s+)?(\S+)\s+([A-Z][A-Za-z]+(?: \(Remote\))?)(?:\s+(\d+ => .*?))?\s*$/;
/** A further backend of the service above: `            2 => 10.217.0.149:80/TCP (active)`. */
const MORE = /^\s+(\d+ => .*?)\s*$/;
const BACKEND = /^(\d+) => (\S+)(?: \(([\w-]+)\))?/;

/** `cilium-dbg service list` → frontends with their type and backends (address, state). */
export const ciliumService = withCommandLine(
  /\bservice\s+(?:list|ls|get)\b/,
  defineParser<'cilium-service', CiliumServiceFacts>({
    kind: 'cilium-service',
    detect(head, ctx) {
      let rows = 0;
      for (const l of head) {
        if (l.text.length > MAX_LINE) continue;
        if (HEADER.test(l.text)) return true;
        const r = ROW.exec(l.text);
        if (r && addressOf(r[2]!) && r[4]) rows += 1;
      }
      // Without the header (a grep): rows with backends, or any row under the command.
      return rows >= 2 || (rows >= 1 && /\bservice\s+(?:list|get)\b/.test(ctx.command ?? ''));
    },
    parse(lines) {
      const problems = new ProblemList(K);
      const services: CiliumService[] = [];
      let header = false;
      let elided = false;
      let current: CiliumService | null = null;
      for (const l of lines) {
        if (isElision(l.text)) elided = true;
        const t = textToRead(l, problems);
        if (t === null) continue;
        if (HEADER.test(t)) {
          header = true;
          continue;
        }
        const more = MORE.exec(t);
        if (more) {
          if (!current) problems.add(l.n, 'backendWithoutFrontend');
          else addBackend(current, more[1]!, l, problems);
          continue;
        }
        const row = ROW.exec(t);
        const address = row ? addressOf(row[2]!) : null;
        if (!row || !address) {
          problems.add(l.n, 'badLine');
          current = null;
          continue;
        }
        current = {
          id: row[1] ? Number(row[1]) : null,
          frontend: cite(row[2]!, l),
          ip: address.ip,
          port: address.port,
          proto: address.proto,
          type: row[3]!,
          backends: [],
        };
        services.push(current);
        if (row[4]) addBackend(current, row[4], l, problems);
      }
      if (services.length === 0 && !header) return reject(msg(`${K}.noServices`));
      const whole = header && !elided && problems.total === 0;
      return accept({ whole, services }, problems.done(), summary(services));
    },
  }),
);

function addBackend(s: CiliumService, text: string, l: Line, problems: ProblemList): void {
  const m = BACKEND.exec(text);
  if (!m) {
    problems.add(l.n, 'badLine');
    return;
  }
  s.backends.push({
    index: Number(m[1]),
    address: m[2]!,
    state: m[3] ?? null,
    line: l.n,
    text: l.text,
  });
}

function summary(services: CiliumService[]) {
  if (services.length === 0) return msg(`${K}.summaryNone`);
  const empty = services.filter((s) => s.backends.length === 0);
  const backends = services.reduce((n, s) => n + s.backends.length, 0);
  const inactive = services.reduce(
    (n, s) => n + s.backends.filter((b) => b.state !== null && b.state !== 'active').length,
    0,
  );
  const params = { n: services.length, backends, inactive };
  if (empty.length === 0) return msg(`${K}.summary`, params);
  const examples = empty.slice(0, 3).map((s) => s.frontend.value);
  if (empty.length > 3) examples.push('…');
  return msg(`${K}.summaryEmpty`, {
    ...params,
    empty: empty.length,
    examples: examples.join(', '),
  });
}
