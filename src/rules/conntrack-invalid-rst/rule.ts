import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import { conntrackGrowth } from '../combine/conntrack-growth';
import { sysctlFirst } from '../combine/sysctl';

const K = 'cause.conntrack-invalid-rst.verdict';
const LIBERAL = 'net.netfilter.nf_conntrack_tcp_be_liberal';
/** Invalid packets since boot worth a look; below this the counter says nothing. */
const SINCE_BOOT = 100;
/** Invalid packets worth a look when the kernel also counts lookups (`found`, `new`). */
const NOTABLE_SHARE = 0.001;
/** Growth between two pastes that is more than stray ICMP errors. */
const GROWING = 10;
const INVALID_DROP =
  /--ctstate\s+(?:\S*,)?INVALID(?:,\S*)?\s.*-j\s+DROP|--state\s+(?:\S*,)?INVALID(?:,\S*)?\s.*-j\s+DROP|ctstate INVALID|state INVALID/;

/**
 * Out-of-window TCP packets are marked INVALID, skip the reverse NAT and reach a socket that
 * answers RST. It needs all three: INVALID packets (conntrack -S `invalid`), strict window
 * tracking (be_liberal = 0), and nothing dropping INVALID packets first.
 */
export default defineRule({
  cause: 'conntrack-invalid-rst',
  needs: ['conntrack-S', 'sysctl', 'iptables-save', 'iptables-L'],
  check(ctx) {
    const liberal = sysctlFirst(ctx, LIBERAL);
    if (liberal && liberal.n > 0) return ruledOut({ key: `${K}.liberal` }, [liberal.evidence]);
    const drop = invalidDrop(ctx);
    // kube-proxy's drop sits in FORWARD; IPVS traffic reaches the node through INPUT instead.
    const covers = drop.rule && (ctx.vars.mode !== 'ipvs' || /INPUT/.test(drop.chain));
    if (drop.rule && covers) return ruledOut({ key: `${K}.dropped` }, [drop.rule]);

    const growth = conntrackGrowth(ctx);
    const grew = growth?.byName.invalid;
    let counter: Evidence | null = null;
    let score = 0;
    let key = 'sinceBoot';
    let n = 0;
    if (growth) {
      const last = ctx.of('conntrack-S').at(-1)!;
      const c = last.facts.counters.invalid;
      if (!grew || grew.delta < GROWING)
        return c ? ruledOut({ key: `${K}.notGrowing` }, [cite(last.source, c)]) : noEvidence;
      counter = { source: growth.source, line: grew.line, text: grew.text };
      score = 2;
      key = 'growing';
      n = grew.delta;
    } else {
      for (const { source, facts } of ctx.of('conntrack-S')) {
        const c = facts.counters.invalid;
        // Older kernels also count lookups: a few invalid packets among millions are noise.
        const traffic = (facts.counters.found?.value ?? 0) + (facts.counters.new?.value ?? 0);
        const share = traffic > 0 && c ? c.value / traffic : 1;
        if (c && c.value >= SINCE_BOOT && share >= NOTABLE_SHARE && c.value > n) {
          counter = cite(source, c);
          n = c.value;
          score = 1;
        }
      }
    }
    if (!counter) {
      const small = ctx
        .of('conntrack-S')
        .map(({ source, facts }) =>
          facts.counters.invalid ? cite(source, facts.counters.invalid) : null,
        )
        .find((e) => e !== null);
      return small ? ruledOut({ key: `${K}.few` }, [small]) : noEvidence;
    }
    const evidence = [counter];
    let support = 0;
    if (liberal) {
      evidence.push(liberal.evidence);
      support += 1;
    }
    if (drop.complete && !drop.rule) support += 1;
    // Every node collects some INVALID packets over its uptime (late retransmissions after a
    // close, stray ICMP errors): a since-boot count says something only next to strict tracking
    // or a filter table shown without an INVALID drop, and weighs less than growth.
    if (key === 'sinceBoot') {
      if (support === 0) return ruledOut({ key: `${K}.sinceBootOnly`, params: { n } }, [counter]);
      score -= 1;
    }
    score += support;
    const confidence: Confidence = score >= 3 ? 'high' : score === 2 ? 'medium' : 'low';
    return finding(confidence, { key: `${K}.${key}`, params: { n } }, evidence);
  },
  fix: {
    now: 'sudo sysctl -w net.netfilter.nf_conntrack_tcp_be_liberal=1',
    persist:
      "echo 'net.netfilter.nf_conntrack_tcp_be_liberal = 1' | sudo tee /etc/sysctl.d/90-net-triage-ct-liberal.conf\n# @{module}\necho nf_conntrack | sudo tee /etc/modules-load.d/90-net-triage-nf_conntrack.conf\n# @{kubeProxy}\n#   conntrack:\n#     tcpBeLiberal: true\n# @{orDrop}\nsudo iptables -I FORWARD -m conntrack --ctstate INVALID -j DROP",
    verify:
      "sysctl net.netfilter.nf_conntrack_tcp_be_liberal\nsudo conntrack -S | grep -o 'invalid=[0-9]*'   # @{runTwice}",
    rollback:
      'sudo rm /etc/sysctl.d/90-net-triage-ct-liberal.conf /etc/modules-load.d/90-net-triage-nf_conntrack.conf\nsudo sysctl -w net.netfilter.nf_conntrack_tcp_be_liberal=0',
  },
});

/**
 * A rule dropping INVALID packets (kube-proxy adds one to KUBE-FORWARD since 1.15), and whether
 * a filter table was pasted whole enough to say there is none.
 */
function invalidDrop(ctx: RuleContext): {
  rule: Evidence | null;
  chain: string;
  complete: boolean;
} {
  let complete = false;
  for (const { source, facts } of ctx.of('iptables-save')) {
    for (const r of facts.rules)
      if (
        (r.table === 'filter' || r.table === 'unknown') &&
        r.target === 'DROP' &&
        INVALID_DROP.test(r.text)
      )
        return { rule: cite(source, r), chain: r.chain, complete: true };
    // Without grep: a filter table with its built-in chains declared.
    if (
      facts.format === 'save' &&
      facts.chains.some((c) => c.table === 'filter' && c.name === 'FORWARD')
    )
      complete = true;
  }
  for (const { source, facts } of ctx.of('iptables-L')) {
    if (facts.table && facts.table.value !== 'filter') continue;
    for (const r of facts.rules)
      if (r.target === 'DROP' && INVALID_DROP.test(r.text))
        return { rule: cite(source, r), chain: r.chain, complete: true };
  }
  return { rule: null, chain: '', complete };
}
