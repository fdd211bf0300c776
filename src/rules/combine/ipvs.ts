import type { RuleContext } from '../rule';
import type { IpvsFacts, VirtualService } from '../../parsers/ipvsadm/facts';
import { joinAddress, splitAddress } from './k8s';

/** ipvsadm pastes that list virtual services (`-Ln`, `--stats`, `--rate`, `-S`). */
export function ipvsTables(ctx: RuleContext): { source: string; facts: IpvsFacts }[] {
  return ctx.of('ipvsadm').filter(({ facts }) => SERVICE_FORMATS.includes(facts.format));
}

const SERVICE_FORMATS: IpvsFacts['format'][] = ['list', 'stats', 'rate', 'save'];

/** The ClusterIP:port the operator named (`vip`, `vport`), as ipvsadm prints it. */
export function vipTarget(vars: Record<string, string>): string | null {
  const vip = vars.vip?.trim();
  const vport = vars.vport?.trim();
  return vip && vport && /^\d{1,5}$/.test(vport) ? joinAddress(vip, vport) : null;
}

export function findService(facts: IpvsFacts, address: string): VirtualService | undefined {
  const want = splitAddress(address);
  return facts.services.find((s) => {
    const a = splitAddress(s.address);
    return a !== null && want !== null && a.ip === want.ip && a.port === want.port;
  });
}

/** Real servers that take new connections (weight above 0). */
export const liveServers = (vs: VirtualService) =>
  vs.realServers.filter((r) => r.weight === null || r.weight > 0);

/** The port of a virtual service's address, or null for a firewall-mark service. */
export const portOf = (vs: VirtualService): string | null =>
  vs.proto === 'FWM' ? null : (splitAddress(vs.address)?.port ?? null);
