import {
  cite,
  defineRule,
  finding,
  noEvidence,
  ruledOut,
  type RuleContext,
  type RuleResult,
} from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import type { RealServer, VirtualService } from '../../parsers/ipvsadm/facts';
import { ipvsTables } from '../combine/ipvs';
import {
  endpointsRows,
  joinAddress,
  serviceRows,
  splitAddress,
  type EndpointsRow,
} from '../combine/k8s';

const K = 'cause.ipvs-stale-realserver.verdict';
/** InActConn on one weight-0 real server from which it is more than a few closing connections. */
const BUSY_DRAINING = 100;

/**
 * Real servers of gone pods still in the table: weight 0 yet holding connections (with
 * conn_reuse_mode=0 a reused source port lands on them again), or addresses the Service's
 * endpoints no longer list.
 */
export default defineRule({
  cause: 'ipvs-stale-realserver',
  needs: ['ipvsadm', 'kube-proxy-log'],
  check(ctx) {
    // `-Ln` and `-S` show weights (`-S` without connection counts); --stats/--rate show neither.
    const tables = ipvsTables(ctx).filter(
      ({ facts }) => facts.format === 'list' || facts.format === 'save',
    );
    // A table shows the present; the log only what kube-proxy met when it tried to delete.
    if (tables.length === 0) return keptByKubeProxy(ctx);
    const endpoints = endpointsRows(ctx).filter((e) => !e.partial);
    const services = serviceRows(ctx);
    const reuse = reuseMode(ctx);

    const busyZero: Evidence[] = [];
    const drainingZero: Evidence[] = [];
    let busyDraining = false;
    const gone: Evidence[] = [];
    let compared = false;
    let scanned = 0;
    for (const { source, facts } of tables) {
      for (const vs of facts.services) {
        for (const rs of vs.realServers) {
          scanned += 1;
          if (rs.weight !== 0) continue;
          if ((rs.active ?? 0) > 0) busyZero.push(cite(source, vs), cite(source, rs));
          // With persistence (sessionAffinity: ClientIP) the client templates keep pinning to it.
          else if ((rs.inactive ?? 0) > 0) {
            (vs.persistent !== null ? busyZero : drainingZero).push(
              cite(source, vs),
              cite(source, rs),
            );
            if ((rs.inactive ?? 0) >= BUSY_DRAINING) busyDraining = true;
          }
        }
        const ep = endpointsFor(vs, endpoints, services);
        if (!ep) continue;
        compared = true;
        const listed = new Set(ep.addresses.map(normal));
        const stale = vs.realServers.filter(
          (rs) => rs.weight !== 0 && !listed.has(normal(rs.address)),
        );
        if (stale.length > 0)
          gone.push(
            cite(source, vs),
            ...stale.slice(0, 3).map((r) => cite(source, r)),
            ep.evidence,
          );
      }
    }

    const offTarget = offTargetPort(ctx, tables);
    const reuseEv = reuse?.value === '0' ? [reuse.evidence] : [];
    if (gone.length > 0) {
      const confidence: Confidence = busyZero.length > 0 ? 'high' : 'medium';
      return finding(
        confidence,
        { key: `${K}.notInEndpoints` },
        dedupe([...gone, ...busyZero, ...reuseEv]).slice(0, 10),
      );
    }
    if (offTarget)
      return finding(
        busyZero.length > 0 ? 'high' : 'medium',
        { key: `${K}.offTargetPort`, params: offTarget.params },
        dedupe([...offTarget.evidence, ...busyZero]).slice(0, 10),
        offTarget.vars,
      );
    if (busyZero.length > 0)
      return finding(
        reuseEv.length > 0 ? 'high' : 'medium',
        { key: `${K}.weightZeroActive` },
        dedupe([...busyZero, ...reuseEv]).slice(0, 10),
      );
    // Weight 0 with only closing connections is graceful termination at work: kube-proxy drops
    // the row once the tcpfin timer (120 s) empties it. It is a lead only when source-port reuse
    // keeps feeding it (conn_reuse_mode=0), or when so many connections closed on it within
    // that window that new ones must still be arriving.
    if (drainingZero.length > 0 && (reuseEv.length > 0 || busyDraining))
      return finding(
        'low',
        { key: `${K}.weightZeroDraining` },
        dedupe([...drainingZero, ...reuseEv]).slice(0, 8),
      );
    if (drainingZero.length > 0)
      return ruledOut({ key: `${K}.drainingOnly` }, drainingZero.slice(0, 4));
    if (scanned === 0) return noEvidence;
    const first = tables[0]!;
    const shown = first.facts.services
      .slice(0, 2)
      .flatMap((vs) => [
        cite(first.source, vs),
        ...vs.realServers.slice(0, 1).map((r) => cite(first.source, r)),
      ]);
    return ruledOut({ key: compared ? `${K}.matchesEndpoints` : `${K}.noWeightZero` }, shown);
  },
  fix: {
    now: [
      '# @{look}',
      'sudo ipvsadm -Ln -t {vip}:{vport}',
      'kubectl -n {namespace} get endpoints {service} -o wide',
      '# @{remove}',
      'sudo ipvsadm -d -t {vip}:{vport} -r {realserver}',
    ].join('\n'),
    persist: [
      '# @{reuse}',
      'sysctl net.ipv4.vs.conn_reuse_mode net.ipv4.vs.expire_nodest_conn net.ipv4.vs.expire_quiescent_template',
      'uname -r',
      'kubectl -n kube-system get configmap kube-proxy -o yaml | grep -A8 "ipvs:"',
      '# @{upgrade}',
      '# @{migrate}',
      'kubectl -n kube-system get configmap kube-proxy -o yaml | grep -n -e "mode:"',
    ].join('\n'),
    verify: 'sudo ipvsadm -Ln -t {vip}:{vport}   # @{verify}',
    rollback: '# @{noRollback}',
    defaults: {
      vip: 'CLUSTER_IP',
      vport: 'PORT',
      namespace: 'default',
      service: 'SERVICE',
      realserver: 'POD_IP:PORT',
    },
  },
});

