import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';

const cause = 'host-firewall-blocks';
// iptables-services' default INPUT rules (kubernetes/kubernetes#18802).
const services = `-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p icmp -j ACCEPT
-A INPUT -i lo -j ACCEPT
-A INPUT -p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT
-A INPUT -j REJECT --reject-with icmp-host-prohibited
`;
const firewalld = (ports: string, target = 'default') => `public (active)
  target: ${target}
  icmp-block-inversion: no
  interfaces: ens33
  sources: 
  services: dhcpv6-client ssh
  ports: ${ports}
  protocols: 
  masquerade: no
  forward-ports: 
  source-ports: 
  icmp-blocks: 
  rich rules: 
`;

describe(cause, () => {
  it('finds the final REJECT of INPUT: high for the operator’s port, medium for the range', () => {
    const d = diagnoseTexts({ f: services }, { port: '32024' });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.line)).toEqual([5]);
    expect(f.fix.verify).toContain(':32024/');
    expect(verdictOf(diagnoseTexts({ f: services }), cause)).toBe('found:medium');
  });

  it('is medium in iptables mode (NodePorts are DNAT’d before INPUT)', () => {
    expect(
      verdictOf(diagnoseTexts({ f: services }, { port: '32024', mode: 'iptables' }), cause),
    ).toBe('found:medium');
  });

  it('rules it out when the port is accepted before the REJECT (the fix)', () => {
    const fixed = services.replace(
      '-A INPUT -j REJECT',
      '-A INPUT -p tcp -m tcp --dport 30000:32767 -m conntrack --ctstate NEW -j ACCEPT\n-A INPUT -j REJECT',
    );
    expect(verdictOf(diagnoseTexts({ f: fixed }, { port: '32024' }), cause)).toBe('ruled-out');
  });

  it('follows firewalld chains (-g IN_public) and lowers confidence for source-limited accepts', () => {
    const save = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:INPUT_ZONES - [0:0]
:IN_public - [0:0]
:IN_public_allow - [0:0]
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -i lo -j ACCEPT
-A INPUT -j INPUT_ZONES
-A INPUT -j REJECT --reject-with icmp-host-prohibited
-A INPUT_ZONES -g IN_public
-A IN_public -j IN_public_allow
-A IN_public_allow -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW,UNTRACKED -j ACCEPT
-A IN_public_allow -s 10.0.0.0/8 -p tcp -m tcp --dport 30000:32767 -j ACCEPT
COMMIT
`;
    const d = diagnoseTexts({ f: save }, { port: '31000' });
    expect(verdictOf(d, cause)).toBe('found:medium');
    const opened = save.replace('-s 10.0.0.0/8 ', '');
    expect(verdictOf(diagnoseTexts({ f: opened }, { port: '31000' }), cause)).toBe('ruled-out');
  });

  it('reads iptables -L -v (firewalld on CentOS 7)', () => {
    const listing = `Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
  40M   12G ACCEPT     all  --  any    any     anywhere             anywhere             ctstate RELATED,ESTABLISHED
 295K   18M ACCEPT     all  --  lo     any     anywhere             anywhere            
 1006 40713 DROP       all  --  any    any     anywhere             anywhere             ctstate INVALID
   24  1576 REJECT     all  --  any    any     anywhere             anywhere             reject-with icmp-host-prohibited
`;
    expect(verdictOf(diagnoseTexts({ l: listing }, { port: '30080' }), cause)).toBe('found:high');
  });

  it('without -v a bare ACCEPT may be `-i lo`: it does not open the port (k3s 283, CentOS)', () => {
    const input = (extra: string) => `Chain INPUT (policy ACCEPT)
target     prot opt source               destination
ACCEPT     all  --  anywhere             anywhere             state RELATED,ESTABLISHED
ACCEPT     icmp --  anywhere             anywhere
ACCEPT     all  --  anywhere             anywhere
${extra}ACCEPT     tcp  --  anywhere             anywhere             state NEW tcp dpt:ssh
REJECT     all  --  anywhere             anywhere             reject-with icmp-host-prohibited
`;
    // iptables-services' `-i lo -j ACCEPT`, shown without its interface: the REJECT still turns
    // the NodePort away (medium: the listing hides interfaces).
    expect(verdictOf(diagnoseTexts({ l: input('') }), cause)).toBe('found:medium');
    // The fix, the NodePort range accepted before the REJECT: still ruled out.
    const opened = input(
      'ACCEPT     tcp  --  anywhere             anywhere             state NEW tcp dpts:30000:32767\n',
    );
    expect(verdictOf(diagnoseTexts({ l: opened }), cause)).toBe('ruled-out');
    // With -v the same bare accept shows `*`/`any` interfaces: an accept-all, nothing blocked.
    const verbose = `Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination
  12M  9G ACCEPT     all  --  *      *       0.0.0.0/0            0.0.0.0/0
    0     0 REJECT     all  --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-host-prohibited
`;
    expect(verdictOf(diagnoseTexts({ l: verbose }), cause)).toBe('ruled-out');
  });

  it('reads firewall-cmd --list-all: no NodePort range is a finding, the range or target ACCEPT rules it out', () => {
    expect(verdictOf(diagnoseTexts({ z: firewalld('6443/tcp') }, { port: '30080' }), cause)).toBe(
      'found:high',
    );
    expect(verdictOf(diagnoseTexts({ z: firewalld('6443/tcp 30000-32767/tcp') }), cause)).toBe(
      'ruled-out',
    );
    expect(verdictOf(diagnoseTexts({ z: firewalld('', 'ACCEPT') }), cause)).toBe('ruled-out');
  });

  it('flags a catch-all REJECT in FORWARD before kube-proxy’s accept, not after it', () => {
    const before = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:KUBE-FORWARD - [0:0]
-A FORWARD -j REJECT --reject-with icmp-host-prohibited
-A FORWARD -j KUBE-FORWARD
COMMIT
`;
    expect(verdictOf(diagnoseTexts({ f: before }), cause)).toBe('found:high');
    const after = before.replace(
      '-A FORWARD -j REJECT --reject-with icmp-host-prohibited\n-A FORWARD -j KUBE-FORWARD',
      '-A FORWARD -j KUBE-FORWARD\n-A FORWARD -j REJECT --reject-with icmp-host-prohibited\n' +
        '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
    );
    expect(verdictOf(diagnoseTexts({ f: after }), cause)).not.toMatch(/^found/);
    // A chain the paste does not show (iptables -S FORWARD) may accept: no finding either.
    const filtered = `-P FORWARD ACCEPT
-A FORWARD -j KUBE-FORWARD
-A FORWARD -j REJECT --reject-with icmp-host-prohibited
`;
    expect(verdictOf(diagnoseTexts({ f: filtered }), cause)).not.toMatch(/^found/);
  });

  it('sees through an empty KUBE-FORWARD and a DOCKER-USER that only returns (hanzhiwei notes, case 600)', () => {
    // iptables-services' FORWARD REJECT on a node whose kube-proxy writes nothing in KUBE-FORWARD.
    const listing = `Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination
    0     0 DOCKER-USER  all  --  *      *       0.0.0.0/0            0.0.0.0/0
    0     0 ACCEPT     all  --  *      docker0  0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED
    0     0 ACCEPT     all  --  docker0 !docker0  0.0.0.0/0            0.0.0.0/0
   24  1728 KUBE-FORWARD  all  --  *      *       0.0.0.0/0            0.0.0.0/0            /* kubernetes forward rules */
   24  1728 REJECT     all  --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-host-prohibited

Chain DOCKER-USER (1 references)
 pkts bytes target     prot opt in     out     source               destination
    0     0 RETURN     all  --  *      *       0.0.0.0/0            0.0.0.0/0

Chain KUBE-FORWARD (1 references)
 pkts bytes target     prot opt in     out     source               destination
`;
    const d = diagnoseTexts({ f: listing });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.evidence.map((e) => e.line)).toEqual([7]);
    // Once KUBE-FORWARD accepts the pod network, the REJECT after it is no block.
    const fixed = listing.replace(
      'Chain KUBE-FORWARD (1 references)\n pkts bytes target     prot opt in     out     source               destination\n',
      'Chain KUBE-FORWARD (1 references)\n pkts bytes target     prot opt in     out     source               destination\n' +
        '    0     0 ACCEPT     all  --  *      *       10.244.0.0/16        0.0.0.0/0            /* kubernetes forwarding conntrack pod source rule */ ctstate RELATED,ESTABLISHED\n',
    );
    expect(verdictOf(diagnoseTexts({ f: fixed }), cause)).not.toMatch(/^found/);
  });
});

