import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { factsOf } from '../../testing/facts';
import { readTestData } from '../../testing/test-data';
import { parsePaste } from '../registry';
import { kernelLog } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('kernel-log: real outputs', () => {
  it('fixture 01: plain dmesg, conntrack table full', () => {
    const s = one(readTestData('fixtures/01-k8s18604-dmesg-conntrack-full/dmesg.txt'));
    const f = factsOf(s, 'kernel-log');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('dmesg');
    expect(f.lines).toBe(14);
    expect(f.events['conntrack-full']).toMatchObject({ count: 14, last: { line: 14 } });
    expect(f.events['conntrack-full']!.examples[0]).toMatchObject({
      line: 1,
      text: '[1454500.910215] nf_conntrack: table full, dropping packet',
    });
    expect(f.first?.value).toBe('[1454500.910215]');
  });

  it('fixture 30: UDP bad checksum to the VXLAN port', () => {
    const f = factsOf(
      one(readTestData('fixtures/30-flannel1279-udp-bad-checksum-dmesg/dmesg.txt')),
      'kernel-log',
    );
    expect(f.events['udp-bad-checksum']?.count).toBe(4);
    expect(f.badChecksumPorts).toEqual({ '8472': 4 });
  });

  it('seed 001: dmesg -T', () => {
    const f = factsOf(one(local('kernel-log--seed001-dmesg-T-conntrack-full.txt')), 'kernel-log');
    expect(f.format).toBe('dmesg-T');
    expect(f.events['conntrack-full']?.count).toBe(4);
    expect(f.last?.value).toBe('[Tue Nov 20 22:30:27 2018]');
  });
});

describe('kernel-log: formats', () => {
  it('journalctl -k / syslog, with the modern conntrack wording and boot facts', () => {
    const text = [
      '-- Logs begin at Mon 2024-05-06 10:00:01 UTC, end at Wed 2024-05-08 10:00:01 UTC. --',
      'May 08 06:12:40 node-3 kernel: Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) #101-Ubuntu SMP',
      'May 08 06:12:43 node-3 kernel: nf_conntrack version 0.5.0 (65536 buckets, 262144 max)',
      'May 08 07:09:16 node-3 kernel: nf_conntrack: nf_conntrack: table full, dropping packet',
      'May 08 07:09:19 node-3 kernel: net_ratelimit: 7337 callbacks suppressed',
      'May 08 07:09:20 node-3 kernel: [1234.5678] neighbour: arp_cache: neighbor table overflow!',
      'May 08 07:10:00 node-3 kernel: IPVS: rr: TCP 10.96.0.10:53 - no destination available',
      'May 08 07:11:00 node-3 kernel: Memory cgroup out of memory: Killed process 1234 (java) total-vm:1kB',
    ].join('\n');
    const s = one(text);
    const f = factsOf(s, 'kernel-log');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('syslog');
    expect(f.kernel).toMatchObject({ value: '5.15.0-91-generic', line: 2 });
    expect(f.conntrackMax).toMatchObject({ value: 262144, line: 3 });
    expect(f.suppressed).toBe(7337);
    expect(Object.keys(f.events).sort()).toEqual([
      'conntrack-full',
      'ipvs-no-destination',
      'neigh-overflow',
      'oom-kill',
      'ratelimit-suppressed',
    ]);
  });

  it('other programs of /var/log/messages are problems, not kernel events', () => {
    const s = one(
      'Nov 20 22:30:22 host kernel: nf_conntrack: table full, dropping packet\nNov 20 22:30:23 host kubelet[912]: E1120 something\nNov 20 22:30:24 host kernel: nf_conntrack: table full, dropping packet',
    );
    expect(s.status).toBe('partial');
    expect(factsOf(s, 'kernel-log').events['conntrack-full']?.count).toBe(2);
    expect(s.problems).toEqual([{ line: 2, msg: { key: 'parse.kernel-log.notKernelLog' } }]);
  });

  it('claims two kernel lines between the `...` an author cut the rest with (haruband/codebook)', () => {
    const cut = [
      '# journal -k -f',
      '...',
      'Dec 09 06:46:20 node0 kernel: IPv4: martian source 10.0.0.253 from 10.0.0.113, on dev lxc3c160d6c7aa0',
      'Dec 09 06:46:20 node0 kernel: ll header: 00000000: 8a 95 96 c7 1f 85 0a 50 d2 29 32 ba 08 00',
      '...',
    ].join('\n');
    expect(kernelLog.detect(toLines(cut), { command: null })).toBe(true);
    expect(factsOf(one(cut), 'kernel-log').events['martian-source']?.count).toBe(1);
    // Elisions alone, or around prose, are no log.
    expect(kernelLog.detect(toLines('...\n…\n[...]'), { command: null })).toBe(false);
    expect(kernelLog.detect(toLines('we saw\n...\nit fail'), { command: null })).toBe(false);
  });

  it('does not claim kube-proxy logs or prompts', () => {
    const no = (text: string) =>
      expect(kernelLog.detect(toLines(text), { command: null })).toBe(false);
    no('I0601 13:01:13.338960 1 server_others.go:172] Using ipvs Proxier.');
    no('tcp      6 11 LAST_ACK src=1.1.1.1 dst=2.2.2.2 sport=1 dport=2');
  });
});

