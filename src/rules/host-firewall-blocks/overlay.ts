import { cite, type RuleContext } from '../rule';
import type { Evidence } from '../../engine/types';
import {
  filterTables,
  nftFilterTables,
  verdictFor,
  type FwRule,
  type FwTable,
} from '../combine/firewall';
import { acceptsAll, judgedZones, openedPort, type Verdict } from './verdicts';

const K = 'cause.host-firewall-blocks.verdict';

/** The traffic between nodes that carries the pod network, by protocol and port. */
interface Carrier {
  /** `udp`, `tcp`, or `4` (IP-in-IP, no port). */
  proto: string;
  port: number;
  name: string;
}

const CARRIERS: Carrier[] = [
  { proto: 'udp', port: 8472, name: 'VXLAN' }, // flannel, Cilium (the kernel's old default)
  { proto: 'udp', port: 4789, name: 'VXLAN' }, // Calico, IANA, flannel when configured
  { proto: 'udp', port: 6081, name: 'Geneve' }, // Cilium
  { proto: 'udp', port: 8285, name: 'flannel udp' },
  { proto: 'udp', port: 51820, name: 'WireGuard' }, // Calico, flannel
  { proto: 'udp', port: 51871, name: 'WireGuard' }, // Cilium
  { proto: 'tcp', port: 179, name: 'BGP' }, // Calico
  { proto: '4', port: 0, name: 'IP-in-IP' }, // Calico
];

/** Chains a CNI or kube-proxy writes: their drops guard the overlay (Calico's "from non-Calico hosts"), they are no host firewall. */
const OWN_CHAIN = /^(?:cali-|felix-|CILIUM_|cilium_|FLANNEL|KUBE-|WEAVE|ANTREA|OVN-|kube-router)/i;
/** A port range this wide is a catch-all, not a rule written against the overlay's port. */
const SPECIFIC = 1024;

/**
 * The overlay between nodes turned away by the host firewall: a REJECT/DROP written against its
 * port (VXLAN 8472/4789, Geneve 6081, WireGuard, BGP 179, IP-in-IP) in INPUT, or a default deny
 * (a final REJECT, a DROP policy, a firewalld zone) that accepts none of it on a node whose paste
 * shows that overlay in use (its device, its BGP sessions). A default deny alone says nothing:
 * most nodes with one never carry the overlay through it.
 */
export function fromOverlay(ctx: RuleContext): Verdict[] {
  const used = carriersInUse(ctx);
  const out: Verdict[] = [];
  for (const t of [...filterTables(ctx), ...nftFilterTables(ctx)]) {
    const chains = [...t.input.filter((c) => t.rules.has(c) || t.chains.has(c))];
    // Rows grepped or cut out of a listing (`iptables -L -n` then `...`): their chain is unknown.
    const unknown = t.rules.has('?');
    for (const c of CARRIERS) {
      const inUse = used.get(key(c));
      for (const chain of unknown ? [...chains, '?'] : chains) {
        const v = verdictFor(t, chain, c.proto, c.port, c.port);
        if (v.kind === 'accept') {
          if (inUse)
            out.push({
              type: 'open',
              why: { key: `${K}.overlayAccepted`, params: { carrier: label(c) } },
              evidence: [v.by],
            });
          continue;
        }
        if (v.kind !== 'reject' || v.maybeAccepted.length > 0) continue;
        const rule = ruleOf(t, v.by);
        // Calico's own guard against VXLAN/IP-in-IP from hosts outside the cluster, kube-proxy's drops.
        if (rule && (OWN_CHAIN.test(rule.chain) || /\bcali:/.test(rule.evidence.text))) continue;
        if (v.path.some((e) => OWN_CHAIN.test(chainOf(t, e) ?? ''))) continue;
        const written = rule !== null && aimedAt(rule, c);
        if (!written && !inUse) continue;
        const sure = chain !== '?' && !t.interfacesHidden && written;
        out.push({
          type: 'block',
          confidence: sure ? 'high' : 'medium',
          why: {
            key: written ? `${K}.overlayRejected` : `${K}.overlayNotAccepted`,
            params: { carrier: label(c), ...(inUse ? { seen: inUse.text } : {}) },
          },
          evidence: [...v.path, v.by, ...(inUse && !written ? [inUse] : [])],
          vars: fixVars(c),
        });
      }
    }
  }
  return [...out, ...fromZones(ctx, used)];
}

