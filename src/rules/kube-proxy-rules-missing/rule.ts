import {
  cite,
  defineRule,
  finding,
  noEvidence,
  ruledOut,
  type RuleContext,
  type RuleResult,
} from '../rule';
import type { Evidence } from '../../engine/types';
import { showsWholeNat, type IptablesFacts } from '../../parsers/iptables-save/facts';
import { findService, ipvsTables, portOf, vipTarget } from '../combine/ipvs';
import { iptablesDumps } from '../combine/iptables';
import { forAddress, forNodePort, kubeProxyNft } from '../combine/nft';

const K = 'cause.kube-proxy-rules-missing.verdict';

// kube-proxy log lines that mean it cannot see the cluster or cannot program the node (in IPVS
// mode the ipsets its iptables rules match on are part of that program), or that it exits
// before it programs anything (`Error running ProxyServer`, older `failed to create proxier`):
// it then crash-loops. nftables mode: nft's own `/dev/stdin:N:a-b: Error:` lines, the report of
// the transaction it rejected whole.
const TROUBLE =
  /can't get node|failed to retrieve node info|invalid nodeip|failed to execute iptables-restore|failed to sync|sync failed|failed to (?:list|watch)|unable to (?:list|watch)|unauthorized|connection refused|i\/o timeout|failed to ensure|error syncing|failed to delete stale|failed to make sure ip set|error creating ipset|error running proxyserver|(?:unable|failed) to create proxier|^\/dev\/stdin:\d+:[\d-]+: Error: /i;
// Handled by their own causes: the IPVS fallback and a port held by another process.
const OTHER_CAUSE = /ipvs proxier will not be used|can't use ipvs|address already in use/i;
// A watch that broke (the apiserver restarted, a proxy closed the stream) without a failed
// list: the informer keeps its cache and re-lists, and kube-proxy's rules stay as they were.
// Only a list that fails too (`Failed to watch *v1.Service: failed to list *v1.Service: …`,
// or a `Failed to list` line of its own) means it cannot see the cluster.
const WATCH_RECONNECT = /failed to watch \*[\w.]+: /i;
const LIST_FAILED = /(?:failed|unable) to list/i;
// kube-proxy sizes the conntrack table at start and exits when it cannot write the setting: the
// global sysctl is read-only in a container (LXC/LXD, kind, minikube's docker driver) and the
// module's hashsize cannot be written there at all. Restarting it only repeats the exit; the fix
// is to let it leave conntrack alone (`conntrack.maxPerCore: 0`).
const CONNTRACK_WRITE =
  /(?:nf_conntrack_max|nf_conntrack\/parameters\/hashsize)\S*: (?:permission denied|operation not supported|read-only file system|no such file or directory)/i;

