import { listsModule } from '../../parsers/lsmod/facts';
import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import type { Evidence } from '../../engine/types';
import { sysctlMissing, sysctlValues } from '../combine/sysctl';

const K = 'cause.br-netfilter-off.verdict';
const KEY = 'net.bridge.bridge-nf-call-iptables';

/**
 * Frames switched inside a Linux bridge (cni0, docker0) skip iptables unless br_netfilter is
 * loaded and bridge-nf-call-iptables is 1: same-node Service DNAT and masquerade never happen.
 */
export default defineRule({
  cause: 'br-netfilter-off',
  needs: ['sysctl', 'cni-log', 'lsmod', 'kernel-log', 'dns-answer'],
  check(ctx) {
    const values = sysctlValues(ctx, KEY);
    const off = values.find((v) => v.raw === '0');
    if (off) return finding('high', { key: `${K}.sysctlOff` }, [off.evidence]);
    const missing = sysctlMissing(ctx, KEY);
    if (missing) return finding('high', { key: `${K}.noModule` }, [missing]);

    const cniErrors: Evidence[] = [];
    for (const { source, facts } of ctx.of('cni-log'))
      for (const e of facts.events)
        if (e.kind === 'br-netfilter-missing') cniErrors.push(cite(source, e));
    const on = values.find((v) => v.raw === '1');
    // The sysctl shows the state now; a CNI error may predate the fix.
    if (on) return ruledOut({ key: `${K}.on` }, [on.evidence]);
    if (cniErrors.length > 0)
      return finding('high', { key: `${K}.cniSays` }, cniErrors.slice(0, 3));

    for (const { source, facts } of ctx.of('lsmod')) {
      const mod = facts.modules.br_netfilter;
      if (mod) return ruledOut({ key: `${K}.loaded` }, [cite(source, mod)]);
      const listed = listsModule(facts, 'br_netfilter');
      const bridge = facts.modules.bridge;
      if (listed)
        return finding('medium', { key: `${K}.notLoaded` }, bridge ? [cite(source, bridge)] : []);
    }

    // nslookup/dig asked the DNS Service and the answer came from a pod address: the reply
    // skipped the reverse DNAT, the mark of a bridge whose frames bypass iptables.
    for (const { source, facts } of ctx.of('dns-answer')) {
      const u = facts.unexpected.filter((x) => x.from !== x.expected);
      if (u.length === 0) continue;
      return finding(
        'medium',
        { key: `${K}.unexpectedReply`, params: { from: u[0]!.from, expected: u[0]!.expected } },
        u.slice(0, 2).map((x) => cite(source, x)),
      );
    }

    for (const { source, facts } of ctx.of('kernel-log')) {
      const hint = facts.events['br-netfilter-hint'];
      if (hint && /no longer available/.test(hint.last.text))
        return finding('low', { key: `${K}.kernelHint` }, [cite(source, hint.last)]);
    }
    return noEvidence;
  },
  fix: {
    now: 'sudo modprobe br_netfilter\nsudo sysctl -w net.bridge.bridge-nf-call-iptables=1 net.bridge.bridge-nf-call-ip6tables=1',
    persist:
      "echo br_netfilter | sudo tee /etc/modules-load.d/br_netfilter.conf\nprintf '%s\\n' 'net.bridge.bridge-nf-call-iptables = 1' 'net.bridge.bridge-nf-call-ip6tables = 1' | sudo tee /etc/sysctl.d/90-net-triage-bridge.conf\nsudo sysctl --system\n# @{restartCni}",
    verify:
      'lsmod | grep br_netfilter\nsysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables',
    rollback:
      '# @{rollback}\nsudo rm /etc/modules-load.d/br_netfilter.conf /etc/sysctl.d/90-net-triage-bridge.conf',
  },
});
