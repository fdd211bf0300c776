import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';

const K = 'cause.ingress-stray-traffic.verdict';
/** Handshakes or closes the peer never completed: what unreachable clients leave behind. */
const HALF_OPEN = ['SYN_RECV', 'FIN_WAIT', 'LAST_ACK'];
/**
 * The same in a socket listing (`ss -tan`, `netstat -ant`, their histograms): our SYN-ACK or FIN
 * the peer never acknowledged. FIN-WAIT-2 is left out: the peer did acknowledge.
 */
const SOCKET_HALF_OPEN = ['SYN-RECV', 'NEW-SYN-RECV', 'FIN-WAIT-1', 'LAST-ACK', 'CLOSING'];
/** Below this many, a busy router's half-open entries are ordinary churn. */
const FEW = 200;
const MANY = 1000;
const MIN_SHARE = 0.005;

/**
 * Abandoned domains that still resolve (wildcard DNS) to the ingress bring clients that never
 * finish their handshakes or closes: conntrack fills with SYN_RECV / FIN_WAIT / LAST_ACK, and
 * the access log shows hosts no Ingress serves (the default backend answers them).
 */
export default defineRule({
  cause: 'ingress-stray-traffic',
  needs: ['conntrack', 'ss', 'ingress-nginx-log'],
  check(ctx) {
    let halfOpen = 0;
    let total = 0;
    const stateEv: Evidence[] = [];
    for (const { source, facts } of ctx.of('conntrack')) {
      total += facts.total;
      for (const s of HALF_OPEN) {
        halfOpen += facts.states[s] ?? 0;
        const ex = facts.examples[s]?.[0];
        if (ex && (facts.states[s] ?? 0) > 0) stateEv.push(cite(source, ex));
      }
    }
    // Sockets: a listing or histogram counts every state; `ss -s` only `synrecv` of them.
    let incomplete = false;
    for (const { source, facts, complete } of ctx.of('ss')) {
      if (complete === false) incomplete = true;
      if (facts.format === 'summary') {
        const tcp = facts.summary?.tcp;
        if (!tcp || tcp.value.synrecv === undefined) continue;
        total += tcp.value.total ?? 0;
        halfOpen += tcp.value.synrecv;
        stateEv.push(cite(source, tcp));
        continue;
      }
      const listen = facts.states.LISTEN ?? 0;
      total += facts.total - listen;
      for (const s of SOCKET_HALF_OPEN) {
        halfOpen += facts.states[s] ?? 0;
        const ex = facts.examples[s]?.[0];
        if (ex && (facts.states[s] ?? 0) > 0) stateEv.push(cite(source, ex));
      }
    }
    let stray = 0;
    let requests = 0;
    for (const { facts } of ctx.of('ingress-nginx-log')) {
      stray += facts.access.defaultBackend;
      requests += facts.access.total;
    }
    const strayEv = strayLines(ctx);
    const strayShare = requests > 0 ? stray / requests : 0;
    const strayHosts = stray >= 10 || (stray > 0 && strayShare >= 0.2);
    const params = { halfOpen, total, stray, requests };

    // Many, and not a sliver of a huge table (a busy router churns through some all the time).
    if (halfOpen >= FEW && halfOpen >= total * MIN_SHARE) {
      let confidence: Confidence = halfOpen >= MANY ? 'medium' : 'low';
      if (strayHosts) confidence = 'high';
      return finding(confidence, { key: `${K}.halfOpen`, params }, [
        ...stateEv.slice(0, 3),
        ...strayEv,
      ]);
    }
    // The log keeps only 5xx lines to cite: without one the count alone is no evidence to show.
    if (strayHosts && strayEv.length > 0)
      return finding('low', { key: `${K}.strayHosts`, params }, strayEv);
    // A listing with lines its parser could not read may hide the half-open rows; one too short
    // to hold FEW of them (a grep for one port, a single socket) rules nothing out.
    if (total >= FEW && !incomplete)
      return ruledOut({ key: `${K}.fewHalfOpen`, params }, stateEv.slice(0, 2));
    return noEvidence;
  },
  fix: {
    now: [
      '# @{hosts}',
      'kubectl -n {ingressns} logs deploy/{controller} --tail=5000 | grep -F "[upstream-default-backend]" | head',
      '# @{catchAll}',
      'kubectl -n {ingressns} patch configmap {configmap} --type merge -p "$(printf \'{"data":{"http-snippet":"server { listen 80; server_name %s; return 444; }"}}\' {strayhosts})"',
    ].join('\n'),
    persist: '# @{dns}',
    verify: [
      'curl -sv -H "Host: $(echo {strayhosts} | sed \'s/^\\*\\./probe./\')" http://{ingressip}/   # @{verify}',
      "sudo conntrack -L 2>/dev/null | awk '{print $4}' | sort | uniq -c | sort -n | tail",
    ].join('\n'),
    rollback:
      'kubectl -n {ingressns} patch configmap {configmap} --type json -p \'[{"op":"remove","path":"/data/http-snippet"}]\'',
    defaults: {
      ingressns: 'ingress-nginx',
      controller: 'ingress-nginx-controller',
      configmap: 'ingress-nginx-controller',
      strayhosts: '*.old.example.com',
      ingressip: 'INGRESS_IP',
    },
  },
});

/** Access lines the default backend answered: requests for hosts without an Ingress. */
function strayLines(ctx: RuleContext): Evidence[] {
  const out: Evidence[] = [];
  for (const { source, facts } of ctx.of('ingress-nginx-log'))
    for (const a of facts.access.serverErrors)
      if (a.upstreamName === 'upstream-default-backend' && out.length < 2)
        out.push(cite(source, a));
  return out;
}