const normal = (a: string) => a.trim().toLowerCase();

/**
 * kube-proxy's IPVS graceful termination, in its log: a real server it removed from the
 * endpoints (weight already 0) that it will not delete while IPVS still counts connections on
 * it. klog wording before 1.20 (`Not deleting, RS VIP:port/TCP/RIP:port: 5 ActiveConn, 0
 * InactiveConn`) and the structured one after (`"Skip deleting real server till all connection
 * have expired" realServer="VIP:port/TCP/RIP:port" activeConnection=4 inactiveConnection=0`).
 * Established connections on a removed real server are what a stale one is; inactive ones alone
 * are closing connections draining (UDP counts every flow as inactive: not read either way).
 */
const KEPT_OLD =
  /\bNot deleting, RS (\S{1,300}\/(?:TCP|UDP|SCTP)\/\S{1,300}): (\d{1,9}) ActiveConn, (\d{1,9}) InactiveConn\b/;
const KEPT_NEW =
  /"Skip deleting real server till all connection have expired" realServer="([^"]{1,600})" activeConnection=(\d{1,9}) inactiveConnection=(\d{1,9})\b/;

function keptByKubeProxy(ctx: RuleContext): RuleResult {
  const kept: Evidence[] = [];
  let realServer = '';
  let active = 0;
  for (const { source, facts } of ctx.of('kube-proxy-log'))
    for (const e of facts.entries) {
      const m = KEPT_OLD.exec(e.message) ?? KEPT_NEW.exec(e.message);
      if (!m || Number(m[2]) === 0) continue;
      kept.push(cite(source, e));
      if (Number(m[2]) > active) [realServer, active] = [m[1]!, Number(m[2])];
    }
  if (kept.length === 0) return noEvidence;
  // `VIP:port/TCP/RIP:port`: the operator's own addresses for the fix.
  const [vs, , rs] = realServer.split('/');
  const v = splitAddress(vs ?? '');
  return finding(
    'medium',
    { key: `${K}.keptWithConnections`, params: { realServer, active } },
    kept.slice(0, 4),
    v && rs && splitAddress(rs) ? { vip: v.ip, vport: v.port, realserver: rs } : undefined,
  );
}

/**
 * Port names ipvsadm prints without `-n` (from /etc/services) for ports Services commonly target;
 * an unknown name is not compared.
 */
const PORT_NAMES: Record<string, string> = {
  http: '80',
  https: '443',
  domain: '53',
  'http-alt': '8080',
  webcache: '8080',
  mysql: '3306',
  postgresql: '5432',
};

/** The numeric port of `10.0.0.5:6379`, `10.0.0.5:http`, `[fd00::5]:80`; null when unknown. */
function portOf(address: string): string | null {
  const m = /:([A-Za-z0-9-]{1,40})$/.exec(address.trim());
  if (!m) return null;
  const p = m[1]!.toLowerCase();
  return /^\d+$/.test(p) ? p : (PORT_NAMES[p] ?? null);
}

interface TargetPort {
  /** `ClusterIP:port` as ipvsadm prints the virtual server. */
  vs: string;
  target: string;
  evidence: Evidence;
}

