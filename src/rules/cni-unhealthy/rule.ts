import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import type { KubectlRow } from '../../parsers/kubectl-get/facts';
import type { DescribeEvent } from '../../parsers/kubectl-describe/facts';

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
  needs: ['kubectl-get', 'kubectl-describe', 'cni-log', 'cilium-status', 'calico-bgp'],
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

    const described = describedAgents(ctx);
    if (described.down.length > 0)
      return finding(
        'high',
        {
          key: `${K}.agentDown`,
          params: { pods: described.names.join(', '), n: described.names.length },
        },
        described.down.slice(0, 5),
        described.pod
          ? { cnipod: described.pod, ...(described.ns ? { cnins: described.ns } : {}) }
          : undefined,
      );
    if (described.probes.length > 0)
      return finding(
        'medium',
        { key: `${K}.probeFailed` },
        described.probes.slice(0, 5),
        described.pod
          ? { cnipod: described.pod, ...(described.ns ? { cnins: described.ns } : {}) }
          : undefined,
      );

    // `kubectl get events`: the kubelet's probe failures of an agent pod, kept up for a while.
    const evented = eventedAgents(ctx);
    if (evented.length > 0)
      return finding(
        'medium',
        { key: `${K}.probeFailed` },
        evented.slice(0, 5).map((e) => e.evidence),
        { cnipod: evented[0]!.pod, ...(evented[0]!.ns ? { cnins: evented[0]!.ns } : {}) },
      );

    // Calico's own view of its BGP sessions: one not Established leaves the node without routes.
    const bgp = calicoBgp(ctx);
    if (bgp.down.length > 0)
      return finding(
        'medium',
        { key: `${K}.bgpDown`, params: { n: bgp.down.length, peers: bgp.peers.join(', ') } },
        bgp.down.slice(0, 5),
      );
    // `Calico process is not running.` alone is no verdict: calicoctl looks for the process in
    // its own process table, and says so beside a running agent when it runs in a container or
    // another PID namespace (felix 1942, containernetworking/plugins 882).

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
    if (described.ready.length > 0)
      return ruledOut(
        { key: `${K}.healthy`, params: { n: described.ready.length } },
        described.ready.slice(0, 3),
      );
    if (bgp.established.length > 0 && bgp.notRunning.length === 0)
      return ruledOut(
        { key: `${K}.bgpEstablished`, params: { n: bgp.established.length } },
        bgp.established.slice(0, 3),
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

/** The DaemonSet of a CNI's per-node agent, as `Controlled By: DaemonSet/...` names it. */
const AGENT_DS = /^DaemonSet\/(.+)$/;
/**
 * A failed probe's message only a CNI agent prints: calico-node's own readiness check
 * (`calico/node is not ready: BIRD is not ready: BGP not established with ...`); cilium-agent's
 * probe of its API socket (`dial unix /var/run/cilium/cilium.sock: ...`, `cilium: daemon
 * unreachable`) or of its health port 9879 (`Get "http://127.0.0.1:9879/healthz"`); weave's
 * status port 6784 (`Get http://127.0.0.1:6784/status`); kube-router's health port 20244; the
 * AWS VPC CNI's aws-node, whose grpc-health-probe build logs in zap JSON (`{"level":...,
 * "caller":"...","msg":"timeout: failed to connect service \":50051\" within 1s"}`) when ipamd's
 * gRPC port does not answer. The plain-text message of the upstream probe is left out: any gRPC
 * app may listen on 50051.
 */
const AGENT_PROBE =
  /\bcalico\/node is not ready\b|\/var\/run\/cilium\/cilium\.sock\b|\bcilium: daemon unreachable\b|\/\/(?:127\.0\.0\.1|localhost):(?:9879\/healthz|6784\/status|20244\/healthz)\b|"caller":"[^"]*","msg":"timeout: failed to connect service \\":50051\\"/;
