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
import { unique } from '../combine/evidence';
import { sysctlMatching, type SysctlValue } from '../combine/sysctl';

const K = 'cause.rp-filter-asymmetric.verdict';
const RP = /^net\.ipv4\.conf\.([^.]+)\.rp_filter$/;
/** Devices that are not uplinks: loopback, bridges, veths, overlays and the CNIs' own. */
const VIRTUAL =
  /^(?:lo|docker\d*|cni\d*|cbr\d*|kube-|flannel|vxlan|tunl|cali|veth|lxc|cilium|weave|datapath|vethwe|antrea|nodelocaldns|virbr|br-|wg|wireguard|genev|nerdctl|podman|ovs-|ovn-|vnet|dummy|ipvl|mpvl|kube-ipvs)/;
const VIRTUAL_TYPES = /^(?:veth|bridge|vxlan|ipip|wireguard|geneve|dummy|loopback|tun|gre|sit)$/;
/** Drops counted by rp_filter worth mentioning (a handful since boot is noise). */
const SOME_DROPS = 100;

/**
 * Strict reverse-path filtering (rp_filter = 1) drops a packet when the route back to its
 * source leaves by another interface. On a node with two uplinks that is routine: NodePort or
 * pod traffic arriving on the second NIC is silently dropped. The kernel applies max(all, dev).
 */
export default defineRule({
  cause: 'rp-filter-asymmetric',
  needs: ['sysctl', 'ip-route'],
  check(ctx) {
    const rp = sysctlMatching(ctx, RP);
    const byDev = new Map(rp.map((v) => [RP.exec(v.key)![1]!, v] as const));
    const all = byDev.get('all');
    const fallback = byDev.get('default');
    // A device's mode is the larger of conf.all and its own (set from conf.default when it appeared).
    const mode = (d: string) => Math.max(all?.n ?? 0, byDev.get(d)?.n ?? fallback?.n ?? 0);
    const refused = refusedByKernel(ctx, (d) => (rp.length > 0 ? mode(d) : null));
    if (refused) return refused;
    if (rp.length === 0) return noEvidence;
    const onCilium = martianOnCiliumDevice(ctx, byDev, mode) ?? filteringOnPodDevice(byDev, mode);
    if (onCilium) return onCilium;
    const uplinks = uplinksOf(ctx, [...byDev.keys()]);
    const devices = uplinks.names.length > 0 ? uplinks.names : physical([...byDev.keys()]);
    const strict = devices.filter((d) => mode(d) === 1);
    const maybeStrict = devices.length === 0 && (all?.n === 1 || fallback?.n === 1);
    if (strict.length === 0 && !maybeStrict) {
      const shown = [all, fallback, ...devices.map((d) => byDev.get(d))].flatMap((v) =>
        v ? [v.evidence] : [],
      );
      return ruledOut({ key: `${K}.notStrict` }, shown.slice(0, 4));
    }
    const strictLines = [
      ...(all?.n === 1 ? [all.evidence] : []),
      ...strict.flatMap((d) =>
        byDev.get(d) && byDev.get(d) !== all ? [byDev.get(d)!.evidence] : [],
      ),
    ];
    if (strictLines.length === 0 && fallback?.n === 1) strictLines.push(fallback.evidence);
    const drops = martiansOrDrops(ctx);
    if (uplinks.names.length >= 2 && strict.length > 0) {
      const sure = uplinks.defaults >= 2 || drops.length > 0;
      const iface = strict.find((d) => d !== uplinks.primary) ?? strict[0]!;
      return finding(
        sure ? 'high' : 'medium',
        { key: `${K}.why`, params: { uplinks: uplinks.names.join(', ') } },
        unique([...strictLines.slice(0, 3), ...uplinks.evidence.slice(0, 3), ...drops.slice(0, 2)]),
        { iface, ifkey: iface.replace(/\./g, '/') },
      );
    }
    if (uplinks.known && uplinks.names.length === 1)
      return ruledOut(
        { key: `${K}.oneUplink`, params: { uplink: uplinks.names[0]! } },
        uplinks.evidence.slice(0, 2),
      );
    if (drops.length > 0)
      return finding('low', { key: `${K}.dropsOnly` }, [
        ...strictLines.slice(0, 2),
        ...drops.slice(0, 2),
      ]);
    return noEvidence;
  },
  fix: {
    now: [
      '[mode=loose] # @{loose}',
      '[mode=loose] sudo sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf.default.rp_filter=2 net.ipv4.conf.{ifkey}.rp_filter=2',
      '[mode=off] # @{off}',
      '[mode=off] sudo sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.{ifkey}.rp_filter=0',
    ].join('\n'),
    persist: [
      "[mode=loose] printf '%s\\n' 'net.ipv4.conf.all.rp_filter = 2' 'net.ipv4.conf.default.rp_filter = 2' 'net.ipv4.conf.{ifkey}.rp_filter = 2' | sudo tee /etc/sysctl.d/90-net-triage-rp-filter.conf",
      "[mode=off] printf '%s\\n' 'net.ipv4.conf.all.rp_filter = 0' 'net.ipv4.conf.lxc*.rp_filter = 0' | sudo tee /etc/sysctl.d/99-zzz-net-triage-rp-filter.conf",
      'sudo sysctl --system',
      '# @{order}',
    ].join('\n'),
    verify:
      "sysctl -a 2>/dev/null | grep '\\.rp_filter'\nnstat -az IPReversePathFilter   # @{counter}",
    rollback: [
      '[mode=loose] sudo rm /etc/sysctl.d/90-net-triage-rp-filter.conf',
      '[mode=loose] sudo sysctl -w net.ipv4.conf.all.rp_filter=1 net.ipv4.conf.{ifkey}.rp_filter=1',
      '[mode=off] sudo rm /etc/sysctl.d/99-zzz-net-triage-rp-filter.conf',
      '[mode=off] sudo sysctl --system',
    ].join('\n'),
    defaults: { iface: 'eth1', ifkey: 'eth1', mode: 'loose' },
  },
});