/**
 * Each Service port's numeric targetPort, from the Service object (`-o yaml`/`-o json`) or
 * `kubectl describe svc` (its `Port:` and `TargetPort:` lines pair up in order). A named
 * targetPort resolves per pod and is not compared.
 */
function targetPorts(ctx: RuleContext): TargetPort[] {
  const out: TargetPort[] = [];
  for (const { source, facts } of ctx.of('k8s-object'))
    for (const o of facts.objects) {
      const ip = o.service?.clusterIP?.value.trim();
      if (!o.service || !ip || !/^[\d.:a-f]+$/i.test(ip)) continue;
      for (const p of o.service.ports) {
        const t = p.targetPort?.trim() ?? '';
        if (p.port !== null && /^\d+$/.test(t))
          out.push({ vs: joinAddress(ip, String(p.port)), target: t, evidence: cite(source, p) });
      }
    }
  for (const { source, facts } of ctx.of('kubectl-describe')) {
    const ip = (facts.fields.IP ?? facts.fields.IPs)?.[0]?.value.split(',')[0]?.trim() ?? '';
    const ports = facts.fields.Port ?? [];
    const targets = facts.fields.TargetPort ?? [];
    if (!/^[\d.:a-f]+$/i.test(ip) || ports.length !== targets.length) continue;
    ports.forEach((p, i) => {
      const port = /(?:^|\s)(\d+)\/[A-Z]+$/.exec(p.value.trim())?.[1];
      const target = /^(\d+)\/[A-Z]+$/.exec(targets[i]!.value.trim())?.[1];
      if (port && target)
        out.push({ vs: joinAddress(ip, port), target, evidence: cite(source, targets[i]!) });
    });
  }
  return out;
}

/**
 * Real servers on a port the Service no longer targets, next to real servers on its current
 * targetPort: the table was synced after the Service changed, yet the old port's real servers
 * stayed (an edited targetPort whose old real servers kube-proxy never removed). Both kinds must
 * be present, so a Service pasted after an edit the table has not caught up with yet proves
 * nothing.
 */
function offTargetPort(
  ctx: RuleContext,
  tables: ReturnType<typeof ipvsTables>,
): {
  evidence: Evidence[];
  params: { realServer: string; target: string };
  vars: Record<string, string>;
} | null {
  const targets = targetPorts(ctx);
  if (targets.length === 0) return null;
  for (const { source, facts } of tables)
    for (const vs of facts.services) {
      const t = targets.find((x) => x.vs === vs.address);
      if (!t) continue;
      const live = vs.realServers.filter((r) => r.weight !== 0);
      const on = live.filter((r) => portOf(r.address) === t.target);
      const off = live.filter((r) => {
        const p = portOf(r.address);
        return p !== null && p !== t.target;
      });
      if (on.length === 0 || off.length === 0) continue;
      const first = off[0]!;
      const ip = first.address.trim().replace(/:[^:]+$/, '');
      const v = splitAddress(vs.address);
      return {
        evidence: [cite(source, vs), ...off.slice(0, 3).map((r) => cite(source, r)), t.evidence],
        params: { realServer: first.address.trim(), target: t.target },
        vars: {
          ...(v ? { vip: v.ip, vport: v.port } : {}),
          realserver: `${ip}:${portOf(first.address)}`,
        },
      };
    }
  return null;
}

function dedupe(ev: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return ev.filter((e) => {
    const k = `${e.source}#${e.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The endpoints row of this virtual service: by ClusterIP when the Service was pasted, else by shared addresses. */
function endpointsFor(
  vs: VirtualService,
  endpoints: EndpointsRow[],
  services: ReturnType<typeof serviceRows>,
): EndpointsRow | undefined {
  if (endpoints.length === 0 || vs.realServers.length === 0) return undefined;
  const svc = services.find((s) =>
    s.ports.some((p) => joinAddress(s.clusterIP, String(p)) === vs.address),
  );
  if (svc)
    return endpoints.find(
      (e) =>
        e.name === svc.name && (!e.namespace || !svc.namespace || e.namespace === svc.namespace),
    );
  const mine = new Set(vs.realServers.map((r: RealServer) => normal(r.address)));
  let best: EndpointsRow | undefined;
  let overlap = 0;
  for (const e of endpoints) {
    const n = e.addresses.filter((a) => mine.has(normal(a))).length;
    if (n > overlap) [best, overlap] = [e, n];
  }
  return best;
}

function reuseMode(ctx: RuleContext) {
  for (const { source, facts } of ctx.of('sysctl')) {
    const v = facts.values['net.ipv4.vs.conn_reuse_mode'];
    if (v) return { value: v.value.trim(), evidence: cite(source, v) };
  }
  return null;
}