/** firewalld zones that neither accept everything nor open the overlay's port, on a node that uses it. */
function fromZones(ctx: RuleContext, used: Map<string, Evidence>): Verdict[] {
  const out: Verdict[] = [];
  for (const { source, facts } of ctx.of('firewall-cmd')) {
    // A zone bound to sources (firewalld's `trusted` with the node subnet) may be how the nodes get in.
    if (facts.zones.some((z) => z.active && z.sources.length > 0)) continue;
    for (const z of judgedZones(facts.zones)) {
      for (const c of CARRIERS) {
        const inUse = used.get(key(c));
        if (!inUse || c.proto === '4') continue;
        if (acceptsAll(z)) {
          out.push({
            type: 'open',
            why: { key: `${K}.zoneAccepts`, params: { zone: z.name.value } },
            evidence: [cite(source, z.name)],
          });
          continue;
        }
        const opened = openedPort(z, c.proto, c.port, c.port);
        if (opened) {
          out.push({
            type: 'open',
            why: { key: `${K}.overlayAccepted`, params: { carrier: label(c) } },
            evidence: [{ source, ...opened }],
          });
          continue;
        }
        // A service or rich rule may carry it (firewalld's `vxlan`, `bgp`, a custom one).
        if (z.richRules.length > 0 || z.services.some((s) => !STOCK_SERVICES.has(s))) continue;
        out.push({
          type: 'block',
          confidence: 'medium',
          why: {
            key: `${K}.zoneClosesOverlay`,
            params: { zone: z.name.value, carrier: label(c), seen: inUse.text },
          },
          evidence: [
            cite(source, z.name),
            ...(z.fields.ports ? [cite(source, z.fields.ports)] : []),
            inUse,
          ],
          vars: fixVars(c),
        });
      }
    }
  }
  return out;
}

/** firewalld's stock services, none of which opens an overlay port. */
const STOCK_SERVICES = new Set([
  'ssh',
  'dhcpv6-client',
  'cockpit',
  'mdns',
  'samba-client',
  'http',
  'https',
  'dns',
  'ntp',
  'nfs',
  'mountd',
  'rpc-bind',
]);

/**
 * The overlays the paste shows in use, each with the line that shows it: a VXLAN device and its
 * port (`flannel.1`, `vxlan.calico`, `cilium_vxlan`, `ip -d`'s `dstport`), a Geneve or WireGuard
 * device, a `tunl0` with an address (Calico's IP-in-IP), Calico's BGP sessions.
 */
function carriersInUse(ctx: RuleContext): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  const add = (proto: string, port: number, e: Evidence) => {
    if (!out.has(`${proto}/${port}`)) out.set(`${proto}/${port}`, e);
  };
  for (const { source, facts } of ctx.of('ip-addr')) {
    for (const i of Object.values(facts.interfaces)) {
      const e = cite(source, i);
      const name = i.name;
      if (i.vxlan?.dstport) add('udp', i.vxlan.dstport, e);
      else if (/^flannel\.\d+$/.test(name) || /^cilium_vxlan$/.test(name)) add('udp', 8472, e);
      else if (/^vxlan(?:-v6)?\.calico$/.test(name)) add('udp', 4789, e);
      if (/^cilium_geneve$/.test(name) || i.type === 'geneve') add('udp', 6081, e);
      if (/^cilium_wg\d+$/.test(name)) add('udp', 51871, e);
      if (/^(?:wireguard\.cali|flannel-wg(?:-v6)?)$/.test(name)) add('udp', 51820, e);
      if (name === 'tunl0' && i.addresses.some((a) => a.family === 'inet')) add('4', 0, e);
    }
  }
  for (const { source, facts } of ctx.of('calico-bgp')) {
    const peer = facts.peers[0];
    if (peer) add('tcp', 179, cite(source, peer));
  }
  return out;
}

/** A rule written against this carrier: its port (not a wide range), or IP-in-IP by protocol. */
function aimedAt(r: FwRule, c: Carrier): boolean {
  if (c.proto === '4') return r.proto === '4';
  return (
    r.proto === c.proto &&
    r.ports !== null &&
    r.ports.some(([a, b]) => a <= c.port && b >= c.port && b - a < SPECIFIC)
  );
}

function ruleOf(t: FwTable, e: Evidence): FwRule | null {
  for (const rules of t.rules.values())
    for (const r of rules) if (r.evidence.line === e.line && r.evidence.text === e.text) return r;
  return null;
}

function chainOf(t: FwTable, e: Evidence): string | null {
  return ruleOf(t, e)?.chain ?? null;
}

function key(c: Carrier): string {
  return `${c.proto}/${c.port}`;
}

/** `UDP 8472 (VXLAN)`, `IP-in-IP (protocol 4)`. */
function label(c: Carrier): string {
  return c.proto === '4'
    ? `${c.name} (protocol 4)`
    : `${c.proto.toUpperCase()} ${c.port} (${c.name})`;
}

function fixVars(c: Carrier): Record<string, string> {
  return c.proto === '4'
    ? { opens: 'ipip' }
    : { opens: 'overlay', olport: String(c.port), olproto: c.proto };
}