/**
 * `ip route get DST from SRC iif DEV` answered `Invalid cross-device link` (EXDEV): the kernel
 * itself says its source validation drops SRC arriving on DEV. Only strict filtering fails a
 * source that is routable by another interface; unless sysctl says the device is not strict,
 * that is the cause. With the kernel's `martian source` lines it is certain.
 */
function refusedByKernel(
  ctx: RuleContext,
  modeOf: (dev: string) => number | null,
): RuleResult | null {
  for (const { source, facts } of ctx.of('ip-route'))
    for (const r of facts.sourceRejected ?? []) {
      const mode = r.iif ? modeOf(r.iif) : null;
      if (mode !== null && mode !== 1) continue;
      const drops = martiansOrDrops(ctx);
      const iface = r.iif ?? 'eth0';
      return finding(
        drops.length > 0 ? 'high' : 'medium',
        {
          key: `${K}.routeGetRefused`,
          params: { from: r.from ?? '?', iif: r.iif ?? '?', to: r.to ?? '?' },
        },
        [cite(source, r), ...drops.slice(0, 2)],
        { iface, ifkey: iface.replace(/\./g, '/') },
      );
    }
  return null;
}

interface Uplinks {
  names: string[];
  /** The device of the (first) default route. */
  primary: string | null;
  /** Default routes seen (several = several uplinks for sure). */
  defaults: number;
  /** Whether `ip addr` was pasted: then one uplink means one. */
  known: boolean;
  evidence: Evidence[];
}

/**
 * Uplinks from `ip route` (defaults and connected subnets), `ip addr` (devices with a global
 * IPv4 address) or, without `ip addr`, the devices sysctl lists. `ip route` alone may show one
 * table of several (policy routing), so only `ip addr` can say there is a single uplink.
 */
function uplinksOf(ctx: RuleContext, sysctlDevs: string[]): Uplinks {
  const names: string[] = [];
  const evidence: Evidence[] = [];
  let primary: string | null = null;
  let defaults = 0;
  const add = (name: string | null, e: Evidence) => {
    if (!name || VIRTUAL.test(name) || names.includes(name)) return;
    names.push(name);
    evidence.push(e);
  };
  for (const { source, facts } of ctx.of('ip-route')) {
    for (const r of facts.defaults) {
      defaults += 1;
      primary ??= r.dev;
      add(r.dev, cite(source, r));
    }
    for (const r of facts.routes)
      if (r.proto === 'kernel' && r.scope === 'link' && r.src) add(r.dev, cite(source, r));
  }
  const addrs = ctx.of('ip-addr');
  for (const { source, facts } of addrs)
    for (const dev of Object.values(facts.interfaces)) {
      if (dev.type && VIRTUAL_TYPES.test(dev.type)) continue;
      if (dev.state === 'DOWN') continue;
      const global = dev.addresses.some(
        (a) => a.family === 'inet' && (a.scope ?? 'global') === 'global',
      );
      if (global) add(dev.name, cite(source, dev));
    }
  if (addrs.length === 0)
    for (const v of sysctlMatching(ctx, RP)) {
      const d = RP.exec(v.key)![1]!;
      if (physical(sysctlDevs).includes(d)) add(d, v.evidence);
    }
  return { names, primary, defaults, known: addrs.length > 0, evidence };
}

/** Device names that are neither the `all`/`default` pseudo devices nor virtual ones. */
function physical(devs: string[]): string[] {
  return devs.filter((d) => d !== 'all' && d !== 'default' && !VIRTUAL.test(d));
}

