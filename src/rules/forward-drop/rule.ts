import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import type { Evidence } from '../../engine/types';

const K = 'cause.forward-drop.verdict';

/** The node must forward: ip_forward=1, and a FORWARD policy of DROP needs kube-proxy's accepts. */
export default defineRule({
  cause: 'forward-drop',
  needs: ['sysctl', 'iptables-save', 'iptables-L'],
  check(ctx) {
    const healthy: Evidence[] = [];
    for (const { source, facts } of ctx.of('sysctl')) {
      const fwd = facts.values['net.ipv4.ip_forward'];
      if (fwd?.value.trim() === '0')
        return finding('high', { key: `${K}.ipForwardOff` }, [cite(source, fwd)]);
      if (fwd) healthy.push(cite(source, fwd));
    }
    const listings = [
      ...ctx.of('iptables-save').map(({ source, facts }) => ({
        source,
        chains: facts.chains.filter((c) => c.table !== 'nat'),
        rules: facts.rules,
      })),
      ...ctx
        .of('iptables-L')
        .map(({ source, facts }) => ({ source, chains: facts.chains, rules: facts.rules })),
    ];
    for (const { source, chains, rules } of listings) {
      const forward = chains.find((c) => c.name === 'FORWARD' && c.policy !== null);
      if (!forward) continue;
      if (forward.policy !== 'DROP') {
        healthy.push(cite(source, forward));
        continue;
      }
      const accepts = rules.filter(
        (r) =>
          r.chain === 'FORWARD' &&
          /^(?:KUBE-FORWARD|ACCEPT|cali-FORWARD|FLANNEL-FWD|CILIUM_FORWARD)$/.test(r.target ?? ''),
      );
      const evidence = [cite(source, forward), ...accepts.slice(0, 3).map((r) => cite(source, r))];
      if (accepts.length === 0)
        return finding('high', { key: `${K}.policyDropNoAccept` }, evidence);
      // The accept rules are there, yet the policy keeps counting: traffic falls through them.
      if ((forward.policyPackets ?? 0) > 0)
        return finding('medium', { key: `${K}.policyDropCounting` }, evidence);
    }
    return healthy.length > 0 ? ruledOut({ key: `${K}.forwarding` }, healthy) : noEvidence;
  },
  fix: {
    now: 'sudo sysctl -w net.ipv4.ip_forward=1\nsudo iptables -P FORWARD ACCEPT',
    persist:
      "echo 'net.ipv4.ip_forward = 1' | sudo tee /etc/sysctl.d/90-net-triage-forward.conf\n# @{docker}",
    verify:
      'sysctl net.ipv4.ip_forward\nsudo iptables -S FORWARD | head -3\nsudo iptables -L FORWARD -v -n | head -2   # @{counter}',
    rollback: 'sudo iptables -P FORWARD DROP\nsudo rm /etc/sysctl.d/90-net-triage-forward.conf',
  },
});
