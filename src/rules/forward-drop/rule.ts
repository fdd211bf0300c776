import {
  cite,
  defineRule,
  finding,
  noEvidence,
  ruledOut,
  type RuleContext,
  type RuleResult,
} from '../rule';
import type { Evidence } from '../../engine/types';
import { iptablesDumps } from '../combine/iptables';
import { filterTables } from '../combine/firewall';

const K = 'cause.forward-drop.verdict';
/**
 * The devices pod traffic enters the node through: the bridges of Docker and the bridge CNIs
 * (cni0, cbr0, kube-router's kube-bridge, weave), Calico's routed cali* veths and its tunnels,
 * flannel's VXLAN device. Linux forwards a packet only if its input device has forwarding on.
 * A bridge's veth ports do no IP and the uplink only matters for traffic from outside.
 */
const POD_DEVICE =
  /^(?:docker0|cni0|cbr0|kube-bridge|weave|cali[0-9a-f]{6,}|vxlan\.calico|tunl0|flannel\.\d+)$/;
const IFACE_FORWARDING = /^net\.ipv4\.conf\.(.+)\.forwarding$/;

/** The node must forward: ip_forward=1, and a FORWARD policy of DROP needs kube-proxy's accepts. */
export default defineRule({
  cause: 'forward-drop',
  needs: ['sysctl', 'iptables-save', 'iptables-L', 'nft', 'microk8s-inspect'],
  check(ctx) {
    const healthy: Evidence[] = [];
    for (const { source, facts } of ctx.of('sysctl')) {
      const fwd = facts.values['net.ipv4.ip_forward'];
      if (fwd?.value.trim() === '0')
        return finding('high', { key: `${K}.ipForwardOff` }, [cite(source, fwd)]);
      if (fwd) healthy.push(cite(source, fwd));
      // The same switch under its other name.
      const all = facts.values['net.ipv4.conf.all.forwarding'];
      if (all?.value.trim() === '0')
        return finding('high', { key: `${K}.allForwardingOff` }, [cite(source, all)]);
    }
    const perDevice = deviceForwarding(ctx);
    if (perDevice) return perDevice;
    // iptables-save, iptables -L and iptables-nft's tables in an nft listing, alike.
    const listings = iptablesDumps(ctx).map(({ source, facts }) => ({
      source,
      chains: facts.chains.filter((c) => c.table !== 'nat'),
      rules: facts.rules,
      // A listing whose rules the operator cut out (`Chain FORWARD (policy DROP)`, then `...`):
      // an accept may be among them. (A save dump lists each chain's rules together, so what
      // it shows of FORWARD is whole once a later chain's rules follow.)
      partial: ctx.of('iptables-L').some((l) => l.source === source && l.facts.elided),
    }));
    for (const { source, chains, rules, partial } of listings) {
      const forward = chains.find((c) => c.name === 'FORWARD' && c.policy !== null);
      if (!forward) continue;
      if (forward.policy !== 'DROP') {
        // An ACCEPT policy proves nothing when a catch-all REJECT/DROP ends the chain first
        // (iptables-services' default rules): that block is host-firewall-blocks' to report.
        if (catchAllDrop(ctx, source) === null) healthy.push(cite(source, forward));
        continue;
      }
      // A catch-all DROP/REJECT in FORWARD ends the chain: accept rules after it never match.
      const stop = catchAllDrop(ctx, source);
      const accepts = rules.filter(
        (r) =>
          r.chain === 'FORWARD' &&
          (stop === null || r.line < stop.line) &&
          (/^(?:KUBE-FORWARD|cali-FORWARD|FLANNEL-FWD|CILIUM_FORWARD)$/.test(r.target ?? '') ||
            (r.target === 'ACCEPT' && !dockerOrRepliesOnly(r.text))),
      );
      const evidence = [cite(source, forward), ...accepts.slice(0, 3).map((r) => cite(source, r))];
      if (accepts.length === 0) {
        const shadowed =
          stop === null
            ? []
            : rules.filter(
                (r) => r.chain === 'FORWARD' && r.line > stop.line && r.target === 'ACCEPT',
              );
        if (stop && shadowed.length > 0)
          return finding(
            'high',
            { key: `${K}.policyDropAcceptsShadowed` },
            [evidence[0]!, stop, ...shadowed.slice(0, 2).map((r) => cite(source, r))],
            { datapath: 'iptables' },
          );
        return finding(partial ? 'medium' : 'high', { key: `${K}.policyDropNoAccept` }, evidence, {
          datapath: 'iptables',
        });
      }
      // The accept rules are there, yet the policy keeps counting: traffic falls through them.
      if ((forward.policyPackets ?? 0) > 0)
        return finding('medium', { key: `${K}.policyDropCounting` }, evidence, {
          datapath: 'iptables',
        });
    }
    const nft = nftForwardDrop(ctx);
    if (nft) return nft;
    // `microk8s inspect` warns of a FORWARD policy of DROP without looking at the accepts. Before
    // 1.21 (kube-proxy, kubelet, flanneld as their own services) nothing else accepted pod
    // traffic there; since kubelite, Calico's cali-FORWARD does, and the warning proves nothing.
    // A pasted FORWARD chain says more than the warning.
    if (!listings.some((l) => l.chains.some((c) => c.name === 'FORWARD' && c.policy !== null)))
      for (const { source, facts } of ctx.of('microk8s-inspect'))
        if (facts.forwardDrop && facts.kubelite === false)
          return finding(
            'medium',
            { key: `${K}.inspectWarnsDrop` },
            [cite(source, facts.forwardDrop)],
            { datapath: 'iptables' },
          );
    return healthy.length > 0 ? ruledOut({ key: `${K}.forwarding` }, healthy) : noEvidence;
  },
  fix: {
    now: "[forwarding=node] sudo sysctl -w net.ipv4.ip_forward=1\n[forwarding=device] sudo sysctl -w net.ipv4.conf.default.forwarding=1 net.ipv4.conf.{iface}.forwarding=1\n[iptables] sudo iptables -P FORWARD ACCEPT\n[nftables] # @{nft}\n[nftables] sudo nft chain {nftTable} {nftChain} '{ policy accept; }'",
    persist:
      "[forwarding=node] echo 'net.ipv4.ip_forward = 1' | sudo tee /etc/sysctl.d/90-net-triage-forward.conf\n[forwarding=device] printf 'net.ipv4.conf.default.forwarding = 1\\nnet.ipv4.conf.{iface}.forwarding = 1\\n' | sudo tee /etc/sysctl.d/90-net-triage-forward.conf\n[forwarding=device] # @{deviceConf}\n[forwarding=device] sudo grep -rn 'forwarding *= *0' /etc/sysctl.conf /etc/sysctl.d/\n[forwarding=node] # @{docker}",
    verify:
      "[forwarding=node] sysctl net.ipv4.ip_forward\n[forwarding=device] sysctl -a 2>/dev/null | grep '^net.ipv4.conf.*forwarding'   # @{deviceOn}\n[forwarding=node] sudo iptables -S FORWARD | head -3\n[forwarding=node] sudo iptables -L FORWARD -v -n | head -2   # @{counter}",
    rollback:
      "[iptables] sudo iptables -P FORWARD DROP\n[nftables] sudo nft chain {nftTable} {nftChain} '{ policy drop; }'\nsudo rm /etc/sysctl.d/90-net-triage-forward.conf\n[forwarding=device] sudo sysctl -w net.ipv4.conf.{iface}.forwarding=0",
    defaults: { nftTable: 'inet filter', nftChain: 'forward', forwarding: 'node', iface: 'cni0' },
  },
});

