/**
 * Every output kind a parser exists for. Kept apart from the registry so the page can list
 * kinds without pulling the parsers into its first script (they run in the worker).
 */
export const KINDS = [
  'iptables-save',
  'iptables-L',
  'nft',
  'kube-proxy-log',
  'netstat-s',
  'sysctl',
  'conntrack',
  'conntrack-S',
  'kernel-log',
  'ipvsadm',
  'ethtool-k',
  'uname',
  'lsmod',
  'ip-addr',
  'ip-route',
  'ping-mtu',
  'tcpdump',
  'ss',
  'firewall-cmd',
  'resolv-conf',
  'dns-answer',
  'ingress-nginx-log',
  'kubectl-get',
  'k8s-object',
  'kubectl-describe',
  'nginx-tls',
  'curl-v',
  'cni-log',
  'cilium-status',
  'cilium-service',
  'cilium-bpf-lb',
  'cilium-monitor',
] as const;
export type Kind = (typeof KINDS)[number];
