import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import {
  claimsOnly,
  direct,
  only,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { readTestData } from '../../testing/test-data';
import { cniLog } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const cni = (text: string) => only(text, 'cni-log');

describe('cni-log: real outputs', () => {
  it('fixture 09: flannel cannot find bridge-nf-call-iptables', () => {
    const r = cni(readTestData('fixtures/09-flannel2166-br-netfilter-missing/kube-flannel.log'));
    expect(r.status).toBe('parsed');
    expect(r.facts).toMatchObject({ cni: 'flannel', counts: { 'br-netfilter-missing': 1 } });
    expect(r.facts.events[0]).toMatchObject({ kind: 'br-netfilter-missing', line: 1 });
  });

  it('flannel cannot reach the API server (command typed bare, kubectl’s Defaulted line)', () => {
    const r = cni(local('cni-log--flannel1682-api-refused.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.cni).toBe('flannel');
    expect(r.facts.events.map((e) => [e.kind, e.level, e.line])).toEqual([
      ['other', 'W', 4],
      ['api-unreachable', 'E', 5],
    ]);
  });

  it('calico-node start-up: one warning (no interface matched its regexes), the rest informational', () => {
    const r = cni(local('cni-log--sealos2721-calico-startup.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.cni).toBe('calico');
    expect(r.facts.events).toEqual([
      expect.objectContaining({ kind: 'no-interface', level: 'WARNING', line: 12 }),
    ]);
    expect(r.facts.events[0]!.message).toMatch(/^Unable to auto-detect an IPv4 address/);
  });

  it('cilium logfmt behind containerd’s prefix: the API server refuses', () => {
    const r = cni(local('cni-log--cilium18871-containerd-prefix.txt'));
    expect(r.facts.cni).toBe('cilium');
    expect(r.facts.events.map((e) => [e.kind, e.level])).toEqual([
      ['api-unreachable', 'error'],
      ['api-unreachable', 'fatal'],
    ]);
    expect(r.facts.events[0]!.message).toMatch(/^Unable to contact k8s api-server: Get "https/);
  });

  it('cilium 1.18 slog logfmt: an unquoted time before the level (imroc/tke-guide)', () => {
    const r = cni(
      [
        '$ kubectl -n kube-system logs cilium-qsj2r -c config -p --tail 10',
        'time=2026-01-03T23:17:21.849247774Z level=info msg="Establishing connection to apiserver" subsys=cilium-dbg module=k8s-client ipAddr=https://10.15.1.8:443',
        'time=2026-01-03T23:17:26.850125515Z level=error msg="Unable to contact k8s api-server" subsys=cilium-dbg module=k8s-client ipAddr=https://10.15.1.8:443 error="Get \\"https://10.15.1.8:443/api/v1/namespaces/kube-system\\": dial tcp 10.15.1.8:443: connect: operation not permitted"',
        'time=2026-01-03T23:17:26.850304873Z level=info msg="Stopped hive" subsys=cilium-dbg duration=55.274µs',
      ].join('\n'),
    );
    expect(r.facts.cni).toBe('cilium');
    expect(r.facts.events.map((e) => [e.kind, e.level])).toEqual([['api-unreachable', 'error']]);
    // A `time=` that is not followed by a level is no logfmt line of an agent.
    expect(cniLog.detect(toLines('time=5s elapsed\nlevel up\n'), { command: null })).toBe(false);
  });

  it('calico/node’s old start-up script, named by the `k logs calico-node-…` prompt', () => {
    const r = cni(local('cni-log--calico1229-old-startup.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.cni).toBe('calico');
    expect(r.facts.events.map((e) => e.message)).toEqual([
      "ERROR: Error parsing CIDR ''",
      'Calico node failed to start',
    ]);
  });
});

describe('cni-log: weave and kube-router, fatal lines and Go panics', () => {
  it('weave-net FATA line behind a prompt and kubectl’s Defaulted line', () => {
    const r = cni(local('cni-log--kthw321-weave-fata.txt'));
    expect(r.status).toBe('partial'); // weave's bare "Failed to get peers" is not a log line
    expect(r.facts.cni).toBe('weave');
    expect(r.facts.events.map((e) => [e.kind, e.level, e.line])).toEqual([
      ['api-unreachable', 'FATA', 3],
    ]);
  });

  it('one calico FATAL line between code fences (labring/sealos#559)', () => {
    const text = [
      '```',
      "2020-12-19 08:41:31.677 [FATAL][846] int_dataplane.go 1018: Kernel's RPF check is set to 'loose'.  This would allow endpoints to spoof their IP address.",
      '',
      '```',
    ].join('\n');
    const r = cni(text);
    expect(r.facts.cni).toBe('calico');
    expect(r.facts.events.map((e) => [e.level, e.line])).toEqual([['FATAL', 2]]);
    // Fences alone are no log.
    expect(direct(cniLog, '```\n```\n').status).toBe('rejected');
  });

  it('weave INFO/DEBU lines only: no event', () => {
    const r = cni(local('cni-log--weave3593-info-peers.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts).toMatchObject({ cni: 'weave', events: [] });
  });

  it('a Go panic with its trace, kube-router named by its frames', () => {
    const r = cni(local('cni-log--kuberouter941-go-panic.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.cni).toBe('kube-router');
    expect(r.facts.events.map((e) => [e.level, e.line])).toEqual([['panic', 2]]);
  });

  it('kube-router klog errors are claimed; an unmarked Go panic is not', () => {
    const kr = cni(
      'F0413 08:55:42.918092       1 network_routes_controller.go:93] Failed to run: BGP server failed\n',
    );
    expect(kr.facts).toMatchObject({ cni: 'kube-router', events: [{ level: 'F' }] });
    const bare =
      'panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:10 +0x1d\n';
    expect(cniLog.detect(toLines(bare), { command: null })).toBe(false);
  });
});

describe('cni-log: formats', () => {
  it('classifies BIRD, IPAM and API errors of calico', () => {
    const text = [
      '2024-01-10 23:05:07.799 [INFO][3875] confd/health.go 180: Number of node(s) with BGP peering established = 0',
      'calico/node is not ready: BIRD is not ready: BGP not established with 10.0.1.1',
      '2021-05-13 02:25:22.001 [ERROR][9] ipam/ipam.go 1234: Failed to get IP pool error=no IP addresses available in range',
      '2021-05-13 02:25:23.001 [ERROR][9] startup/startup.go 146: failed to query kubeadm config error=Get "https://10.96.0.1:443/api/v1/namespaces/kube-system/configmaps/kubeadm-config": dial tcp 10.96.0.1:443: i/o timeout',
    ].join('\n');
    const out = direct(cniLog, text);
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.facts.events.map((e) => e.kind)).toEqual([
      'bird-not-ready',
      'ipam',
      'api-unreachable',
    ]);
    expect(out.facts.cni).toBe('calico');
  });

  it('flannel with no interface to carry the overlay (flannel-io/flannel#510, #1353)', () => {
    const r = cni(
      [
        'I0920 17:34:26.813001 07716 main.go:126] Installing signal handlers',
        'I0920 17:34:26.813431 07716 manager.go:133] Determining IP address of default interface',
        'E0920 17:34:26.813737 07716 main.go:146] Failed to create NetworkManager: failed to get default interface: Unable to find default route',
        'E0929 05:14:00.545157       1 main.go:204] Failed to find any valid interface to use: failed to get default interface: Unable to find default route',
      ].join('\n'),
    );
    expect(r.status).toBe('parsed');
    expect(r.facts.cni).toBe('flannel');
    expect(r.facts.events.map((e) => [e.kind, e.level, e.line])).toEqual([
      ['no-interface', 'E', 3],
      ['no-interface', 'E', 4],
    ]);
  });

  it('calico-node whose IP autodetection finds nothing, and flannel’s --iface missing', () => {
    const text = [
      '2020-03-11 09:11:36.092 [WARNING][8] startup.go 631: Unable to auto-detect an IPv4 address using interface regexes [enp2s0]: no valid host interfaces found',
      "2020-03-11 09:11:36.092 [WARNING][8] startup.go 407: Couldn't autodetect an IPv4 address. If auto-detecting, choose a different autodetection method. Otherwise provide an explicit address.",
      'E0527 02:14:05.899116       1 main.go:332] Error registering network: error looking up interface 192.168.60.11: No interface with given IP found',
    ].join('\n');
    const out = direct(cniLog, text);
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.facts.events.map((e) => e.kind)).toEqual([
      'no-interface',
      'no-interface',
      'no-interface',
    ]);
  });

  it('a start that picked its interface is no interface error (kubernetes/test-infra#8176)', () => {
    const r = cni(
      [
        'I0530 11:36:21.811384       1 main.go:470] Determining IP address of default interface',
        'I0530 11:36:21.812815       1 main.go:483] Using interface with name eth0 and address 192.168.10.177',
        'I0530 11:36:21.813027       1 main.go:500] Defaulting external address to interface address (192.168.10.177)',
      ].join('\n'),
    );
    expect(r.facts.counts['no-interface']).toBeUndefined();
  });

  it('a probe message copied alone from the events', () => {
    const r = cni(
      'Readiness probe failed: calico/node is not ready: BIRD is not ready: BGP not established with 10.0.1.1\n',
    );
    expect(r.facts).toMatchObject({ cni: 'calico', counts: { 'bird-not-ready': 1 } });
  });

  it('log lines inside one inline-code span, backquotes glued to them (huweihuang/kubeadm-scripts#21)', () => {
    const r = cni(
      'v1beta4版本的kubeadm安装flannel有如下报错：\n\n' +
        '`E0102 09:36:40.433340       1 main.go:359] Error registering network: failed to acquire lease: node "master-0" pod cidr not assigned\n' +
        'I0102 09:36:40.433396       1 main.go:448] Stopping shutdownHandler...`\n',
    );
    expect(r.status).toBe('partial'); // the Chinese lead-in is not a log line
    expect(r.facts.cni).toBe('flannel');
    expect(r.facts.events.map((e) => [e.kind, e.level, e.line])).toEqual([['ipam', 'E', 3]]);
    expect(r.facts.events[0]!.message).toMatch(/pod cidr not assigned$/);
  });

  it('backquotes alone do not make a line a log line, nor a backquoted prose sentence', () => {
    const no = (text: string) =>
      expect(cniLog.detect(toLines(text), { command: null })).toBe(false);
    no('`flannel is crashing`\n`please help`');
    no('```\n```');
    no('`I0514 13:55:16.524562       1 server_others.go:140] Using iptables Proxier.`');
  });

  it('rejects a paste that is mostly something else', () => {
    expect(direct(cniLog, 'calico/node is not ready: BIRD is not ready\na\nb\nc')).toMatchObject({
      status: 'rejected',
      problems: [{ msg: { key: 'parse.cni-log.mostlyNotLog' } }],
    });
  });

  it('does not claim kube-proxy or ingress klog, or unmarked klog', () => {
    const no = (text: string) =>
      expect(cniLog.detect(toLines(text), { command: null })).toBe(false);
    no('I0514 13:55:16.524562       1 server_others.go:140] Using iptables Proxier.');
    no(
      'W0907 17:35:19.222358       7 controller.go:916] Service "a/b" does not have any active Endpoint.',
    );
    no('I0101 00:00:00.000000    1234 kubelet.go:2100] "SyncLoop ADD" source="api"');
  });

  it('the k3s agent (logfmt, no CNI named) cannot set bridge-nf-call-iptables (openeverest#3181)', () => {
    // Quoted by hand with the fields aligned and the time= field left out.
    const r = cni(
      [
        '```',
        `level=info  msg="Set sysctl 'net/bridge/bridge-nf-call-iptables' to 1"`,
        'level=error msg="Failed to set sysctl: open /proc/sys/net/bridge/bridge-nf-call-iptables: no such file or directory"',
        '```',
      ].join('\n'),
    );
    expect(r.status).toBe('parsed');
    expect(r.facts.cni).toBeNull();
    expect(r.facts.events.map((e) => [e.kind, e.level, e.line])).toEqual([
      ['br-netfilter-missing', 'error', 3],
    ]);
  });

  it('a k3s agent that set the switch, with its time= field, reports nothing missing', () => {
    const ok = [
      `time="2024-03-01T10:00:00Z" level=info msg="Set sysctl 'net/bridge/bridge-nf-call-iptables' to 1"`,
      `time="2024-03-01T10:00:00Z" level=info msg="Set sysctl 'net/bridge/bridge-nf-call-ip6tables' to 1"`,
    ].join('\n');
    // Not claimed at all (no /proc path, no CNI named); read directly, no event either.
    expect(cniLog.detect(toLines(ok), { command: null })).toBe(false);
    const out = direct(cniLog, ok);
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.facts.events).toEqual([]);
  });

  it('unmarked logfmt lines (dockerd, containerd, k3s start-up) are no CNI log', () => {
    const no = (text: string) =>
      expect(cniLog.detect(toLines(text), { command: null })).toBe(false);
    no('level=info msg="Starting k3s agent v1.28.5+k3s1"\nlevel=error msg="failed to x"');
    no('level=info  msg="Loading containers: start."');
    // The path named in prose is no log line.
    no('Check that /proc/sys/net/bridge/bridge-nf-call-iptables exists');
  });
});

describe('cni-log: only CNI agent logs are claimed', () => {
  claimsOnly(cniLog, ['09-flannel2166-br-netfilter-missing/kube-flannel.log']);
});

describe('cni-log: texts', () => {
  textsMatch('cni-log', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('cni-log: hostile input', () => {
  survivesHostileInput(
    cniLog,
    [
      'Failed to check br_netfilter: stat /proc/sys/net/bridge/bridge-nf-call-iptables: no such file or directory',
      'E1129 10:07:43.453016       1 main.go:221] Failed to create SubnetManager: error retrieving pod spec',
      '2023-03-04 09:50:19.486 [WARNING][9] startup/autodetection_methods.go 113: Unable to auto-detect',
      '2022-02-23T11:57:05.196290498Z stderr F level=error msg="Unable to contact k8s api-server" error="x" subsys=k8s',
      'bird: device1: State changed to up',
      'FATA: 2023/07/05 05:09:36.639718 [kube-peers] Could not get peers',
      'panic: runtime error: invalid memory address or nil pointer dereference',
      'goroutine 247 [running]:',
      'plain text',
    ],
    { commands: [null, 'kubectl -n kube-system logs calico-node-abcde'] },
  );
});