/**
 * Forwarding is decided per input device: with ip_forward at 1, a pod-facing device whose own
 * `net.ipv4.conf.DEV.forwarding` is 0 still does not forward what pods send (a sysctl.conf that
 * sets `conf.default.forwarding = 0` gives that to every device created after boot: docker0,
 * cni0, each cali* veth). A default of 0 alone says new devices will get it, unless a pod bridge
 * listed beside it already forwards (its veth ports need nothing of their own).
 */
function deviceForwarding(ctx: RuleContext): RuleResult | null {
  const off: Evidence[] = [];
  const offDevices: string[] = [];
  let bridgeOn = false;
  let defaultOff: Evidence | null = null;
  for (const { source, facts } of ctx.of('sysctl')) {
    for (const [key, c] of Object.entries(facts.values)) {
      const dev = IFACE_FORWARDING.exec(key)?.[1];
      if (!dev) continue;
      const v = c.value.trim();
      if (dev === 'default') {
        if (v === '0') defaultOff ??= cite(source, c);
        continue;
      }
      if (!POD_DEVICE.test(dev)) continue;
      if (v === '0') {
        off.push(cite(source, c));
        if (!offDevices.includes(dev)) offDevices.push(dev);
      } else if (v === '1' && /^(?:docker0|cni0|cbr0|kube-bridge|weave)$/.test(dev))
        bridgeOn = true;
    }
  }
  if (off.length > 0) {
    const iface = offDevices.find((d) => d !== 'docker0') ?? offDevices[0]!;
    // docker0 may carry no pod at all when a CNI bridge serves them.
    const confidence = offDevices.every((d) => d === 'docker0') ? 'medium' : 'high';
    return finding(
      confidence,
      { key: `${K}.deviceForwardingOff`, params: { ifaces: offDevices.join(', ') } },
      [...off.slice(0, 3), ...(defaultOff ? [defaultOff] : [])],
      // No firewall datapath: the fix lines for iptables' and nftables' policies do not apply.
      { forwarding: 'device', iface, datapath: 'sysctl' },
    );
  }
  if (defaultOff && !bridgeOn)
    return finding('medium', { key: `${K}.defaultForwardingOff` }, [defaultOff], {
      forwarding: 'device',
      datapath: 'sysctl',
    });
  return null;
}

