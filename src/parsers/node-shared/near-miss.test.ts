import { describe, expect, it } from 'vitest';
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
      '$ netstat -np | grep 10.121.101.22\ntcp        0      0 10.21.45.8:48320        10.121.101.22:12002     TIME_WAIT   -                   \ntcp        0      0 10.21.45.8:59179        10.121.101.22:12002     TIME_WAIT   -                   ',
      'ss',
      'netstatSockets',
    ],
    [
      'Settings for eth0:\n\tSupported ports: [ TP ]\n\tSpeed: 1000Mb/s',
      'ethtool-k',
      'ethtoolOther',
    ],
    [
      'eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet 10.0.2.15  netmask 255.255.255.0  broadcast 10.0.2.255',
      'ip-addr',
      'ifconfig',
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