describe('host-firewall-blocks from the kernel log', () => {
  const log = (f: string) => readRules(`../parsers/kernel-log/fixtures/${f}`);

  it('a logged refusal of new TCP connections to the port is the firewall at work', () => {
    const d = diagnoseTexts(
      { k: log('kernel-log--firewalld-final-reject-tcp80.txt') },
      { port: '80' },
    );
    expect(verdictOf(d, 'host-firewall-blocks')).toBe('found:high');
    expect(d.findings[0]!.evidence[0]!.text).toMatch(/FINAL_REJECT: .*DPT=80 /);
  });

  it('refusals of other ports or of UDP and ICMP say nothing of this one', () => {
    const other = diagnoseTexts(
      { k: log('kernel-log--firewalld-final-reject-tcp80.txt') },
      { port: '31610' },
    );
    expect(verdictOf(other, 'host-firewall-blocks')).toBe('no-evidence');
    const udp = diagnoseTexts(
      { k: log('kernel-log--firewalld1436-rpfilter-drop-udp.txt') },
      { port: '5353' },
    );
    expect(verdictOf(udp, 'host-firewall-blocks')).toBe('no-evidence');
  });
});

describe('host-firewall-blocks from a logged refusal of forwarded pod traffic', () => {
  const log = (f: string) => readRules(`../parsers/kernel-log/fixtures/${f}`);
  const line = (prefix: string, iface: string, out: string) =>
    `Sep 15 09:10:14 node1 kernel: ${prefix} IN=${iface} OUT=${out} MAC=56:91:4a:53:80:9b SRC=10.244.1.5 DST=10.244.0.2 LEN=60 TOS=0x00 PREC=0x00 TTL=63 ID=1 DF PROTO=TCP SPT=40000 DPT=8080 WINDOW=64240 RES=0x00 SYN URGP=0`;

  it('firewalld’s zone forward chain rejecting flannel.1 → cni0 (flannel#2055): high, the trusted-zone fix', () => {
    const d = diagnoseTexts({
      k: log('kernel-log--flannel2055-firewalld-fwd-public-reject-cut.txt'),
    });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.why.params).toMatchObject({ from: 'flannel.1', to: 'cni0', n: 1 });
    expect(f.fix.now).toContain('--zone=trusted --change-interface=cni0');
    expect(f.fix.now).not.toContain('sudo iptables');
    expect(f.fix.persist).not.toContain('service iptables save');
  });

  it('a hand-made FORWARD drop of one pod packet is medium, fixed in FORWARD', () => {
    const d = diagnoseTexts({ k: line('FORWARD-DROP:', 'cali0123456789a', 'eth0') });
    expect(verdictOf(d, cause)).toBe('found:medium');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.fix.now).toContain('iptables -I FORWARD -s POD_CIDR -j ACCEPT');
  });

  it('says nothing of forwarding between uplinks, nor of what the host itself receives from flannel.1', () => {
    expect(verdictOf(diagnoseTexts({ k: line('FWD_public_REJECT:', 'eth0', 'eth1') }), cause)).toBe(
      'no-evidence',
    );
    expect(verdictOf(diagnoseTexts({ k: line('IN_public_REJECT:', 'flannel.1', '') }), cause)).toBe(
      'no-evidence',
    );
    // A LOG rule that only logs (no refusal in its prefix) is no denial.
    expect(verdictOf(diagnoseTexts({ k: line('FWD-LOG:', 'flannel.1', 'cni0') }), cause)).toBe(
      'no-evidence',
    );
  });
});

