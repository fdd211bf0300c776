import type { Cited, Line, Problem } from '../../engine/types';
import { accept, defineParser, msg, reject, type ParseContext } from '../define';
import {
  capped,
  endpointList,
  isNoise,
  kubectlArgs,
  MAX_LINE,
  resourceOf,
  typedCommand,
  withLeadingCommand,
} from '../k8s-common/text';
import {
  cellsOf,
  getArgs,
  headerColumns,
  impliedColumns,
  isAligned,
  resourceOfColumns,
  shapeColumns,
  type Column,
} from './columns';
import type { KubectlGetFacts, KubectlRow, KubectlTable } from './facts';

const K = 'parse.kubectl-get';
const NO_RESOURCES = /^No resources found\b/;
const KUBECTL_ERROR =
  /^(?:Error from server\b|error: |The connection to the server .* was refused)/;

/** Header-driven `kubectl get` tables; a grep'd paste without header uses the command's columns. */
export const kubectlGet = withLeadingCommand(
  defineParser<'kubectl-get', KubectlGetFacts>({
    kind: 'kubectl-get',
    detect(rawHead, ctx) {
      const head = rawHead.map(unwrapped);
      const body = head.filter((l) => !isNoise(l.text));
      const first = body[0]?.text ?? '';
      if (NO_RESOURCES.test(first)) return true;
      if (headerColumns(first)) return true;
      if (KUBECTL_ERROR.test(first)) return kubectlArgs(ctx.command, 'get') !== null;
      if (body.length === 0 || KUBECTL_ERROR.test(first)) return false;
      return (implied(ctx) ?? shaped(body)) !== null;
    },
    parse(rawLines, ctx) {
      const lines = rawLines.map(unwrapped);
      const tables: KubectlTable[] = [];
      const problems: Problem[] = [];
      let noResources: Cited | null = null;
      let table: (KubectlTable & { cols: Column[]; aligned: boolean }) | null = null;
      // After a table and a blank line, text that is not a new table is something else (prose).
      let after: 'no' | 'blank' | 'trailing' = 'no';
      const fromCommand = implied(ctx);
      const fallback = fromCommand ?? shaped(lines);
      for (const l of lines) {
        if (l.text.trim() === '') {
          table = null; // `kubectl get all` separates its tables with a blank line
          if (tables.length > 0 && after === 'no') after = 'blank';
          continue;
        }
        if (isNoise(l.text)) continue;
        if (typedCommand(l.text)) {
          table = null; // the next command's output follows (a prompt the splitter did not know)
          after = 'no';
          continue;
        }
        if (l.text.length > MAX_LINE) {
          problems.push({ line: l.n, msg: msg(`${K}.notARow`) });
          continue;
        }
        if (NO_RESOURCES.test(l.text.trim())) {
          noResources = { value: l.text.trim(), line: l.n, text: l.text };
          continue;
        }
        if (KUBECTL_ERROR.test(l.text.trim())) {
          problems.push({ line: l.n, msg: msg(`${K}.kubectlError`, { error: l.text.trim() }) });
          continue;
        }
        const cols = headerColumns(l.text);
        if (cols) {
          const columns = cols.map((c) => c.name);
          table = {
            resource: resourceOfColumns(columns) ?? commandResource(ctx),
            columns,
            header: { value: l.text.trim(), line: l.n, text: l.text },
            rows: [],
            cols,
            aligned: isAligned(l.text),
          };
          tables.push(table);
          after = 'no';
          continue;
        }
        if (after !== 'no') {
          if (after === 'blank') problems.push({ line: l.n, msg: msg(`${K}.trailing`) });
          after = 'trailing';
          continue;
        }
        if (!table && fallback && tables.length === 0) {
          const cols = fallback.names.map((name, i) => ({ name, start: i }));
          table = {
            ...fallback,
            columns: fallback.names,
            header: null,
            rows: [],
            cols,
            aligned: false,
          };
          tables.push(table);
          const columns = fallback.names.join(' ');
          problems.push({
            line: l.n,
            msg: fromCommand
              ? msg(`${K}.noHeader`, { columns })
              : msg(`${K}.noHeaderShape`, { columns, resource: fallback.resource }),
          });
        }
        const cells = table ? cellsOf(l.text, table.cols, table.aligned) : null;
        if (!table || !cells) {
          problems.push({ line: l.n, msg: msg(`${K}.notARow`) });
          continue;
        }
        table.rows.push(rowOf(cells, table, l));
      }
      const out = tables.map(({ resource, columns, header, rows }) => ({
        resource,
        columns,
        header,
        rows,
      }));
      const rows = out.reduce((n, t) => n + t.rows.length, 0);
      if (rows === 0 && !noResources) {
        const err = problems.find((p) => p.msg.key === `${K}.kubectlError`);
        return reject(err?.msg ?? msg(`${K}.noRows`));
      }
      // A paste that is mostly something else is not a table with a few problems.
      const bad = problems.filter((p) => p.msg.key === `${K}.notARow`).length;
      if (bad > rows + 3 && bad > 2 * rows)
        return reject(msg(`${K}.mostlyNotTable`, { rows, other: bad }));
      const kinds = [...new Set(out.map((t) => t.resource ?? '?'))].join(', ');
      const attention = attentionOf(out);
      const summary =
        noResources && rows === 0 ? 'summaryNone' : attention ? 'summaryAttention' : 'summary';
      return accept(
        { tables: out, noResources },
        capped(problems, K),
        msg(`${K}.${summary}`, { rows, kinds, ...attention }),
      );
    },
  }),
);

