import type { Example } from './example';

/**
 * Seed 004 (with seed 002's analysis): pods reach a server outside the cluster only
 * sometimes; from the node it fails too; the target (CentOS 7, kernel 3.10) has
 * tcp_tw_recycle on and answers some SYNs from the node's SNAT address with nothing. The
 * sysctl pair is real output (fixture 07); seed 004 describes the capture ("only the
 * client's SYN, no SYN+ACK") without printing it, so it is written in tcpdump's format
 * with the seed's node addresses (192.168.10.121-123) and port 22; the seed does not give the
 * target's own address, so 192.168.10.200 stands in for it.
 */
export const podExternalTwRecycle: Example = {
  symptom: 'pod-external-intermittent',
  finds: ['tcp-tw-recycle-nat'],
  state: {
    tree: 'pod-external-intermittent',
    answers: { target: '192.168.10.200', tport: '22', 'from-node': 'fails' },
    pastes: {
      'target-sysctl': `[root@db-01 ~]# sysctl net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps
net.ipv4.tcp_timestamps = 1
net.ipv4.tcp_tw_recycle = 1
`,
      'target-capture': `[root@db-01 ~]# tcpdump -i ens192 -nn host 192.168.10.121 and port 22
tcpdump: verbose output suppressed, use -v or -vv for full protocol decode
listening on ens192, link-type EN10MB (Ethernet), capture size 262144 bytes
10:31:02.118204 IP 192.168.10.121.40412 > 192.168.10.200.22: Flags [S], seq 1780942311, win 29200, options [mss 1460,sackOK,TS val 5123378 ecr 0,nop,wscale 7], length 0
10:31:03.120533 IP 192.168.10.121.40412 > 192.168.10.200.22: Flags [S], seq 1780942311, win 29200, options [mss 1460,sackOK,TS val 5124380 ecr 0,nop,wscale 7], length 0
10:31:05.124516 IP 192.168.10.121.40412 > 192.168.10.200.22: Flags [S], seq 1780942311, win 29200, options [mss 1460,sackOK,TS val 5126384 ecr 0,nop,wscale 7], length 0
`,
    },
  },
};
