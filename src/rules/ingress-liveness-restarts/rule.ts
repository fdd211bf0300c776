import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Evidence } from '../../engine/types';
import type { KubectlDescribeFacts } from '../../parsers/kubectl-describe/facts';
import { eventRecords } from '../combine/k8s';

const K = 'cause.ingress-liveness-restarts.verdict';
/** ingress-nginx serves /healthz on 10254. */
const HEALTH_PORT = 10254;
const INGRESS = /ingress/i;

/**
 * The kubelet kills the controller when /healthz on 10254 times out a few times in a row;
 * under packet loss on its node (a full conntrack table) that happens to healthy controllers,
 * and every restart drops the connections going through it.
 */
export default defineRule({
  cause: 'ingress-liveness-restarts',
  needs: ['kubectl-describe', 'kubectl-get', 'k8s-object'],
  check(ctx) {
    let healthy: Evidence | null = null;
    for (const { source, facts } of ctx.of('kubectl-describe')) {
      if (!isController(facts)) continue;
      const liveness = facts.events.filter(
        (e) =>
          e.probe?.kind === 'liveness' && (e.probe.port === null || e.probe.port === HEALTH_PORT),
      );
      // `failed liveness probe, will be restarted`; before 1.10 `is unhealthy, it will be killed and re-created`.
      const killed = facts.events.filter(
        (e) =>
          (/liveness probe/i.test(e.message) && /restart|will be killed/i.test(e.message)) ||
          /is unhealthy, it will be killed/i.test(e.message),
      );
      const restarts = facts.containers
        .filter((c) => !c.init && c.restartCount)
        .map((c) => c.restartCount!)
        .sort((a, b) => b.value - a.value)[0];
      if (liveness.length + killed.length > 0) {
        const failures = [...liveness, ...killed].reduce((n, e) => n + e.count, 0);
        const restarted = killed.length > 0 || (restarts?.value ?? 0) > 0;
        return finding(
          restarted ? 'high' : 'medium',
          {
            key: `${K}.${restarted ? 'restarted' : 'failing'}`,
            params: { n: failures, restarts: restarts ? String(restarts.value) : '?' },
          },
          [
            ...liveness.slice(0, 2).map((e) => cite(source, e)),
            ...killed.slice(0, 2).map((e) => cite(source, e)),
            ...(restarts && restarts.value > 0 ? [cite(source, restarts)] : []),
          ],
          {
            ...(facts.namespace ? { ingressns: facts.namespace.value } : {}),
            ...probeVars(facts),
          },
        );
      }
      const probe = facts.containers.find((c) => c.liveness?.port === HEALTH_PORT)?.liveness;
      if (restarts && restarts.value === 0 && (facts.events.length > 0 || facts.eventsNone))
        healthy ??= cite(source, restarts);
      else if (restarts && restarts.value > 0 && probe)
        return finding('low', { key: `${K}.restartsOnly`, params: { restarts: restarts.value } }, [
          cite(source, restarts),
          cite(source, probe),
        ]);
    }
    // `kubectl get events`: the kubelet's probe failures and kills of a controller pod.
    const events = eventRows(ctx);
    if (events.failed.length + events.killed.length > 0) {
      const killed = events.killed.length > 0;
      return finding(
        killed ? 'high' : 'medium',
        {
          key: `${K}.${killed ? 'restarted' : 'failing'}`,
          params: { n: events.failed.length + events.killed.length, restarts: '?' },
        },
        [...events.failed.slice(0, 2), ...events.killed.slice(0, 2)],
      );
    }
    // `kubectl get pods`: controller rows whose restart count grows between two pastes.
    const counts = new Map<string, { first: number; last: number; ev: Evidence[] }>();
    for (const { source, facts } of ctx.of('kubectl-get'))
      for (const t of facts.tables)
        for (const r of t.rows) {
          const name = r.cells.NAME ?? '';
          if (r.restarts === null || !INGRESS.test(name) || (t.resource && t.resource !== 'pod'))
            continue;
          const c = counts.get(name);
          if (c) [c.last, c.ev] = [r.restarts, [...c.ev, cite(source, r)]];
          else counts.set(name, { first: r.restarts, last: r.restarts, ev: [cite(source, r)] });
        }
    const climbing = [...counts.values()].find((c) => c.last > c.first);
    if (climbing)
      return finding(
        'medium',
        { key: `${K}.climbing`, params: { restarts: climbing.last } },
        climbing.ev.slice(-2),
      );
    const restarting = [...counts.values()].sort((a, b) => b.last - a.last).find((c) => c.last > 0);
    if (restarting)
      return finding(
        'low',
        { key: `${K}.restartsOnly`, params: { restarts: restarting.last } },
        restarting.ev.slice(-1),
      );
    if (healthy) return ruledOut({ key: `${K}.noRestarts` }, [healthy]);
    const steady = [...counts.values()].find((c) => c.last === 0);
    if (steady) return ruledOut({ key: `${K}.noRestarts` }, steady.ev.slice(-1));
    return noEvidence;
  },
  fix: {
    now: [
      '# @{cause}',
      'kubectl -n {ingressns} get pods -o wide -l app.kubernetes.io/name=ingress-nginx',
      "dmesg -T | grep -i -e 'table full' -e 'dropping packet' | tail   # @{onNode}",
      '# @{threshold}',
      'kubectl -n {ingressns} patch {workload} --type=json -p \'[{"op":"add","path":"/spec/template/spec/containers/0/livenessProbe/failureThreshold","value":5},{"op":"add","path":"/spec/template/spec/containers/0/livenessProbe/timeoutSeconds","value":5}]\'',
    ].join('\n'),
    persist: '# @{helm}',
    verify: [
      'kubectl -n {ingressns} get {workload} -o yaml | grep -A8 livenessProbe',
      'kubectl -n {ingressns} get pods -l app.kubernetes.io/name=ingress-nginx   # @{verify}',
    ].join('\n'),
    rollback:
      'kubectl -n {ingressns} patch {workload} --type=json -p \'[{"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/failureThreshold","value":{threshold}},{"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/timeoutSeconds","value":{probetimeout}}]\'',
    defaults: {
      ingressns: 'ingress-nginx',
      workload: 'deployment/ingress-nginx-controller',
      threshold: '5',
      probetimeout: '1',
    },
  },
});

