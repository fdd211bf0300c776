import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import type { NetInterface } from '../../parsers/ip-addr/facts';
import type { PingRun } from '../../parsers/ping-mtu/facts';
import { unique } from '../combine/evidence';

const K = 'cause.mtu-mismatch.verdict';
/** Bytes each encapsulation adds to a packet (IPv4 outer header). */
const OVERHEAD: Record<string, number> = {
  vxlan: 50,
  geneve: 50,
  ipip: 20,
  gre: 24,
  wireguard: 60,
};
const NOT_UPLINK =
  /^(?:lo|docker\d*|cni\d*|cbr\d*|kube-|flannel|vxlan|tunl|cali|veth|lxc|cilium|weave|vethwe|antrea|nodelocaldns|virbr|br-|genev|ovs-|ovn-|vnet|dummy|kube-ipvs)/;
/** Docker's bridges: the default one and those of user networks (`br-<network id>`). */
const DOCKER_BRIDGE = /^(?:docker\d+|br-[0-9a-f]{12})$/;
/** Host ends of pod veths whose MTU is the pod's (Calico, bridge CNIs); Cilium's lxc* keep 1500 by design. */
const POD_VETH = /^(?:cali[0-9a-f]|veth[0-9a-f])/;

interface Mismatch {
  iface: string;
  mtu: number;
  fits: number;
  certain: boolean;
  evidence: Evidence[];
  /** A pod veth larger than the tunnel it is routed through (not a tunnel too big for its uplink). */
  veth?: string;
}

/**
 * Pods send packets sized for their MTU; an overlay adds its header, and whatever no longer fits
 * the uplink (or a hop of the path) is dropped or needs ICMP "fragmentation needed" that often
 * never arrives. Small requests work, large responses hang.
 */
