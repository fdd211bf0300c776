import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parsePaste } from '../parsers/registry';
import { walkInputsOf } from './sections';
import { factsOf } from '../testing/facts';
import {
  Client,
  Namespaces,
  addAddress,
  addRoute,
  addressesOf,
  stub,
  inNs,
  netnsUnavailable,
  nftLoad,
  sysctl,
  veth,
  waitFor,
} from '../testing/netns';
import {
  ENDPOINT_ORACLE_TABLE,
  flushNodeOracle,
  flushSeen,
  nodeOracleTable,
  readNodeOracle,
  readSeen,
} from '../testing/netns-oracle';
import {
  instrumentNft,
  iptablesCounters,
  iptablesFileRules,
  nftCounters,
  nftFileRules,
  type RuleRef,
} from '../testing/netns-counters';
import {
  walk,
  parsePacket,
  type Branch,
  type Hop,
  type WalkInputs,
  type WalkResult,
} from './index';

/**
 * The real kernel as the walker's oracle. Each scenario of fixtures/oracle/scenarios.json builds
 * a node namespace joined by veth pairs to a client, to a namespace of local pods and to a
 * second node holding remote pods; loads a published ruleset (kube-proxy's iptables or nftables
 * rules, firewalld, a distribution default) into the node; sends real packets (a TCP SYN, a UDP
 * datagram) from the client with Node; and reads what the kernel did: which rules counted the
 * packet (`iptables-save -c`; for nft a counting rule put before each rule) and where the packet
 * ended (an endpoint namespace saw it, and from which source: DNAT, masquerade; the node
 * answered with an ICMP error or a reset: reject; it passed every input chain: accepted
 * locally; none of these: dropped). The walker is then given the same ruleset as a paste: the
 * rules its branch passed through must be the rules the kernel counted, its verdict what the
 * kernel did. Needs root, `ip netns`, nft and iptables-nft-restore; CI has them.
 */

const FIXTURES = new URL('./fixtures/oracle/', import.meta.url);
const fixtureText = (file: string) => readFileSync(new URL(file, FIXTURES), 'utf8');

type Format = 'iptables-nft' | 'iptables-legacy' | 'nft';
type KernelVerdict = 'dnat' | 'forward' | 'accept' | 'reject' | 'drop';

interface Scenario {
  id: string;
  title: string;
  rules: { file: string; format: Format }[];
  layout: {
    client: { address: string; gateway: string; nodeIface: string; nodeAddress: string };
    stubs?: { iface: string; address: string }[];
    localPods?: { nodeIface: string; addresses: string[] };
    remote?: { nodeIface: string; nodeAddress: string; address: string; pods: string[] };
  };
  packet: { text: string; inIface: string; count: number };
  expect: {
    verdict: KernelVerdict;
    endpoints?: string[];
    masquerade?: boolean;
    rejectWith?: string;
  };
}

const SCENARIOS = (JSON.parse(fixtureText('scenarios.json')) as { scenarios: Scenario[] })
  .scenarios;

const why = netnsUnavailable([
  ['nft', 'list', 'ruleset'],
  ['iptables-nft-save'],
  [process.execPath, '--version'],
]);
// iptables-legacy needs the kernel's ip_tables, which a host may lack: that scenario alone is then left out.
const legacyWhy = why ?? netnsUnavailable([['iptables-legacy-save']]);

const spaces = new Namespaces('nt-walk');
afterEach(() => spaces.deleteAll());
afterAll(() => spaces.deleteAll());

const bare = (cidr: string) => cidr.split('/')[0]!;

/** What the kernel did with one packet. */
interface KernelPacket {
  verdict: KernelVerdict;
  endpoint: string | null;
  masquerade: boolean | null;
  rejectWith: string | null;
  /** The rules (and DROP policies) whose counters the packet increased, by comparison key. */
  counted: Map<string, string>;
}

const policyKey = (source: string, table: string, chain: string) =>
  `${source} ${table}/${chain} policy DROP`;
const ruleKey = (source: string, line: number) => `${source}:${line}`;

/** The comparison key of a walker hop; null for an accepting policy (not a rule, not compared). */
function hopKey(h: Hop): string | null {
  if (h.action === 'policy ACCEPT') return null;
  if (h.action === 'policy DROP') return policyKey(h.source, h.table, h.chain);
  return ruleKey(h.source, h.line);
}

interface Env {
  node: string;
  client: Client;
  endpoints: string[];
  readCounters: () => Map<string, number>;
  refs: Map<string, RuleRef>;
}