describe('kernel-log: home-router syslog (busybox syslogd, OpenWrt logread)', () => {
  it('busybox syslogd writes no host name (asuswrt-merlin.ng#136, gnuton/asuswrt-merlin.ng#207)', () => {
    const s = one(
      [
        'Apr 20 22:02:55 kernel: TCP: time wait bucket table overflow',
        'Apr 20 22:03:02 kernel: net_ratelimit: 482 callbacks suppressed',
        'Jul  3 10:07:53 kernel: nf_conntrack: expectation table full',
        'Jul  3 10:08:00 kernel: nf_conntrack: table full, dropping packet',
      ].join('\n'),
    );
    const f = factsOf(s, 'kernel-log');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('syslog');
    expect(f.lines).toBe(4);
    expect(f.suppressed).toBe(482);
    expect(f.first?.value).toBe('Apr 20 22:02:55');
    // The conntrack *expectation* table is not the connection table: one table-full line only.
    expect(f.events['conntrack-full']).toMatchObject({ count: 1, last: { line: 4 } });
  });

  it('logread: weekday and year before the facility, or only `kern.info kernel:` (lede#6427, lede#5072)', () => {
    const f = factsOf(
      one(
        [
          'Wed Feb 24 00:35:21 2021 kern.info kernel: [16300.998425] neighbour: arp_cache: neighbor table overflow!',
          'Wed Feb 24 00:35:26 2021 kern.warn kernel: [16305.802373] net_ratelimit: 241 callbacks suppressed',
          'kern.info kernel: [31617.809376] TCP: request_sock_TCP: Possible SYN flooding on port 5000. Sending cookies.  Check SNMP counters.',
        ].join('\n'),
      ),
      'kernel-log',
    );
    expect(f.lines).toBe(3);
    expect(f.first?.value).toBe('Wed Feb 24 00:35:21 2021');
    expect(f.suppressed).toBe(241);
    expect(f.events['neigh-overflow']?.count).toBe(1);
    expect(f.events['syn-flood']?.count).toBe(1);
  });

  it('a bare `kernel: [stamp]` prefix, its syslog date and host cut off (serverfault 680999)', () => {
    const s = one(
      'kernel: [455951.513204] __ratelimit: 1771 callbacks suppressed\nkernel: [455951.513207] dst cache overflow',
    );
    const f = factsOf(s, 'kernel-log');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('dmesg');
    expect(f.lines).toBe(2);
    expect(f.first?.value).toBe('[455951.513204]');
    // `__ratelimit:` is the 2.6.3x wording of net_ratelimit.
    expect(f.suppressed).toBe(1771);
    expect(Object.keys(f.events)).toEqual(['ratelimit-suppressed']);
    const deny = factsOf(
      one(
        'kernel: [ 12.5] IN_public_REJECT: IN=eth0 OUT= SRC=10.0.0.9 DST=10.0.0.5 LEN=60 PROTO=TCP SPT=51234 DPT=31610 SYN',
      ),
      'kernel-log',
    );
    expect(deny.denied).toEqual([expect.objectContaining({ proto: 'TCP', dport: 31610 })]);
  });

  it('a `kernel:` key of a YAML or JSON document is no kernel line', () => {
    const no = (text: string) =>
      expect(kernelLog.detect(toLines(text), { command: null })).toBe(false);
    no('os: ubuntu\nkernel: [5.15]\narch: amd64\nruntime: containerd');
    no('kernel: 5.15.0-91-generic');
    no('  kernel: [1.5, 2.5]');
  });

  it('a host-less line of another program is no kernel line', () => {
    const no = (text: string) =>
      expect(kernelLog.detect(toLines(text), { command: null })).toBe(false);
    no('Apr 20 22:02:55 dnsmasq[512]: started, version 2.80 cachesize 1500');
    no('Apr 20 22:02:55 miniupnpd[1186]: kernel: not a kernel line');
    no('kern.info dnsmasq: [1.2] nothing');
  });
});

