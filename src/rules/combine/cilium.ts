import { cite, type RuleContext } from '../rule';
import type { Evidence } from '../../engine/types';

/** One Service frontend of Cilium's kube-proxy replacement, from `service list` or `bpf lb list`. */
export interface Frontend {
  source: string;
  ip: string;
  port: number;
  /** `NodePort`, `ClusterIP`… (service list's type; bpf lb's flags joined). */
  type: string;
  backends: number;
  /** An L7 load-balancer frontend (`L7LB Proxy Port`) has no backend slots by design. */
  l7: boolean;
  evidence: Evidence;
}

export function ciliumFrontends(ctx: RuleContext): Frontend[] {
  const out: Frontend[] = [];
  for (const { source, facts } of ctx.of('cilium-service'))
    for (const s of facts.services)
      out.push({
        source,
        ip: s.ip,
        port: s.port,
        type: s.type,
        backends: s.backends.length,
        l7: false,
        evidence: cite(source, s.frontend),
      });
  for (const { source, facts } of ctx.of('cilium-bpf-lb'))
    for (const f of facts.frontends)
      out.push({
        source,
        ip: f.ip,
        port: f.port,
        type: f.flags.join(', '),
        backends: f.backends.length,
        l7: f.l7ProxyPort !== null,
        evidence: cite(source, f.address),
      });
  return out;
}

/** The NodePort's frontends (`0.0.0.0:31940`, one per node address) or the ClusterIP's. */
export function frontendsFor(
  all: Frontend[],
  target: { port?: string; vip?: string; vport?: string },
): Frontend[] {
  if (target.vip) {
    const vport = target.vport ? Number(target.vport) : null;
    return all.filter((f) => f.ip === target.vip && (vport === null || f.port === vport));
  }
  const port = Number(target.port);
  if (!Number.isInteger(port) || port <= 0) return [];
  return all.filter((f) => f.port === port && /NodePort/i.test(f.type));
}

/** `cilium-dbg service list` tables printed whole, which alone prove a frontend absent. */
export function wholeServiceLists(ctx: RuleContext) {
  return ctx.of('cilium-service').filter((s) => s.facts.whole && s.facts.services.length > 0);
}

/** The port of a drop's destination: `10.0.2.7:80`, `default/web-0:8080`. */
export function destinationPort(destination: string | null): number | null {
  const m = /:(\d{1,5})$/.exec(destination ?? '');
  return m ? Number(m[1]) : null;
}
