import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import { unique } from '../combine/evidence';
import { filterTables, nftFilterTables, verdictOf, type FwTable } from '../combine/firewall';
import { fromOverlay } from './overlay';
import { acceptsAll, judgedZones, openedPort, type Verdict } from './verdicts';

const K = 'cause.host-firewall-blocks.verdict';
const NODEPORT_MIN = 30000;
const NODEPORT_MAX = 32767;
/** Chains of kube-proxy and the CNIs that accept pod and Service traffic in FORWARD. */
const FORWARD_ACCEPTORS =
  /^(?:KUBE-FORWARD|KUBE-ROUTER-FORWARD|cali-FORWARD|FLANNEL-FWD|CILIUM_FORWARD|WEAVE-NPC\S*|ANTREA-FORWARD|DOCKER-USER)$/;

/**
 * A host firewall (firewalld, iptables-services' default rules, a hand-made REJECT) turns the
 * NodePort away before anything accepts it. In IPVS mode NodePort traffic goes through INPUT;
 * in iptables mode it is DNAT'd first and goes through FORWARD. Or it turns away the overlay
 * between nodes (VXLAN, Geneve, WireGuard, BGP, IP-in-IP: see overlay.ts).
 */
export default defineRule({
  cause: 'host-firewall-blocks',
  needs: ['iptables-save', 'iptables-L', 'nft', 'firewall-cmd', 'kernel-log', 'curl-v', 'ping-mtu'],
  check(ctx) {
    const port = Number(ctx.vars.port);
    const [lo, hi] =
      Number.isInteger(port) && port > 0 ? [port, port] : [NODEPORT_MIN, NODEPORT_MAX];
    const results = [
      ...fromIptables(ctx, lo, hi),
      ...fromFirewalld(ctx, lo, hi),
      ...fromDenyLog(ctx, lo, hi),
      ...fromPodnetDenyLog(ctx),
      ...fromClient(ctx, lo, hi),
      ...fromPing(ctx),
    ];
    // Asked about no NodePort, the overlay comes first among findings of equal weight.
    const overlay = fromOverlay(ctx);
    results.splice(lo === hi ? results.length : 0, 0, ...overlay);
    const blocks = results.filter((r) => r.type === 'block');
    if (blocks.length > 0) {
      const rank = { high: 0, medium: 1, low: 2 } as const;
      blocks.sort((a, b) => rank[a.confidence] - rank[b.confidence]);
      const best = blocks[0]!;
      const evidence = unique(blocks.flatMap((b) => b.evidence)).slice(0, 6);
      const vars = { ...(lo === hi ? { port: String(lo) } : {}), ...best.vars };
      return finding(
        best.confidence,
        best.why,
        evidence,
        Object.keys(vars).length > 0 ? vars : undefined,
      );
    }
    const open = results.find((r) => r.type === 'open');
    return open ? ruledOut(open.why, open.evidence) : noEvidence;
  },
  fix: {
    now: [
      '[opens=nodeport,overlay] # @{firewalld}',
      '[opens=nodeport] sudo firewall-cmd --add-port=30000-32767/tcp --add-port=30000-32767/udp',
      '[opens=overlay] sudo firewall-cmd --add-port={olport}/{olproto}',
      '[opens=nodeport,overlay,ipip,podnet] # @{iptables}',
      '[opens=nodeport] sudo iptables -I INPUT -p tcp --dport 30000:32767 -m conntrack --ctstate NEW -j ACCEPT',
      '[opens=overlay] sudo iptables -I INPUT -p {olproto} --dport {olport} -j ACCEPT',
      '[opens=ipip] sudo iptables -I INPUT -p 4 -j ACCEPT',
      '[opens=overlay,ipip] # @{everyNode}',
      '[opens=podnet] # @{podnet}',
      '[opens=podnet] sudo iptables -I FORWARD -s {podcidr} -j ACCEPT',
      '[opens=podnet] sudo iptables -I FORWARD -d {podcidr} -j ACCEPT',
      '[opens=podzone] # @{podzone}',
      '[opens=podzone] sudo firewall-cmd --zone=trusted --change-interface={podif}',
      '[opens=podzone] sudo firewall-cmd --zone=trusted --add-source={podcidr}',
    ].join('\n'),
    persist: [
      '[opens=nodeport] sudo firewall-cmd --permanent --add-port=30000-32767/tcp --add-port=30000-32767/udp',
      '[opens=overlay] sudo firewall-cmd --permanent --add-port={olport}/{olproto}',
      '[opens=podzone] sudo firewall-cmd --permanent --zone=trusted --change-interface={podif}',
      '[opens=podzone] sudo firewall-cmd --permanent --zone=trusted --add-source={podcidr}',
      '[opens=nodeport,overlay,podzone] sudo firewall-cmd --reload',
      '[opens=nodeport,overlay,podnet,ipip] # @{services}',
      '[opens=nodeport,overlay,podnet,ipip] sudo service iptables save',
    ].join('\n'),
    verify: [
      '[opens=nodeport,overlay] sudo firewall-cmd --list-ports',
      '[opens=nodeport,overlay,ipip,podnet] sudo iptables -S INPUT | head -20',
      '[opens=podnet] sudo iptables -S FORWARD | head -20',
      '[opens=podzone] sudo firewall-cmd --get-active-zones',
      "[opens=nodeport] curl -m 3 -sS -o /dev/null -w '%{http_code}\\n' http://{nodeip}:{port}/   # @{fromOutside}",
    ].join('\n'),
    rollback: [
      '[opens=nodeport] sudo firewall-cmd --permanent --remove-port=30000-32767/tcp --remove-port=30000-32767/udp',
      '[opens=overlay] sudo firewall-cmd --permanent --remove-port={olport}/{olproto}',
      '[opens=nodeport,overlay] sudo firewall-cmd --reload',
      '[opens=nodeport] sudo iptables -D INPUT -p tcp --dport 30000:32767 -m conntrack --ctstate NEW -j ACCEPT',
      '[opens=overlay] sudo iptables -D INPUT -p {olproto} --dport {olport} -j ACCEPT',
      '[opens=ipip] sudo iptables -D INPUT -p 4 -j ACCEPT',
      '[opens=podnet] sudo iptables -D FORWARD -s {podcidr} -j ACCEPT',
      '[opens=podnet] sudo iptables -D FORWARD -d {podcidr} -j ACCEPT',
      '[opens=podzone] sudo firewall-cmd --permanent --zone=trusted --remove-interface={podif}',
      '[opens=podzone] sudo firewall-cmd --permanent --zone=trusted --remove-source={podcidr}',
      '[opens=podzone] sudo firewall-cmd --reload',
    ].join('\n'),
    defaults: {
      port: 'NODE_PORT',
      opens: 'nodeport',
      olport: '8472',
      olproto: 'udp',
      podcidr: 'POD_CIDR',
      podif: 'cni0',
    },
  },
});

