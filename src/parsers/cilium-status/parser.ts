import type { Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import { MAX_LINE, textToRead, withCommandLine } from '../cilium-shared/text';
import type { CiliumStatusFacts, CiliumWorkload } from './facts';

const K = 'parse.cilium-status';

/** A field of the agent's status: `KVStore:   Ok   Disabled`, `Allocated addresses:`. */
const FIELD = /^([A-Za-z][\w ./()+-]{0,40}?):(?:[ \t]+(.*?))?[ \t]*$/;
/** Lines only the agent's status prints, each enough to tell it (a `| grep` keeps one). */
const AGENT_MARK =
  /^\s*(?:KVStore:\s+(?:Ok|Disabled|Failure|Warning)\b|KubeProxyReplacement:\s+(?:True|False|Strict|Probe|Partial|Disabled)\b|Controller Status:\s+\d+\/\d+ healthy|Cluster health:\s+(?:\d+\/\d+ reachable|Warning)|Cilium health daemon:\s|NodeMonitor:\s+(?:Listening|Disabled))/;
/** The logo of the cilium CLI (`/¯¯\__/¯¯\    Cilium:   OK`) and its table rows. */
const ART = /^\s*([/\\_¯][/\\_¯ ]*?)(?:\s{2,}([A-Za-z][\w ]*?):\s+(.*?))?\s*$/;
const CLI_MARK =
  /^\s*(?:\/¯¯\\|(?:DaemonSet|Deployment)\s+\S+\s+Desired:\s+\d+|Cluster Pods:\s+\d+\/\d+ managed by Cilium)/;
const CLI_ROW = /^([A-Z][A-Za-z ]*?)(?::\s*|\s{2,})(\S.*?)?\s*$/;

/** `cilium-dbg status` (the agent's view) and `cilium status` (the CLI's view of the installation). */
export const ciliumStatus = withCommandLine(
  /\bstatus\b/,
  defineParser<'cilium-status', CiliumStatusFacts>({
    kind: 'cilium-status',
    detect(head) {
      return head.some(
        (l) => l.text.length <= MAX_LINE && (AGENT_MARK.test(l.text) || CLI_MARK.test(l.text)),
      );
    },
    parse(lines) {
      const cli = lines.some((l) => l.text.length <= MAX_LINE && CLI_MARK.test(l.text));
      const facts = empty(cli ? 'cli' : 'agent');
      const problems = new ProblemList(K);
      const read = cli ? readCli(lines, facts, problems) : readAgent(lines, facts, problems);
      if (read === 0) return reject(msg(`${K}.noStatus`));
      return accept(facts, problems.done(), summary(facts));
    },
  }),
);

function empty(format: CiliumStatusFacts['format']): CiliumStatusFacts {
  return {
    format,
    fields: {},
    kvstore: null,
    kubernetes: null,
    kubeProxyReplacement: null,
    hostFirewall: null,
    cilium: null,
    controllers: null,
    clusterHealth: null,
    unreachableNodes: [],
    masquerading: null,
    routing: null,
    ipam: null,
    failures: [],
    warnings: [],
    workloads: [],
    containers: [],
    clusterPods: null,
  };
}

const indentOf = (t: string) => /^[ \t]*/.exec(t)![0].length;

/** Fields the agent prints (1.0 to 1.19); others are read when padded as the agent pads them. */
const KNOWN = new Set([
  'KVStore',
  'ContainerRuntime',
  'Kubernetes',
  'Kubernetes APIs',
  'KubeProxyReplacement',
  'KubeProxyReplacement Details',
  'Host firewall',
  'SRv6',
  'CNI Chaining',
  'CNI Config file',
  'Cilium',
  'NodeMonitor',
  'Cilium health daemon',
  'IPAM',
  'IPv4 address pool',
  'IPv6 address pool',
  'Allocated addresses',
  'IPv4 BIG TCP',
  'IPv6 BIG TCP',
  'BandwidthManager',
  'Host Routing',
  'Routing',
  'Attach Mode',
  'Device Mode',
  'Masquerading',
  'Clock Source for BPF',
  'Controller Status',
  'Proxy Status',
  'Global Identity Range',
  'Hubble',
  'Encryption',
  'Cluster health',
  'Modules Health',
  'ClusterMesh',
  'BPF Maps',
]);
/** Fields with a list or a table indented under them (most of them only with `--verbose`). */
const NESTED: Record<string, RegExp> = {
  'Allocated addresses': /^[\da-fA-F.:]+(?:\s|$)/,
  'IPv4 address pool': /^[\d.]+(?:\s|$)/,
  'IPv6 address pool': /^[\da-fA-F:]+(?:\s|$)/,
  // `Name   Last success   Last error   Count   Message` and its rows.
  'Controller Status':
    /^(?:Name\s{2,}Last success|\S+\s{2,}(?:\S.*? ago|never)\s{2,}(?:\S.*? ago|never)\s{2,}\d+(?:\s|$))/,
  // `Name   IP   Node   Endpoints` (or `Reachable   Endpoints reachable`) and its rows.
  'Cluster health':
    /^(?:Name\s{2,}IP|Node\s{2,}Endpoints)\b|(?:^|\s{2,})(?:true|false|reachable|unreachable|\d+\/\d+)\s{2,}(?:true|false|reachable|unreachable|\d+\/\d+)$/,
  'Proxy Status': /\S/,
  'KubeProxyReplacement Details': /\S/,
  'BPF Maps': /\S/,
  Encryption: /\S/,
  'Modules Health': /\S/,
  ClusterMesh: /\S/,
};

/** The agent's `Name:   value` lines, and the tables and lists indented under some of them. */
function readAgent(lines: Line[], f: CiliumStatusFacts, problems: ProblemList): number {
  let base = -1; // the indentation of the fields (a CI log indents them all)
  let section = '';
  let read = 0;
  for (const l of lines) {
    const t = textToRead(l, problems);
    if (t === null) continue;
    const indent = indentOf(t);
    const field = FIELD.exec(t.trim());
    // Another output's `Key: value` lines are not fields: unknown names count only padded.
    const known =
      field !== null &&
      (KNOWN.has(field[1]!) || (field[2] !== undefined && /^[^:]+: {2}/.test(t.trim())));
    if (known && (base < 0 ? AGENT_MARK.test(t) || KNOWN.has(field[1]!) : indent <= base)) {
      if (base < 0) base = indent;
      section = field[1]!;
      setField(f, section, field[2] ?? '', l);
      read += 1;
      continue;
    }
    const under = NESTED[section];
    const row = t.trim();
    const header = section === 'Cluster health' && /^Name\s{2,}IP\s/.test(row);
    if (base >= 0 && under && ((indent > base && under.test(row)) || header)) {
      if (section === 'Controller Status') controllerRow(f, t, l);
      else if (section === 'Cluster health') healthRow(f, t, l);
      continue; // addresses, details, the modules tree: read as part of their field
    }
    problems.add(l.n, 'badLine');
  }
  return read;
}

function setField(f: CiliumStatusFacts, name: string, value: string, l: Line): void {
  f.fields[name] ??= cite(value, l);
  if (/^(?:Failure|Warning|Error)\b|^Err:/.test(value))
    f.failures.push(cite({ what: name, message: value }, l));
  const first = value.split(/\s+/)[0] ?? '';
  switch (name) {
    case 'KVStore':
      f.kvstore = cite(value, l);
      break;
    case 'Kubernetes':
      f.kubernetes = cite(
        { ok: first === 'Ok', version: /\((v[^)\s]+)\)/.exec(value)?.[1] ?? null },
        l,
      );
      break;
    case 'KubeProxyReplacement':
      f.kubeProxyReplacement = cite({ mode: first, ...devicesOf(value) }, l);
      break;
    case 'Host firewall':
      f.hostFirewall = cite(value, l);
      break;
    case 'Cilium':
      f.cilium = cite(
        { ok: first === 'Ok', version: /^\S+\s+(\d+\.\d+\S*)/.exec(value)?.[1] ?? null },
        l,
      );
      break;
    case 'Controller Status': {
      const m = /^(\d+)\/(\d+) healthy/.exec(value);
      if (m) f.controllers = cite({ healthy: Number(m[1]), total: Number(m[2]) }, l);
      break;
    }
    case 'Cluster health': {
      const m = /^(\d+)\/(\d+) reachable/.exec(value);
      if (m) f.clusterHealth = cite({ reachable: Number(m[1]), total: Number(m[2]) }, l);
      break;
    }
    case 'Masquerading':
      f.masquerading = cite(value, l);
      break;
    case 'IPAM':
      f.ipam = cite(value, l);
      break;
    case 'Routing':
    case 'Host Routing': {
      const net = /Network:\s+(Tunnel|Native)(?:\s+\[(\w+)\])?/.exec(value);
      const host = name === 'Host Routing' ? first : (/Host:\s+(\S+)/.exec(value)?.[1] ?? null);
      const network = net ? (net[1]!.toLowerCase() as 'tunnel' | 'native') : null;
      f.routing = cite({ network, protocol: net?.[2] ?? null, host: host || null }, l);
      break;
    }
  }
}

