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
