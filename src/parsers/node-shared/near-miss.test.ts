import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTestData } from '../../testing/test-data';
import { parsePaste } from '../registry';

const rejected = (text: string) => {
  const [s] = parsePaste(text, 'x');
  expect(s?.status).toBe('rejected');
  return { kind: s!.kind, key: s!.problems[0]?.msg.key };
};

describe('node near misses: what to paste instead', () => {
  it.each([
    [
      '    [NEW] tcp      6 120 SYN_SENT src=10.0.0.1 dst=10.0.0.2 sport=1 dport=80 [UNREPLIED] src=10.0.0.2 dst=10.0.0.1 sport=80 dport=1',
      'conntrack',
      'conntrackEvents',
    ],
    [
      'conntrack v1.4.4 (conntrack-tools): Operation failed: sorry, you must be root or get CAP_NET_ADMIN capability to do this',
      'conntrack',
      'conntrackRoot',
    ],
    [
      "Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?",
      'ipvsadm',
      'ipvsUnavailable',
    ],
    ['dmesg: read kernel buffer failed: Operation not permitted', 'kernel-log', 'dmesgDenied'],
    [
      'Settings for eth0:\n\tSupported ports: [ TP ]\n\tSpeed: 1000Mb/s',
      'ethtool-k',
      'ethtoolOther',
    ],
    [
      'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n0.0.0.0         10.244.1.1      0.0.0.0         UG    0      0        0 eth0',
      'ip-route',
      'routeN',
    ],
  ])('%#: %s', (text, kind, key) => {
    expect(rejected(text)).toEqual({ kind, key: `parse.nearMiss.${key}` });
  });
});

// `ifconfig` used to be refused here (near miss `ifconfig`, "paste `ip -d addr`"): it states the
// MTUs and addresses the MTU rule needs, so the ip-addr parser now reads it instead.
describe('ifconfig is read, no longer refused', () => {
  it('new net-tools form', () => {
    const [s] = parsePaste(
      'eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet 10.0.2.15  netmask 255.255.255.0  broadcast 10.0.2.255',
      'x',
    );
    expect({ kind: s?.kind, status: s?.status }).toEqual({ kind: 'ip-addr', status: 'parsed' });
  });
});

describe('node near misses of the peer corpus (jc, insights-core)', () => {
  it.each([
    ['centos-7.7/route-6-n.out', 'ip-route', 'routeN'],
    ['freebsd12/netstat-r.out', 'ip-route', 'routeN'],
    ['linux-proc/net_route', 'ip-route', 'routeN'],
    ['linux-proc/net_ipv6_route', 'ip-route', 'routeN'],
    ['freebsd12/netstat-i.out', 'ip-addr', 'netstatI'],
    ['linux-proc/net_dev', 'ip-addr', 'netstatI'],
    ['linux-proc/net_tcp', 'ss', 'procNetTcp'],
    ['generic/ethtool--module-info.out', 'ethtool-k', 'ethtoolOther'],
    ['linux-proc/net_netstat', 'netstat-s', 'procNetstat'],
    ['freebsd12/uname-a.out', 'uname', 'unameNotLinux'],
    ['osx-10.14.6/uname-a.out', 'uname', 'unameNotLinux'],
  ])('%s', (file, kind, key) => {
    expect(rejected(readTestData(`peer/jc/${file}`))).toEqual({
      kind,
      key: `parse.nearMiss.${key}`,
    });
  });

  it('`ethtool --show-priv-flags` is no `ethtool -k`', () => {
    const text = readFileSync(
      new URL('../ethtool-k/fixtures/ethtool-k--insights-core-priv-flags.txt', import.meta.url),
      'utf8',
    );
    expect(rejected(text)).toEqual({
      kind: 'ethtool-k',
      key: 'parse.nearMiss.ethtoolPrivFlags',
    });
  });

  it('firewalld not running', () => {
    expect(rejected('FirewallD is not running')).toEqual({
      kind: 'firewall-cmd',
      key: 'parse.nearMiss.firewalldNotRunning',
    });
  });
});
