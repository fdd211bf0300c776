import type { FactsByKind, Kind, SectionResult } from '../parsers/registry';
import type { WalkInputs } from './index';
import type { WalkNode } from './types';

/** Kinds that hold rules a packet can be walked through. */
export const RULE_KINDS: readonly Kind[] = ['iptables-save', 'iptables-L', 'nft', 'ipvsadm'];

/**
 * What of a node's parsed pastes the walk reads: its rules (iptables dumps and listings, nft
 * rulesets, IPVS tables) and, from a pasted `ip addr`, its own addresses and their interfaces.
 */
export function walkInputsOf(sections: SectionResult[]): {
  inputs: WalkInputs;
  node: Required<WalkNode>;
} {
  const inputs: WalkInputs = { iptables: [], iptablesLists: [], nft: [], ipvs: [] };
  const node: Required<WalkNode> = { addresses: [], interfaces: {}, routes: [] };
  const of = <K extends Kind>(s: SectionResult, kind: K): FactsByKind[K] | null =>
    s.status !== 'rejected' && s.kind === kind ? (s.facts as FactsByKind[K]) : null;
  for (const s of sections) {
    const source = s.source;
    const save = of(s, 'iptables-save');
    if (save) inputs.iptables.push({ source, facts: save });
    const list = of(s, 'iptables-L');
    if (list) inputs.iptablesLists.push({ source, facts: list });
    const nft = of(s, 'nft');
    if (nft) inputs.nft.push({ source, facts: nft });
    const ipvs = of(s, 'ipvsadm');
    if (ipvs) inputs.ipvs.push({ source, facts: ipvs });
    const routes = of(s, 'ip-route');
    if (routes)
      for (const r of routes.routes) {
        // The main table's unicast routes decide the device; local, broadcast and other
        // tables' routes do not route a forwarded packet.
        if (r.type !== 'unicast' || !r.dev || (r.table && r.table !== 'main')) continue;
        const v6 = r.destination.includes(':') || !!r.via?.includes(':');
        const prefix = r.destination === 'default' ? (v6 ? '::/0' : '0.0.0.0/0') : r.destination;
        node.routes.push({ prefix, dev: r.dev });
      }
    const addr = of(s, 'ip-addr');
    if (addr)
      for (const iface of Object.values(addr.interfaces))
        for (const a of iface.addresses) {
          const bare = a.address.split('/')[0]!;
          // Every address on the node is local to the kernel (`addrtype LOCAL`), kube-ipvs0's
          // Service addresses included; link-local ones never carry Service traffic.
          if (a.scope === 'link' || node.addresses.includes(bare)) continue;
          node.addresses.push(bare);
          node.interfaces[bare] = iface.name;
        }
  }
  return { inputs, node };
}

/** Whether any section holds rules to walk. */
export const hasRules = (sections: { kind: string | null; status: string }[]): boolean =>
  sections.some((s) => s.status !== 'rejected' && RULE_KINDS.includes(s.kind as Kind));
