import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Network namespaces for the kernel-oracle tests (test code only): namespaces made and deleted
 * here, veth pairs made inside them (never in the host's namespace), rulesets loaded into them,
 * packets sent from one with Node itself, and what the kernel did read back: per-rule counters
 * and where the packet ended. Needs root, `ip`, `nft` and the iptables restore tools.
 */

export interface Run {
  ok: boolean;
  out: string;
  err: string;
}

export function run(cmd: string, args: string[], input?: string): Run {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 30_000 });
  return {
    ok: r.status === 0,
    out: r.stdout ?? '',
    err: (r.stderr ?? '') + (r.error?.message ?? ''),
  };
}

/** Runs `args` inside namespace `ns`; throws with the command's error when it fails. */
export function inNs(ns: string, args: string[], input?: string): string {
  const r = run('ip', ['netns', 'exec', ns, ...args], input);
  if (!r.ok) throw new Error(`in ${ns}: ${args.join(' ')}: ${r.err.trim()}`);
  return r.out;
}

function ip(ns: string, args: string[]): void {
  const r = run('ip', ['-n', ns, ...args]);
  if (!r.ok) throw new Error(`ip -n ${ns} ${args.join(' ')}: ${r.err.trim()}`);
}

/**
 * Why namespaces (and the commands the oracle needs) are not available here, or null: each of
 * `commands` is run in a fresh namespace (`['nft', 'list', 'ruleset']` needs nf_tables in the
 * kernel, `['iptables-legacy-save']` needs ip_tables).
 */
export function netnsUnavailable(commands: string[][]): string | null {
  const probe = `net-triage-probe-${process.pid}`;
  const made = run('ip', ['netns', 'add', probe]);
  if (!made.ok) return `network namespaces are not available here: ${made.err.trim()}`;
  try {
    for (const c of commands) {
      const r = run('ip', ['netns', 'exec', probe, ...c]);
      if (!r.ok) return `${c.join(' ')} does not run in a namespace here: ${r.err.trim()}`;
    }
    return null;
  } finally {
    run('ip', ['netns', 'del', probe]);
  }
}

/** Namespaces made by one test, deleted together. */
export class Namespaces {
  readonly made: string[] = [];
  private n = 0;
  constructor(private readonly prefix: string) {}

  /** A fresh namespace with lo up and IPv6 off (no stray router solicitations to count). */
  add(role: string): string {
    const name = `${this.prefix}-${process.pid}-${this.n++}-${role}`;
    const r = run('ip', ['netns', 'add', name]);
    if (!r.ok) throw new Error(`ip netns add ${name}: ${r.err.trim()}`);
    this.made.push(name);
    sysctl(name, 'net/ipv6/conf/all/disable_ipv6', '1');
    sysctl(name, 'net/ipv6/conf/default/disable_ipv6', '1');
    ip(name, ['link', 'set', 'lo', 'up']);
    return name;
  }

  deleteAll(): void {
    for (const ns of this.made.splice(0)) run('ip', ['netns', 'del', ns]);
  }
}

/** Writes a sysctl of namespace `ns` (through /proc/sys: no procps needed). */
export function sysctl(ns: string, key: string, value: string): void {
  inNs(ns, ['sh', '-c', `echo ${value} > /proc/sys/${key}`]);
}

/** A veth pair between two namespaces, made in `a` with its peer moved straight to `b`. */
export function veth(a: string, aName: string, b: string, bName: string): void {
  ip(a, ['link', 'add', aName, 'type', 'veth', 'peer', 'name', bName, 'netns', b]);
  ip(a, ['link', 'set', aName, 'up']);
  ip(b, ['link', 'set', bName, 'up']);
}

/**
 * An interface of the node that leads nowhere, for an address the node owns (its LAN address
 * when the client is a pod): a veth pair with both ends in `ns` (no `dummy` module needed).
 */
export function stub(ns: string, name: string): void {
  ip(ns, ['link', 'add', name, 'type', 'veth', 'peer', 'name', `${name}-stub`]);
  ip(ns, ['link', 'set', name, 'up']);
  ip(ns, ['link', 'set', `${name}-stub`, 'up']);
}

export function addAddress(ns: string, iface: string, cidr: string): void {
  ip(ns, ['addr', 'add', cidr, 'dev', iface]);
}

export function addRoute(ns: string, args: string[]): void {
  ip(ns, ['route', 'add', ...args]);
}

/** The namespace's IPv4 addresses (without prefix) by interface. */
export function addressesOf(ns: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of inNs(ns, ['ip', '-4', '-o', 'addr', 'show']).split('\n')) {
    const m = /^\d+:\s+(\S+)\s+inet\s+([\d.]+)\//.exec(line);
    if (m) out[m[2]!] = m[1]!;
  }
  return out;
}

