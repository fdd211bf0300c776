import { resourceOf, type K8sResource } from '../k8s-common/text';

/** A column of a `kubectl get` table: its header and where the header starts on the line. */
export interface Column {
  name: string;
  start: number;
}

/** Header words kubectl prints with a space inside (split apart when a blog collapsed the spaces). */
const MULTI_WORD = ['NOMINATED NODE', 'READINESS GATES', 'NODE SELECTOR', 'LAST SEEN'];
const HEADER_WORD = /^[A-Z][A-Z0-9()_.\-/]*(?: [A-Z][A-Z0-9()_.\-/]*)?$/;
/** Columns only kubectl tables have; one of them must be in a header we claim. */
const KUBECTL_COLUMNS =
  /^(?:AGE|READY|STATUS|RESTARTS|CLUSTER-IP|EXTERNAL-IP|PORT\(S\)|ENDPOINTS|ADDRESSTYPE|ROLES|UP-TO-DATE|AVAILABLE|DESIRED|NODE SELECTOR|DATA|HOSTS|REASON)$/;

/** The columns of a header line, or null when the line is not a kubectl table header. */
export function headerColumns(text: string): Column[] | null {
  if (text.length > 2000 || !/^\s*(?:NAMESPACE|NAME|LAST SEEN)\s/.test(text)) return null;
  const aligned = /\S {2,}\S/.test(text);
  const cols: Column[] = [];
  if (aligned) {
    for (const m of text.matchAll(/\S+(?: \S+)*/g)) cols.push({ name: m[0], start: m.index });
  } else {
    const words = [...text.matchAll(/\S+/g)];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const pair = `${w[0]} ${words[i + 1]?.[0] ?? ''}`;
      if (MULTI_WORD.includes(pair)) {
        cols.push({ name: pair, start: w.index });
        i += 1;
      } else cols.push({ name: w[0], start: w.index });
    }
  }
  if (cols.length < 2 || !cols.every((c) => HEADER_WORD.test(c.name))) return null;
  if (!cols.some((c) => KUBECTL_COLUMNS.test(c.name))) return null;
  return cols;
}

/** Whether the header was printed aligned (columns found by position). */
export function isAligned(text: string): boolean {
  return /\S {2,}\S/.test(text);
}

/** The kind of a table from its columns. */
export function resourceOfColumns(names: string[]): K8sResource | null {
  const has = (n: string) => names.includes(n);
  if (has('ADDRESSTYPE')) return 'endpointslice';
  if (has('ENDPOINTS')) return 'endpoints';
  if (has('CLUSTER-IP')) return 'service';
  if (has('RESTARTS') && has('STATUS')) return 'pod';
  if (has('ROLES') || (has('STATUS') && has('VERSION'))) return 'node';
  if (has('NODE SELECTOR') || (has('DESIRED') && has('UP-TO-DATE'))) return 'daemonset';
  if (has('UP-TO-DATE') && has('AVAILABLE')) return 'deployment';
  if (has('DESIRED') && has('CURRENT')) return 'replicaset';
  if (has('HOSTS')) return 'ingress';
  if (has('DATA')) return 'configmap';
  if (has('REASON') && has('MESSAGE')) return 'event';
  return null;
}