/**
 * What needs a look in the rows: pods or workloads not ready, restarts, endpoints lists that
 * are empty. Null when nothing does (the plain summary then says it all).
 */
function attentionOf(tables: KubectlTable[]) {
  let notReady = 0;
  let restarts = 0;
  let noEndpoints = 0;
  for (const t of tables)
    for (const r of t.rows) {
      if (r.ready && r.ready.ready < r.ready.total && !/^Completed$/.test(r.cells.STATUS ?? ''))
        notReady += 1;
      restarts = Math.max(restarts, r.restarts ?? 0);
      if (r.endpoints && r.endpoints.length === 0 && r.moreEndpoints === 0) noEndpoints += 1;
    }
  return notReady + restarts + noEndpoints > 0 ? { notReady, restarts, noEndpoints } : null;
}

function implied(ctx: ParseContext) {
  const args = kubectlArgs(ctx.command, 'get');
  return args ? impliedColumns(args) : null;
}

/** Headerless rows with no command to say what they are: their shape (pods, nodes) may. */
function shaped(lines: Line[]) {
  const rows = lines.filter((l) => l.text.trim() !== '' && !isNoise(l.text)).slice(0, 200);
  return shapeColumns(rows.map((l) => l.text));
}

function commandResource(ctx: ParseContext) {
  const args = kubectlArgs(ctx.command, 'get');
  const what = args ? getArgs(args).what : null;
  return what && !what.includes(',') ? resourceOf(what) : null;
}

/**
 * A row quoted whole in a post (`"calico-node-j5qp2   0/1   CrashLoopBackOff   931 ..."`, or in
 * backticks): the row inside. A quote inside the line (a JSONPath or go-template output) keeps it.
 */
const WRAPPED = /^(\s*)(["`'])([^"`']+)\2\s*$/;
function unwrapped(l: Line): Line {
  const m = WRAPPED.exec(l.text);
  return m ? { ...l, text: m[1]! + m[3]! } : l;
}

function rowOf(cells: string[], table: KubectlTable, l: Line): KubectlRow {
  const record: Record<string, string> = Object.create(null);
  table.columns.forEach((c, i) => (record[c] = cells[i]!));
  const name = record['NAME'] ?? '';
  const prefixed = /^([\w.-]+)\/./.exec(name);
  const resource = (prefixed ? resourceOf(prefixed[1]!) : null) ?? table.resource;
  const ready = /^(\d+)\/(\d+)$/.exec(record['READY'] ?? '');
  const restarts = /^(\d+)(?:\s|$)/.exec(record['RESTARTS'] ?? '');
  const ep = record['ENDPOINTS'];
  const listed = ep === undefined ? null : endpointList(ep);
  return {
    cells: record,
    resource,
    ready: ready ? { ready: Number(ready[1]), total: Number(ready[2]) } : null,
    restarts: restarts ? Number(restarts[1]) : null,
    endpoints: listed?.addresses ?? null,
    moreEndpoints: listed?.more ?? 0,
    line: l.n,
    text: l.text,
  };
}