function build(s: Scenario): Env {
  const { layout } = s;
  const node = spaces.add('node');
  const clientNs = spaces.add('client');
  sysctl(node, 'net/ipv4/ip_forward', '1');
  // A new namespace may inherit the host's rp_filter; the scenarios route as a node does.
  sysctl(node, 'net/ipv4/conf/all/rp_filter', '0');
  sysctl(node, 'net/ipv4/conf/default/rp_filter', '0');

  // The client: an outside host on the node's network, or a pod behind a /32 route.
  veth(node, layout.client.nodeIface, clientNs, 'eth0');
  addAddress(node, layout.client.nodeIface, layout.client.nodeAddress);
  addAddress(clientNs, 'eth0', layout.client.address);
  if (layout.client.address.endsWith('/32')) {
    addRoute(node, [layout.client.address, 'dev', layout.client.nodeIface]);
    addRoute(clientNs, [layout.client.gateway, 'dev', 'eth0']);
  }
  addRoute(clientNs, ['default', 'via', layout.client.gateway]);
  for (const d of layout.stubs ?? []) {
    stub(node, d.iface);
    addAddress(node, d.iface, d.address);
  }

  const endpoints: string[] = [];
  if (layout.localPods) {
    const pods = spaces.add('pods');
    veth(node, layout.localPods.nodeIface, pods, 'eth0');
    addAddress(node, layout.localPods.nodeIface, '169.254.1.1/32');
    addRoute(pods, ['169.254.1.1', 'dev', 'eth0']);
    addRoute(pods, ['default', 'via', '169.254.1.1']);
    for (const a of layout.localPods.addresses) {
      addAddress(pods, 'eth0', `${a}/32`);
      addRoute(node, [`${a}/32`, 'dev', layout.localPods.nodeIface]);
    }
    nftLoad(pods, ENDPOINT_ORACLE_TABLE);
    endpoints.push(pods);
  }
  if (layout.remote) {
    const r = layout.remote;
    const node2 = spaces.add('node2');
    veth(node, r.nodeIface, node2, 'eth0');
    addAddress(node, r.nodeIface, r.nodeAddress);
    addAddress(node2, 'eth0', r.address);
    for (const a of r.pods) {
      addAddress(node2, 'eth0', `${a}/32`);
      addRoute(node, [`${a}/32`, 'via', bare(r.address)]);
    }
    addRoute(node, ['default', 'via', bare(r.address)]);
    nftLoad(node2, ENDPOINT_ORACLE_TABLE);
    endpoints.push(node2);
  }

  // The rules under test, then the node's observation table.
  const refs = new Map<string, RuleRef>();
  const files: { source: string; rules: Map<string, RuleRef[]>; policies: Map<string, RuleRef> }[] =
    [];
  const formats = new Set(s.rules.map((r) => r.format));
  if (formats.size !== 1) throw new Error(`${s.id}: one format per scenario`);
  const format = s.rules[0]!.format;
  for (const { file } of s.rules) {
    const text = fixtureText(file);
    if (format === 'nft') {
      nftLoad(node, text);
      files.push({ source: file, ...nftFileRules(file, text) });
    } else {
      inNs(node, [`${format}-restore`], text);
      files.push({ source: file, ...iptablesFileRules(file, text) });
    }
  }
  if (format === 'nft') instrumentNft(node);
  nftLoad(node, nodeOracleTable(bare(layout.client.address)));

  const tableOwner = new Map<string, (typeof files)[number]>();
  for (const f of files)
    for (const key of [...f.rules.keys(), ...f.policies.keys()]) tableOwner.set(key, f);

  const readCounters = () => {
    const kernel =
      format === 'nft'
        ? nftCounters(node)
        : iptablesCounters(
            inNs(node, [
              format === 'iptables-nft' ? 'iptables-nft-save' : 'iptables-legacy-save',
              '-c',
            ]),
          );
    const out = new Map<string, number>();
    for (const [key, counts] of kernel.rules) {
      const f = tableOwner.get(key);
      const fileRules = f?.rules.get(key) ?? [];
      if (fileRules.length !== counts.length)
        throw new Error(
          `${s.id}: chain ${key.replace('\u0000', ' ')} has ${counts.length} rules in the kernel, ${fileRules.length} in the file`,
        );
      counts.forEach((n, i) => {
        const ref = fileRules[i]!;
        const k = ruleKey(ref.source, ref.line);
        refs.set(k, ref);
        out.set(k, n);
      });
    }
    for (const [key, n] of kernel.policies) {
      const ref = tableOwner.get(key)?.policies.get(key);
      if (!ref || ref.policy !== 'drop') continue;
      const k = policyKey(ref.source, ref.table, ref.chain);
      refs.set(k, ref);
      out.set(k, n);
    }
    return out;
  };

  return { node, client: new Client(clientNs), endpoints, readCounters, refs };
}