/** Walks INPUT (and FORWARD in iptables mode) of each pasted filter table. */
function fromIptables(ctx: RuleContext, lo: number, hi: number): Verdict[] {
  const out: Verdict[] = [];
  const portParam = lo === hi ? String(lo) : `${lo}-${hi}`;
  for (const t of [...filterTables(ctx), ...nftFilterTables(ctx)]) {
    for (const chain of t.input) {
      if (!t.rules.has(chain) && !t.chains.has(chain)) continue;
      const v = verdictOf(t, chain, lo, hi);
      if (v.kind === 'reject') {
        let level = v.maybeAccepted.length > 0 || lo !== hi ? 1 : 2;
        if (t.interfacesHidden) level = Math.min(level, 1);
        // In iptables mode the NodePort is DNAT'd before INPUT (it only matters for hostNetwork backends).
        if (ctx.vars.mode === 'iptables') level = Math.min(level, 1);
        out.push({
          type: 'block',
          confidence: level === 2 ? 'high' : 'medium',
          why: { key: `${K}.inputRejects`, params: { port: portParam } },
          evidence: [...v.path, v.by, ...v.maybeAccepted.slice(0, 2)],
        });
      } else if (v.kind === 'accept')
        out.push({
          type: 'open',
          why: { key: `${K}.inputAccepts`, params: { port: portParam } },
          evidence: [v.by],
        });
    }
    const forward = forwardReject(t);
    if (forward) out.push(forward);
  }
  return out;
}

