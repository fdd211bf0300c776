import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import { sysctlFirst } from '../combine/sysctl';

const K = 'cause.conntrack-table-full.verdict';
const HIGH = 0.9;
const MEDIUM = 0.75;
/** kube-proxy: `Setting nf_conntrack_max to 786432`, `"Setting nf_conntrack_max" nfConntrackMax=131072`, `Set sysctl 'net/netfilter/nf_conntrack_max' to 131072`. */
const KP_MAX =
  /Setting nf_conntrack_max(?:"?\s+(?:to\s+|nfConntrackMax=)(\d+))|Set sysctl '?net\/netfilter\/nf_conntrack_max'? to (\d+)|"Set sysctl" entry="net\/netfilter\/nf_conntrack_max" value=(\d+)/;

/**
 * New flows are dropped because the conntrack table is full: the kernel says so, the count
 * sits near the maximum, or conntrack -S counts drops/early drops. kube-proxy writes
 * nf_conntrack_max itself at start, so a sysctl.d value is not where the limit lives.
 */
export default defineRule({
  cause: 'conntrack-table-full',
  needs: ['kernel-log', 'sysctl', 'conntrack-S', 'kube-proxy-log'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const healthy: Evidence[] = [];
    let level = 0; // 3 high, 2 medium, 1 low
    let key = 'why';

    for (const { source, facts } of ctx.of('kernel-log')) {
      const full = facts.events['conntrack-full'];
      if (!full) continue;
      const lines = [...full.examples, full.last].filter(
        (c, i, all) => all.findIndex((x) => x.line === c.line) === i,
      );
      evidence.push(...lines.map((c) => cite(source, c)));
      level = 3;
      key = 'kernelSaysFull';
    }

    const kpMax = kubeProxyMax(ctx);
    const count =
      sysctlFirst(
        ctx,
        'net.netfilter.nf_conntrack_count',
        'net.ipv4.netfilter.ip_conntrack_count',
      ) ?? null;
    const max = sysctlFirst(
      ctx,
      'net.netfilter.nf_conntrack_max',
      'net.nf_conntrack_max',
      'net.ipv4.netfilter.ip_conntrack_max',
      // Kernels before 2.6.15 (RHEL 5) also expose it as /proc/sys/net/ipv4/ip_conntrack_max.
      'net.ipv4.ip_conntrack_max',
    );
    const maxValue = max && Number.isFinite(max.n) ? max.n : (kpMax?.value ?? NaN);
    let ratio: number | null = null;
    if (count && Number.isFinite(count.n) && maxValue > 0) {
      ratio = count.n / maxValue;
      const lines = [count.evidence, max?.evidence ?? kpMax!.evidence];
      if (ratio >= MEDIUM) {
        evidence.push(...lines);
        level = Math.max(level, ratio >= HIGH ? 3 : 2);
        if (key === 'why') key = 'nearMax';
      } else healthy.push(...lines);
    }

    for (const { source, facts } of ctx.of('conntrack-S')) {
      const drop = facts.counters.drop;
      const early = facts.counters.early_drop;
      const raced = facts.counters.insert_failed?.value ?? 0;
      if (early && early.value > 0) {
        evidence.push(cite(source, early));
        level = Math.max(level, 2);
        if (key === 'why') key = 'earlyDrops';
      } else if (drop && drop.value > 0 && drop.value > raced) {
        // insert_failed also counts a drop: those belong to the insertion race, not to a full table.
        evidence.push(cite(source, drop));
        level = Math.max(level, 2);
        if (key === 'why') key = 'drops';
      } else if (drop && early && drop.value === 0 && early.value === 0)
        healthy.push(cite(source, drop), cite(source, early));
    }

    if (level > 0) {
      if (kpMax && !evidence.some((e) => e.text === kpMax.evidence.text))
        evidence.push(kpMax.evidence);
      // Both signals together (log and counters, or ratio and drops) are as good as the log.
      const sources = new Set(evidence.map((e) => e.source)).size;
      if (level === 2 && sources >= 2 && evidence.length >= 3) level = 3;
      // The pasted limit the fix raises: shown, but it weighs nothing by itself.
      if (max && Number.isFinite(max.n) && !evidence.some((e) => e.text === max.evidence.text))
        evidence.push(max.evidence);
      const confidence: Confidence = level === 3 ? 'high' : level === 2 ? 'medium' : 'low';
      const vars: Record<string, string> = {};
      if (Number.isFinite(maxValue) && maxValue > 0) {
        vars.ctmax = String(nextMax(maxValue));
        vars.oldmax = String(maxValue);
      }
      return finding(
        confidence,
        {
          key: `${K}.${key}`,
          params: {
            percent: ratio === null ? '?' : Math.round(ratio * 100),
            max: Number.isFinite(maxValue) ? maxValue : '?',
          },
        },
        evidence.slice(0, 10),
        vars,
      );
    }
    if (healthy.length > 0)
      return ruledOut(
        {
          key: ratio !== null ? `${K}.roomLeft` : `${K}.noDrops`,
          params: { percent: ratio === null ? '?' : Math.round(ratio * 100) },
        },
        healthy,
      );
    return noEvidence;
  },
  fix: {
    now: '# @{now}\nsudo sysctl -w net.netfilter.nf_conntrack_max={ctmax}\necho $(( {ctmax} / 4 )) | sudo tee /sys/module/nf_conntrack/parameters/hashsize',
    persist:
      '# @{kubeProxy}\nkubectl -n kube-system edit configmap kube-proxy\n#   conntrack:\n#     min: {ctmax}\nkubectl -n kube-system rollout restart daemonset kube-proxy\n# @{flags}\n# @{notrack}\nsudo iptables -t raw -A PREROUTING -d {lbvip} -p tcp -m multiport --dports 80,443 -j NOTRACK\nsudo iptables -t raw -A OUTPUT -s {lbvip} -p tcp -m multiport --sports 80,443 -j NOTRACK',
    verify:
      "sysctl net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max\nsudo conntrack -S | grep -o -E '(early_)?drop=[0-9]+' | sort | uniq -c   # @{runTwice}\ndmesg -T | grep -c 'table full'\nkubectl -n kube-system logs -l k8s-app=kube-proxy --tail=500 | grep -i conntrack",
    rollback:
      '# @{rollback}\nsudo sysctl -w net.netfilter.nf_conntrack_max={oldmax}\nsudo iptables -t raw -D PREROUTING -d {lbvip} -p tcp -m multiport --dports 80,443 -j NOTRACK\nsudo iptables -t raw -D OUTPUT -s {lbvip} -p tcp -m multiport --sports 80,443 -j NOTRACK',
    defaults: { ctmax: '1048576' },
  },
});

/** The value kube-proxy logged it set, with its line. */
function kubeProxyMax(ctx: RuleContext): { value: number; evidence: Evidence } | null {
  let out: { value: number; evidence: Evidence } | null = null;
  for (const { source, facts } of ctx.of('kube-proxy-log'))
    for (const e of facts.entries) {
      const m = KP_MAX.exec(e.message);
      if (m) out = { value: Number(m[1] ?? m[2] ?? m[3]), evidence: cite(source, e) };
    }
  return out;
}

/** Twice the current maximum, rounded up to a multiple of 65536 (a hash size kube-proxy would pick). */
function nextMax(current: number): number {
  return Math.ceil((current * 2) / 65536) * 65536;
}
