import type { Cited, Line, Problem } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import {
  capped,
  isNoise,
  kubectlArgs,
  MAX_LINE,
  resourceOf,
  withLeadingCommand,
} from '../k8s-common/text';
import type { DescribeContainer, DescribeEvent, KubectlDescribeFacts } from './facts';
import { eventOf, EVENTS_HEADER, probeOf } from './events';

const K = 'parse.kubectl-describe';
/** `Key:  value` (the value trimmed in code: a lazy `(.*?)\s*$` backtracks on long lines). */
const FIELD = /^([A-Z][A-Za-z0-9 ./()-]{0,40}?):(?:\s+(.*))?$/;
const KIND_BY_FIELDS: [string, RegExp][] = [
  ['Pod', /^(?:Containers|Controlled By|QoS Class|Start Time)$/],
  ['Service', /^(?:Endpoints|TargetPort|Session Affinity|External Traffic Policy)$/],
  ['Node', /^(?:Roles|Taints|Unschedulable|Allocatable)$/],
];

const KIND_NAMES: Record<string, string> = {
  pod: 'Pod',
  service: 'Service',
  endpoints: 'Endpoints',
  endpointslice: 'EndpointSlice',
  node: 'Node',
  daemonset: 'DaemonSet',
  deployment: 'Deployment',
  replicaset: 'ReplicaSet',
  statefulset: 'StatefulSet',
  configmap: 'ConfigMap',
  ingress: 'Ingress',
};