/** A catch-all REJECT/DROP in FORWARD before kube-proxy's or the CNI's accepting chain. */
function forwardReject(t: FwTable): Verdict | null {
  if (t.interfacesHidden) return null;
  for (const r of t.rules.get('FORWARD') ?? []) {
    if (FORWARD_ACCEPTORS.test(r.target) && mayAccept(t, r.target, 0)) return null;
    if (r.target === 'ACCEPT' && !r.conditional && !r.never && r.ports === null) return null;
    if (/^(?:REJECT|DROP)$/.test(r.target) && !r.conditional && !r.never && r.ports === null)
      return {
        type: 'block',
        confidence: 'high',
        why: { key: `${K}.forwardRejects` },
        evidence: [r.evidence],
      };
  }
  return null;
}

/**
 * Whether a chain jumped to from FORWARD can accept anything. A chain the paste does not show
 * may; a listed chain that is empty or only RETURNs (an empty KUBE-FORWARD of a kube-proxy
 * without a cluster CIDR, Docker's DOCKER-USER with its lone RETURN) hands every packet back.
 */
function mayAccept(t: FwTable, chain: string, depth: number): boolean {
  const rules = t.rules.get(chain);
  if (!rules) return !t.chains.has(chain);
  if (depth >= 8) return true;
  return rules.some(
    (r) =>
      r.target === 'ACCEPT' ||
      (!/^(?:RETURN|REJECT|DROP|LOG|NFLOG|MARK|CONNMARK)$/.test(r.target) &&
        mayAccept(t, r.target, depth + 1)),
  );
}

/** `firewall-cmd --list-all`: an active zone that neither accepts everything nor opens the port. */
function fromFirewalld(ctx: RuleContext, lo: number, hi: number): Verdict[] {
  const out: Verdict[] = [];
  const portParam = lo === hi ? String(lo) : `${lo}-${hi}`;
  for (const { source, facts } of ctx.of('firewall-cmd')) {
    for (const z of judgedZones(facts.zones)) {
      if (acceptsAll(z)) {
        out.push({
          type: 'open',
          why: { key: `${K}.zoneAccepts`, params: { zone: z.name.value } },
          evidence: [cite(source, z.name)],
        });
        continue;
      }
      const opened = openedPort(z, 'tcp', lo, hi);
      if (opened) {
        out.push({
          type: 'open',
          why: { key: `${K}.zoneOpens`, params: { zone: z.name.value, port: portParam } },
          evidence: [{ source, ...opened }],
        });
        continue;
      }
      const ports = z.fields.ports;
      out.push({
        type: 'block',
        confidence: lo === hi && z.active ? 'high' : 'medium',
        why: { key: `${K}.zoneCloses`, params: { zone: z.name.value, port: portParam } },
        evidence: [cite(source, z.name), ...(ports ? [cite(source, ports)] : [])],
      });
    }
  }
  return out;
}

/**
 * The kernel log of a LOG rule that logs what it turns away (firewalld's LogDenied:
 * `FINAL_REJECT:`, `filter_IN_public_REJECT:`): new TCP connections to the port, refused.
 */
function fromDenyLog(ctx: RuleContext, lo: number, hi: number): Verdict[] {
  const out: Verdict[] = [];
  for (const { source, facts } of ctx.of('kernel-log')) {
    const hits = facts.denied.filter(
      (d) => d.proto === 'TCP' && d.dport !== null && d.dport >= lo && d.dport <= hi,
    );
    if (hits.length === 0) continue;
    const ports = [...new Set(hits.map((d) => d.dport))].slice(0, 3).join(', ');
    out.push({
      type: 'block',
      confidence: lo === hi ? 'high' : 'medium',
      why: {
        key: `${K}.logDenied`,
        params: { prefix: hits[0]!.prefix.replace(/:$/, ''), ports, n: hits.length },
      },
      evidence: hits.slice(0, 3).map((d) => cite(source, d)),
    });
  }
  return out;
}