describe('kernel-log: the neighbour-table overflow however it was framed', () => {
  const overflows = (text: string) => {
    const s = one(text);
    expect(s.kind).toBe('kernel-log');
    return factsOf(s, 'kernel-log').events['neigh-overflow']?.count ?? 0;
  };

  it('dmesg after a program line (router7), syslog among other programs (a k8s node)', () => {
    expect(overflows(local('kernel-log--router7-dmesg-neigh-overflow.txt'))).toBe(2);
    expect(overflows(local('kernel-log--k8snode228-syslog-neigh-overflow.txt'))).toBe(10);
  });

  it('mangled stamps and the old `ipv4: Neighbour table overflow.` wording (QubesOS)', () => {
    const text = local('kernel-log--qubes355-mangled-dmesg-ipv4-neigh.txt');
    expect(overflows(text)).toBe(9);
    expect(factsOf(one(text), 'kernel-log').suppressed).toBe(30);
  });

  it('bare messages with no stamp at all (gluon, kops)', () => {
    expect(overflows('ipv4: Neighbour table overflow.\nipv4: Neighbour table overflow.')).toBe(2);
    expect(overflows('arp_cache: neighbor table overflow!')).toBe(1);
  });

  it('a stamp cut at its start, short-monotonic host names, a hard-wrapped message', () => {
    expect(overflows('4500.910215] neighbour: arp_cache: neighbor table overflow!')).toBe(1);
    const mono = '[ 8841.113344] k8s-node03 kernel: neighbour: arp_cache: neighbor table overflow!';
    expect(overflows(mono)).toBe(1);
    const s = one(
      '[123456.789012] IPVS: rr: TCP 10.96.0.10:53 - no destination available, dropping the\n' +
        'packet\nJun  1 13:01:13 k8s-node03.prod.example.internal kernel: nf_conntrack: nf_conntrack: table\n' +
        'full, dropping packet',
    );
    const f = factsOf(s, 'kernel-log');
    expect(f.events['ipvs-no-destination']?.count).toBe(1);
    expect(f.events['conntrack-full']).toMatchObject({ count: 1, last: { line: 4 } });
  });

  it('never takes another program for the kernel (a CNI agent that names br_netfilter)', () => {
    const flannel =
      'E0601 13:01:13.1 1 main.go:330] Failed to check br_netfilter: stat /proc/sys/net/bridge/bridge-nf-call-iptables: no such file or directory';
    expect(kernelLog.detect(toLines(flannel), { command: null })).toBe(false);
  });
});

describe('kernel-log: netfilter LOG lines of what a firewall turns away', () => {
  const denied = (text: string) => factsOf(one(text), 'kernel-log').denied;

  it('firewalld LogDenied (FINAL_REJECT), rpfilter drops, hand-made prefixes', () => {
    expect(denied(local('kernel-log--firewalld-final-reject-tcp80.txt'))).toEqual([
      expect.objectContaining({ prefix: 'FINAL_REJECT:', proto: 'TCP', dport: 80, line: 1 }),
    ]);
    expect(
      denied(local('kernel-log--firewalld1436-rpfilter-drop-udp.txt')).map((d) => d.proto),
    ).toEqual(['ICMPV6', 'UDP']);
    const hand = denied(local('kernel-log--ossec1267-rule-drop-deny.txt'));
    expect(hand.map((d) => [d.prefix, d.dport])).toEqual([
      ['RULE 24 -- DROP', 21379],
      ['RULE 24 -- DENY', 21379],
    ]);
  });

  it('keeps IN/OUT and the addresses; a line cut before PROTO= is still a denial (flannel#2055)', () => {
    expect(denied(local('kernel-log--flannel2055-firewalld-fwd-public-reject-cut.txt'))).toEqual([
      expect.objectContaining({
        prefix: 'filter_FWD_public_REJECT:',
        proto: '',
        dport: null,
        in: 'flannel.1',
        out: 'cni0',
        src: '10.244.1.0',
        dst: '10.244.0.2',
        line: 1,
      }),
    ]);
    // What the host itself receives has an empty OUT=.
    expect(denied(local('kernel-log--firewalld-final-reject-tcp80.txt'))).toEqual([
      expect.objectContaining({ out: '', proto: 'TCP' }),
    ]);
  });

  it('IN= OUT= without any address or protocol after them is no LOG line', () => {
    expect(denied('[ 12.5] FWD_DROP: IN=flannel.1 OUT=cni0 see the notes')).toEqual([]);
  });

  it('a LOG line whose prefix says nothing of a refusal is not a denial', () => {
    const t =
      '[ 12.5] IN-work: IN=eth0 OUT= MAC=45:00 SRC=192.168.9.10 DST=255.255.255.255 LEN=78 PROTO=UDP SPT=137 DPT=137 LEN=58';
    expect(denied(t)).toEqual([]);
  });
});

describe('kernel-log: journald dates under a Chinese locale', () => {
  // The date form of the real Chinese kube-proxy journal (case 55): no Chinese kernel journal
  // sample was found, see fixtures/SOURCES.md.
  it('`9月 22 08:58:03 host kernel:` and `12月 07 ...` are syslog stamps', () => {
    const f = factsOf(
      one(
        '9月 22 08:58:03 k8s-node1 kernel: nf_conntrack: table full, dropping packet\n12月 07 10:01:02 k8s-node1 kernel: nf_conntrack: table full, dropping packet',
      ),
      'kernel-log',
    );
    expect(f.format).toBe('syslog');
    expect(f.events['conntrack-full']?.count).toBe(2);
  });
});