/** Loads an nft ruleset text into `ns` (through a file: `nft -f -` cannot read a socket). */
export function nftLoad(ns: string, text: string, json = false): void {
  const dir = mkdtempSync(join(tmpdir(), 'net-triage-nft-'));
  try {
    const file = join(dir, json ? 'rules.json' : 'rules.nft');
    writeFileSync(file, text);
    inNs(ns, json ? ['nft', '-j', '-f', file] : ['nft', '-f', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Where a packet ended: the node's and the endpoints' own small tables

export const ORACLE_TABLE = 'nettriage-oracle';

/**
 * The node's observation table. Everything not from the client is dropped first thing in
 * prerouting (the endpoints' replies never reach the rules under test, so every rule counter
 * counts the client's packet alone); what the node sends back to the client is counted by
 * kind and dropped first thing in output (a reject's ICMP or RST, a local socket's answer);
 * a packet that passed every input chain is counted last in input.
 */
export function nodeOracleTable(client: string): string {
  return `table ip ${ORACLE_TABLE} {
  counter arrived { }
  counter local { }
  counter rejected { }
  counter replies { }
  set icmp-codes { type icmp_code; flags dynamic; }
  set tcp-resets { type inet_service; flags dynamic; }
  chain pre {
    type filter hook prerouting priority -400; policy accept;
    ip saddr != ${client} drop
    counter name "arrived"
  }
  chain in {
    type filter hook input priority 1000; policy accept;
    ip saddr ${client} counter name "local"
  }
  chain out {
    type filter hook output priority -400; policy accept;
    ip daddr ${client} icmp type destination-unreachable add @icmp-codes { icmp code } counter name "rejected" drop
    ip daddr ${client} tcp flags & rst == rst add @tcp-resets { tcp sport } counter name "rejected" drop
    ip daddr ${client} counter name "replies" drop
  }
}
`;
}

/** An endpoint's observation table: what arrives is recorded (source, destination, port) and dropped. */
export const ENDPOINT_ORACLE_TABLE = `table ip ${ORACLE_TABLE} {
  set seen { type ipv4_addr . ipv4_addr . inet_service; flags dynamic; }
  chain pre {
    type filter hook prerouting priority -400; policy accept;
    meta l4proto { tcp, udp } add @seen { ip saddr . ip daddr . th dport }
    drop
  }
}
`;

type Json = Record<string, unknown>;

function nftItems(text: string): Json[] {
  return (JSON.parse(text) as { nftables: Json[] }).nftables;
}

export interface NodeObservation {
  arrived: number;
  local: number;
  rejected: number;
  replies: number;
  /** The ICMP codes of the node's unreachables, as nft names them (`port-unreachable`). */
  icmpCodes: string[];
  resets: number;
}

/** Empties the node's record of its answers (the counters are read as differences). */
export function flushNodeOracle(ns: string): void {
  inNs(ns, ['nft', 'flush', 'set', 'ip', ORACLE_TABLE, 'icmp-codes']);
  inNs(ns, ['nft', 'flush', 'set', 'ip', ORACLE_TABLE, 'tcp-resets']);
}

export function readNodeOracle(ns: string): NodeObservation {
  const items = nftItems(inNs(ns, ['nft', '-j', 'list', 'table', 'ip', ORACLE_TABLE]));
  const o: NodeObservation = {
    arrived: 0,
    local: 0,
    rejected: 0,
    replies: 0,
    icmpCodes: [],
    resets: 0,
  };
  for (const it of items) {
    const c = it.counter as { name: string; packets: number } | undefined;
    if (c && c.name in o) (o as unknown as Record<string, number>)[c.name] = c.packets;
    const s = it.set as { name: string; elem?: unknown[] } | undefined;
    if (s?.name === 'icmp-codes') o.icmpCodes = (s.elem ?? []).map((e) => String(elemValue(e)));
    if (s?.name === 'tcp-resets') o.resets = (s.elem ?? []).length;
  }
  return o;
}

function elemValue(e: unknown): unknown {
  if (e && typeof e === 'object' && 'elem' in e) return (e as { elem: { val: unknown } }).elem.val;
  return e;
}

export interface Seen {
  src: string;
  dst: string;
  dport: number;
}

/** What reached an endpoint namespace since its last flush. */
export function readSeen(ns: string): Seen[] {
  const items = nftItems(inNs(ns, ['nft', '-j', 'list', 'set', 'ip', ORACLE_TABLE, 'seen']));
  const out: Seen[] = [];
  for (const it of items) {
    const s = it.set as { elem?: unknown[] } | undefined;
    for (const e of s?.elem ?? []) {
      const v = elemValue(e) as { concat: [string, string, number] };
      out.push({ src: v.concat[0], dst: v.concat[1], dport: Number(v.concat[2]) });
    }
  }
  return out;
}

export function flushSeen(ns: string): void {
  inNs(ns, ['nft', 'flush', 'set', 'ip', ORACLE_TABLE, 'seen']);
}

// ---------------------------------------------------------------------------------------------
// Per-rule counters

/** A rule (or a base chain's policy) of a ruleset file, as the comparison names it. */
export interface RuleRef {
  source: string;
  /** `filter`, `nat` (iptables) or `ip kube-proxy`, `inet firewalld` (nft). */
  table: string;
  chain: string;
  /** 1-based line in the file; for a policy, the line that declares it. */
  line: number;
  text: string;
  policy: 'accept' | 'drop' | null;
}

/** The rules of an `iptables-save` file, per `table\0chain`, in order; policies apart. */
export function iptablesFileRules(source: string, text: string) {
  const rules = new Map<string, RuleRef[]>();
  const policies = new Map<string, RuleRef>();
  let table = '';
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('*')) table = line.slice(1);
    const pol = /^:(\S+) (ACCEPT|DROP) /.exec(line);
    if (pol)
      policies.set(`${table}\u0000${pol[1]!}`, {
        source,
        table,
        chain: pol[1]!,
        line: i + 1,
        text: line,
        policy: pol[2] === 'DROP' ? 'drop' : 'accept',
      });
    const rule = /^-A (\S+)/.exec(line);
    if (rule) {
      const key = `${table}\u0000${rule[1]!}`;
      const list = rules.get(key) ?? [];
      list.push({ source, table, chain: rule[1]!, line: i + 1, text: line, policy: null });
      rules.set(key, list);
    }
  });
  return { rules, policies };
}

/** Packet counters from `iptables-save -c`: rules per `table\0chain` in order, and policies. */
export function iptablesCounters(saved: string) {
  const rules = new Map<string, number[]>();
  const policies = new Map<string, number>();
  let table = '';
  for (const raw of saved.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('*')) table = line.slice(1);
    const pol = /^:(\S+) (?:ACCEPT|DROP) \[(\d+):\d+\]/.exec(line);
    if (pol) policies.set(`${table}\u0000${pol[1]!}`, Number(pol[2]));
    const rule = /^\[(\d+):\d+\] -A (\S+)/.exec(line);
    if (rule) {
      const key = `${table}\u0000${rule[2]!}`;
      const list = rules.get(key) ?? [];
      list.push(Number(rule[1]));
      rules.set(key, list);
    }
  }
  return { rules, policies };
}