export default defineRule({
  cause: 'kube-proxy-rules-missing',
  needs: ['iptables-save', 'iptables-L', 'nft', 'kube-proxy-log', 'ipvsadm', 'kubectl-get'],
  check(ctx) {
    const port = ctx.vars.port;
    const logTrouble: Evidence[] = [];
    for (const { source, facts } of ctx.of('kube-proxy-log')) {
      for (const e of facts.entries) {
        // A fatal line (`F0602 ... server.go:495] open /proc/sys/...`) is klog's last: it exits.
        const exits = e.level === 'F';
        const reconnect = WATCH_RECONNECT.test(e.message) && !LIST_FAILED.test(e.message);
        if (
          (exits || (e.level !== 'I' && !reconnect && TROUBLE.test(e.message))) &&
          !OTHER_CAUSE.test(e.message)
        )
          logTrouble.push(cite(source, e));
      }
    }
    // In IPVS mode the table of virtual servers is what kube-proxy programs.
    const ipvs = ipvsVerdict(ctx, logTrouble);
    if (ipvs) return ipvs;
    const nft = nftVerdict(ctx, logTrouble);
    if (nft) return nft;
    // In nftables mode kube-proxy writes no iptables rules: a dump without them proves nothing.
    const nftMode =
      kubeProxyNft(ctx).length > 0 ||
      ctx.of('kube-proxy-log').some((l) => l.facts.proxier?.value === 'nftables');
    for (const { source, facts } of iptablesDumps(ctx)) {
      const verdict = nodePortRules(facts, port);
      if (nftMode && verdict.kind !== 'present') continue;
      if (verdict.kind === 'present')
        return ruledOut(
          { key: `${K}.present`, params: { port: port ?? '' } },
          verdict.rules.map((r) => cite(source, r)),
        );
      if (verdict.kind === 'no-kube-chains')
        return finding('medium', { key: `${K}.noKubeChains` }, [...logTrouble.slice(0, 5)], {
          datapath: 'iptables',
          ...(port ? { port } : {}),
        });
      if (verdict.kind === 'port-missing')
        return finding(
          'high',
          { key: `${K}.portMissing`, params: { port: port ?? '' } },
          [...verdict.context.map((r) => cite(source, r)), ...logTrouble.slice(0, 5)],
          { datapath: 'iptables' },
        );
    }
    if (logTrouble.length > 0)
      return finding(
        'medium',
        { key: `${K}.logErrors` },
        logTrouble.slice(0, 8),
        logTrouble.some((e) => CONNTRACK_WRITE.test(e.text)) ? { startup: 'conntrack' } : undefined,
      );
    const pods = kubeProxyPods(ctx);
    if (pods.down.length > 0)
      return finding(
        'medium',
        {
          key: `${K}.podDown`,
          params: { pods: pods.down.map((p) => p.name).join(', '), n: pods.down.length },
        },
        pods.down.slice(0, 4).map((p) => p.evidence),
        pods.down[0]!.node ? { node: pods.down[0]!.node } : undefined,
      );
    return noEvidence;
  },
  fix: {
    // `startup=conntrack`: it exits at start because it cannot write a conntrack setting.
    now: '[startup=conntrack] # @{conntrackWhy}\n[startup=conntrack] kubectl -n kube-system get configmap kube-proxy -o yaml > kube-proxy-configmap.backup.yaml\n[startup=conntrack] kubectl -n kube-system edit configmap kube-proxy   # @{conntrackEdit}\nkubectl -n kube-system delete pod -l k8s-app=kube-proxy --field-selector spec.nodeName={node}',
    persist:
      '[startup=other] # @{why}\n[startup=other] kubectl -n kube-system logs "$(kubectl -n kube-system get pods -l k8s-app=kube-proxy --field-selector spec.nodeName={node} -o name)" --tail=200 | grep -E "^[EW]"\n[startup=conntrack] # @{conntrackPersist}',
    verify:
      "[iptables] sudo iptables-save -t nat | grep -e 'KUBE-NODEPORTS.*--dport {port} '\n[ipvs] sudo ipvsadm -Ln | grep -F -e :{port} -e {vip}:{vport}   # @{ipvsVerify}\n[nftables] sudo nft list map ip kube-proxy service-nodeports | grep -w {port}   # @{nftVerify}",
    rollback:
      '[startup=other] # @{noRollback}\n[startup=conntrack] kubectl -n kube-system apply -f kube-proxy-configmap.backup.yaml\n[startup=conntrack] kubectl -n kube-system delete pod -l k8s-app=kube-proxy --field-selector spec.nodeName={node}',
    defaults: { node: 'NODE_NAME', startup: 'other' },
  },
});

/**
 * `ipvsadm -Ln` and the NodePort (`port`, a virtual server on any node address) or the
 * ClusterIP (`vip` + `vport`). Only a whole table (its version header shown, not a grep)
 * proves a virtual server absent. Null when the table says nothing about them.
 */
function ipvsVerdict(ctx: RuleContext, logTrouble: Evidence[]): RuleResult | null {
  const port = ctx.vars.port?.trim();
  const target = vipTarget(ctx.vars);
  if (!port && !target) return null;
  for (const { source, facts } of ipvsTables(ctx)) {
    // `ipvsadm -S` has no header: a whole save cannot be told from a grep of one (`ipvsadm -S
    // -n | grep VIP` is how it is usually pasted), so a save proves presence only, never absence.
    const whole = facts.version !== null && facts.services.length > 0;
    // The header proves a whole table; a few of its virtual servers show what it does hold.
    const context = whole
      ? [
          cite(source, facts.version!),
          ...facts.services.slice(0, 2).map((vs) => cite(source, vs)),
          ...logTrouble.slice(0, 5),
        ]
      : [];
    if (port) {
      const vss = facts.services.filter((vs) => portOf(vs) === port);
      if (vss.length > 0)
        return ruledOut(
          { key: `${K}.ipvsNodePort`, params: { port, n: vss.length } },
          vss.slice(0, 4).map((vs) => cite(source, vs)),
        );
      if (whole)
        return finding('high', { key: `${K}.ipvsNodePortMissing`, params: { port } }, context, {
          port,
          datapath: 'ipvs',
        });
    }
    if (target) {
      const vs = findService(facts, target);
      if (vs)
        return ruledOut({ key: `${K}.ipvsClusterIp`, params: { vs: target } }, [cite(source, vs)]);
      if (whole)
        return finding(
          'high',
          { key: `${K}.ipvsClusterIpMissing`, params: { vs: target } },
          context,
          { datapath: 'ipvs' },
        );
    }
  }
  return null;
}

/**
 * kube-proxy's nftables mode: the NodePort in its service-nodeports map (or, without endpoints,
 * in no-endpoint-nodeports: kube-proxy did program it), the ClusterIP in service-ips (or
 * no-endpoint-services). Only a listing that shows all four maps proves an entry absent.
 */