describe('host-firewall-blocks from the client', () => {
  // The curl 7.29 of CentOS/RHEL 7 (openshift/origin#6214): `Failed connect to host:port;`.
  const old = `[root@openshift-master~]# curl openshift-node.tidalsoft:31597
curl: (7) Failed connect to openshift-node.tidalsoft:31597; No route to host
`;

  it('reads the port of the old curl wording as well as the new one (low: a down node says it too)', () => {
    expect(verdictOf(diagnoseTexts({ c: old }), cause)).toBe('found:low');
    const modern = 'curl: (7) Failed to connect to 10.0.0.5 port 31597: No route to host\n';
    expect(verdictOf(diagnoseTexts({ c: modern }), cause)).toBe('found:low');
  });

  it('says nothing of a port outside the range asked, nor of a refusal', () => {
    expect(verdictOf(diagnoseTexts({ c: old }, { port: '30080' }), cause)).toBe('no-evidence');
    const refused = old.replace('No route to host', 'Connection refused');
    expect(verdictOf(diagnoseTexts({ c: refused }), cause)).toBe('no-evidence');
    const noPort = 'curl: (7) Failed connect to openshift-node.tidalsoft; No route to host\n';
    expect(verdictOf(diagnoseTexts({ c: noPort }), cause)).toBe('no-evidence');
  });
});