/** Sends one packet and reads what the kernel did with it. */
async function send(
  env: Env,
  proto: string,
  src: string,
  sport: number,
  dst: string,
  dport: number,
): Promise<KernelPacket> {
  const before = env.readCounters();
  flushNodeOracle(env.node);
  const nodeBefore = readNodeOracle(env.node);
  for (const e of env.endpoints) flushSeen(e);
  const seenAt = () => env.endpoints.flatMap((e) => readSeen(e))[0] ?? null;
  env.client.send(proto, src, sport, dst, dport);
  const arrived = await waitFor(
    () => (readNodeOracle(env.node).arrived > nodeBefore.arrived ? true : null),
    10_000,
  );
  if (!arrived)
    throw new Error(`${proto} ${src}:${sport} -> ${dst}:${dport} never reached the node`);
  // An endpoint saw it, the node took it or answered: the packet's walk is over. A packet the
  // kernel drops gives no sign: 300 ms without one is a drop.
  await waitFor(() => {
    const n = readNodeOracle(env.node);
    return seenAt() || n.local > nodeBefore.local || n.rejected > nodeBefore.rejected ? true : null;
  }, 300);
  const seen = seenAt();
  const n = readNodeOracle(env.node);
  const after = env.readCounters();
  const counted = new Map<string, string>();
  for (const [k, c] of after)
    if (c > (before.get(k) ?? 0)) counted.set(k, env.refs.get(k)?.text ?? k);
  if (n.arrived - nodeBefore.arrived !== 1)
    throw new Error(
      `${n.arrived - nodeBefore.arrived} packets from the client instead of one: the counters are not one packet's`,
    );
  const none = { endpoint: null, masquerade: null, rejectWith: null, counted };
  if (seen) {
    const translated = seen.dst !== dst || seen.dport !== dport;
    return {
      ...none,
      verdict: translated ? 'dnat' : 'forward',
      endpoint: `${seen.dst}:${seen.dport}`,
      masquerade: seen.src !== src,
    };
  }
  if (n.local > nodeBefore.local) return { ...none, verdict: 'accept' };
  if (n.rejected > nodeBefore.rejected)
    return {
      ...none,
      verdict: 'reject',
      rejectWith: n.resets > 0 ? 'tcp-reset' : (n.icmpCodes[0] ?? null),
    };
  return { ...none, verdict: 'drop' };
}

function walkerInputs(s: Scenario): WalkInputs {
  const inputs: WalkInputs = { iptables: [], iptablesLists: [], nft: [], ipvs: [] };
  for (const { file, format } of s.rules) {
    const [section] = parsePaste(fixtureText(file), file);
    if (format === 'nft') inputs.nft.push({ source: file, facts: factsOf(section, 'nft') });
    else inputs.iptables.push({ source: file, facts: factsOf(section, 'iptables-save') });
  }
  return inputs;
}

const branchKeys = (b: Branch) =>
  new Set(b.hops.map(hopKey).filter((k): k is string => k !== null));

function rejectAgrees(kernel: string | null, walker: string | null): boolean {
  if (kernel === null) return true;
  // iptables' REJECT and nft's reject send port-unreachable when nothing else is said.
  const w = (walker ?? 'port-unreachable').replace(/\btype\b/g, '').replace(/\s+/g, '-');
  return w.includes(kernel);
}

/** The walker's branch that did what the kernel did, or why none did. */
function agreeing(result: WalkResult, k: KernelPacket): { branch: Branch | null; why: string } {
  let best: { branch: Branch; diff: number } | null = null;
  for (const b of result.branches) {
    const keys = branchKeys(b);
    const missing = [...k.counted.keys()].filter((x) => !keys.has(x));
    const extra = [...keys].filter((x) => !k.counted.has(x));
    const sameEnd =
      b.verdict === k.verdict &&
      (k.endpoint === null || `${b.endpoint?.address}:${b.endpoint?.port}` === k.endpoint) &&
      (k.masquerade === null || b.masquerade === k.masquerade) &&
      (k.verdict !== 'reject' || rejectAgrees(k.rejectWith, b.rejectWith));
    if (sameEnd && missing.length === 0 && extra.length === 0) return { branch: b, why: '' };
    const diff = missing.length + extra.length + (sameEnd ? 0 : 100);
    if (!best || diff < best.diff) best = { branch: b, diff };
  }
  const lines: string[] = [];
  lines.push(
    `kernel: ${k.verdict}${k.endpoint ? ` to ${k.endpoint}` : ''}${k.masquerade !== null ? ` masquerade=${k.masquerade}` : ''}${k.rejectWith ? ` with ${k.rejectWith}` : ''}`,
  );
  lines.push('  rules the kernel counted:');
  for (const [key, text] of [...k.counted].sort()) lines.push(`    ${key}  ${text}`);
  if (!best) {
    lines.push(
      `walker: no branch at all (verdict ${result.verdict}; notes: ${result.notes.join('; ') || 'none'})`,
    );
    return { branch: null, why: lines.join('\n') };
  }
  const b = best.branch;
  lines.push(
    `walker (closest of ${result.branches.length} branches): ${b.verdict}${b.endpoint ? ` to ${b.endpoint.address}:${b.endpoint.port}` : ''} masquerade=${b.masquerade}${b.rejectWith ? ` with ${b.rejectWith}` : ''}${b.unknown ? ` unknown: ${b.unknown}` : ''}`,
  );
  lines.push('  hops:');
  for (const h of b.hops) {
    const key = hopKey(h);
    const mark = key === null ? ' ' : k.counted.has(key) ? '=' : '+';
    lines.push(`   ${mark} ${key ?? `${h.source} ${h.table}/${h.chain}`}  ${h.action}  ${h.rule}`);
  }
  const keys = branchKeys(b);
  for (const [key, text] of k.counted)
    if (!keys.has(key)) lines.push(`   - ${key}  ${text}  (counted by the kernel, not walked)`);
  if (result.notes.length > 0) lines.push(`  notes: ${result.notes.join('; ')}`);
  return { branch: null, why: lines.join('\n') };
}

