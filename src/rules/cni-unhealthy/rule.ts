import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import type { KubectlRow } from '../../parsers/kubectl-get/facts';

const K = 'cause.cni-unhealthy.verdict';
/** The per-node agents of the common CNIs (not their controllers or operators). */
const AGENT =
  /^(?:calico-node|canal|rke2-canal|kube-flannel(?:-ds)?|flannel(?:-ds)?|cilium|weave-net|antrea-agent|kube-router|aws-node|kube-ovn-cni)-/;
const NOT_AGENT = /operator|controller|typha|hubble|relay|apiserver|envoy/;
/** A container restarting this often in a pod's life is crash-looping. */
const MANY_RESTARTS = 10;

interface Agent {
  row: KubectlRow;
  source: string;
  node: string | null;
  bad: 'not-running' | 'not-ready' | 'restarting' | null;
}

/**
 * The CNI agent programs the node's routes, tunnels and policy. When it is not Running, not
 * ready, or crash-looping, pod networking on that node breaks while other nodes work.
 */
export default defineRule({
  cause: 'cni-unhealthy',
  needs: ['kubectl-get', 'cni-log', 'cilium-status'],
  check(ctx) {
    const node = ctx.vars.node ?? ctx.vars.fromNode;
    const agents = agentsOf(ctx);
    const growing = restartsGrowing(agents);
    const onNode = node ? agents.filter((a) => a.node === node) : [];
    const scope = onNode.length > 0 ? onNode : agents;
    const bad = scope.filter((a) => a.bad !== null || growing.has(a.row.cells.NAME ?? ''));

    if (bad.length > 0) {
      const hard = bad.some(
        (a) =>
          a.bad === 'not-running' || a.bad === 'not-ready' || growing.has(a.row.cells.NAME ?? ''),
      );
      // A known node whose own agent is fine while others are not: not this node's problem.
      let confidence: Confidence = hard ? 'high' : 'low';
      if (node && onNode.length === 0 && agents.some((a) => a.node !== null)) confidence = 'low';
      const first = bad[0]!;
      return finding(
        confidence,
        {
          key: `${K}.${hard ? 'agentDown' : 'restarts'}`,
          params: {
            pods: bad
              .slice(0, 4)
              .map((a) => a.row.cells.NAME)
              .join(', '),
            n: bad.length,
          },
        },
        bad.slice(0, 5).map((a) => cite(a.source, a.row)),
        {
          cnipod: first.row.cells.NAME ?? '',
          cnins: first.row.cells.NAMESPACE ?? 'kube-system',
          ...(first.node ? { node: first.node } : {}),
        },
      );
    }
    if (node && onNode.length === 0 && agents.length > 0) {
      const others = agents.filter((a) => a.bad !== null);
      if (others.length > 0)
        return finding(
          'low',
          { key: `${K}.otherNodes` },
          others.slice(0, 3).map((a) => cite(a.source, a.row)),
        );
    }

    const cilium = ciliumTrouble(ctx);
    if (cilium.length > 0)
      return finding('medium', { key: `${K}.ciliumStatus` }, cilium.slice(0, 5));
    const logs = logErrors(ctx);
    if (logs.length > 0)
      return finding(
        // A fatal line or a Go panic ends the process: the agent crash-loops, not just complains.
        logs.length >= 3 || logs.some((e) => isFatal(ctx, e)) ? 'medium' : 'low',
        { key: `${K}.logErrors` },
        logs.slice(0, 5),
      );
    if (scope.length > 0)
      return ruledOut(
        { key: `${K}.healthy`, params: { n: scope.length } },
        scope.slice(0, 3).map((a) => cite(a.source, a.row)),
      );
    return noEvidence;
  },
  fix: {
    now: '# @{why}\nkubectl -n {cnins} describe pod {cnipod} | tail -30\nkubectl -n {cnins} logs {cnipod} --all-containers --previous --tail=100',
    persist: '# @{restart}\nkubectl -n {cnins} delete pod {cnipod}\n# @{common}',
    verify:
      'kubectl -n {cnins} get pods -o wide --field-selector spec.nodeName={node}\nkubectl -n {cnins} get pod {cnipod} -o wide -w   # @{watch}',
    rollback: '# @{noRollback}',
    defaults: { cnins: 'kube-system', cnipod: 'CNI_POD', node: 'NODE_NAME' },
  },
});

