import {
  cite,
  defineRule,
  finding,
  noEvidence,
  notApplicable,
  ruledOut,
  type RuleContext,
  type RuleResult,
} from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import { kernelOf, olderThan } from '../combine/kernel';

const K = 'cause.ipvs-conn-reuse-delay.verdict';
/** torvalds/linux d752c3645717 ("ipvs: allow connection reuse for unconfirmed conntrack"), in 5.9. */
const FIXED_IN: [number, number] = [5, 9];
/**
 * kube-proxy (IPVS mode, 1.18+) declining to set conn_reuse_mode=0 because it reads the kernel as
 * older than 4.1 (CentOS 7's 3.10, which has the sysctl backported at its default 1): klog's
 * `can't set sysctl net/ipv4/vs/conn_reuse_mode, kernel version must be at least 4.1`, or the
 * structured `"Can't set sysctl, kernel version doesn't satisfy minimum version requirements"
 * sysctl="net/ipv4/vs/conn_reuse_mode"`. Not the older hard failure (`... no such file or
 * directory`), where kube-proxy stops and there is no such sysctl at all.
 */
const LEFT_AT_DEFAULT = /can[’']t set sysctl\b/i;
const CONN_REUSE = /net\/ipv4\/vs\/conn_reuse_mode/;
const KERNEL_TOO_OLD = /kernel version/i;

/**
 * conn_reuse_mode=1 with vs.conntrack=1 (kube-proxy sets it) on kernels before 5.9: a new
 * connection that reuses a source port still in the IPVS table has its SYN dropped, and the
 * client retries after 1 s (or 63 s with more retries).
 */
export default defineRule({
  cause: 'ipvs-conn-reuse-delay',
  needs: ['sysctl', 'uname', 'kube-proxy-log', 'ip-addr'],
  check(ctx) {
    const kernel = kernelOf(ctx);
    const old = kernel ? olderThan(kernel, ...FIXED_IN) : null;
    let mode: Evidence | null = null;
    let modeValue: string | null = null;
    let conntrack: { value: string; evidence: Evidence } | null = null;
    for (const { source, facts } of ctx.of('sysctl')) {
      const m = facts.values['net.ipv4.vs.conn_reuse_mode'];
      const c = facts.values['net.ipv4.vs.conntrack'];
      if (m && !mode) [mode, modeValue] = [cite(source, m), m.value.trim()];
      if (c && !conntrack) conntrack = { value: c.value.trim(), evidence: cite(source, c) };
    }
    if (old === false && kernel)
      return notApplicable({ key: `${K}.fixedKernel`, params: { release: kernel.release } });
    if (!mode) return leftByKubeProxy(ctx, kernel?.evidence);
    if (modeValue === '0') return ruledOut({ key: `${K}.reuseOff` }, [mode]);
    if (conntrack?.value === '0')
      return ruledOut({ key: `${K}.noConntrack` }, [mode, conntrack.evidence]);
    // The drop needs vs.conntrack=1, which the kernel leaves at 0 and only a service proxy
    // (kube-proxy in IPVS mode) turns on: conn_reuse_mode=1 alone is the default of every host
    // that has ip_vs loaded (a plain LVS or HAProxy box), not the delay.
    const proxy = conntrack ? null : ipvsProxyOf(ctx);
    if (!conntrack && !proxy) return ruledOut({ key: `${K}.defaultOnly` }, [mode]);
    const evidence = [
      mode,
      ...(conntrack ? [conntrack.evidence] : []),
      ...(proxy ? [proxy] : []),
      ...(kernel ? [kernel.evidence] : []),
    ];
    // kube-proxy in IPVS mode always sets vs.conntrack=1, so its absence from the paste is no comfort.
    let confidence: Confidence = 'low';
    if (old === true) confidence = conntrack ? 'high' : 'medium';
    else if (conntrack) confidence = 'medium';
    return finding(confidence, { key: `${K}.${old ? 'why' : 'kernelUnknown'}` }, evidence);
  },
  fix: {
    now: [
      '# @{prefer}',
      'uname -r',
      '# @{careful}',
      'sudo sysctl -w net.ipv4.vs.conn_reuse_mode=0',
    ].join('\n'),
    persist: [
      "echo 'net.ipv4.vs.conn_reuse_mode = 0' | sudo tee /etc/sysctl.d/90-net-triage-ipvs-reuse.conf",
      '# @{kubeProxy}',
      '# @{migrate}',
      'kubectl -n kube-system get configmap kube-proxy -o yaml | grep -n -e "mode:"',
    ].join('\n'),
    verify: 'sysctl net.ipv4.vs.conn_reuse_mode net.ipv4.vs.conntrack\nuname -r',
    rollback:
      'sudo rm /etc/sysctl.d/90-net-triage-ipvs-reuse.conf\nsudo sysctl -w net.ipv4.vs.conn_reuse_mode=1',
  },
});

/**
 * What shows kube-proxy running in IPVS mode on this node (it always sets vs.conntrack=1): its log
 * naming the IPVS proxier, or its `kube-ipvs0` dummy device holding the Service addresses.
 */
function ipvsProxyOf(ctx: RuleContext): Evidence | null {
  for (const { source, facts } of ctx.of('kube-proxy-log'))
    if (facts.proxier?.value === 'ipvs') return cite(source, facts.proxier);
  for (const { source, facts } of ctx.of('ip-addr')) {
    const dev = facts.interfaces['kube-ipvs0'];
    if (dev) return cite(source, dev);
  }
  return null;
}

/**
 * No sysctl pasted: kube-proxy's own log can say it left conn_reuse_mode alone on an old kernel
 * (so at the kernel's default 1, with vs.conntrack=1 that kube-proxy always sets).
 */
function leftByKubeProxy(ctx: RuleContext, kernel: Evidence | undefined): RuleResult {
  for (const { source, facts } of ctx.of('kube-proxy-log')) {
    const e = facts.entries.find(
      (x) =>
        x.level !== 'I' &&
        LEFT_AT_DEFAULT.test(x.message) &&
        CONN_REUSE.test(x.message) &&
        KERNEL_TOO_OLD.test(x.message),
    );
    if (e)
      return finding('medium', { key: `${K}.leftByKubeProxy` }, [
        cite(source, e),
        ...(kernel ? [kernel] : []),
      ]);
  }
  return noEvidence;
}
