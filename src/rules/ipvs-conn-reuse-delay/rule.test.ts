import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';

const cause = 'ipvs-conn-reuse-delay';
const reuse = readRules('ipvs-conn-reuse-delay/fixtures/broken--edenmal-ipvs-sysctls.txt');
const off = readRules('ipvs-conn-reuse-delay/fixtures/fixed--edenmal-reuse-off.txt');
const uname = (release: string) => `${release}\n`;
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds conn_reuse_mode=1 with vs.conntrack=1; sure on a kernel before 5.9', () => {
    expect(verdict({ reuse })).toBe('found:medium');
    expect(verdict({ reuse, u: uname('3.10.0-1160.el7.x86_64') })).toBe('found:high');
  });

  it('is not applicable from kernel 5.9 on', () => {
    expect(verdict({ reuse, u: uname('5.9.1-arch1-1') })).toBe('not-applicable');
  });

  it('rules it out with conn_reuse_mode=0 or vs.conntrack=0', () => {
    expect(verdict({ off })).toBe('ruled-out');
    const noCt =
      'net.ipv4.vs.conn_reuse_mode = 1\nnet.ipv4.vs.conntrack = 0\nnet.ipv4.vs.expire_nodest_conn = 0\n';
    expect(verdict({ noCt })).toBe('ruled-out');
  });

  // conn_reuse_mode=1 is the kernel default wherever ip_vs is loaded; the drop needs
  // vs.conntrack=1, which only an IPVS service proxy (kube-proxy) turns on.
  const only =
    'net.ipv4.vs.conn_reuse_mode = 1\nnet.ipv4.ip_forward = 1\nnet.ipv4.tcp_keepalive_time = 7200\n';

  it('does not take conn_reuse_mode=1 alone for it, even on an old kernel', () => {
    expect(verdict({ only })).toBe('ruled-out');
    expect(verdict({ only, u: uname('4.4.110-1.el7.elrepo.x86_64') })).toBe('ruled-out');
    // A Chinese troubleshooting note: `sysctl -a | grep reuse` on an HAProxy load balancer, whose
    // timeouts came from HAProxy's `option forceclose` (test-data case 1060).
    const haproxyLb = [
      '```',
      'root@i-rgtx97ak:~# sysctl -a | grep reuse',
      'net.ipv4.vs.conn_reuse_mode = 1',
      'root@i-rgtx97ak:~#',
      '```',
      '',
    ].join('\n');
    expect(verdict({ haproxyLb })).toBe('ruled-out');
  });

  it('takes kube-proxy in IPVS mode as the vs.conntrack=1 it always sets', () => {
    const ipvsProxier = 'I0419 23:30:01.745285       1 server_others.go:258] Using ipvs Proxier.\n';
    expect(verdict({ only, ipvsProxier })).toBe('found:low');
    expect(verdict({ only, ipvsProxier, u: uname('3.10.0-1160.el7.x86_64') })).toBe('found:medium');
    // kube-proxy's dummy device holding the Service addresses (`ip addr` of an IPVS-mode node).
    const ipAddr = [
      '5: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default',
      '    link/ether 02:67:68:41:61:e5 brd ff:ff:ff:ff:ff:ff',
      '    inet 10.96.0.1/32 scope global kube-ipvs0',
      '       valid_lft forever preferred_lft forever',
      '',
    ].join('\n');
    expect(verdict({ only, ipAddr })).toBe('found:low');
    // An iptables-mode kube-proxy says nothing about vs.conntrack.
    const iptablesProxier =
      'I0419 23:30:01.745285       1 server_others.go:212] Using iptables Proxier.\n';
    expect(verdict({ only, iptablesProxier })).toBe('ruled-out');
  });

  // `kubectl -n kube-system logs kube-proxy-k2czv` from a public Chinese kubeadm tutorial
  // (kube-proxy v1.20.0 switched to IPVS on CentOS 7): kube-proxy reads the kernel as older than
  // 4.1 and leaves conn_reuse_mode at the kernel's default 1.
  const kubeProxyLog = [
    'I0419 23:30:01.745285       1 server_others.go:258] Using ipvs Proxier.',
    "E0419 23:30:01.745595       1 proxier.go:389] can't set sysctl net/ipv4/vs/conn_reuse_mode, kernel version must be at least 4.1",
    'W0419 23:30:01.745720       1 proxier.go:445] IPVS scheduler not specified, use rr by default',
    'I0419 23:30:01.745915       1 server.go:650] Version: v1.20.0',
    '',
  ].join('\n');

  it('finds it from kube-proxy saying it left conn_reuse_mode alone on an old kernel', () => {
    expect(verdict({ kubeProxyLog })).toBe('found:medium');
    // The structured form of later kube-proxy versions says the same.
    const structured =
      'E0301 10:00:00.000000       1 proxier.go:377] "Can\'t set sysctl, kernel version doesn\'t satisfy minimum version requirements" sysctl="net/ipv4/vs/conn_reuse_mode" minimumKernelVersion="4.1"\n';
    expect(verdict({ structured })).toBe('found:medium');
  });

  it('lets a pasted sysctl or a fixed kernel overrule the log', () => {
    expect(verdict({ kubeProxyLog, off })).toBe('ruled-out');
    expect(verdict({ kubeProxyLog, u: uname('5.10.0-28-amd64') })).toBe('not-applicable');
  });

  it('does not take the old hard failure (no such sysctl at all) for it', () => {
    const failed =
      "F0828 10:00:00.000000       1 server.go:495] can't set sysctl net/ipv4/vs/conn_reuse_mode: open /proc/sys/net/ipv4/vs/conn_reuse_mode: no such file or directory\n";
    expect(verdict({ failed })).toBe('no-evidence');
  });
});