/** What `kubectl get` prints for a kind, for a grep'd paste that lost its header. */
export function impliedColumns(args: string[]): { resource: K8sResource; names: string[] } | null {
  const { what, output } = getArgs(args);
  const resource = what && !what.includes(',') ? resourceOf(what) : null;
  const wide = output === 'wide';
  if (output && !wide) return null;
  const all = args.some((a) => a === '-A' || a === '--all-namespaces');
  const labels = args.includes('--show-labels') ? ['LABELS'] : [];
  const ns = all ? ['NAMESPACE'] : [];
  const base: Partial<Record<K8sResource, [string[], string[]]>> = {
    pod: [
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    ],
    service: [['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ['SELECTOR']],
    endpoints: [['NAME', 'ENDPOINTS', 'AGE'], []],
    node: [
      ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
      ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    ],
  };
  const cols = resource ? base[resource] : undefined;
  if (!resource || !cols) return null;
  return { resource, names: [...ns, ...cols[0], ...(wide ? cols[1] : []), ...labels] };
}

/**
 * Cells of a row: by the header's positions when the table is aligned and the row fits them,
 * otherwise by whitespace (a collapsed blog copy), re-joining `4 (2d ago)` and `+ 1 more...`.
 * Null when the row does not have the header's number of cells.
 */
export function cellsOf(text: string, cols: Column[], aligned: boolean): string[] | null {
  if (aligned) {
    const span = (i: number) => text.slice(cols[i]!.start, cols[i + 1]?.start ?? text.length);
    // kubectl prints some values as nothing at all (old `get ep` ENDPOINTS of an object
    // without addresses): a middle column blank over its whole width is an empty cell.
    const blank = (i: number) =>
      i > 0 && i < cols.length - 1 && cols[i + 1]!.start < text.length && /^\s+$/.test(span(i));
    const fits = cols.every(
      (c, i) =>
        i === 0 ||
        blank(i) ||
        (c.start < text.length && /\s/.test(text[c.start - 1]!) && /\S/.test(text[c.start]!)),
    );
    const cells = fits ? cols.map((_, i) => span(i).trim()) : null;
    // Beside a blank cell, a cell holding two aligned values means the row is not aligned
    // with the header after all (a value slid into the next column's place).
    const slid = cells !== null && cells.includes('') && cells.some((x) => /\S\s{2,}\S/.test(x));
    if (cells && !slid) return cells;
  }
  const cells = splitCells(text);
  const last = cols[cols.length - 1]?.name;
  if (cells.length > cols.length && (last === 'MESSAGE' || last === 'LABELS'))
    return [...cells.slice(0, cols.length - 1), cells.slice(cols.length - 1).join(' ')];
  if (cells.length === cols.length) return cells;
  // `kubectl get events -o wide --watch-only` sizes each row's columns anew, so later rows do
  // not line up with the header; cells with blanks inside (SOURCE `kubelet, node1`, a MESSAGE
  // before FIRST SEEN) keep single blanks, and kubectl pads between columns with at least two.
  const gaps = aligned ? text.trim().split(/\s{2,}/) : [];
  return gaps.length === cols.length ? gaps : null;
}

/** A row's cells split on blanks, `4 (2d ago)` and `+ 1 more...` kept whole. */
function splitCells(text: string): string[] {
  const words = text.trim().split(/\s+/);
  const cells: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (cells.length > 0 && /^\(/.test(w)) {
      // `4 (2d ago)`: join up to the closing parenthesis.
      let joined = w;
      while (!joined.endsWith(')') && i + 1 < words.length) joined += ' ' + words[++i]!;
      cells[cells.length - 1] += ' ' + joined;
    } else if (cells.length > 0 && w === '+' && /^\d+$/.test(words[i + 1] ?? '')) {
      cells[cells.length - 1] += ` + ${words[i + 1]} ${words[i + 2] ?? ''}`.trimEnd();
      i += 2;
    } else cells.push(w);
  }
  return cells;
}

const VALUE_FLAGS =
  /^(?:-n|--namespace|-o|--output|-l|--selector|-L|--label-columns|--context|--sort-by|--field-selector|-c|--container)$/;

/** The resource word and the `-o` format of `kubectl get` arguments. */
export function getArgs(args: string[]): { what: string | null; output: string | null } {
  let what: string | null = null;
  let output: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const o = /^(?:-o|--output)=?(.*)$/.exec(a);
    if (o) output = o[1] || (args[i + 1] ?? '');
    if (VALUE_FLAGS.test(a)) i += 1;
    else if (!a.startsWith('-') && what === null) what = a;
  }
  return { what, output: output?.toLowerCase() ?? null };
}

// What a pod row's cells look like: READY `1/1`, a STATUS kubectl prints, RESTARTS (maybe
// with `(5m ago)`), AGE. Together they are a shape no other output has.
const READY = /^\d+\/\d+$/;
const POD_STATUS =
  /^(?:Running|Pending|Succeeded|Completed|Failed|Unknown|Error|Terminating|Evicted|OOMKilled|ContainerCreating|PodInitializing|CrashLoopBackOff|ImagePullBackOff|ErrImagePull|CreateContainerConfigError|CreateContainerError|RunContainerError|InvalidImageName|NodeAffinity|OutOfcpu|OutOfmemory|Init:[\w/]+|Signal:\d+|ExitCode:\d+|ContainerStatusUnknown)$/;
const RESTARTS = /^\d+(?: \([^)]*\))?$/;
const AGE = /^(?:(?:\d+[smhdy])+|<invalid>|<unknown>)$/;
const NODE_STATUS = /^(?:Ready|NotReady|Unknown)(?:,SchedulingDisabled)?$/;
const VERSION = /^v\d+\.\d+/;