describe('host-firewall-blocks from a ping answered "prohibited"', () => {
  // goodliving/smarthome notes (2018): pods on one flannel node unreachable from the others.
  const real = `[root@docker21 deployment]# ping 10.244.2.161
PING 10.244.2.161 (10.244.2.161) 56(84) bytes of data.
64 bytes from 10.244.2.161: icmp_seq=1 ttl=63 time=0.479 ms
^C
--- 10.244.2.161 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.479/0.479/0.479/0.000 ms
[root@docker21 deployment]# ping 10.244.7.2
PING 10.244.7.2 (10.244.7.2) 56(84) bytes of data.
From 10.244.7.0 icmp_seq=1 Destination Host Prohibited=
`;

  it('finds the REJECT of the node that answered for the pod (low: a router ACL says it too)', () => {
    const d = diagnoseTexts({ p: real });
    expect(verdictOf(d, cause)).toBe('found:low');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.why).toMatchObject({
      key: 'cause.host-firewall-blocks.verdict.pingProhibited',
      params: { target: '10.244.7.2', from: '10.244.7.0' },
    });
  });

  it('says nothing of a host that is down, nor of the target answering for itself', () => {
    const down = real.replace('Destination Host Prohibited=', 'Destination Host Unreachable');
    expect(verdictOf(diagnoseTexts({ p: down }), cause)).toBe('no-evidence');
    const itself = real.replace('From 10.244.7.0', 'From 10.244.7.2');
    expect(verdictOf(diagnoseTexts({ p: itself }), cause)).toBe('no-evidence');
    const answered = real.split('[root@docker21 deployment]# ping 10.244.7.2')[0]!;
    expect(verdictOf(diagnoseTexts({ p: answered }), cause)).toBe('no-evidence');
  });
});