/** `kubectl describe` output: the object's fields, its containers and its Events table. */
export const kubectlDescribe = withLeadingCommand(
  defineParser<'kubectl-describe', KubectlDescribeFacts>({
    kind: 'kubectl-describe',
    detect(head) {
      const body = head.filter((l) => !isNoise(l.text)).map((l) => l.text.trim());
      if (body.some((t) => EVENTS_HEADER.test(t))) return true;
      // Rows copied without their header (kubectl's own wrapping may add continuation lines).
      const rows = head.filter((l) => eventOf(l.text, l)).length;
      if (rows >= 2 && rows * 2 >= body.length) return true;
      // Or rows and nothing else: each with the lines of its message kubectl printed at column 0
      // (a probe's output with a newline), a lone row included.
      if (rows >= 1 && rowsOnly(head)) return true;
      return (
        /^Name:\s+\S/.test(body[0] ?? '') &&
        body.slice(1, 6).some((t) => /^(?:Namespace|Labels|Node|Priority|Roles|Selector):/.test(t))
      );
    },
    // `kubectl describe pods -l app=web`: one part per object, from each top-level `Name:`.
    split(lines) {
      const name = `${' '.repeat(baseIndent(lines))}Name:`;
      const starts = lines.flatMap((l, i) =>
        l.text.startsWith(name) && /^\s+\S/.test(l.text.slice(name.length)) ? [i] : [],
      );
      if (starts.length < 2) return [lines];
      return starts.map((at, k) => lines.slice(k === 0 ? 0 : at, starts[k + 1] ?? lines.length));
    },
    parse(lines, ctx) {
      const facts: KubectlDescribeFacts = {
        object: null,
        name: null,
        namespace: null,
        node: null,
        status: null,
        fields: Object.create(null) as Record<string, Cited[]>,
        containers: [],
        events: [],
        eventsNone: false,
        backends: [],
      };
      let topKey = '';
      const problems: Problem[] = [];
      const base = baseIndent(lines);
      const first = lines.find((l) => !isNoise(l.text));
      let section: 'top' | 'containers' | 'init' | 'events' | 'other' =
        first && eventOf(first.text, first) ? 'events' : 'top';
      let container: DescribeContainer | null = null;
      let parent = '';
      let event: DescribeEvent | null = null;
      for (const [i, l] of lines.entries()) {
        if (isNoise(l.text)) continue;
        if (l.text.length > MAX_LINE) {
          problems.push({ line: l.n, msg: msg(`${K}.badLine`) });
          continue;
        }
        const text = l.text.startsWith(' '.repeat(base)) ? l.text.slice(base) : l.text.trimStart();
        const indent = /^ */.exec(text)![0].length;
        const cite = (value: string): Cited => ({ value, line: l.n, text: l.text });
        if (EVENTS_HEADER.test(text.trim())) {
          section = 'events';
          continue;
        }
        if (section === 'events') {
          if (/^\s*-{2,}(?:\s+-{2,})*\s*$/.test(text)) continue;
          const e = eventOf(text, l);
          if (e) facts.events.push((event = e));
          else if (/^Name:\s/.test(text))
            section = 'top'; // `kubectl describe pods`: the next pod
          else if (event && indent === 0)
            event.message += '\n' + text.trim(); // a wrapped message
          else problems.push({ line: l.n, msg: msg(`${K}.badEvent`) });
          if (section === 'events') continue;
        }
        // Event rows after a line of prose (`The output of kubectl describe is:`) or a pod's
        // fields cut before their `Events:` line: the rows say what they are.
        if (section !== 'containers' && section !== 'init') {
          const e = eventOf(text, l);
          if (e) {
            facts.events.push((event = e));
            section = 'events';
            continue;
          }
        }
        const top = indent === 0 ? FIELD.exec(text) : null;
        if (top) {
          const key = top[1]!;
          const value = (top[2] ?? '').trimEnd();
          section =
            key === 'Containers'
              ? 'containers'
              : key === 'Init Containers'
                ? 'init'
                : key === 'Events'
                  ? 'events'
                  : value === ''
                    ? 'other'
                    : 'top';
          if (key === 'Events' && /^<none>$/.test(value)) facts.eventsNone = true;
          container = null;
          topKey = key;
          (facts.fields[key!] ??= []).push(cite(value));
          continue;
        }
        // `Rules:` of an Ingress: `host  /path  web:80 (10.1.2.3:8080,...)`, one backend a line.
        const backend = topKey === 'Rules' ? BACKEND.exec(text) : null;
        if (backend) {
          const [, service, port, endpoints] = backend;
          facts.backends.push({
            value: { service: service!, port: port!, endpoints: endpoints! },
            line: l.n,
            text: l.text,
          });
          continue;
        }
        // A container's block pasted without the `Containers:` line above it (`  antrea-agent:`
        // then its `    State:` / `    Ready:` lines): the fields under the name say what it is.
        if ((section === 'top' || section === 'other') && !facts.fields['Containers']) {
          const bare = indent === 2 ? CONTAINER_HEAD.exec(text) : null;
          if (bare && containerFollows(lines, i, base)) {
            section = 'containers';
            container = emptyContainer(bare[1]!, false, l);
            facts.containers.push(container);
            continue;
          }
        }
        if (section === 'containers' || section === 'init') {
          const head = indent === 2 ? CONTAINER_HEAD.exec(text) : null;
          if (head) {
            container = emptyContainer(head[1]!, section === 'init', l);
            facts.containers.push(container);
            continue;
          }
          const sub = container && indent >= 4 ? FIELD.exec(text.trim()) : null;
          if (sub && container) {
            const key = sub[1]!;
            const value = (sub[2] ?? '').trimEnd();
            if (indent === 4) parent = key!;
            fillContainer(container, indent === 4 ? key! : `${parent}.${key}`, value, l);
          }
        }
      }
      finish(facts, ctx.command);
      const filled =
        facts.name || facts.events.length > 0 || facts.eventsNone || facts.containers.length > 0;
      if (!filled) return reject(msg(`${K}.nothing`));
      const warnings = facts.events.filter((e) => e.type === 'Warning').length;
      const restarts = Math.max(0, ...facts.containers.map((c) => c.restartCount?.value ?? 0));
      return accept(
        facts,
        capped(problems, K),
        msg(`${K}.summary`, {
          object: facts.object ?? '?',
          name: facts.name?.value ?? '?',
          events: facts.events.length,
          warnings,
          restarts,
        }),
      );
    },
  }),
);

/** `  name:` opening a container's block, two spaces in. */
const CONTAINER_HEAD = /^ {2}([\w.-]+):\s*$/;
/** The fields kubectl prints first in a container's block (and those a trimmed paste keeps). */
const CONTAINER_FIELD = /^ {4}(?:Container ID|Image|Image ID|State|Ready|Restart Count):/;

