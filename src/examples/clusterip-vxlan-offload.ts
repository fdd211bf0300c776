import type { Example } from './example';

/**
 * Seed 003: ClusterIP 10.102.246.104:8080 times out under IPVS while every pod IP answers;
 * kube-proxy runs the IPVS proxier and the virtual server has its three real servers; flannel.1
 * has tx-checksum-ip-generic on. All three outputs are the seed's own (the blog collapsed
 * their spacing; the author's "##### 当前为 on" annotations and an elision line are removed).
 */
export const clusteripVxlanOffload: Example = {
  symptom: 'clusterip-ipvs-timeout',
  finds: ['vxlan-checksum-offload'],
  state: {
    tree: 'clusterip-ipvs-timeout',
    answers: {
      vip: '10.102.246.104',
      vport: '8080',
      podip: 'works',
      node: 'k8s-master',
      mode: 'ipvs',
      pattern: 'remote',
      overlay: 'flannel.1',
    },
    pastes: {
      'proxy-log': `[root@k8s-master service]# kubectl logs -n kube-system kube-proxy-6bfh7
W0601 13:01:13.170506 1 feature_gate.go:235] Setting GA feature gate SupportIPVSProxyMode=true. It will be removed in a future release.
I0601 13:01:13.338922 1 node.go:135] Successfully retrieved node IP: 172.16.1.112
I0601 13:01:13.338960 1 server_others.go:172] Using ipvs Proxier.
W0601 13:01:13.339400 1 proxier.go:420] IPVS scheduler not specified, use rr by default
I0601 13:01:13.339638 1 server.go:571] Version: v1.17.4
I0601 13:01:13.340126 1 conntrack.go:100] Set sysctl 'net/netfilter/nf_conntrack_max' to 131072
I0601 13:01:13.340159 1 conntrack.go:52] Setting nf_conntrack_max to 131072
I0601 13:01:13.340500 1 conntrack.go:83] Setting conntrack hashsize to 32768
I0601 13:01:13.346991 1 conntrack.go:100] Set sysctl 'net/netfilter/nf_conntrack_tcp_timeout_established' to 86400
I0601 13:01:13.347035 1 conntrack.go:100] Set sysctl 'net/netfilter/nf_conntrack_tcp_timeout_close_wait' to 3600
I0601 13:01:13.347703 1 config.go:313] Starting service config controller
I0601 13:01:13.448223 1 shared_informer.go:204] Caches are synced for endpoints config
I0601 13:01:13.448236 1 shared_informer.go:204] Caches are synced for service config
`,
      'ipvs-table': `[root@k8s-master service]# ipvsadm -Ln
IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
-> RemoteAddress:Port Forward Weight ActiveConn InActConn
TCP 10.102.246.104:8080 rr
-> 10.244.2.111:80 Masq 1 0 0
-> 10.244.3.164:80 Masq 1 0 0
-> 10.244.3.165:80 Masq 1 0 0
`,
      offload: `[root@k8s-master service]# ethtool -k flannel.1 | grep checksum
rx-checksumming: on
tx-checksumming: on
tx-checksum-ipv4: off [fixed]
tx-checksum-ip-generic: on
tx-checksum-ipv6: off [fixed]
tx-checksum-fcoe-crc: off [fixed]
tx-checksum-sctp: off [fixed]
`,
      'vxlan-log': null,
      kernel: null,
      kver: null,
      'ct-stats': null,
    },
  },
};