describe('host-firewall-blocks for the overlay between nodes', () => {
  const fixture = (f: string) => readRules(`host-firewall-blocks/fixtures/${f}`);
  const whyOf = (d: ReturnType<typeof diagnoseTexts>) =>
    d.findings
      .find((x) => x.cause === cause)
      ?.why.key.split('.')
      .at(-1);
  // flannel's VXLAN device as `ip -d link` prints it.
  const flannel = `5: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default
    link/ether 8e:5b:3c:5a:2f:21 brd ff:ff:ff:ff:ff:ff promiscuity 0
    vxlan id 1 local 192.168.1.11 dev eth0 srcport 0 0 dstport 8472 nolearning ttl auto ageing 300
`;

  it('finds a REJECT written against VXLAN 8472 (gravitational/workshop), medium when its chain is cut off', () => {
    const d = diagnoseTexts({ f: fixture('broken--gravity-firedrill-reject-udp-8472.txt') });
    expect(verdictOf(d, cause)).toBe('found:medium');
    expect(whyOf(d)).toBe('overlayRejected');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.fix.now).toContain('--add-port=8472/udp');
    expect(f.fix.now).not.toContain('30000-32767');
  });

  it('is high for the same rule in INPUT with the interfaces shown, and reads nft the same', () => {
    const save = `-P INPUT ACCEPT
-A INPUT -p udp -m udp --dport 8472 -j REJECT --reject-with icmp-port-unreachable
`;
    expect(verdictOf(diagnoseTexts({ f: save }), cause)).toBe('found:high');
    const nft = `table inet filter {
	chain input {
		type filter hook input priority filter; policy accept;
		udp dport 6081 drop
	}
}
`;
    const d = diagnoseTexts({ n: nft });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.fix.now).toContain('--dport 6081');
  });

  it('reads the protocol: TCP 8472 is not VXLAN, UDP to the NodePort is not TCP, IP-in-IP has no port', () => {
    expect(
      verdictOf(diagnoseTexts({ f: '-A INPUT -p tcp -m tcp --dport 8472 -j REJECT\n' }), cause),
    ).toBe('no-evidence');
    expect(
      verdictOf(
        diagnoseTexts({ f: '-A INPUT -p udp -m udp --dport 30080 -j DROP\n' }, { port: '30080' }),
        cause,
      ),
    ).not.toMatch(/^found/);
    const ipip = diagnoseTexts({ f: '-A INPUT -p 4 -j DROP\n' });
    expect(verdictOf(ipip, cause)).toBe('found:high');
    expect(ipip.findings.find((x) => x.cause === cause)!.fix.now).toContain('-p 4 -j ACCEPT');
  });

  it('says nothing of Calico’s own drops of VXLAN and IP-in-IP from hosts outside the cluster (calico#4297, coco#244)', () => {
    for (const f of [
      'healthy--calico4297-cali-input-drop-ipip-non-calico-hosts.txt',
      'healthy--coco244-cali-input-drop-vxlan-non-whitelisted.txt',
    ])
      expect(verdictOf(diagnoseTexts({ f: fixture(f) }), cause)).not.toMatch(/^found/);
    // Reached from INPUT through Calico's jump, still Calico's.
    const save = `-A INPUT -m comment --comment "cali:Cz_u1IQiXIMmKD4c" -j cali-INPUT
-A cali-INPUT -p ipv4 -m comment --comment "cali:PajejrV4aFdkZojI" -m set --match-set cali40all-hosts-net src -m addrtype --dst-type LOCAL -j ACCEPT
-A cali-INPUT -p ipv4 -m comment --comment "cali:_wjq-Yrma8Ly1Svo" -j DROP
`;
    expect(verdictOf(diagnoseTexts({ f: save }), cause)).not.toMatch(/^found/);
  });

  it('a source-limited accept before the REJECT (the node subnet) is no finding', () => {
    const save = `-A INPUT -s 10.211.55.0/24 -j ACCEPT
-A INPUT -p udp -m udp --dport 8472 -j REJECT
`;
    expect(verdictOf(diagnoseTexts({ f: save }), cause)).not.toMatch(/^found/);
  });

  it('a default deny counts for the overlay only when the node shows it uses it', () => {
    // iptables-services' rules alone: the NodePort range, as before.
    expect(whyOf(diagnoseTexts({ f: services }))).toBe('inputRejects');
    const d = diagnoseTexts({ f: services, l: flannel });
    expect(verdictOf(d, cause)).toBe('found:medium');
    expect(whyOf(d)).toBe('overlayNotAccepted');
    expect(d.findings.find((x) => x.cause === cause)!.evidence.map((e) => e.source)).toContain('l');
    // The fix: UDP 8472 accepted before the REJECT.
    const fixed = services.replace(
      '-A INPUT -j REJECT',
      '-A INPUT -p udp -m udp --dport 8472 -j ACCEPT\n-A INPUT -j REJECT',
    );
    expect(whyOf(diagnoseTexts({ f: fixed, l: flannel }))).toBe('inputRejects');
  });

  it('firewalld: a zone without the overlay port on a node that uses it; the port opened, or a trusted source zone, rules it out', () => {
    const d = diagnoseTexts({ z: firewalld('6443/tcp 30000-32767/tcp'), l: flannel });
    expect(verdictOf(d, cause)).toBe('found:medium');
    expect(whyOf(d)).toBe('zoneClosesOverlay');
    expect(verdictOf(diagnoseTexts({ z: firewalld('6443/tcp 30000-32767/tcp') }), cause)).toBe(
      'ruled-out',
    );
    expect(
      verdictOf(
        diagnoseTexts({ z: firewalld('6443/tcp 30000-32767/tcp 8472/udp'), l: flannel }),
        cause,
      ),
    ).toBe('ruled-out');
    const trusted = `trusted (active)
  target: ACCEPT
  icmp-block-inversion: no
  interfaces: 
  sources: 192.168.1.0/24
  services: 
  ports: 
  protocols: 
  masquerade: no
  forward-ports: 
  source-ports: 
  icmp-blocks: 
  rich rules: 
`;
    expect(
      verdictOf(
        diagnoseTexts({ z: firewalld('6443/tcp 30000-32767/tcp') + '\n' + trusted, l: flannel }),
        cause,
      ),
    ).not.toMatch(/^found/);
  });
});