/** The next line with text after `lines[at]` is a container's field, four spaces in. */
function containerFollows(lines: Line[], at: number, base: number): boolean {
  for (const l of lines.slice(at + 1, at + 4)) {
    if (l.text.trim() === '' || isNoise(l.text)) continue;
    const text = l.text.startsWith(' '.repeat(base)) ? l.text.slice(base) : l.text.trimStart();
    return CONTAINER_FIELD.test(text);
  }
  return false;
}

/** Every line an event row or a line of the row's message at column 0 after it. */
function rowsOnly(head: Line[]): boolean {
  let inRow = false;
  for (const l of head) {
    if (l.text.trim() === '' || isNoise(l.text)) continue;
    if (eventOf(l.text, l)) inRow = true;
    else if (!inRow || /^\s/.test(l.text)) return false;
  }
  return inRow;
}

const BACKEND = /(?:^|\s)([a-z0-9][\w.-]*):([\w-]+)\s+\((.*)\)\s*$/;

/** The indentation every line shares (a paste indented as a Markdown code block). */
function baseIndent(lines: Line[]): number {
  const first = lines.find((l) => !isNoise(l.text) && /^\s*(?:Name|Events|Type):/.test(l.text));
  return first ? /^ */.exec(first.text)![0].length : 0;
}

function emptyContainer(name: string, init: boolean, l: Line): DescribeContainer {
  return {
    name,
    ports: [],
    hostPorts: [],
    state: null,
    lastState: null,
    lastReason: null,
    ready: null,
    restartCount: null,
    liveness: null,
    readiness: null,
    init,
    line: l.n,
    text: l.text,
  };
}

const list = (v: string) => (v === '<none>' || v === '' ? [] : v.split(/,\s*/));

function fillContainer(c: DescribeContainer, key: string, value: string, l: Line): void {
  const cite = { value, line: l.n, text: l.text };
  if (key === 'Port' || key === 'Ports') c.ports = list(value);
  else if (key === 'Host Port' || key === 'Host Ports') c.hostPorts = list(value);
  else if (key === 'State') c.state = cite;
  else if (key === 'Last State') c.lastState = cite;
  else if (key === 'Last State.Reason') c.lastReason = cite;
  else if (key === 'Ready') c.ready = { ...cite, value: /^true$/i.test(value) };
  else if (key === 'Restart Count' && /^\d+$/.test(value))
    c.restartCount = { ...cite, value: Number(value) };
  else if (key === 'Liveness') c.liveness = probeOf(value, l);
  else if (key === 'Readiness') c.readiness = probeOf(value, l);
}

function finish(facts: KubectlDescribeFacts, command: string | null): void {
  const first = (k: string) => facts.fields[k]?.[0] ?? null;
  facts.name = first('Name');
  facts.namespace = first('Namespace');
  facts.status = first('Status');
  const node = first('Node');
  if (node) facts.node = { ...node, value: node.value.split('/')[0]! };
  // A paste whose indentation was collapsed has the container fields at the top level.
  if (facts.containers.length === 0 && first('Restart Count')) {
    const rc = first('Restart Count')!;
    const c = emptyContainer('', false, { n: rc.line, text: rc.text });
    for (const key of [
      'Ports',
      'Port',
      'Host Ports',
      'State',
      'Ready',
      'Restart Count',
      'Liveness',
    ]) {
      const f = first(key);
      if (f) fillContainer(c, key, f.value, { n: f.line, text: f.text });
    }
    facts.containers.push(c);
  }
  const args = kubectlArgs(command, 'describe');
  const what = args?.find((a) => !a.startsWith('-'));
  const fromCommand = what ? resourceOf(what) : null;
  const keys = Object.keys(facts.fields);
  const byFields = KIND_BY_FIELDS.find(([, re]) => keys.some((k) => re.test(k)))?.[0] ?? null;
  facts.object = (fromCommand && KIND_NAMES[fromCommand]) ?? byFields;
}
