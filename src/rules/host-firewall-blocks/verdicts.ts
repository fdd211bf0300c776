import type { Confidence, Evidence, Msg } from '../../engine/types';
import type { FirewallZone } from '../../parsers/firewall-cmd/facts';

/** What one piece of evidence says about the host firewall: it turns the traffic away, or lets it in. */
export type Verdict =
  | {
      type: 'block';
      confidence: Confidence;
      why: Msg;
      evidence: Evidence[];
      /** The fix's values: the overlay's port instead of the NodePort range. */
      vars?: Record<string, string>;
    }
  | { type: 'open'; why: Msg; evidence: Evidence[] };

/** The zones firewalld applies: the active ones, and the default one that new interfaces join. */
export function judgedZones(zones: FirewallZone[]): FirewallZone[] {
  return zones.filter((z) => z.active || z.isDefault);
}

/** A zone whose target accepts everything: no port needs opening there. */
export function acceptsAll(z: FirewallZone): boolean {
  return !!z.target && /^ACCEPT$/i.test(z.target);
}

/** The zone's opened port (`8472/udp`, `30000-32767/tcp`) covering PROTO LO-HI, with the line it is on. */
export function openedPort(
  z: FirewallZone,
  proto: string,
  lo: number,
  hi: number,
): { line: number; text: string } | null {
  const p = z.ports.find((x) => x.proto === proto && covers(x.port, lo, hi));
  if (!p) return null;
  const f = Object.values(z.fields).find((c) => c.line === p.line);
  return { line: p.line, text: f?.text ?? z.name.text };
}

function covers(spec: string, lo: number, hi: number): boolean {
  const [a, b] = spec.split('-').map(Number) as [number, number | undefined];
  return a <= lo && (b ?? a) >= hi;
}