/** Devices of the pod network: bridges, overlay and tunnel devices, pod veths of the CNIs. */
const POD_DEVICE =
  /^(?:cni\d+|cbr0|flannel[.-]\S+|vxlan[.-]calico|vxlan-v6\.calico|tunl0|cali[0-9a-f]{11}|cilium_\w+|lxc[0-9a-f]{6,}|kube-bridge|weave|vxlan-\d+|antrea-\S+|genev_sys_\d+)$/;
/** firewalld's LogDenied prefix of a zone's forward chain: `filter_FWD_public_REJECT:`, `FWD_public_DROP:`. */
const FIREWALLD_FWD = /^(?:filter_)?FWD_\S+?_(?:REJECT|DROP|DENY):?$/;

/**
 * The kernel log of a LOG rule turning away traffic the node forwards to or from the pod
 * network (`OUT=` set, one side a CNI device: `IN=flannel.1 OUT=cni0`): the host firewall's
 * forward policy (firewalld's zone, a hand-made FORWARD REJECT) stops pod traffic on this node.
 */
function fromPodnetDenyLog(ctx: RuleContext): Verdict[] {
  const out: Verdict[] = [];
  for (const { source, facts } of ctx.of('kernel-log')) {
    const hits = facts.denied.filter(
      (d) => d.out !== '' && d.in !== '' && (POD_DEVICE.test(d.in) || POD_DEVICE.test(d.out)),
    );
    if (hits.length === 0) continue;
    const first = hits[0]!;
    const podif = POD_DEVICE.test(first.out) ? first.out : first.in;
    const zone = FIREWALLD_FWD.test(first.prefix);
    out.push({
      type: 'block',
      confidence: zone || hits.length > 1 ? 'high' : 'medium',
      why: {
        key: `${K}.podnetDenied`,
        params: {
          prefix: first.prefix.replace(/:$/, ''),
          from: first.in,
          to: first.out,
          n: hits.length,
        },
      },
      evidence: hits.slice(0, 3).map((d) => cite(source, d)),
      vars: zone ? { opens: 'podzone', podif } : { opens: 'podnet' },
    });
  }
  return out;
}

/**
 * The client's side: `No route to host` on connect is how a host answers with the ICMP
 * admin-prohibited of firewalld's and iptables-services' default REJECT (an unreachable node
 * says it too, hence low).
 */
function fromClient(ctx: RuleContext, lo: number, hi: number): Verdict[] {
  const out: Verdict[] = [];
  for (const { source, facts } of ctx.of('curl-v')) {
    if (facts.outcome !== 'unreachable') continue;
    const said = facts.error ?? facts.connectError;
    const port = portOf(said?.text ?? '');
    if (!said || !(port >= lo && port <= hi)) continue;
    out.push({
      type: 'block',
      confidence: 'low',
      why: { key: `${K}.clientNoRoute`, params: { port } },
      evidence: [cite(source, said)],
    });
  }
  return out;
}

/**
 * A ping answered by another host with an ICMP error only a packet filter sends (`Destination
 * Host Prohibited` is `REJECT --reject-with icmp-host-prohibited`, iptables-services' default
 * last FORWARD rule): that host forwards nothing to the target, its firewall rejects it. Low: a
 * router's ACL on the way says the same, and the ping names no port.
 */
function fromPing(ctx: RuleContext): Verdict[] {
  const out: Verdict[] = [];
  for (const { source, facts } of ctx.of('ping-mtu')) {
    const p = facts.prohibited;
    const run = facts.runs.find((r) => r.unreachableFrom === p?.value);
    if (!p || !run || p.value === run.address || p.value === run.target) continue;
    out.push({
      type: 'block',
      confidence: 'low',
      why: {
        key: `${K}.pingProhibited`,
        params: { target: run.address ?? run.target, from: p.value },
      },
      evidence: [cite(source, p)],
      vars: { opens: 'podnet' },
    });
  }
  return out;
}

/**
 * The port curl names in its error: `… port 31597: No route to host` (curl ≥ 7.30),
 * `Failed connect to host:31597; No route to host` (the curl 7.29 of CentOS/RHEL 7).
 */
function portOf(text: string): number {
  const m = /\bport (\d{1,5})\b/.exec(text) ?? /:(\d{1,5});/.exec(text);
  return Number(m?.[1]);
}
