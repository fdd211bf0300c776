import { describe, expect, it } from 'vitest';
import { brief, parsedText } from '../testing/compare';
import { compareNodes, shown } from '.';

/** Compared both ways: the cause when the bad node holds the harmful side, none the other way. */
function bothWays(harmless: string, harmful: string) {
  const a = parsedText(harmless, 'harmless.txt');
  const b = parsedText(harmful, 'harmful.txt');
  const causes = (d: ReturnType<typeof compareNodes>) => shown(d).map((x) => x.explainedBy);
  return { badHarmful: causes(compareNodes(a, b)), goodHarmful: causes(compareNodes(b, a)) };
}

describe('explainedBy fires only when the bad node holds the harmful side', () => {
  it.each([
    [
      'rp_filter 1 on bad vs 2 on good',
      'net.ipv4.conf.all.rp_filter = 2\n',
      'net.ipv4.conf.all.rp_filter = 1\n',
      'rp-filter-asymmetric',
    ],
    ['ip_forward 0', 'net.ipv4.ip_forward = 1\n', 'net.ipv4.ip_forward = 0\n', 'forward-drop'],
    [
      'tcp_tw_recycle 1',
      'net.ipv4.tcp_tw_recycle = 0\n',
      'net.ipv4.tcp_tw_recycle = 1\n',
      'tcp-tw-recycle-nat',
    ],
    [
      'port range over the NodePorts',
      'net.ipv4.ip_local_port_range = 32768\t60999\n',
      'net.ipv4.ip_local_port_range = 1024\t65535\n',
      'nodeport-port-range-clash',
    ],
    [
      'keepalive past IPVS’s 900 s',
      'net.ipv4.tcp_keepalive_time = 600\n',
      'net.ipv4.tcp_keepalive_time = 7200\n',
      'ipvs-idle-timeout',
    ],
    [
      'bridge-nf-call-iptables 0',
      'net.bridge.bridge-nf-call-iptables = 1\n',
      'net.bridge.bridge-nf-call-iptables = 0\n',
      'br-netfilter-off',
    ],
  ])('sysctl: %s', (_, harmless, harmful, cause) => {
    expect(bothWays(harmless, harmful)).toEqual({ badHarmful: [cause], goodHarmful: [null] });
  });

  it('sysctl: net.bridge.* absent from the bad node’s whole `sysctl -a` (br_netfilter not loaded)', () => {
    // Whole listings (over 200 keys) on both: a key one lacks is a knob its kernel lacks.
    const listing = (bridge: boolean) =>
      [
        'net.ipv4.ip_forward = 1',
        ...(bridge ? ['net.bridge.bridge-nf-call-iptables = 1'] : []),
        ...Array.from({ length: 220 }, (_, i) => `net.ipv4.conf.lo${i}.forwarding = 0`),
      ].join('\n');
    const diff = compareNodes(parsedText(listing(true), 'g'), parsedText(listing(false), 'b'));
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'sysctl',
        key: 'net.bridge.bridge-nf-call-iptables',
        good: '1',
        bad: null,
        explainedBy: 'br-netfilter-off',
      },
    ]);
  });

  it('mtu: a pod-path device larger on the bad node explains it, smaller does not; an uplink the other way', () => {
    const addr = (dev: string, mtu: number) =>
      `3: ${dev}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${mtu} qdisc noqueue state UNKNOWN group default\n    link/ether 4e:fd:7c:9e:aa:63 brd ff:ff:ff:ff:ff:ff\n`;
    expect(bothWays(addr('flannel.1', 1450), addr('flannel.1', 1500))).toEqual({
      badHarmful: ['mtu-mismatch'],
      goodHarmful: [null],
    });
    // The bad node's uplink smaller than the good node's: the overlay no longer fits it.
    expect(bothWays(addr('eth0', 9000), addr('eth0', 1500))).toEqual({
      badHarmful: ['mtu-mismatch'],
      goodHarmful: [null],
    });
  });

  it('offload, routes, modules, kube-proxy mode: the harmful side on the good node explains nothing', () => {
    const eth = (v: string) => `Features for flannel.1:\ntx-checksum-ip-generic: ${v}\n`;
    expect(bothWays(eth('off'), eth('on'))).toEqual({
      badHarmful: ['vxlan-checksum-offload'],
      goodHarmful: [null],
    });
    const routes = (peer: boolean) =>
      `default via 10.0.0.1 dev eth0\n10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1\n${peer ? '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink\n' : ''}`;
    expect(bothWays(routes(true), routes(false))).toEqual({
      badHarmful: ['cni-unhealthy'],
      goodHarmful: [null],
    });
    const lsmod = (ipvs: boolean) =>
      `Module                  Size  Used by\n${ipvs ? 'ip_vs                 145497  6 ip_vs_rr\n' : ''}nf_conntrack          139224  7 ip_vs\nbridge                151336  1 br_netfilter\n`;
    expect(bothWays(lsmod(true), lsmod(false))).toEqual({
      badHarmful: ['ipvs-modules-missing'],
      goodHarmful: [null],
    });
  });
});