function describeKernel(k: KernelPacket): string {
  const end = `${k.verdict}${k.endpoint ? ` to ${k.endpoint}` : ''}${k.masquerade !== null ? `, masquerade ${k.masquerade}` : ''}${k.rejectWith ? `, ${k.rejectWith}` : ''}`;
  return `${end}; counted ${[...k.counted.keys()].join(' ')}`;
}

describe.skipIf(why !== null)(
  'the walker agrees with the kernel (fixtures/oracle/scenarios.json)',
  () => {
    it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s', async (_id, s) => {
      if (s.rules.some((r) => r.format === 'iptables-legacy') && legacyWhy !== null) {
        console.warn(`${s.id} not run: ${legacyWhy}`);
        return;
      }
      const env = build(s);
      const packet = parsePacket(s.packet.text, { inIface: s.packet.inIface });
      if (!packet) throw new Error(`${s.id}: not a packet: ${s.packet.text}`);
      const kernel: KernelPacket[] = [];
      try {
        for (let i = 0; i < s.packet.count; i++)
          kernel.push(
            await send(env, packet.proto, packet.src, packet.sport! + i, packet.dst, packet.dport!),
          );
      } finally {
        env.client.close();
      }
      // The scenario is what it says it is (the kernel, not this, is the oracle below): a
      // namespace set up wrong would otherwise compare the walker with a different case.
      for (const k of kernel) {
        const seen = `${s.id}: the kernel did: ${describeKernel(k)}`;
        expect(k.verdict, seen).toBe(s.expect.verdict);
        if (s.expect.masquerade !== undefined) expect(k.masquerade, seen).toBe(s.expect.masquerade);
        if (k.endpoint) expect(s.expect.endpoints, seen).toContain(k.endpoint);
        if (s.expect.rejectWith) expect(k.rejectWith, seen).toBe(s.expect.rejectWith);
      }

      // The node as an operator would paste it: its `ip addr` and `ip route`, read by the app.
      const { node } = walkInputsOf([
        ...parsePaste(inNs(env.node, ['ip', 'addr']), 'ip-addr'),
        ...parsePaste(inNs(env.node, ['ip', 'route']), 'ip-route'),
      ]);
      expect(node.addresses.sort()).toEqual(Object.keys(addressesOf(env.node)).sort());
      const result = walk(walkerInputs(s), packet, node);
      const problems: string[] = [];
      kernel.forEach((k, i) => {
        const { branch, why: diff } = agreeing(result, k);
        if (!branch) problems.push(`${s.id}, packet ${i + 1} (${s.packet.text}):\n${diff}`);
      });
      const listed = new Set(result.endpoints.map((e) => `${e.address}:${e.port}`));
      for (const k of kernel)
        if (k.endpoint && !listed.has(k.endpoint))
          problems.push(
            `${s.id}: the kernel delivered to ${k.endpoint}, which the walker does not list (${[...listed].join(', ') || 'none'})`,
          );
      expect(problems.join('\n\n'), 'the walker disagrees with the kernel').toBe('');
    });
  },
);

describe('the packet walk kernel oracle runs where it must', () => {
  it('runs in CI, or says why not', () => {
    if (why !== null && process.env.CI === 'true') throw new Error(why);
    if (why !== null) console.warn(`packet walk kernel oracle not run: ${why}`);
    expect(why === null || process.env.CI !== 'true').toBe(true);
  });
});
