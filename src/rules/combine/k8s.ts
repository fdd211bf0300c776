import { cite, type RuleContext } from '../rule';
import { endpointList } from '../../parsers/k8s-common/text';
import type { Evidence } from '../../engine/types';

/** A Service's endpoints as `kubectl get ep` or an Endpoints/EndpointSlice object shows them. */
export interface EndpointsRow {
  namespace: string | null;
  name: string;
  /** `ip:port` (kubectl) or bare IPs (objects); empty = `<none>`. */
  addresses: string[];
  /** kubectl shortened the list (`+ 3 more...`): absent addresses prove nothing. */
  partial: boolean;
  /** Addresses listed as not ready (objects only). */
  notReady: number;
  evidence: Evidence;
}

/** The Service has no endpoint, as far as the output can tell (a shortened or unsure list never). */
export const noEndpoints = (r: EndpointsRow): boolean => r.addresses.length === 0 && !r.partial;

export interface ServiceRow {
  namespace: string | null;
  name: string;
  clusterIP: string;
  /** Service ports (not node ports). */
  ports: number[];
  /** Node ports (`80:30080/TCP` → 30080), for NodePort and LoadBalancer Services. */
  nodePorts: number[];
  evidence: Evidence;
}

export function endpointsRows(ctx: RuleContext): EndpointsRow[] {
  const out: EndpointsRow[] = [];
  for (const { source, facts } of ctx.of('kubectl-get')) {
    for (const t of facts.tables) {
      for (const r of t.rows) {
        if (r.endpoints === null) continue;
        const name = r.cells.NAME;
        if (!name) continue;
        out.push({
          namespace: r.cells.NAMESPACE ?? null,
          name: name.replace(/^endpoints\//, ''), // `kubectl get all` prefixes the kind
          addresses: r.endpoints,
          partial: r.moreEndpoints > 0,
          notReady: 0,
          evidence: cite(source, r),
        });
      }
    }
  }
  // `kubectl describe svc`: one `Endpoints:` line per port, `<none>` when nothing is ready.
  for (const { source, facts } of ctx.of('kubectl-describe')) {
    const service =
      facts.object === 'Service' || (facts.fields.Selector && facts.fields.TargetPort);
    const name = facts.name?.value;
    if (!service || !name) continue;
    for (const ep of facts.fields.Endpoints ?? []) {
      const { addresses, more } = endpointList(ep.value);
      out.push({
        namespace: facts.namespace?.value ?? null,
        name,
        addresses,
        partial: more > 0,
        notReady: 0,
        evidence: cite(source, ep),
      });
    }
  }
  // `kubectl describe ingress`: `web:80 (<error: endpoints "web" not found>)` proves none.
  // `(<none>)` does not: kubectl 1.13 printed it for every ingress outside kube-system.
  for (const { source, facts } of ctx.of('kubectl-describe'))
    for (const b of facts.backends) {
      const { service, endpoints } = b.value;
      const missing = /^<error: endpoints "[^"]*" not found>$/.test(endpoints);
      const { addresses, more } = missing ? { addresses: [], more: 0 } : endpointList(endpoints);
      out.push({
        namespace: facts.namespace?.value ?? null,
        name: service,
        addresses,
        partial: endpoints === '<none>' || more > 0,
        notReady: 0,
        evidence: cite(source, b),
      });
    }
  for (const { source, facts } of ctx.of('k8s-object')) {
    for (const o of facts.objects) {
      if (!o.endpoints) continue;
      const name = o.endpoints.serviceName ?? o.name;
      if (!name) continue;
      const ports = o.endpoints.ports.map((p) => p.port).filter((p): p is number => p !== null);
      const ips = o.endpoints.ready.map((a) => a.ip);
      out.push({
        namespace: o.namespace,
        name,
        addresses: ports.length > 0 ? ips.flatMap((ip) => ports.map((p) => `${ip}:${p}`)) : ips,
        partial: false,
        notReady: o.endpoints.notReady.length,
        // An empty list's best witness is an address that is there but not ready.
        evidence: cite(source, o.endpoints.ready[0] ?? o.endpoints.notReady[0] ?? o),
      });
    }
  }
  return out;
}

/** One Event, as `kubectl get events` prints it (a table row) or as an Event object (-o yaml|json). */
export interface EventRecord {
  /** `pod/web-1`, `web-1` (the table's OBJECT or NAME column; an object's involvedObject name). */
  object: string;
  namespace: string | null;
  type: string | null;
  reason: string | null;
  message: string;
  count: number;
  evidence: Evidence;
}

