/**
 * What to run for each step, with `{var}` placeholders filled from the answers (shell-quoted
 * by `fillTemplate`). Kept as data: trees refer to these by id.
 */
/** Runs what follows in the Cilium agent of the node `{node}` (not any agent, as `ds/cilium` would). */
export const CILIUM_AGENT =
  'kubectl -n kube-system exec "$(kubectl -n kube-system get pods -l k8s-app=cilium --field-selector spec.nodeName={node} -o name)" -c cilium-agent --';

export const COMMANDS = {
  // kube-proxy and the CNI on the node
  'kube-system-pods-node': {
    run: 'kubectl -n kube-system get pods -o wide --field-selector spec.nodeName={node}',
  },
  'kube-system-pods': { run: 'kubectl -n kube-system get pods -o wide' },
  'kube-proxy-log': {
    run: 'kubectl -n kube-system logs --tail=300 "$(kubectl -n kube-system get pods -l k8s-app=kube-proxy --field-selector spec.nodeName={node} -o name)"',
  },
  'kube-proxy-log-any': { run: 'kubectl -n kube-system logs --tail=300 -l k8s-app=kube-proxy' },
  'iptables-save': { run: 'sudo iptables-save' },
  'nft-ruleset': { run: 'sudo nft list ruleset' },
  // Cilium's agent on the node (cilium-dbg since 1.15; \`cilium\` before)
  'cilium-status': {
    run: `${CILIUM_AGENT} cilium-dbg status --verbose`,
  },
  'cilium-service-list': {
    run: `${CILIUM_AGENT} cilium-dbg service list`,
  },
  'cilium-monitor-drop': {
    run: `${CILIUM_AGENT} timeout 30 cilium-dbg monitor --type drop`,
  },
  ipvsadm: { run: 'sudo ipvsadm -Ln' },
  'ipvsadm-timeout': { run: 'sudo ipvsadm -Ln --timeout' },
  'lsmod-ipvs': { run: 'lsmod | grep -e ip_vs -e nf_conntrack -e br_netfilter' },
  'firewall-cmd': { run: 'sudo firewall-cmd --list-all' },
  // kernel settings and counters
  'sysctl-nodeport': {
    run: 'sysctl net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps net.ipv4.ip_forward net.ipv4.ip_local_port_range net.ipv4.ip_local_reserved_ports net.ipv4.conf.all.rp_filter net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max net.ipv4.neigh.default.gc_thresh3',
  },
  'sysctl-ipvs': {
    run: 'sysctl net.ipv4.vs.conn_reuse_mode net.ipv4.vs.conntrack net.bridge.bridge-nf-call-iptables net.ipv4.ip_forward net.ipv4.tcp_keepalive_time net.netfilter.nf_conntrack_tcp_be_liberal',
  },
  'sysctl-pod-node': {
    run: 'sysctl net.bridge.bridge-nf-call-iptables net.ipv4.ip_forward net.ipv4.conf.all.rp_filter net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max net.netfilter.nf_conntrack_tcp_be_liberal net.ipv4.neigh.default.gc_thresh3',
  },
  'sysctl-target': {
    run: 'sysctl net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps net.ipv4.conf.all.rp_filter',
  },
  'sysctl-conntrack': {
    run: 'sysctl net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max net.netfilter.nf_conntrack_tcp_timeout_close_wait net.ipv4.neigh.default.gc_thresh3',
  },
  'netstat-s': { run: 'netstat -s' },
  uname: { run: 'uname -r' },
  dmesg: { run: 'dmesg -T | tail -n 500' },
  'conntrack-S': { run: 'sudo conntrack -S' },
  'conntrack-L': { run: 'sudo conntrack -L 2>/dev/null | head -n 250000' },
  'ss-tan': { run: 'ss -tan' },
  // interfaces, MTU, capture
  'ip-addr': { run: 'ip -d addr' },
  'ip-route': { run: 'ip route' },
  'ethtool-overlay': { run: 'ethtool -k {iface} | grep checksum' },
  'ping-mtu': { run: "ping -M 'do' -s 1472 -c 3 {target}" },
  'tcpdump-nodeport': { run: 'sudo tcpdump -i any -nn -c 50 tcp port {port}' },
  'tcpdump-target': { run: "sudo tcpdump -i any -nn -c 100 'tcp port {tport}'" },
  'tcpdump-vxlan': { run: 'sudo tcpdump -i any -nn -vv -c 30 udp port 8472 or udp port 4789' },
  // from a pod
  'resolv-in-pod': { run: 'kubectl -n {ns} exec {pod} -- cat /etc/resolv.conf' },
  'nslookup-in-pod': { run: 'kubectl -n {ns} exec {pod} -- nslookup {target}' },
  // services and the ingress controller
  'kubectl-endpoints': {
    run: 'kubectl get endpoints -A -o wide | grep -v "<none>" | head; kubectl get svc -A -o wide | grep {port}',
  },
  'endpoints-vip': { run: 'kubectl get svc -A -o wide | grep {vip}' },
  'ingress-log': {
    run: 'kubectl -n {ingressns} logs --tail=500 -l app.kubernetes.io/name=ingress-nginx',
  },
  'ingress-configmap': {
    run: 'kubectl -n {ingressns} get configmap ingress-nginx-controller -o yaml',
  },
  'ingress-describe': {
    run: 'kubectl -n {ingressns} describe pod -l app.kubernetes.io/name=ingress-nginx',
  },
  'ingress-pod-yaml': {
    run: 'kubectl -n {ingressns} get pods -l app.kubernetes.io/name=ingress-nginx -o yaml',
  },
  'ingress-endpoints': { run: 'kubectl get endpoints -A | grep "<none>"' },
  'curl-https': { run: 'curl -vk --http2 -o /dev/null https://{host}/' },
} as const satisfies Record<string, { run: string }>;

export type CommandId = keyof typeof COMMANDS;
