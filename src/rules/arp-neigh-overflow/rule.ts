import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import type { Evidence } from '../../engine/types';
import { sysctlFirst } from '../combine/sysctl';

const K = 'cause.arp-neigh-overflow.verdict';
/** The kernel's default hard limit of the neighbour table. */
const DEFAULT_THRESH3 = 1024;

/**
 * The neighbour (ARP/NDP) table hit gc_thresh3: the kernel logs "neighbor table overflow" and
 * cannot resolve new peers, so some of them become unreachable until entries expire.
 */
export default defineRule({
  cause: 'arp-neigh-overflow',
  needs: ['kernel-log', 'sysctl'],
  check(ctx) {
    const logged: Evidence[] = [];
    let ipv6 = false;
    let lines = 0;
    for (const { source, facts } of ctx.of('kernel-log')) {
      lines += facts.lines;
      const e = facts.events['neigh-overflow'];
      if (!e) continue;
      const all = [...e.examples, e.last].filter(
        (c, i, a) => a.findIndex((x) => x.line === c.line) === i,
      );
      logged.push(...all.map((c) => cite(source, c)));
      if (all.some((c) => /ndisc_cache/.test(c.text))) ipv6 = true;
    }
    const family = ipv6 && !logged.some((e) => /arp_cache|ipv4/i.test(e.text)) ? 'ipv6' : 'ipv4';
    const thresh3 = sysctlFirst(ctx, `net.${family}.neigh.default.gc_thresh3`);
    const raised = thresh3 !== null && thresh3.n > DEFAULT_THRESH3;

    if (logged.length > 0) {
      const evidence = [...logged.slice(0, 4), ...(thresh3 ? [thresh3.evidence] : [])];
      return finding(
        raised ? 'medium' : 'high',
        {
          key: `${K}.${raised ? 'overflowRaised' : 'overflow'}`,
          params: { n: thresh3?.n ?? DEFAULT_THRESH3 },
        },
        evidence,
        { family },
      );
    }
    if (raised)
      return ruledOut({ key: `${K}.raised`, params: { n: thresh3.n } }, [thresh3.evidence]);
    if (lines > 0) return ruledOut({ key: `${K}.quietLog`, params: { n: lines } });
    return noEvidence;
  },
  fix: {
    now: '# @{count}\nip neigh show | wc -l\nsudo sysctl -w net.{family}.neigh.default.gc_thresh1=80000 net.{family}.neigh.default.gc_thresh2=90000 net.{family}.neigh.default.gc_thresh3=100000',
    persist:
      "printf '%s\\n' 'net.{family}.neigh.default.gc_thresh1 = 80000' 'net.{family}.neigh.default.gc_thresh2 = 90000' 'net.{family}.neigh.default.gc_thresh3 = 100000' | sudo tee /etc/sysctl.d/90-net-triage-neigh.conf\nsudo sysctl --system",
    verify:
      "sysctl net.{family}.neigh.default.gc_thresh3\ndmesg -T | grep -c 'neighbor table overflow'   # @{noNew}",
    rollback:
      'sudo rm /etc/sysctl.d/90-net-triage-neigh.conf\nsudo sysctl -w net.{family}.neigh.default.gc_thresh1=128 net.{family}.neigh.default.gc_thresh2=512 net.{family}.neigh.default.gc_thresh3=1024',
    defaults: { family: 'ipv4' },
  },
});
