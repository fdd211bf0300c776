import type { Example } from './example';

/**
 * Seed 000 (NodePort 31710 fails on one of three nodes, kube-proxy healthy, rules present,
 * SYNs arrive and are never answered, fixed by tcp_tw_recycle=0) with seed 004's 3.10
 * kernel. The sysctl pair is real output (fixture 07); the seeds describe the other outputs
 * without printing them, so those are written in the exact format the commands print, with
 * the seeds' values. The kernel-log step is left skipped: the seeds say nothing of it.
 */
export const nodeportTwRecycle: Example = {
  symptom: 'nodeport-one-node',
  finds: ['tcp-tw-recycle-nat'],
  state: {
    tree: 'nodeport-one-node',
    answers: { port: '31710', node: 'k8s-node03', mode: 'iptables' },
    pastes: {
      pods: `[root@k8s-master ~]# kubectl -n kube-system get pods -o wide --field-selector spec.nodeName=k8s-node03
NAME                          READY   STATUS    RESTARTS   AGE   IP               NODE         NOMINATED NODE   READINESS GATES
kube-flannel-ds-amd64-8xk2q   1/1     Running   0          16d   192.168.10.123   k8s-node03   <none>           <none>
kube-proxy-x7k2p              1/1     Running   0          16d   192.168.10.123   k8s-node03   <none>           <none>
`,
      'proxy-log': `[root@k8s-master ~]# kubectl -n kube-system logs kube-proxy-x7k2p
I0601 13:01:13.338922       1 node.go:136] Successfully retrieved node IP: 192.168.10.123
I0601 13:01:13.338960       1 server_others.go:186] Using iptables Proxier.
I0601 13:01:13.339638       1 server.go:583] Version: v1.18.6
I0601 13:01:13.340126       1 conntrack.go:100] Set sysctl 'net/netfilter/nf_conntrack_max' to 131072
I0601 13:01:13.340159       1 conntrack.go:52] Setting nf_conntrack_max to 131072
I0601 13:01:13.347035       1 conntrack.go:100] Set sysctl 'net/netfilter/nf_conntrack_tcp_timeout_close_wait' to 3600
I0601 13:01:13.347703       1 config.go:315] Starting service config controller
I0601 13:01:13.347736       1 config.go:133] Starting endpoints config controller
I0601 13:01:13.448223       1 shared_informer.go:230] Caches are synced for endpoints config
I0601 13:01:13.448236       1 shared_informer.go:230] Caches are synced for service config
`,
      'nat-rules': `[root@k8s-node03 ~]# iptables -S -t nat | grep 31710
-A KUBE-NODEPORTS -p tcp -m comment --comment "default/myapp:http" -m tcp --dport 31710 -j KUBE-MARK-MASQ
-A KUBE-NODEPORTS -p tcp -m comment --comment "default/myapp:http" -m tcp --dport 31710 -j KUBE-SVC-6GQ2JV5ULHYQYZLL
`,
      kernel: `[root@k8s-node03 ~]# sysctl net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps net.ipv4.ip_forward net.ipv4.ip_local_port_range net.ipv4.ip_local_reserved_ports
net.ipv4.tcp_tw_recycle = 1
net.ipv4.tcp_timestamps = 1
net.ipv4.ip_forward = 1
net.ipv4.ip_local_port_range = 32768	60999
net.ipv4.ip_local_reserved_ports = 
`,
      counters: `[root@k8s-node03 ~]# netstat -s | grep -i -E 'listen|time stamp'
    1287 passive connections rejected because of time stamp
    1287 SYNs to LISTEN sockets dropped
`,
      'kernel-log': null,
      // Seed 000: the bad node receives the client's SYN and never completes the handshake.
      capture: `[root@k8s-node03 ~]# tcpdump -i any -nn -c 50 tcp port 31710
tcpdump: verbose output suppressed, use -v or -vv for full protocol decode
listening on any, link-type LINUX_SLL (Linux cooked), capture size 262144 bytes
14:02:11.120931 IP 192.168.10.5.52144 > 192.168.10.123.31710: Flags [S], seq 3271482911, win 29200, options [mss 1460,sackOK,TS val 91839210 ecr 0,nop,wscale 7], length 0
14:02:12.122803 IP 192.168.10.5.52144 > 192.168.10.123.31710: Flags [S], seq 3271482911, win 29200, options [mss 1460,sackOK,TS val 91840212 ecr 0,nop,wscale 7], length 0
14:02:14.126795 IP 192.168.10.5.52144 > 192.168.10.123.31710: Flags [S], seq 3271482911, win 29200, options [mss 1460,sackOK,TS val 91842216 ecr 0,nop,wscale 7], length 0
14:02:18.134797 IP 192.168.10.5.52144 > 192.168.10.123.31710: Flags [S], seq 3271482911, win 29200, options [mss 1460,sackOK,TS val 91846224 ecr 0,nop,wscale 7], length 0
`,
    },
  },
};