export default defineRule({
  cause: 'mtu-mismatch',
  needs: ['ip-addr', 'ping-mtu', 'tcpdump'],
  check(ctx) {
    const defaultDev =
      ctx.of('ip-route').flatMap(({ facts }) => facts.defaults.map((r) => r.dev))[0] ?? null;
    const mismatches: Mismatch[] = [];
    const fitting: Evidence[] = [];
    let overlays = 0;
    for (const { source, facts } of ctx.of('ip-addr')) {
      const ifs = Object.values(facts.interfaces);
      const up = (i: NetInterface) =>
        i.state !== 'DOWN' && (i.flags.length === 0 || i.flags.includes('UP'));
      const tunnels = ifs.filter(
        (i) => i.type && OVERHEAD[i.type] !== undefined && i.mtu !== null && up(i),
      );
      for (const t of tunnels) {
        overlays += 1;
        const under = underlays(ifs, t, defaultDev).filter((u) => u.mtu !== null);
        if (under.length === 0) continue;
        const smallest = under.reduce((a, b) => (b.mtu! < a.mtu! ? b : a));
        const fits = smallest.mtu! - OVERHEAD[t.type!]!;
        const ev = [cite(source, t), cite(source, smallest)];
        if (t.mtu! > fits)
          mismatches.push({
            iface: t.name,
            mtu: t.mtu!,
            fits,
            certain: under.length === 1,
            evidence: ev,
          });
        else fitting.push(...ev);
      }
      // Pod veths larger than the only overlay they are routed through.
      if (tunnels.length === 1 && tunnels[0]!.type !== 'wireguard') {
        const t = tunnels[0]!;
        const docker = dockerBridges(ifs.filter(up), facts.format);
        const big = ifs.filter(
          (i) => POD_VETH.test(i.name) && i.mtu !== null && i.mtu > t.mtu! && up(i) && !docker(i),
        );
        if (big.length > 0)
          mismatches.push({
            iface: t.name,
            mtu: big[0]!.mtu!,
            fits: t.mtu!,
            certain: true,
            evidence: [cite(source, big[0]!), cite(source, t)],
            veth: big[0]!.name,
          });
      }
    }
    const ping = pingEvidence(ctx);
    if (mismatches.length > 0) {
      const m = mismatches.find((x) => x.certain) ?? mismatches[0]!;
      const confidence: Confidence = ping.broken.length > 0 ? 'high' : m.certain ? 'medium' : 'low';
      const params: Record<string, string | number> = { iface: m.iface, mtu: m.mtu, fits: m.fits };
      if (m.veth) params.veth = m.veth;
      const why = { key: `${K}.${m.veth ? 'vethTooBig' : 'overlayTooBig'}`, params };
      return finding(confidence, why, unique([...m.evidence, ...ping.broken.slice(0, 2)]), {
        iface: m.iface,
        mtu: String(m.fits),
      });
    }
    if (ping.broken.length > 0)
      return finding(
        'medium',
        {
          key: `${K}.${ping.blackHole ? 'blackHole' : 'pathSmaller'}`,
          params: { mtu: ping.pathMtu ?? '?' },
        },
        ping.broken.slice(0, 3),
        ping.pathMtu ? { mtu: String(ping.pathMtu - 50) } : undefined,
      );
    if (overlays > 0 && fitting.length > 0)
      return ruledOut({ key: `${K}.fits` }, unique(fitting).slice(0, 4));
    if (ping.fullSize) return ruledOut({ key: `${K}.fullSizePasses` }, [ping.fullSize]);
    // A smaller hop the sender learned and adapts to (ping.announced) is path MTU discovery at
    // work: no finding. Not ruled out either: it says nothing of an overlay between the nodes.
    return noEvidence;
  },
  fix: {
    now: '# @{measure}\nping -M \'do\' -s $(( {mtu} - 28 )) -c 3 {target}\n# @{calico}\nkubectl patch installation default --type merge -p \'{"spec":{"calicoNetwork":{"mtu":{mtu}}}}\' || kubectl -n kube-system patch configmap calico-config --type merge -p \'{"data":{"veth_mtu":"{mtu}"}}\'',
    persist:
      'kubectl -n kube-system rollout restart daemonset calico-node\n# @{flannel}\n# @{pods}\nkubectl -n {ns} rollout restart {workload}',
    verify:
      "ip -d link show {iface} | grep -o 'mtu [0-9]*'\nip link | grep -E '^[0-9]+: cali' | grep -o 'mtu [0-9]*' | sort | uniq -c\nping -M 'do' -s $(( {mtu} - 28 )) -c 3 {target}",
    rollback: '# @{rollback}',
    defaults: { mtu: '1450', iface: 'flannel.1', target: 'TARGET_IP', ns: 'NAMESPACE' },
  },
});

/**
 * Whether a veth may be one of Docker's own containers (on docker0 or a compose bridge), off the
 * overlay: its master says so, or the listing names no masters (ifconfig, netstat -i) and an up
 * Docker bridge has the veth's MTU. Such a veth at 1500 says nothing about the pods' MTU.
 */
function dockerBridges(upIfs: NetInterface[], format: string): (veth: NetInterface) => boolean {
  const bridges = upIfs.filter((i) => DOCKER_BRIDGE.test(i.name));
  const noMasters = format === 'ifconfig' || format === 'netstat-i';
  return (v) =>
    /^veth/.test(v.name) &&
    (v.master !== null
      ? DOCKER_BRIDGE.test(v.master)
      : noMasters && bridges.some((b) => b.mtu === v.mtu));
}

/** The devices an overlay's packets leave by: its `dev` (ip -d), the default route's, or every uplink-like device. */
function underlays(
  ifs: NetInterface[],
  t: NetInterface,
  defaultDev: string | null,
): NetInterface[] {
  const byName = (n: string | null) => (n ? ifs.find((i) => i.name === n) : undefined);
  const dev = byName(t.vxlan?.dev ?? null) ?? byName(defaultDev);
  if (dev) return [dev];
  return ifs.filter(
    (i) =>
      i !== t &&
      i.state !== 'DOWN' &&
      ((!NOT_UPLINK.test(i.name) && (i.type === null || i.type === 'ether')) ||
        // A tunnel may ride a VPN (wg0) set up by hand.
        (i.type === 'wireguard' &&
          t.type !== 'wireguard' &&
          !/cali|cilium|flannel/.test(i.name))) &&
      (i.addresses.length === 0 ||
        i.addresses.some((a) => a.family === 'inet' && a.scope !== 'host')),
  );
}

