/**
 * The packet walk's entry: every pasted ruleset of one node compiled and walked together, in
 * the kernel's order. iptables dumps and `iptables -L` listings, nft rulesets, IPVS tables.
 */
import type { IptablesListFacts } from '../parsers/iptables-L/facts';
import type { IptablesFacts } from '../parsers/iptables-save/facts';
import type { IpvsFacts } from '../parsers/ipvsadm/facts';
import type { NftFacts } from '../parsers/nft/facts';
import { runPrograms } from './engine';
import { compileIptablesList } from './iptables/list';
import { compileIptablesSave } from './iptables/save';
import type { IpSets } from './iptables/sets';
import { NO_SETS } from './iptables/sets';
import { compileIpvs, kubeSetsFromIpvs, virtualAddresses } from './ipvs';
import { compileNft } from './nft';
import type { Program } from './program';
import type { Packet, WalkNode, WalkResult } from './types';
import { msg, uniqueMsgs, type Msg } from './msg';

export * from './types';
export { parsePacket, packetText } from './packet';

export interface WalkInputs {
  iptables: { source: string; facts: IptablesFacts }[];
  iptablesLists: { source: string; facts: IptablesListFacts }[];
  nft: { source: string; facts: NftFacts }[];
  ipvs: { source: string; facts: IpvsFacts }[];
}

export function walk(inputs: WalkInputs, packet: Packet, node: WalkNode): WalkResult {
  const notes: Msg[] = [];
  // kube-proxy's IPVS mode matches ipsets; without an `ipset list`, the IPVS table tells them.
  const ipvs = inputs.ipvs.map((i) => i.facts);
  const sets: IpSets = ipvs.length > 0 ? setsFor(ipvs, node) : NO_SETS;
  if (ipvs.length > 0 && inputs.iptables.length + inputs.iptablesLists.length > 0)
    notes.push(msg('walk.note.ipvsSets'));
  const programs: Program[] = [
    ...inputs.iptables.map((i) => compileIptablesSave(i.facts, i.source, sets)),
    ...inputs.iptablesLists.map((i) => compileIptablesList(i.facts, i.source, sets)),
    ...compileNftInputs(inputs, notes),
    ...inputs.ipvs.map((i) => compileIpvs(i.facts, i.source)),
  ];
  if (programs.length === 0) notes.push(msg('walk.note.noRules'));
  // kube-proxy binds every virtual server address to kube-ipvs0: the node's own addresses.
  const vips = virtualAddresses(ipvs).filter((a) => !node.addresses.includes(a));
  const walked =
    vips.length > 0 && node.addresses.length > 0
      ? { ...node, addresses: [...node.addresses, ...new Set(vips)] }
      : node;
  const result = runPrograms(programs, packet, walked);
  return { ...result, notes: uniqueMsgs([...notes, ...result.notes]) };
}

const IPTABLES_TABLES = new Set(['filter', 'nat', 'mangle', 'raw', 'security']);

/**
 * nft listings, less the tables iptables-nft manages when an iptables dump of the host is also
 * pasted: those are the dump's tables, walked once from the dump.
 */
function compileNftInputs(inputs: WalkInputs, notes: Msg[]): Program[] {
  const dumped = inputs.iptables.length + inputs.iptablesLists.length > 0;
  const nfDump = inputs.iptables.some((i) => i.facts.backend?.value === 'nf_tables');
  const out: Program[] = [];
  for (const { source, facts } of inputs.nft) {
    const managed = new Set(
      facts.xtablesManaged.flatMap((w) => {
        const m = /table (\S+) (\S+) is managed/.exec(w.value);
        return m ? [`${m[1]} ${m[2]}`] : [];
      }),
    );
    const xt = new Set(
      facts.rules
        .filter((r) => /\bxt (?:match|target)\b/.test(r.body))
        .map((r) => `${r.family} ${r.table}`),
    );
    // iptables-nft's own tables: named so by nft's warning, or an iptables table name in ip/ip6
    // holding xt expressions, or any such table when the pasted dump says iptables-nft made it.
    const isXtables = (family: string, table: string) => {
      const key = `${family} ${table}`;
      const named = (family === 'ip' || family === 'ip6') && IPTABLES_TABLES.has(table);
      return managed.has(key) || (named && (xt.has(key) || nfDump));
    };
    const kept = dumped ? withoutTables(facts, isXtables) : facts;
    if (kept !== facts) notes.push(msg('walk.note.nftFromDump', { source }));
    if (kept.chains.length === 0) continue;
    out.push(compileNft(kept, source));
  }
  return out;
}

function withoutTables(
  facts: NftFacts,
  drop: (family: string, table: string) => boolean,
): NftFacts {
  const keep = (x: { family: string; table: string }) => !drop(x.family, x.table);
  if (!facts.chains.some((c) => !keep(c))) return facts;
  return {
    ...facts,
    tables: facts.tables.filter((t) => !drop(t.family, t.name)),
    chains: facts.chains.filter(keep),
    rules: facts.rules.filter(keep),
    sets: facts.sets.filter(keep),
  };
}

/** The derived sets, kept per IPVS paste and node so compiled iptables programs are reused. */
const derivedSets = new WeakMap<IpvsFacts, Map<string, IpSets>>();
function setsFor(ipvs: IpvsFacts[], node: WalkNode): IpSets {
  if (ipvs.length !== 1) return kubeSetsFromIpvs(ipvs, node);
  const byNode = derivedSets.get(ipvs[0]!) ?? new Map<string, IpSets>();
  derivedSets.set(ipvs[0]!, byNode);
  const key = node.addresses.join(',');
  let sets = byNode.get(key);
  if (!sets) {
    sets = kubeSetsFromIpvs(ipvs, node);
    byNode.set(key, sets);
  }
  return sets;
}
