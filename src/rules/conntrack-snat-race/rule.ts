import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Evidence } from '../../engine/types';
import { conntrackGrowth } from '../combine/conntrack-growth';

const K = 'cause.conntrack-snat-race.verdict';
/** A handful of lost insertions since boot is noise; a steady stream is the race. */
const SOME = 10;

/**
 * Two flows from the same pod (A and AAAA lookups over one socket, parallel connects) get the
 * same SNAT/DNAT tuple and the second insertion into conntrack fails: its packet is dropped.
 * `insert_failed` counts exactly that; growing between two pastes, it is happening now.
 */
export default defineRule({
  cause: 'conntrack-snat-race',
  needs: ['conntrack-S'],
  check(ctx) {
    const pastes = ctx.of('conntrack-S');
    const growth = conntrackGrowth(ctx);
    const amplifiers = resolvAmplifiers(ctx);
    if (growth) {
      const d = growth.byName.insert_failed;
      if (d && d.delta > 0) {
        const ev: Evidence = { source: growth.source, line: d.line, text: d.text };
        return finding('high', { key: `${K}.growing`, params: { delta: d.delta } }, [
          ev,
          ...amplifiers,
        ]);
      }
      const last = pastes.at(-1)!;
      const c = last.facts.counters.insert_failed;
      if (c)
        return ruledOut({ key: `${K}.notGrowing`, params: { n: c.value } }, [cite(last.source, c)]);
    }
    let seen: Evidence | null = null;
    for (const { source, facts } of pastes) {
      const c = facts.counters.insert_failed;
      if (!c) continue;
      if (c.value > 0) {
        const cpus = facts.cpus.filter((x) => (x.counters.insert_failed ?? 0) > 0);
        const rows = cpus.slice(0, 3).map((x) => cite(source, x));
        const evidence = rows.length > 0 ? rows : [cite(source, c)];
        const params = { n: c.value, cpus: Math.max(cpus.length, 1) };
        // A few lost insertions over the node's whole uptime happen anywhere: only a count that
        // is more than that, or one that grows between two pastes, shows the race biting.
        if (c.value < SOME) return ruledOut({ key: `${K}.handful`, params }, evidence);
        return finding('medium', { key: `${K}.failed`, params }, [...evidence, ...amplifiers]);
      }
      seen ??= cite(source, c);
    }
    if (seen) return ruledOut({ key: `${K}.noFailures` }, [seen]);
    return noEvidence;
  },
  fix: {
    now: '# @{confirm}\nsudo conntrack -S | grep -o -E \'cpu=[0-9]+|insert_failed=[0-9]+\' | paste - -\n# @{dnsConfig}\nkubectl -n {ns} patch deployment {deploy} --type merge -p \'{"spec":{"template":{"spec":{"dnsConfig":{"options":[{"name":"single-request-reopen"},{"name":"ndots","value":"2"}]}}}}}\'',
    persist:
      "# @{nodeLocal}\nkubectl -n kube-system get daemonset node-local-dns\n# @{randomFully}\nsudo iptables-save -t nat | grep -e MASQUERADE | grep -c -e '--random-fully'",
    verify:
      "sudo conntrack -S | grep -o 'insert_failed=[0-9]*'   # @{runTwice}\nkubectl -n {ns} exec deploy/{deploy} -- cat /etc/resolv.conf",
    rollback:
      'kubectl -n {ns} patch deployment {deploy} --type json -p \'[{"op":"remove","path":"/spec/template/spec/dnsConfig"}]\'',
    defaults: { ns: 'NAMESPACE', deploy: 'DEPLOYMENT' },
  },
});

/** A pod resolv.conf with `ndots:5` and several search domains turns one lookup into many parallel ones. */
function resolvAmplifiers(ctx: RuleContext): Evidence[] {
  for (const { source, facts } of ctx.of('resolv-conf')) {
    const search = facts.search?.value ?? [];
    if (facts.ndots >= 5 && search.length >= 3 && facts.search) {
      const ndots = facts.options.ndots;
      return [cite(source, facts.search), ...(ndots ? [cite(source, ndots)] : [])];
    }
  }
  return [];
}
