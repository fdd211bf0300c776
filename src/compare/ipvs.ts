import { cite, type Side } from './side';
import { put, type Facts } from './keyed';
import { nodePortKey, serviceKey } from './rules';
import { NO_ENDPOINTS, PRESENT } from './types';

/** kube-proxy's NodePort range: a virtual server on such a port is a NodePort on a node address. */
const NODE_PORTS = { from: 30000, to: 32767 };

/** Whether a node pasted an IPVS table of virtual servers (not only its timeouts or connections). */
export function showsIpvs(side: Side): boolean {
  return side.of('ipvsadm').some((p) => ['list', 'stats', 'rate', 'save'].includes(p.facts.format));
}

/**
 * Whether a node pasted its whole IPVS table (the version header shows it is not a grep).
 * `ipvsadm -S` prints no header: a whole save and a grep of one look alike, so it never counts.
 */
export function listsAllIpvs(side: Side): boolean {
  return side
    .of('ipvsadm')
    .some((p) => p.facts.version !== null && ['list', 'stats', 'rate'].includes(p.facts.format));
}

/**
 * IPVS virtual servers by Service identity: a ClusterIP (or external) one by protocol, address
 * and port; a NodePort one, which kube-proxy binds to every node address, by protocol and port.
 * Returns the keys read, so a missing one can be told as IPVS's.
 */
export function readIpvsServices(side: Side, facts: Facts): Set<string> {
  const keys = new Set<string>();
  for (const { source, facts: f } of side.of('ipvsadm'))
    for (const vs of f.services) {
      if (vs.proto === 'FWM') continue;
      const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(vs.address);
      if (!m) continue;
      const [, address, port] = m as unknown as [string, string, string];
      const p = Number(port);
      const key =
        p >= NODE_PORTS.from && p <= NODE_PORTS.to
          ? nodePortKey(vs.proto, port)
          : serviceKey(vs.proto, address, port);
      const serving = vs.realServers.some((r) => r.weight === null || r.weight > 0);
      put(facts, key, { value: serving ? PRESENT : NO_ENDPOINTS, evidence: [cite(source, vs)] });
      keys.add(key);
    }
  return keys;
}
