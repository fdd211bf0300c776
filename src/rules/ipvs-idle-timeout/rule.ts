import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';

const K = 'cause.ipvs-idle-timeout.verdict';
/** The kernel's default tcp_keepalive_time: what a client without its own keepalive uses. */
const DEFAULT_KEEPALIVE = 7200;

/**
 * IPVS drops an idle TCP entry after its tcp timeout (900 s unless kube-proxy's
 * --ipvs-tcp-timeout says otherwise); a pooled connection whose first keepalive probe comes
 * later (7200 s by default) is then unknown to IPVS, and the next request on it hangs or resets.
 */
export default defineRule({
  cause: 'ipvs-idle-timeout',
  needs: ['ipvsadm', 'sysctl'],
  check(ctx) {
    let timeout: { seconds: number; evidence: Evidence } | null = null;
    for (const { source, facts } of ctx.of('ipvsadm'))
      if (facts.timeout && !timeout)
        timeout = { seconds: facts.timeout.value.tcp, evidence: cite(source, facts.timeout) };
    let keepalive: { seconds: number; evidence: Evidence } | null = null;
    for (const { source, facts } of ctx.of('sysctl')) {
      // A pod's own keepalive (read in its shell) counts as much as the node's: clients set it.
      const v =
        facts.values['net.ipv4.tcp_keepalive_time'] ??
        facts.container?.['net.ipv4.tcp_keepalive_time'];
      if (v && !keepalive && /^\d+$/.test(v.value.trim()))
        keepalive = { seconds: Number(v.value.trim()), evidence: cite(source, v) };
    }
    if (!timeout) return noEvidence;
    const afterIdle = ctx.vars.pattern === 'after-idle';
    const params = {
      ipvs: timeout.seconds,
      keepalive: keepalive?.seconds ?? DEFAULT_KEEPALIVE,
    };
    // 0 means the kernel default was replaced by "never expire" (not a value kube-proxy writes).
    if (timeout.seconds === 0) return ruledOut({ key: `${K}.noExpiry` }, [timeout.evidence]);
    if (keepalive) {
      if (keepalive.seconds < timeout.seconds)
        return ruledOut({ key: `${K}.keepaliveBelow`, params }, [
          timeout.evidence,
          keepalive.evidence,
        ]);
      return finding(
        afterIdle ? 'high' : 'medium',
        { key: `${K}.why`, params },
        [timeout.evidence, keepalive.evidence],
        {
          ipvstcp: String(timeout.seconds),
          keepalive: String(Math.max(60, Math.floor(timeout.seconds * 0.6))),
        },
      );
    }
    if (timeout.seconds >= DEFAULT_KEEPALIVE)
      return ruledOut({ key: `${K}.timeoutAboveDefault`, params }, [timeout.evidence]);
    // The timeout alone (900 120 300 are the kernel defaults, on every IPVS node) shows nothing
    // bites: only the operator's "fails after idle" makes it a finding; otherwise collect the
    // keepalive next.
    if (!afterIdle) return noEvidence;
    const confidence: Confidence = 'medium';
    return finding(confidence, { key: `${K}.timeoutOnly`, params }, [timeout.evidence], {
      ipvstcp: String(timeout.seconds),
      keepalive: String(Math.max(60, Math.floor(timeout.seconds * 0.6))),
    });
  },
  fix: {
    now: [
      '# @{keepalive}',
      'sudo sysctl -w net.ipv4.tcp_keepalive_time={keepalive}',
      '# @{pods}',
    ].join('\n'),
    persist: [
      "echo 'net.ipv4.tcp_keepalive_time = {keepalive}' | sudo tee /etc/sysctl.d/90-net-triage-keepalive.conf",
      '# @{podSysctl}',
      'kubectl -n {namespace} patch deployment {deployment} -p \'{"spec":{"template":{"spec":{"securityContext":{"sysctls":[{"name":"net.ipv4.tcp_keepalive_time","value":"{keepalive}"}]}}}}}\'',
      '# @{orRaise}',
      'kubectl -n kube-system edit configmap kube-proxy',
      '# @{migrate}',
      'kubectl -n kube-system get configmap kube-proxy -o yaml | grep -n -e "mode:"',
    ].join('\n'),
    verify: 'sudo ipvsadm -Ln --timeout\nsysctl net.ipv4.tcp_keepalive_time',
    rollback:
      'sudo rm /etc/sysctl.d/90-net-triage-keepalive.conf\nsudo sysctl -w net.ipv4.tcp_keepalive_time=7200',
    defaults: { keepalive: '600', namespace: 'default', deployment: 'DEPLOYMENT' },
  },
});