function agentsOf(ctx: RuleContext): Agent[] {
  const out: Agent[] = [];
  for (const { source, facts } of ctx.of('kubectl-get'))
    for (const t of facts.tables)
      for (const row of t.rows) {
        const name = row.cells.NAME?.replace(/^pods?\//, '') ?? '';
        if ((row.resource ?? t.resource) !== 'pod' || !AGENT.test(name) || NOT_AGENT.test(name))
          continue;
        const status = row.cells.STATUS ?? '';
        let bad: Agent['bad'] = null;
        if (status && status !== 'Running') bad = 'not-running';
        else if (row.ready && row.ready.ready < row.ready.total) bad = 'not-ready';
        else if ((row.restarts ?? 0) >= MANY_RESTARTS) bad = 'restarting';
        out.push({ row, source, node: row.cells.NODE ?? null, bad });
      }
  return out;
}

/** Agents whose restart count went up between two pastes. */
function restartsGrowing(agents: Agent[]): Set<string> {
  const first = new Map<string, number>();
  const out = new Set<string>();
  for (const a of agents) {
    const name = a.row.cells.NAME ?? '';
    const r = a.row.restarts;
    if (r === null) continue;
    const prev = first.get(name);
    if (prev === undefined) first.set(name, r);
    else if (r > prev) out.add(name);
  }
  return out;
}

/** Levels after which the agent exits. */
const FATAL = /^(?:F|FATA|FATAL|PANIC|fatal|panic|level=fatal)$/i;

function isFatal(ctx: RuleContext, e: Evidence): boolean {
  for (const { source, facts } of ctx.of('cni-log'))
    if (source === e.source)
      for (const x of facts.events) if (x.line === e.line && FATAL.test(x.level)) return true;
  return false;
}

/** Errors of the agent's own log that stop it from programming the node. */
function logErrors(ctx: RuleContext): Evidence[] {
  const out: Evidence[] = [];
  for (const { source, facts } of ctx.of('cni-log'))
    for (const e of facts.events)
      if (
        (e.kind !== 'other' &&
          /^(?:E|F|ERRO|ERROR|FATA|FATAL|error|fatal|level=error|level=fatal)$/i.test(e.level)) ||
        FATAL.test(e.level) // the agent exits on it, whatever it is about: it crash-loops
      )
        out.push(cite(source, e));
  return out;
}

/**
 * What `cilium-dbg status` says is broken in the agent (its own health, the API, failing
 * controllers), or the CLI's count of agents that are not ready.
 */
function ciliumTrouble(ctx: RuleContext): Evidence[] {
  const out: Evidence[] = [];
  for (const { source, facts } of ctx.of('cilium-status')) {
    if (facts.cilium && !facts.cilium.value.ok) out.push(cite(source, facts.cilium));
    if (facts.kubernetes && !facts.kubernetes.value.ok) out.push(cite(source, facts.kubernetes));
    const c = facts.controllers?.value;
    if (c && c.healthy < c.total) out.push(cite(source, facts.controllers!));
    for (const w of facts.workloads)
      if (
        /^cilium$/.test(w.value.name) &&
        w.value.ready !== null &&
        w.value.ready < w.value.desired
      )
        out.push(cite(source, w));
    out.push(...facts.failures.slice(0, 3).map((f) => cite(source, f)));
  }
  return [...new Map(out.map((e) => [`${e.source}:${e.line}`, e])).values()];
}
