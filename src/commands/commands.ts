/**
 * What to run for each output kind, with `{var}` placeholders filled from the answers
 * (shell-quoted by `fillTemplate`). Kept as data: trees refer to these by id.
 */
export const COMMANDS = {
  'sysctl-nodeport': {
    run: 'sysctl net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps net.ipv4.ip_forward net.ipv4.ip_local_port_range net.ipv4.ip_local_reserved_ports',
  },
  'netstat-s': { run: 'netstat -s' },
  'iptables-save': { run: 'sudo iptables-save' },
  'kube-proxy-log': {
    run: 'kubectl -n kube-system logs --tail=300 $(kubectl -n kube-system get pods -l k8s-app=kube-proxy --field-selector spec.nodeName={node} -o name)',
  },
  'tcpdump-nodeport': { run: 'sudo tcpdump -i any -nn -c 50 tcp port {port}' },
  ipvsadm: { run: 'sudo ipvsadm -Ln' },
  'kubectl-endpoints': {
    run: 'kubectl get endpoints -A -o wide | grep -v "<none>" | head; kubectl get svc -A -o wide | grep {port}',
  },
} as const satisfies Record<string, { run: string }>;

export type CommandId = keyof typeof COMMANDS;