/**
 * The rules of an nft listing file (`nft list ruleset` form), per `family table\0chain`, in
 * order; base-chain policies apart, cited at their `type … policy …;` line.
 */
export function nftFileRules(source: string, text: string) {
  const rules = new Map<string, RuleRef[]>();
  const policies = new Map<string, RuleRef>();
  let table = '';
  let chain: string | null = null;
  let depth = 0;
  let skipTo = -1;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const opens = (line.match(/\{/g) ?? []).length;
    const closes = (line.match(/\}/g) ?? []).length;
    const before = depth;
    depth += opens - closes;
    if (skipTo >= 0) {
      if (depth <= skipTo) skipTo = -1;
      return;
    }
    if (before === 0) {
      const t = /^table (\S+) (\S+) \{/.exec(line);
      if (t) table = `${t[1]!} ${t[2]!}`;
      return;
    }
    if (before === 1) {
      const c = /^chain (\S+) \{/.exec(line);
      if (c) chain = c[1]!;
      else if (
        /^(set|map|flowtable|counter|quota|limit|ct|secmark|synproxy) /.test(line) &&
        depth > 1
      )
        skipTo = 1;
      return;
    }
    if (before !== 2 || chain === null || line === '' || line.startsWith('#')) return;
    const key = `${table}\u0000${chain}`;
    const base = /^type \S+ hook \S+ .*policy (accept|drop);/.exec(line);
    if (base) {
      policies.set(key, {
        source,
        table,
        chain,
        line: i + 1,
        text: line,
        policy: base[1] as 'accept' | 'drop',
      });
      return;
    }
    if (/^(type |policy |comment "|devices )/.test(line) || line === '}') return;
    const list = rules.get(key) ?? [];
    list.push({ source, table, chain, line: i + 1, text: line, policy: null });
    rules.set(key, list);
  });
  return { rules, policies };
}

const PROBE = 'nettriage-probe';
const POLICY_PROBE = 'nettriage-policy';

/**
 * Puts a counting rule before every rule of the loaded nft ruleset (its leading matches and a
 * counter, nothing else: it counts the packets that match the rule) and one at the end of
 * every base chain (the packets that fall to the policy). A rule whose verdict is a lookup in a
 * named verdict map is counted only when the map holds the packet's key, as the kernel then
 * takes that verdict (`… vmap @m` counts as `… @m`). The rules themselves are not changed.
 */
export function instrumentNft(ns: string): void {
  const items = nftItems(inNs(ns, ['nft', '-j', 'list', 'ruleset']));
  const cmds: Json[] = [];
  for (const it of items) {
    const c = it.chain as
      { family: string; table: string; name: string; hook?: string } | undefined;
    if (c?.hook && c.table !== ORACLE_TABLE) {
      const rule = {
        family: c.family,
        table: c.table,
        chain: c.name,
        expr: [{ counter: null }],
        comment: POLICY_PROBE,
      };
      cmds.push({ add: { rule } });
    }
    const r = it.rule as
      { family: string; table: string; chain: string; handle: number; expr: Json[] } | undefined;
    if (!r || r.table === ORACLE_TABLE) continue;
    const expr: Json[] = [];
    for (const e of r.expr) {
      if ('match' in e) {
        expr.push(e);
        continue;
      }
      const vmap = e.vmap as { key: unknown; data: unknown } | undefined;
      if (vmap) {
        if (typeof vmap.data === 'string')
          expr.push({ match: { op: '==', left: vmap.key, right: vmap.data } });
        else if (!JSON.stringify(vmap.key).includes('numgen')) {
          const keys = ((vmap.data as { set: unknown[][] }).set ?? []).map((p) => p[0]);
          expr.push({ match: { op: '==', left: vmap.key, right: { set: keys } } });
        }
      }
      break;
    }
    expr.push({ counter: null });
    const probe = {
      family: r.family,
      table: r.table,
      chain: r.chain,
      handle: r.handle,
      expr,
      comment: `${PROBE} ${r.handle}`,
    };
    cmds.push({ insert: { rule: probe } });
  }
  nftLoad(ns, JSON.stringify({ nftables: cmds }), true);
}

/**
 * The probes' packet counts after `instrumentNft`: per `family table\0chain`, the count of
 * each original rule in order, and the count that fell to the policy.
 */
export function nftCounters(ns: string) {
  const items = nftItems(inNs(ns, ['nft', '-j', 'list', 'ruleset']));
  const rules = new Map<string, number[]>();
  const policies = new Map<string, number>();
  const probes = new Map<string, number>();
  for (const it of items) {
    const r = it.rule as
      | {
          family: string;
          table: string;
          chain: string;
          handle: number;
          comment?: string;
          expr: Json[];
        }
      | undefined;
    if (!r || r.table === ORACLE_TABLE) continue;
    const key = `${r.family} ${r.table}\u0000${r.chain}`;
    const packets =
      (r.expr.find((e) => 'counter' in e)?.counter as { packets?: number } | undefined)?.packets ??
      0;
    if (r.comment === POLICY_PROBE) policies.set(key, packets);
    else if (r.comment?.startsWith(`${PROBE} `))
      probes.set(`${key}\u0000${r.comment.slice(PROBE.length + 1)}`, packets);
    else {
      const list = rules.get(key) ?? [];
      list.push(probes.get(`${key}\u0000${r.handle}`) ?? 0);
      rules.set(key, list);
    }
  }
  return { rules, policies };
}

// ---------------------------------------------------------------------------------------------
// The client: one Node process in the client namespace sending one packet per command

const CLIENT_SCRIPT = `
const net = require('node:net'), dgram = require('node:dgram');
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  const [proto, src, sport, dst, dport] = line.split(' ');
  if (proto === 'tcp') {
    // One SYN: connect() sends it (on the next tick); closed right after, the socket never
    // retransmits it, so the node's counters hold this packet alone.
    const s = net.connect({ host: dst, port: +dport, localAddress: src, localPort: +sport });
    s.on('error', () => {});
    setImmediate(() => s.destroy());
  } else {
    const s = dgram.createSocket('udp4');
    s.on('error', () => {});
    s.bind(+sport, src, () => s.send('net-triage kernel oracle', +dport, dst, () => s.close()));
  }
});
`;

export class Client {
  private readonly child: ChildProcess;
  constructor(ns: string) {
    this.child = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', CLIENT_SCRIPT], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
  }
  send(proto: string, src: string, sport: number, dst: string, dport: number): void {
    this.child.stdin!.write(`${proto} ${src} ${sport} ${dst} ${dport}\n`);
  }
  close(): void {
    this.child.stdin!.end();
    if (this.child.pid !== undefined && this.child.exitCode === null) this.child.kill();
  }
}

/** Polls `probe` every few milliseconds until it returns a value or `ms` pass. */
export async function waitFor<T>(probe: () => T | null, ms: number): Promise<T | null> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== null) return v;
    if (Date.now() >= end) return null;
    await new Promise((r) => setTimeout(r, 20));
  }
}
