import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Evidence } from '../../engine/types';
import { sysctlFirst } from '../combine/sysctl';

const K = 'cause.arp-neigh-overflow.verdict';
/** The kernel's default hard limit of the neighbour table. */
const DEFAULT_THRESH3 = 1024;

/**
 * The neighbour (ARP/NDP) table hit gc_thresh3: the kernel logs "neighbor table overflow" and
 * cannot resolve new peers, so some of them become unreachable until entries expire.
 */
/** Kernel log lines, read whole, that can stand for a quiet log. */
const QUIET_LOG_LINES = 10;

export default defineRule({
  cause: 'arp-neigh-overflow',
  needs: ['kernel-log', 'sysctl', 'ip-neigh', 'ping-mtu'],
  check(ctx) {
    const logged: Evidence[] = [];
    let ipv6 = false;
    let lines = 0;
    for (const { source, facts, complete } of ctx.of('kernel-log')) {
      // Only a log read whole can say the overflow never happened.
      if (complete) lines += facts.lines;
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
    const table = neighTable(ctx, family);

    if (logged.length > 0) {
      // Peers that could not be resolved, as `ip neigh` and `ping` show them, bear it out.
      const evidence = [
        ...logged.slice(0, 4),
        ...(thresh3 ? [thresh3.evidence] : []),
        ...table.unresolved.slice(0, 2),
        ...unreachablePings(ctx).slice(0, 1),
      ];
      const n = thresh3?.n ?? DEFAULT_THRESH3;
      // The kernel refused entries, so the finding stands; but a listing far below the limit says
      // the table is not full now: it drained since, or the kernel counts entries it does not list
      // (some early 5.x kernels leaked their gc count). Say so rather than call the table full.
      const roomy = !raised && table.first !== null && table.counted * 2 < n;
      const first = table.first;
      if (
        roomy &&
        first &&
        !evidence.some((e) => e.source === first.source && e.line === first.line)
      )
        evidence.push(first);
      return finding(
        raised ? 'medium' : 'high',
        {
          key: `${K}.${raised ? 'overflowRaised' : roomy ? 'overflowRoomy' : 'overflow'}`,
          params: { n, entries: table.counted },
        },
        evidence,
        { family },
      );
    }
    // `ping: sendmsg: Invalid argument` is what a full table does to a sender: the IPv4 output
    // path answers EINVAL when it cannot create a neighbour entry (and the kernel's own overflow
    // lines are often rate-limited away, `net_ratelimit: N callbacks suppressed`). Medium beside
    // a table as large as the limit (the default when none is pasted) or the limit left at its
    // default; low alone. A raised limit or a table far from it points elsewhere.
    const invalid = family === 'ipv4' ? sendInvalid(ctx) : [];
    if (invalid.length > 0) {
      const limit = thresh3 && Number.isFinite(thresh3.n) ? thresh3.n : DEFAULT_THRESH3;
      const full = table.first !== null && table.counted >= limit;
      const roomy = table.first !== null && table.counted * 2 < limit;
      if (full || (!raised && !roomy))
        return finding(
          full || thresh3 !== null ? 'medium' : 'low',
          {
            key: `${K}.${full ? 'sendInvalidFull' : thresh3 ? 'sendInvalidDefault' : 'sendInvalid'}`,
            params: { entries: table.counted, n: limit },
          },
          [
            ...invalid.slice(0, 2),
            ...(thresh3 ? [thresh3.evidence] : []),
            ...(full && table.first ? [table.first] : []),
          ],
          { family },
        );
    }
    // Without a log: a table listing as many entries as gc_thresh3 allows is full. Only against
    // the pasted limit: with the default assumed, a raised limit would make it a false alarm.
    if (table.first && thresh3 && Number.isFinite(thresh3.n) && table.counted >= thresh3.n)
      return finding(
        'medium',
        { key: `${K}.tableFull`, params: { entries: table.counted, n: thresh3.n } },
        [thresh3.evidence, ...table.unresolved.slice(0, 2), table.first],
        { family },
      );
    if (raised)
      return ruledOut({ key: `${K}.raised`, params: { n: thresh3.n } }, [thresh3.evidence]);
    // A handful of lines (one grepped message) says nothing of the messages not shown.
    if (lines >= QUIET_LOG_LINES) return ruledOut({ key: `${K}.quietLog`, params: { n: lines } });
    const limit = thresh3 && Number.isFinite(thresh3.n) ? thresh3.n : DEFAULT_THRESH3;
    if (table.first && table.counted * 2 < limit)
      return ruledOut({ key: `${K}.tableRoomy`, params: { entries: table.counted, n: limit } }, [
        table.first,
      ]);
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

/** The neighbour entries `ip neigh` lists for a family, with the FAILED and INCOMPLETE ones. */
function neighTable(
  ctx: RuleContext,
  family: 'ipv4' | 'ipv6',
): { counted: number; unresolved: Evidence[]; first: Evidence | null } {
  let counted = 0;
  // Counts (`arp -an | wc -l`) of the same table taken one after another: the largest, not a sum.
  let largestCount = 0;
  let countLine: Evidence | null = null;
  const unresolved: Evidence[] = [];
  let first: Evidence | null = null;
  for (const { source, facts } of ctx.of('ip-neigh')) {
    const fam = family === 'ipv4' ? facts.inet : facts.inet6;
    if (fam.entries === 0) continue;
    if (facts.listed) {
      if (fam.counted > largestCount && facts.first) {
        largestCount = fam.counted;
        countLine = cite(source, facts.first);
      }
      continue;
    }
    counted += fam.counted;
    first ??= facts.first ? cite(source, facts.first) : null;
    const ofFamily = (c: { value: string }) =>
      c.value.split(' ')[0]!.includes(':') === (family === 'ipv6');
    for (const c of [...(facts.examples.FAILED ?? []), ...(facts.examples.INCOMPLETE ?? [])])
      if (ofFamily(c)) unresolved.push(cite(source, c));
  }
  return largestCount > counted
    ? { counted: largestCount, unresolved, first: countLine }
    : { counted, unresolved, first };
}

/** `ping: sendmsg: Invalid argument` lines of IPv4 (or unnamed) targets, one per paste. */
function sendInvalid(ctx: RuleContext): Evidence[] {
  return ctx
    .of('ping-mtu')
    .flatMap(({ source, facts }) => (facts.sendInvalid ? [cite(source, facts.sendInvalid)] : []));
}

/** `ping` lines saying a host could not be reached (no neighbour entry for it, among other reasons). */
function unreachablePings(ctx: RuleContext): Evidence[] {
  return ctx
    .of('ping-mtu')
    .flatMap(({ source, facts }) =>
      facts.unreachable && /Host Unreachable|Address unreachable/i.test(facts.unreachable.text)
        ? [cite(source, facts.unreachable)]
        : [],
    );
}