/**
 * What `ping -M do` showed: a hop smaller than the packet, or big packets that vanish while small
 * ones to the same target pass. A target that is unreachable (`Destination Host Unreachable`)
 * or answers nothing says nothing about sizes.
 */
function pingEvidence(ctx: RuleContext): {
  broken: Evidence[];
  blackHole: boolean;
  pathMtu: number | null;
  fullSize: Evidence | null;
} {
  const broken: Evidence[] = [];
  let blackHole = false;
  let pathMtu: number | null = null;
  let fullSize: Evidence | null = null;
  // A capture of ICMP "need to frag": packets larger than a hop's MTU were sent on this path.
  for (const { source, facts } of ctx.of('tcpdump')) {
    // Every message acted on (the sender re-sent smaller segments): path MTU discovery works,
    // the smaller hop costs nothing; not the black hole this cause is about.
    if (facts.fragNeeded.count - facts.fragNeeded.obeyed <= 0) continue;
    broken.push(...facts.fragNeeded.examples.slice(0, 2).map((e) => cite(source, e)));
    const m = facts.fragNeeded.mtu;
    if (m !== null) pathMtu = Math.min(pathMtu ?? m, m);
  }
  for (const { source, facts } of ctx.of('ping-mtu')) {
    for (const r of facts.runs) {
      // A hop's "Frag needed" the sender acted on: path MTU discovery at work, not a black hole.
      if (r.fragNeeded > 0 && !actedOn(r, facts.runs)) {
        broken.push(cite(source, r));
        if (r.mtu !== null) pathMtu = Math.min(pathMtu ?? r.mtu, r.mtu);
      }
      if ((r.packet ?? 0) >= 1500 && r.replies > 0 && r.localErrors === 0)
        fullSize ??= cite(source, r);
    }
    if (facts.dontFragment === false) continue;
    const targets = new Set(facts.runs.map((r) => r.target));
    for (const target of targets) {
      const runs = facts.runs.filter((r) => r.target === target && r.size !== null);
      const ok = runs.filter((r) => r.replies > 0).map((r) => r.size!);
      // Lost whole: no reply, no error, no unreachable; 100% loss, or unanswered and cut short.
      const silent = runs.filter(
        (r) =>
          r.replies === 0 &&
          r.localErrors === 0 &&
          r.fragNeeded === 0 &&
          r.unreachable === 0 &&
          (r.loss === 100 || (r.loss === null && r.timeouts > 0)),
      );
      if (ok.length === 0 || silent.length === 0) continue;
      const largestOk = Math.max(...ok);
      const smallest = silent.reduce((a, b) => (b.size! < a.size! ? b : a));
      if (smallest.size! > largestOk) {
        blackHole = true;
        broken.push(cite(source, smallest));
      }
    }
  }
  return { broken, blackHole, pathMtu, fullSize };
}

/**
 * A router's "Frag needed (mtu = N)" reached the sender and was acted on: the kernel stored the
 * smaller path MTU and refuses larger sends itself from then on (`sendmsg: Message too long` in
 * the same run), or packets that fit N reach the same target and are answered. The smaller hop
 * announces itself and traffic adapts to it: path MTU discovery works, no black hole.
 */
function actedOn(r: PingRun, runs: PingRun[]): boolean {
  if (r.localErrors > 0) return true;
  return runs.some(
    (o) =>
      o !== r &&
      o.target === r.target &&
      o.replies > 0 &&
      o.packet !== null &&
      r.mtu !== null &&
      o.packet <= r.mtu,
  );
}
