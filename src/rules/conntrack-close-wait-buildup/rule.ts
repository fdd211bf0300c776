import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Evidence } from '../../engine/types';
import { sysctlFirst } from '../combine/sysctl';

const K = 'cause.conntrack-close-wait-buildup.verdict';
const TIMEOUT_KEY = 'net.netfilter.nf_conntrack_tcp_timeout_close_wait';
/** Below this many entries a share means little. */
const MIN_ENTRIES = 1000;
/** kube-proxy sets the CLOSE_WAIT timeout to 1 h; the kernel default is 60 s. */
const KUBE_PROXY_TIMEOUT = 3600;
/** `Set sysctl 'net/netfilter/nf_conntrack_tcp_timeout_close_wait' to 3600` (and the structured form). */
const KP_TIMEOUT =
  /nf_conntrack_tcp_timeout_close_wait'? to (\d+)|nf_conntrack_tcp_timeout_close_wait" value=(\d+)/;

/**
 * CLOSE_WAIT entries live an hour in conntrack once kube-proxy has set the timeout, so a
 * peer that never finishes closing fills the table. The histogram of states shows it.
 */
export default defineRule({
  cause: 'conntrack-close-wait-buildup',
  needs: ['conntrack', 'sysctl', 'kube-proxy-log'],
  check(ctx) {
    const timeout = sysctlFirst(ctx, TIMEOUT_KEY);
    const kpTimeout = kubeProxyTimeout(ctx);
    const longTimeout =
      (timeout && timeout.n >= KUBE_PROXY_TIMEOUT) ||
      (!timeout && kpTimeout !== null && kpTimeout.value >= KUBE_PROXY_TIMEOUT);
    const timeoutLine = timeout?.evidence ?? kpTimeout?.evidence;

    let best: { share: number; count: number; total: number; evidence: Evidence[] } | null = null;
    for (const { source, facts } of ctx.of('conntrack')) {
      const tcpTotal = facts.protocols.tcp ?? facts.total;
      const count = facts.states.CLOSE_WAIT ?? 0;
      const total = facts.format === 'histogram' ? facts.total : tcpTotal;
      if (total <= 0) continue;
      const share = count / total;
      const evidence = (facts.examples.CLOSE_WAIT ?? []).slice(0, 2).map((c) => cite(source, c));
      if (!best || share > best.share) best = { share, count, total, evidence };
    }
    if (!best) {
      if (timeout && timeout.n < KUBE_PROXY_TIMEOUT)
        return ruledOut({ key: `${K}.shortTimeout`, params: { seconds: timeout.n } }, [
          timeout.evidence,
        ]);
      return noEvidence;
    }

    const percent = Math.round(best.share * 100);
    const params = { percent, count: best.count, total: best.total };
    if (best.total >= MIN_ENTRIES && best.share >= 0.25) {
      const evidence = [...best.evidence, ...(timeoutLine ? [timeoutLine] : [])];
      const strong = longTimeout || (best.share >= 0.5 && best.count >= 10_000);
      return finding(strong ? 'high' : 'medium', { key: `${K}.why`, params }, evidence);
    }
    if (best.total >= MIN_ENTRIES && best.share >= 0.1)
      return finding('low', { key: `${K}.notable`, params }, best.evidence);
    // With the kernel's short timeout, CLOSE_WAIT entries cannot linger: nothing to build up.
    if (timeout && timeout.n < KUBE_PROXY_TIMEOUT && best.share < 0.25)
      return ruledOut({ key: `${K}.shortTimeout`, params: { seconds: timeout.n } }, [
        timeout.evidence,
      ]);
    if (best.total < MIN_ENTRIES) return noEvidence;
    return ruledOut({ key: `${K}.smallShare`, params }, best.evidence);
  },
  fix: {
    now: "# @{who}\nsudo ss -tanp state close-wait | awk 'NR>1 {print $NF}' | sort | uniq -c | sort -rn | head\n# @{now}\nsudo sysctl -w net.netfilter.nf_conntrack_tcp_timeout_close_wait=60",
    persist:
      '# @{kubeProxy}\nkubectl -n kube-system edit configmap kube-proxy\n#   conntrack:\n#     tcpCloseWaitTimeout: 60s\nkubectl -n kube-system rollout restart daemonset kube-proxy\n# @{notrack}',
    verify:
      "sysctl net.netfilter.nf_conntrack_tcp_timeout_close_wait\nsudo conntrack -L -p tcp 2>/dev/null | awk '{print $4}' | sort | uniq -c | sort -rn | head",
    rollback:
      '# @{rollback}\nsudo sysctl -w net.netfilter.nf_conntrack_tcp_timeout_close_wait=3600',
  },
});

/** The CLOSE_WAIT timeout kube-proxy logged it set. */
function kubeProxyTimeout(ctx: RuleContext): { value: number; evidence: Evidence } | null {
  for (const { source, facts } of ctx.of('kube-proxy-log'))
    for (const e of facts.entries) {
      const m = KP_TIMEOUT.exec(e.message);
      if (m) return { value: Number(m[1] ?? m[2]), evidence: cite(source, e) };
    }
  return null;
}