/** kubelet's event, also when it folded repeats into `(combined from similar events): ...`. */
const PROBE_FAILED = /(?:^|: )(?:Liveness|Readiness|Startup) probe failed: /;
/**
 * The containers only a CNI agent's pod runs, for a describe pasted without its pod's name:
 * calico-node, cilium-agent, kube-flannel, antrea-agent / antrea-ovs, weave / weave-npc, kube-router.
 */
const AGENT_CONTAINER =
  /^(?:calico-node|cilium-agent|kube-flannel|antrea-agent|antrea-ovs|weave|weave-npc|kube-router)$/;

interface Described {
  /** The agent's containers not ready, or waiting in CrashLoopBackOff. */
  down: Evidence[];
  /** Failed probes of an agent whose containers the paste does not show (events alone). */
  probes: Evidence[];
  /** Agents shown ready, with their containers. */
  ready: Evidence[];
  names: string[];
  pod: string | null;
  ns: string | null;
}

/**
 * `kubectl describe pod` of a CNI agent (by its name, its DaemonSet or, for events alone, a
 * failed probe only the agent prints): its containers not ready, or failing its own readiness
 * check. Old probe failures of an agent whose containers are all ready now are history.
 */
function describedAgents(ctx: RuleContext): Described {
  const out: Described = { down: [], probes: [], ready: [], names: [], pod: null, ns: null };
  for (const { source, facts } of ctx.of('kubectl-describe')) {
    const name = facts.name?.value ?? '';
    const ds = AGENT_DS.exec(facts.fields['Controlled By']?.[0]?.value ?? '')?.[1] ?? '';
    const byContainer = name
      ? null
      : (facts.containers.find((c) => !c.init && AGENT_CONTAINER.test(c.name))?.name ?? null);
    const agentPod =
      (facts.object === 'Pod' || facts.object === null) &&
      ((AGENT.test(name) && !NOT_AGENT.test(name)) ||
        (AGENT.test(`${ds}-`) && !NOT_AGENT.test(ds)) ||
        byContainer !== null);
    const failed = facts.events.filter(
      (e) => e.type === 'Warning' && PROBE_FAILED.test(e.message) && AGENT_PROBE.test(e.message),
    );
    // A probe failing now and then over weeks (`x789 over 39d`: slow answers under load) is not
    // an agent that is down; one failing at every period for minutes is.
    const steady = failed.some(sustained) || (failed.length >= 2 && !failed.some(sparse));
    if (!steady) failed.length = 0;
    if (!agentPod && failed.length === 0) continue;
    const containers = facts.containers.filter((c) => !c.init && c.ready !== null);
    const notReady = containers.filter((c) => c.ready && !c.ready.value);
    // The pod's phase: `Pending` (its agent container never started: init containers, image,
    // volumes), `Failed` or `Unknown` (node lost) is an agent that is not running, also when the
    // paste stops before its containers.
    const stuck =
      agentPod && facts.status && /^(?:Pending|Failed|Unknown)\b/.test(facts.status.value.trim())
        ? facts.status
        : null;
    const label = name || byContainer || 'calico-node';
    if (notReady.length > 0 || stuck) {
      if (stuck) out.down.push(cite(source, stuck));
      out.down.push(...notReady.map((c) => cite(source, c.ready!)));
      out.names.push(label);
    } else if (containers.length > 0) {
      out.ready.push(...containers.map((c) => cite(source, c.ready!)));
      continue;
    } else out.probes.push(...failed.map((e) => cite(source, e)));
    if (!out.pod && name) {
      out.pod = name;
      out.ns = facts.namespace?.value ?? null;
    }
  }
  return out;
}

/** `(x134 over 25m)` of an event row: how often, over how long (seconds). */
function repeats(e: DescribeEvent): { count: number; span: number } | null {
  const m = /\(x(\d+) over ((?:\d+[dhms])+)\)/.exec(e.text);
  if (!m) return null;
  let span = 0;
  for (const [, n, u] of m[2]!.matchAll(/(\d+)([dhms])/g))
    span += Number(n) * { d: 86400, h: 3600, m: 60, s: 1 }[u as 'd' | 'h' | 'm' | 's'];
  return { count: Number(m[1]), span };
}

