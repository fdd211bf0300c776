import { cite, defineRule, finding, noEvidence, notApplicable, ruledOut } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import { kernelOf, olderThan } from '../combine/kernel';

const K = 'cause.ipvs-conn-reuse-delay.verdict';
/** torvalds/linux d752c3645717 ("ipvs: allow connection reuse for unconfirmed conntrack"), in 5.9. */
const FIXED_IN: [number, number] = [5, 9];

/**
 * conn_reuse_mode=1 with vs.conntrack=1 (kube-proxy sets it) on kernels before 5.9: a new
 * connection that reuses a source port still in the IPVS table has its SYN dropped, and the
 * client retries after 1 s (or 63 s with more retries).
 */
export default defineRule({
  cause: 'ipvs-conn-reuse-delay',
  needs: ['sysctl', 'uname'],
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
    if (!mode) return noEvidence;
    if (modeValue === '0') return ruledOut({ key: `${K}.reuseOff` }, [mode]);
    if (conntrack?.value === '0')
      return ruledOut({ key: `${K}.noConntrack` }, [mode, conntrack.evidence]);
    const evidence = [
      mode,
      ...(conntrack ? [conntrack.evidence] : []),
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