/** The bracketed list of `KubeProxyReplacement:`, split at its top-level commas. */
function devicesOf(value: string): { devices: string[]; directRouting: string | null } {
  const open = value.indexOf('[');
  const close = value.lastIndexOf(']');
  if (open < 0 || close < open) return { devices: [], directRouting: null };
  const items: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = start; i < close; i++) {
    const c = value[i];
    if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === ',' && depth === 0) {
      items.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(value.slice(start, close).trim());
  // Interfaces (`eth0`, `enp0s8`); 1.7 listed feature names (`NodePort`) there instead.
  const ifaces = items.filter((s) => s !== '' && !/^[A-Z][a-z]/.test(s));
  const direct = ifaces.find((s) => s.includes('(Direct Routing)'));
  return {
    devices: ifaces.map((s) => s.split(/\s+/)[0]!),
    directRouting: direct ? direct.split(/\s+/)[0]! : null,
  };
}

/** `  cilium-health-ep   23m36s ago   49s ago   29   Get "http://...`: failing unless `no error`. */
function controllerRow(f: CiliumStatusFacts, t: string, l: Line): void {
  const cols = t.trim().split(/\s{2,}/);
  if (cols[0] === 'Name' || cols.length < 5) return;
  const message = cols.slice(4).join('  ');
  if (message !== 'no error') f.failures.push(cite({ what: cols[0]!, message }, l));
}