/** Events of `kubectl get events` tables and of Event objects, in one shape. */
export function eventRecords(ctx: RuleContext): EventRecord[] {
  const out: EventRecord[] = [];
  for (const { source, facts } of ctx.of('kubectl-get'))
    for (const t of facts.tables)
      for (const r of t.rows) {
        const message = r.cells.MESSAGE ?? '';
        if (!message) continue;
        const count = Number(r.cells.COUNT ?? '1');
        out.push({
          object: r.cells.OBJECT ?? r.cells.NAME ?? '',
          namespace: r.cells.NAMESPACE ?? null,
          type: r.cells.TYPE ?? null,
          reason: r.cells.REASON ?? null,
          message,
          count: count > 0 ? count : 1,
          evidence: cite(source, r),
        });
      }
  for (const { source, facts } of ctx.of('k8s-object'))
    for (const o of facts.objects) {
      const e = o.event;
      if (!e?.message) continue;
      out.push({
        object: [e.object.kind?.toLowerCase(), e.object.name].filter(Boolean).join('/'),
        namespace: e.object.namespace,
        type: e.type,
        reason: e.reason,
        message: e.message.value,
        count: e.count,
        evidence: cite(source, e.message),
      });
    }
  return out;
}

export function serviceRows(ctx: RuleContext): ServiceRow[] {
  const out: ServiceRow[] = [];
  for (const { source, facts } of ctx.of('kubectl-get')) {
    for (const t of facts.tables) {
      for (const r of t.rows) {
        const ip = r.cells['CLUSTER-IP'];
        const ports = r.cells['PORT(S)'];
        const name = r.cells.NAME;
        if (!ip || !ports || !name || !/^[\d.:a-f]+$/i.test(ip)) continue;
        out.push({
          namespace: r.cells.NAMESPACE ?? null,
          name: name.replace(/^service\//, ''),
          clusterIP: ip,
          ports: ports
            .split(',')
            .map((p) => Number(/^(\d+)/.exec(p)?.[1]))
            .filter((n) => n > 0),
          nodePorts: ports
            .split(',')
            .map((p) => Number(/^\d+:(\d+)\//.exec(p)?.[1]))
            .filter((n) => n > 0),
          evidence: cite(source, r),
        });
      }
    }
  }
  // `kubectl describe svc`: `IP:` (or `IPs:`), one `Port:` and `NodePort:` line per port
  // (`https  443/TCP`, `<unset>  30080/TCP`).
  for (const { source, facts } of ctx.of('kubectl-describe')) {
    const service =
      facts.object === 'Service' || (facts.fields.Selector && facts.fields.TargetPort);
    const ip = (facts.fields.IP ?? facts.fields.IPs)?.[0];
    const first = ip?.value.split(',')[0]?.trim() ?? '';
    if (!service || !ip || !facts.name || !/^[\d.:a-f]+$/i.test(first)) continue;
    const portOf = (c: { value: string }) => Number(/(?:^|\s)(\d+)\/[A-Z]+$/.exec(c.value)?.[1]);
    out.push({
      namespace: facts.namespace?.value ?? null,
      name: facts.name.value,
      clusterIP: first,
      ports: (facts.fields.Port ?? []).map(portOf).filter((n) => n > 0),
      nodePorts: (facts.fields.NodePort ?? []).map(portOf).filter((n) => n > 0),
      evidence: cite(source, ip),
    });
  }
  for (const { source, facts } of ctx.of('k8s-object')) {
    for (const o of facts.objects) {
      const ip = o.service?.clusterIP;
      if (!o.service || !ip || !o.name || !/^[\d.:a-f]+$/i.test(ip.value)) continue;
      out.push({
        namespace: o.namespace,
        name: o.name,
        clusterIP: ip.value,
        ports: o.service.ports.map((p) => p.port).filter((p): p is number => p !== null),
        nodePorts: o.service.ports
          .map((p) => p.nodePort)
          .filter((p): p is number => typeof p === 'number' && p > 0),
        evidence: cite(source, ip),
      });
    }
  }
  return out;
}

/** `10.96.0.1:443` → ip and port; `[fd00::1]:443` too. */
export function splitAddress(a: string): { ip: string; port: string } | null {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(a.trim());
  return m ? { ip: m[1]!, port: m[2]! } : null;
}

/** The `ip:port` form ipvsadm prints for this address (brackets for IPv6). */
export function joinAddress(ip: string, port: string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