/** The columns headerless rows (a `kubectl get ... | grep x`) must have had, by their shape. */
export function shapeColumns(rows: string[]): { resource: K8sResource; names: string[] } | null {
  const shapes = rows.map((r) => rowShape(splitCells(r)));
  const first = shapes[0];
  if (!first || rows.length === 0) return null;
  // Every row the same shape: one table, not a guess from one lucky line.
  if (!shapes.every((s) => s !== null && s.names.join() === first.names.join())) return null;
  return first;
}

function rowShape(cells: string[]): { resource: K8sResource; names: string[] } | null {
  for (const ns of [0, 1]) {
    const [ready, status, restarts, age] = cells.slice(ns + 1, ns + 5);
    if (!ready || !READY.test(ready) || !POD_STATUS.test(status ?? '')) continue;
    if (!RESTARTS.test(restarts ?? '') || !AGE.test(age ?? '')) continue;
    const names = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
    const wide = ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'];
    const n = cells.length - ns;
    if (n !== names.length && n !== names.length + wide.length) return null;
    return {
      resource: 'pod',
      names: [...(ns ? ['NAMESPACE'] : []), ...names, ...(n > names.length ? wide : [])],
    };
  }
  const event = eventShape(cells);
  if (event) return event;
  const [, status, , age, version] = cells;
  if (
    cells.length === 5 &&
    NODE_STATUS.test(status ?? '') &&
    AGE.test(age ?? '') &&
    VERSION.test(version ?? '')
  )
    return { resource: 'node', names: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'] };
  return null;
}

// `kubectl get events` (1.14+): LAST SEEN, TYPE, REASON, OBJECT (`kind/name`), then a free-text
// MESSAGE; `-A` puts NAMESPACE first. A `Normal`/`Warning` cell between an age and a reason,
// then a `kind/name` object, is a shape no other output has.
const EVENT_TYPE = /^(?:Normal|Warning)$/;
const EVENT_REASON = /^[A-Za-z][\w-]*$/;
const EVENT_OBJECT = /^[a-z][\w.-]*\/[\w.:-]+$/;
const NAMESPACE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

function eventShape(cells: string[]): { resource: K8sResource; names: string[] } | null {
  for (const ns of [0, 1]) {
    const [age, type, reason, object] = cells.slice(ns, ns + 4);
    if (ns === 1 && !NAMESPACE.test(cells[0] ?? '')) continue;
    if (!AGE.test(age ?? '') || !EVENT_TYPE.test(type ?? '')) continue;
    if (!EVENT_REASON.test(reason ?? '') || !EVENT_OBJECT.test(object ?? '')) continue;
    if (cells.length < ns + 5) return null; // an event always has a message
    const names = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    return { resource: 'event', names: ns ? ['NAMESPACE', ...names] : names };
  }
  return null;
}