/** Failing at least once a minute over its span: the probe fails most of the time. */
function sustained(e: DescribeEvent): boolean {
  const r = repeats(e);
  return r !== null && r.count >= 3 && r.count * 60 >= r.span;
}

/** Failing less than once an hour over its span: sporadic slow answers. */
function sparse(e: DescribeEvent): boolean {
  const r = repeats(e);
  return r !== null && r.count * 3600 < r.span;
}

/** A duration as kubectl prints it (`32m`, `1h5m`, `31d`), in seconds. */
function seconds(age: string): number | null {
  if (!/^(?:\d+[dhms])+$/.test(age)) return null;
  let span = 0;
  for (const [, n, u] of age.matchAll(/(\d+)([dhms])/g))
    span += Number(n) * { d: 86400, h: 3600, m: 60, s: 1 }[u as 'd' | 'h' | 'm' | 's'];
  return span;
}

/**
 * `kubectl get events` rows (wide: COUNT and FIRST SEEN; plain: `(x19 over 32m)` in LAST SEEN)
 * of an agent pod failing a probe over and over. A readiness (or startup) probe failing at least
 * once a minute keeps the agent not ready; a liveness probe failing six times or more, at least
 * once every ten minutes, gets it killed again and again (three failures in a row by default).
 */
function eventedAgents(ctx: RuleContext): { evidence: Evidence; pod: string; ns: string | null }[] {
  const out: { evidence: Evidence; pod: string; ns: string | null }[] = [];
  for (const { source, facts } of ctx.of('kubectl-get'))
    for (const t of facts.tables)
      for (const r of t.rows) {
        const pod = /^pods?\/(.+)$/.exec(r.cells.OBJECT ?? '')?.[1] ?? '';
        const message = r.cells.MESSAGE ?? '';
        if (!AGENT.test(pod) || NOT_AGENT.test(pod) || r.cells.TYPE !== 'Warning') continue;
        const probe = /^(Liveness|Readiness|Startup) probe failed\b/.exec(message)?.[1];
        if (!probe) continue;
        const folded = /\(x(\d+) over ((?:\d+[dhms])+)\)/.exec(r.cells['LAST SEEN'] ?? '');
        const count = Number(r.cells.COUNT ?? folded?.[1] ?? 1);
        const span = seconds(r.cells['FIRST SEEN'] ?? folded?.[2] ?? '');
        if (span === null || !(count > 0)) continue;
        const steady =
          probe === 'Liveness'
            ? count >= 6 && count * 600 >= span
            : count >= 3 && count * 60 >= span;
        if (steady) out.push({ evidence: cite(source, r), pod, ns: r.cells.NAMESPACE ?? null });
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

interface CalicoBgp {
  /** Peers not Established, and how each is (`10.0.0.2 Active Socket: Connection refused`). */
  down: Evidence[];
  peers: string[];
  established: Evidence[];
  /** `Calico process is not running.` with no peer listed: keeps the Established peers of another paste from ruling out. */
  notRunning: Evidence[];
}

/** What `calicoctl node status` / `birdcl show protocols` say about the node's BGP sessions. */
function calicoBgp(ctx: RuleContext): CalicoBgp {
  const out: CalicoBgp = { down: [], peers: [], established: [], notRunning: [] };
  for (const { source, facts } of ctx.of('calico-bgp')) {
    if (facts.process && !facts.process.value.running && facts.peers.length === 0)
      out.notRunning.push(cite(source, facts.process));
    for (const p of facts.peers) {
      if (p.value.established) {
        out.established.push(cite(source, p));
        continue;
      }
      out.down.push(cite(source, p));
      const how = [p.value.bgp, p.value.reason].filter((x) => x).join(' ') || p.value.state;
      out.peers.push(`${p.value.address} ${how}`);
    }
  }
  out.peers = [...new Set(out.peers)].slice(0, 4);
  return out;
}