function nftVerdict(ctx: RuleContext, logTrouble: Evidence[]): RuleResult | null {
  const port = ctx.vars.port?.trim();
  const vip = ctx.vars.vip?.trim();
  const vport = ctx.vars.vport?.trim();
  if (!port && !vip) return null;
  for (const { source, facts, kp } of kubeProxyNft(ctx)) {
    const mapLine = (name: string) => {
      const set = facts.sets.find(
        (s) => s.table === kp.table.name && s.family === kp.table.family && s.name === name,
      );
      return set ? [cite(source, set)] : [];
    };
    if (port) {
      const entry = forNodePort(kp.nodePorts, port) ?? forNodePort(kp.noEndpointNodePorts, port);
      if (entry)
        return ruledOut({ key: `${K}.nftNodePort`, params: { port } }, [cite(source, entry)]);
      if (kp.mapsShown)
        return finding(
          'high',
          { key: `${K}.nftNodePortMissing`, params: { port } },
          [...mapLine('service-nodeports'), ...logTrouble.slice(0, 5)],
          { port, datapath: 'nftables' },
        );
    }
    if (vip) {
      const entry =
        forAddress(kp.serviceIps, vip, vport) ?? forAddress(kp.noEndpointServices, vip, vport);
      const vs = vport ? `${vip}:${vport}` : vip;
      if (entry)
        return ruledOut({ key: `${K}.nftClusterIp`, params: { vs } }, [cite(source, entry)]);
      if (kp.mapsShown)
        return finding(
          'high',
          { key: `${K}.nftClusterIpMissing`, params: { vs } },
          [...mapLine('service-ips'), ...logTrouble.slice(0, 5)],
          { datapath: 'nftables' },
        );
    }
  }
  return null;
}

type Verdict =
  | { kind: 'present'; rules: { line: number; text: string }[] }
  | { kind: 'port-missing'; context: { line: number; text: string }[] }
  | { kind: 'no-kube-chains' }
  | { kind: 'unknown' };

/** What a dump says about the NodePort: rule present, missing from a real kube-proxy dump, or no kube-proxy at all. */
function nodePortRules(facts: IptablesFacts, port: string | undefined): Verdict {
  const natLike = facts.rules.filter((r) => r.table === 'nat' || r.table === 'unknown');
  if (natLike.length === 0 && !facts.tables.includes('nat')) return { kind: 'unknown' };
  const hasKube =
    facts.chains.some((c) => c.name.startsWith('KUBE-')) ||
    natLike.some((r) => r.chain.startsWith('KUBE-'));
  // A whole nat table, not one chain of it (`iptables -t nat -L PREROUTING`) nor a cut paste.
  const fullNat = showsWholeNat(facts);
  if (!hasKube) return fullNat ? { kind: 'no-kube-chains' } : { kind: 'unknown' };
  if (!port) return { kind: 'unknown' };
  const forPort = facts.rules.filter((r) => r.chain === 'KUBE-NODEPORTS' && r.dport === port);
  if (forPort.length > 0) return { kind: 'present', rules: forPort };
  // Only a complete dump proves absence: a grep-filtered paste may simply have left it out.
  const services = facts.rules.filter(
    (r) => r.chain === 'KUBE-SERVICES' && r.target === 'KUBE-NODEPORTS',
  );
  return fullNat && services.length > 0
    ? { kind: 'port-missing', context: services }
    : { kind: 'unknown' };
}

/** kube-proxy's pods: a DaemonSet's (`kube-proxy-r88js`) or a static pod's (`kube-proxy-<node>`). */
const KUBE_PROXY_POD = /^kube-proxy-[a-z0-9][a-z0-9.-]*$/;
/** A status kube-proxy passes through while it is replaced or first started, not a failure. */
const TRANSIENT = /^(?:Terminating|Pending|ContainerCreating|PodInitializing)$/;

interface ProxyPod {
  name: string;
  node: string | null;
  evidence: Evidence;
}

/**
 * `kubectl get pods` rows of kube-proxy that is not running on its node: a status other than
 * Running (`CrashLoopBackOff`, `Error`, `ImagePullBackOff`) or Running but not ready. Scoped
 * to the node asked about when the table says which node each pod runs on and that node has
 * one.
 */
function kubeProxyPods(ctx: RuleContext): { down: ProxyPod[] } {
  const all: (ProxyPod & { bad: boolean })[] = [];
  for (const { source, facts } of ctx.of('kubectl-get'))
    for (const t of facts.tables)
      for (const row of t.rows) {
        const name = row.cells.NAME?.replace(/^pods?\//, '') ?? '';
        if ((row.resource ?? t.resource) !== 'pod' || !KUBE_PROXY_POD.test(name)) continue;
        const status = row.cells.STATUS ?? '';
        const bad =
          (status !== '' && status !== 'Running' && !TRANSIENT.test(status)) ||
          (status === 'Running' && row.ready !== null && row.ready.ready < row.ready.total);
        all.push({ name, node: row.cells.NODE ?? null, evidence: cite(source, row), bad });
      }
  const node = ctx.vars.node ?? ctx.vars.fromNode;
  const onNode = node ? all.filter((p) => p.node === node) : [];
  return { down: (onNode.length > 0 ? onNode : all).filter((p) => p.bad) };
}