/**
 * `kubectl get events` rows (or Event objects, `-o yaml|json`) of a controller pod: liveness
 * failures on /healthz, kills for them.
 */
function eventRows(ctx: RuleContext) {
  const failed: Evidence[] = [];
  const killed: Evidence[] = [];
  for (const e of eventRecords(ctx)) {
    if (!INGRESS.test(e.object)) continue;
    if (/failed liveness probe, will be restarted|is unhealthy, it will be killed/i.test(e.message))
      killed.push(e.evidence);
    else if (/Liveness probe failed/i.test(e.message) && /:10254\b|healthz/.test(e.message))
      failed.push(e.evidence);
  }
  return { failed, killed };
}

function isController(f: KubectlDescribeFacts): boolean {
  if (INGRESS.test(f.name?.value ?? '') || INGRESS.test(f.namespace?.value ?? '')) return true;
  if (f.containers.some((c) => c.liveness?.port === HEALTH_PORT || INGRESS.test(c.name)))
    return true;
  return f.events.some((e) => e.probe?.port === HEALTH_PORT || INGRESS.test(e.message));
}

/** The probe's current settings, so the rollback restores them. */
function probeVars(f: KubectlDescribeFacts): Record<string, string> {
  const p = f.containers.find((c) => c.liveness)?.liveness;
  return {
    ...(p?.failureThreshold ? { threshold: String(p.failureThreshold) } : {}),
    ...(p?.timeoutSeconds ? { probetimeout: String(p.timeoutSeconds) } : {}),
  };
}