/** `  node-1 (localhost)   172.19.0.4   reachable   unreachable` (or `true`/`false`, `0/1`). */
function healthRow(f: CiliumStatusFacts, t: string, l: Line): void {
  const cols = t.trim().split(/\s{2,}/);
  if (cols[0] === 'Name' || cols[0] === 'Node' || cols.length < 2) return;
  const [name = '', ip = '', node = '', endpoints = ''] =
    cols.length >= 4 ? cols : ['', '', cols[0]!, cols[1]!];
  if ([node, endpoints].some(down)) f.unreachableNodes.push(cite({ name, ip, node, endpoints }, l));
}

function down(v: string): boolean {
  const m = /^(\d+)\/(\d+)$/.exec(v);
  return m ? Number(m[1]) < Number(m[2]) : v === 'false' || v === 'unreachable';
}

/** The CLI's logo rows, its `DaemonSet`/`Containers:`/`Errors:` table, and the rows under each. */
function readCli(lines: Line[], f: CiliumStatusFacts, problems: ProblemList): number {
  let section = '';
  let column = -1;
  let read = 0;
  for (const l of lines) {
    const t = textToRead(l, problems);
    if (t === null) continue;
    const art = ART.exec(t);
    if (art) {
      if (art[2]) f.fields[art[2]] ??= cite(art[3]!, l);
      read += 1;
      continue;
    }
    const row = indentOf(t) === 0 ? CLI_ROW.exec(t) : null;
    if (row) {
      section = row[1]!;
      column = row[2] ? t.indexOf(row[2], row[1]!.length) : -1;
    }
    const value = row ? (row[2] ?? '') : t.trim();
    // A row under a section starts where the section's first value did (the CLI aligns them).
    if (row || (section && indentOf(t) === column)) {
      if (cliRow(f, section, value, l)) {
        read += 1;
        continue;
      }
    }
    const failed = /^(?:Error|status check failed):?\s+(.*)$/.exec(t.trim());
    if (failed) {
      f.failures.push(cite({ what: '', message: failed[1]! }, l));
      continue;
    }
    problems.add(l.n, 'badLine');
  }
  return read;
}