// `IPv4: martian source 10.0.0.253 from 10.0.0.113, on dev lxc3c160d6c7aa0`
const MARTIAN = /martian source (\S+) from ([\d.]+), on dev (\S+)/;
/**
 * Cilium's pod devices: `lxc` and a hex id (`lxc4d36398ebb25`), or `lxc_health`; not LXC's own
 * bridge (`lxcbr0`), which carries an address like any bridge. They carry no IPv4 address and the
 * route back to a pod leaves by `cilium_host`, so any reverse-path filtering there, loose mode (2)
 * included, drops the pods' packets: Cilium needs rp_filter = 0 on them (systemd 245 and later
 * set 2 on every new device by default).
 */
const CILIUM_POD_DEVICE = /^lxc(?:[0-9a-f]{6,}|_health)$/;
/** Cilium's own devices (`cilium_host`, `cilium_net`, `cilium_vxlan`), under the same rule. */
const CILIUM_OWN_DEVICE = /^cilium_\w+$/;
/** Sources never valid on the wire, which the kernel logs as martian whatever rp_filter says. */
const BOGUS_SOURCE = /^(?:0|127|22[4-9]|2[3-5]\d)\./;

/**
 * The key that sets a device's mode: its own (or conf.default's, copied when the device
 * appeared), or conf.all when that is larger.
 */
function modeSetBy(byDev: Map<string, SysctlValue>, dev: string, mode: number): SysctlValue {
  const own = byDev.get(dev) ?? byDev.get('default');
  return [own, byDev.get('all')].find((v) => v?.n === mode)!;
}

/** A finding on a Cilium device, with the fix that turns the check off there. */
function onCiliumDevice(
  confidence: 'high' | 'medium' | 'low',
  why: { key: string; params: Record<string, string> },
  evidence: Evidence[],
  dev: string,
): RuleResult {
  return finding(confidence, why, unique(evidence), {
    iface: dev,
    ifkey: dev.replace(/\./g, '/'),
    mode: 'off',
  });
}

/**
 * A `martian source … on dev lxc…` kernel line with reverse-path filtering on (1 or 2) for that
 * device: the kernel itself reports dropping a pod's packets there. Medium when the device's mode
 * comes from conf.all/conf.default, high when its own key is pasted.
 */
function martianOnCiliumDevice(
  ctx: RuleContext,
  byDev: Map<string, SysctlValue>,
  modeOf: (dev: string) => number,
): RuleResult | null {
  for (const { source, facts } of ctx.of('kernel-log'))
    for (const ex of facts.events['martian-source']?.examples ?? []) {
      const m = MARTIAN.exec(ex.text);
      const dev = m?.[3] ?? '';
      if (!m || BOGUS_SOURCE.test(m[2]!)) continue;
      if (!CILIUM_POD_DEVICE.test(dev) && !CILIUM_OWN_DEVICE.test(dev)) continue;
      const mode = modeOf(dev);
      if (mode === 0) continue;
      return onCiliumDevice(
        byDev.get(dev)?.n === mode ? 'high' : 'medium',
        { key: `${K}.martianOnPodDevice`, params: { dev, from: m[2]!, mode: String(mode) } },
        [cite(source, ex), modeSetBy(byDev, dev, mode).evidence],
        dev,
      );
    }
  return null;
}

/**
 * sysctl lists one of Cilium's pod devices (its own key, so the device exists on this node) and
 * the kernel filters on it (max of conf.all and the device's value is 1 or 2). The agent sets 0
 * there itself, so another writer (systemd-sysctl's `net.ipv4.conf.*.rp_filter = 2`, a hardening
 * script, conf.all) overrode it: the pods' replies arrive on a device without an address and are
 * dropped (cilium#10645). Low: without a martian line the drops are not seen, and with eBPF host
 * routing (Cilium 1.9+ on recent kernels) the pods' packets bypass the kernel's check.
 */
function filteringOnPodDevice(
  byDev: Map<string, SysctlValue>,
  modeOf: (dev: string) => number,
): RuleResult | null {
  for (const [dev, own] of byDev) {
    if (!CILIUM_POD_DEVICE.test(dev)) continue;
    const mode = modeOf(dev);
    if (mode === 0) continue;
    const setBy = modeSetBy(byDev, dev, mode);
    return onCiliumDevice(
      'low',
      { key: `${K}.podDeviceFilters`, params: { dev, mode: String(mode), key: setBy.key } },
      [setBy.evidence, own.evidence],
      dev,
    );
  }
  return null;
}

/** Kernel `martian source` lines and the IPReversePathFilter counter: packets rp_filter dropped. */
function martiansOrDrops(ctx: RuleContext): Evidence[] {
  const out: Evidence[] = [];
  for (const { source, facts } of ctx.of('kernel-log')) {
    const m = facts.events['martian-source'];
    if (m) out.push(cite(source, m.examples[0]!));
  }
  for (const { source, facts } of ctx.of('netstat-s')) {
    const c = facts.counters.TcpExtIPReversePathFilter;
    if (c && c.value >= SOME_DROPS) out.push(cite(source, c));
  }
  return out;
}
