import { cite, defineRule, finding, noEvidence, notApplicable, ruledOut } from '../rule';
import type { Evidence } from '../../engine/types';

const K = 'cause.tcp-tw-recycle-nat.verdict';

/**
 * tcp_tw_recycle=1 with timestamps on arms the per-peer PAWS cache that drops SYNs from
 * clients sharing one NAT address. The knob is gone from kernel 4.12 on.
 */
export default defineRule({
  cause: 'tcp-tw-recycle-nat',
  needs: ['sysctl', 'netstat-s'],
  check(ctx) {
    const counters: Evidence[] = [];
    let pawsSeen = false; // a full TcpExt section without PAWSPassive means none were rejected
    for (const { source, facts } of ctx.of('netstat-s')) {
      const paws = facts.counters.TcpExtPAWSPassive;
      const drops = facts.counters.TcpExtListenDrops;
      if (paws && paws.value > 0) counters.push(cite(source, paws));
      if (drops && drops.value > 0 && paws && paws.value > 0) counters.push(cite(source, drops));
      if (paws || Object.keys(facts.counters).some((k) => k.startsWith('TcpExt'))) pawsSeen = true;
    }
    for (const { source, facts } of ctx.of('sysctl')) {
      const recycle = facts.values['net.ipv4.tcp_tw_recycle'];
      const stamps = facts.values['net.ipv4.tcp_timestamps'];
      if (!recycle) {
        if (facts.missing['net.ipv4.tcp_tw_recycle']) return notApplicable({ key: `${K}.absent` });
        continue;
      }
      if (recycle.value.trim() !== '1')
        return ruledOut({ key: `${K}.off` }, [cite(source, recycle)]);
      if (stamps && stamps.value.trim() === '0') {
        return ruledOut({ key: `${K}.noTimestamps` }, [
          cite(source, recycle),
          cite(source, stamps),
        ]);
      }
      const evidence = [
        cite(source, recycle),
        ...(stamps ? [cite(source, stamps)] : []),
        ...counters,
      ];
      const sure = stamps !== undefined || counters.length > 0;
      return finding(sure ? 'high' : 'medium', { key: `${K}.why` }, evidence);
    }
    if (counters.length > 0) return finding('low', { key: `${K}.countersOnly` }, counters);
    if (pawsSeen) return ruledOut({ key: `${K}.noPawsRejects` });
    return noEvidence;
  },
  fix: {
    now: 'sudo sysctl -w net.ipv4.tcp_tw_recycle=0',
    persist:
      "echo 'net.ipv4.tcp_tw_recycle = 0' | sudo tee /etc/sysctl.d/90-net-triage-tw-recycle.conf\n# @{removeOld}\ngrep -rn 'tcp_tw_recycle' /etc/sysctl.conf /etc/sysctl.d/",
    verify:
      "sysctl net.ipv4.tcp_tw_recycle\nnetstat -s | grep -i -E 'time stamp|LISTEN'   # @{runTwice}",
    rollback: 'sudo rm /etc/sysctl.d/90-net-triage-tw-recycle.conf   # @{never}',
  },
});
