import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import type { Evidence } from '../../engine/types';

const K = 'cause.nodeport-port-range-clash.verdict';
const NODEPORT_MIN = 30000;
const NODEPORT_MAX = 32767;

/** A local process took the NodePort from the ephemeral range, so kube-proxy could not hold it. */
export default defineRule({
  cause: 'nodeport-port-range-clash',
  needs: ['kube-proxy-log', 'sysctl'],
  check(ctx) {
    const bindFailures: Evidence[] = [];
    for (const { source, facts } of ctx.of('kube-proxy-log')) {
      for (const e of facts.entries)
        if (/can't open .*address already in use/i.test(e.message))
          bindFailures.push(cite(source, e));
    }
    if (bindFailures.length > 0)
      return finding(
        'high',
        { key: `${K}.bindFailed` },
        bindFailures.slice(0, 5),
        portOf(bindFailures[0]!.text),
      );
    for (const { source, facts } of ctx.of('sysctl')) {
      const range = facts.values['net.ipv4.ip_local_port_range'];
      if (!range) continue;
      const [lo, hi] = range.value.trim().split(/\s+/).map(Number) as [number, number];
      const reserved = facts.values['net.ipv4.ip_local_reserved_ports'];
      const overlaps = lo <= NODEPORT_MAX && hi >= NODEPORT_MIN;
      if (!overlaps) return ruledOut({ key: `${K}.noOverlap` }, [cite(source, range)]);
      if (reserved && coversNodePorts(reserved.value))
        return ruledOut({ key: `${K}.reserved` }, [cite(source, range), cite(source, reserved)]);
      return finding('low', { key: `${K}.overlap` }, [
        cite(source, range),
        ...(reserved ? [cite(source, reserved)] : []),
      ]);
    }
    return noEvidence;
  },
  fix: {
    now: "sudo ss -ltnp 'sport = :{port}'   # @{who}",
    persist:
      "echo 'net.ipv4.ip_local_reserved_ports = 30000-32767' | sudo tee /etc/sysctl.d/90-net-triage-nodeports.conf\nsudo sysctl --system",
    verify: "sysctl net.ipv4.ip_local_reserved_ports\nsudo ss -ltnp 'sport = :{port}'",
    rollback:
      'sudo rm /etc/sysctl.d/90-net-triage-nodeports.conf && sudo sysctl -w net.ipv4.ip_local_reserved_ports=',
    defaults: { port: 'NODE_PORT' },
  },
});

/** True when the reserved list (`30000-32767,40000`) covers the whole default NodePort range. */
function coversNodePorts(list: string): boolean {
  return list.split(',').some((part) => {
    const [a, b] = part.trim().split('-').map(Number);
    return a !== undefined && a <= NODEPORT_MIN && (b ?? a) >= NODEPORT_MAX;
  });
}

function portOf(text: string): Record<string, string> | undefined {
  const m = /\(:(\d{1,5})\/(?:tcp|udp|sctp)\)|:(\d{1,5}): bind/.exec(text);
  const port = m?.[1] ?? m?.[2];
  return port ? { port } : undefined;
}