/**
 * The first rule of FORWARD that drops or rejects everything (`-A FORWARD -j DROP`, a hand-made
 * or distribution firewall's last rule), in the filter table pasted as `source`; null when an
 * `iptables -L` without `-v` hides the interfaces, since no rule is then known to match all.
 */
function catchAllDrop(ctx: RuleContext, source: string): Evidence | null {
  for (const t of filterTables(ctx)) {
    if (t.source !== source || t.interfacesHidden) continue;
    for (const r of t.rules.get('FORWARD') ?? [])
      if (/^(?:REJECT|DROP)$/.test(r.target) && !r.conditional && !r.never && r.ports === null)
        return r.evidence;
  }
  return null;
}

/**
 * An ACCEPT in FORWARD that lets no new pod traffic through: Docker's own accepts are confined
 * to its bridges (`-i docker0 ! -o docker0`, `-o br-1a2b3c4d5e6f`; in a `-L -v` listing, the in
 * and out columns), and an accept of RELATED,ESTABLISHED only passes replies. With the policy at
 * DROP, traffic to and from cni0/flannel.1/cali* still dies; these are not the accepts that
 * kube-proxy or the CNI add.
 */
function dockerOrRepliesOnly(text: string): boolean {
  if (/(?:^|\s)(?:docker0|br-[0-9a-f]{12})(?=\s|$)/.test(text)) return true;
  return /\b(?:RELATED,ESTABLISHED|ESTABLISHED,RELATED)\b/.test(text) && !/\bNEW\b/.test(text);
}

/**
 * A native nftables table whose forward base chain drops by policy and accepts nothing: in
 * nftables every base chain on the hook must let a packet through, so it drops pod and Service
 * traffic whatever iptables (or kube-proxy's own table) accepts.
 */
function nftForwardDrop(ctx: RuleContext): RuleResult | null {
  for (const { source, facts } of ctx.of('nft')) {
    for (const chain of facts.chains) {
      if (chain.hook !== 'forward' || chain.policy !== 'drop' || /^[A-Z]/.test(chain.name))
        continue;
      const rules = facts.rules.filter(
        (r) => r.table === chain.table && r.family === chain.family && r.chain === chain.name,
      );
      // Rules that can let new forwarded traffic through: accepts and jumps to other chains.
      const passes = rules.filter((r) => /^(?:accept|jump|goto|vmap)$/.test(r.verdict?.kind ?? ''));
      if (passes.every((r) => /\bct state (?:established|\{ ?established)/.test(r.body)))
        return finding(
          'high',
          { key: `${K}.nftPolicyDrop`, params: { table: `${chain.family} ${chain.table}` } },
          [cite(source, chain), ...passes.slice(0, 2).map((r) => cite(source, r))],
          {
            datapath: 'nftables',
            nftTable: `${chain.family} ${chain.table}`,
            nftChain: chain.name,
          },
        );
    }
  }
  return null;
}