function cliRow(f: CiliumStatusFacts, section: string, value: string, l: Line): boolean {
  const words = value.split(/\s+/);
  switch (section) {
    case 'DaemonSet':
    case 'Deployment': {
      const counts = countsOf(value.slice(words[0]!.length));
      if (counts.Desired === undefined) return false;
      const w: CiliumWorkload = {
        kind: section,
        name: words[0]!,
        desired: counts.Desired,
        ready: counts.Ready ?? null,
        available: counts.Available ?? null,
        unavailable: counts.Unavailable ?? null,
      };
      f.workloads.push(cite(w, l));
      return true;
    }
    case 'Containers': {
      const states = countsOf(value.slice(words[0]!.length));
      if (Object.keys(states).length === 0) return false;
      f.containers.push(cite({ name: words[0]!, states }, l));
      return true;
    }
    case 'Errors':
    case 'Warnings': {
      const m = /^(\S+)\s+(\S+)\s+(.*)$/.exec(value);
      if (!m) return false;
      const what = m[1] === m[2] ? m[1]! : `${m[1]}/${m[2]}`;
      (section === 'Errors' ? f.failures : f.warnings).push(cite({ what, message: m[3]! }, l));
      return true;
    }
    case 'Cluster Pods': {
      const m = /^(\d+)\/(\d+) managed by Cilium/.exec(value);
      if (m) f.clusterPods = cite({ managed: Number(m[1]), total: Number(m[2]) }, l);
      f.fields[section] ??= cite(value, l);
      return m !== null;
    }
    case 'Image versions':
    case 'Helm chart version':
      f.fields[section] ??= cite(value, l);
      return true;
  }
  return false;
}

/** `Desired: 2, Ready: 1/2, Available: 1/2` → each name with its first number. */
function countsOf(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/([A-Za-z]+):\s*(\d+)/g)) out[m[1]!] = Number(m[2]);
  return out;
}

function summary(f: CiliumStatusFacts) {
  const failing = f.failures
    .map((x) => x.value.what || x.value.message.slice(0, 80))
    .slice(0, 3)
    .join(', ');
  if (f.format === 'cli') {
    const workloads = f.workloads
      .map(
        (w) =>
          `${w.value.name} ${w.value.ready ?? w.value.desired - (w.value.unavailable ?? 0)}/${w.value.desired}`,
      )
      .join(', ');
    return msg(`${K}.${f.failures.length > 0 ? 'summaryCliErrors' : 'summaryCli'}`, {
      cilium: f.fields.Cilium?.value || '?',
      operator: f.fields.Operator?.value || '?',
      workloads: workloads || '-',
      n: f.failures.length,
      failing,
    });
  }
  const pair = (p: { value: { healthy?: number; reachable?: number; total: number } } | null) =>
    p ? `${p.value.healthy ?? p.value.reachable}/${p.value.total}` : '?';
  return msg(`${K}.${f.failures.length > 0 ? 'summaryAgentFailing' : 'summaryAgent'}`, {
    cilium: f.cilium?.value.version ?? (f.fields.Cilium?.value.split(/\s+/)[0] || '?'),
    kpr: f.kubeProxyReplacement?.value.mode ?? '?',
    controllers: pair(f.controllers),
    health: pair(f.clusterHealth),
    n: f.failures.length,
    failing,
  });
}
