import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { translate } from '../../i18n/translate';
import { parsePaste } from '../registry';
import {
  claimsOnly,
  direct,
  only,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { ciliumMonitor } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const monitor = (text: string) => only(text, 'cilium-monitor');
const drops = (r: ReturnType<typeof monitor>) =>
  r.facts.drops.map((d) => [d.reason, d.source, d.destination, d.proto, d.line]);

describe('cilium-monitor: cilium-dbg monitor --type drop', () => {
  it('the troubleshooting guide: policy drops (ICMPv6 and IPv4 echo), an invalid MAC', () => {
    const r = monitor(local('cilium-monitor--docs-troubleshooting-policy-denied.txt'));
    expect(r.status).toBe('parsed');
    expect(r.command).toBe(
      'kubectl -n kube-system exec -ti cilium-2hq5z -- cilium monitor --type drop',
    );
    expect(r.facts.format).toBe('monitor');
    expect(r.facts.counts).toEqual({ 'Policy denied': 4, 'Invalid destination mac': 1 });
    expect(drops(r)[2]).toEqual(['Policy denied', '10.11.13.37', '10.11.101.61', 'icmp', 6]);
    expect(r.facts.drops[0]!.identities).toBe('261->264');
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'cilium monitor: 5 drops: Policy denied ×4, Invalid destination mac ×1',
    );
    expect(translate('zh-CN', r.summary.key, r.summary.params)).toBe(
      'cilium monitor：5 次丢包：Policy denied ×4, Invalid destination mac ×1',
    );
  });

  it('a service without backends in the datapath (`file bpf_lxc.c line 1480` form)', () => {
    const r = monitor(local('cilium-monitor--cilium32472-service-backend-not-found.txt'));
    expect(r.command).toBe('cilium monitor --type drop');
    expect(drops(r)).toEqual([
      ['Service backend not found', '10.196.161.9:45318', '34.1.1.100:443', 'tcp', 3],
      ['Service backend not found', '10.196.161.9:45318', '34.1.1.100:443', 'tcp', 4],
      ['Service backend not found', '10.196.161.9:45318', '34.1.1.100:443', 'tcp', 5],
    ]);
    expect(r.facts.drops[0]!.identities).toBe('44899->unknown');
  });

  it('lines the author cut short after the file name (1.14 `file bpf_lxc.c:734`)', () => {
    const r = monitor(local('cilium-monitor--cilium24143-file-names.txt'));
    expect(drops(r)).toEqual([
      ['Invalid source ip', null, null, null, 1],
      ['Unknown L3 target address', null, null, null, 2],
      ['Invalid source ip', null, null, null, 3],
    ]);
  });

  it('-v: the drop’s addresses and ports come from the dissection under it', () => {
    const r = monitor(local('cilium-monitor--cilium18437-verbose-stale-ip.txt'));
    expect(drops(r)).toEqual([
      ['Stale or unroutable IP', '10.0.0.183:45024', '10.0.0.213:4240', 'tcp', 1],
      ['Stale or unroutable IP', null, null, null, 6],
    ]);
    expect(r.facts.drops[0]!.identities).toBe('host->unknown');
  });

  it('-Dv without drops: debug lines, a trace, the monitor’s own log line', () => {
    const r = monitor(local('cilium-monitor--cilium42110-debug-no-drops.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts).toMatchObject({ drops: [], counts: {}, events: 8 });
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'cilium monitor: no drops among 8 events',
    );
  });

  it('the newest form, with ifindex and file:line', () => {
    const r = monitor(
      'xx drop (Policy denied) flow 0x8f2a1c3d to endpoint 0, ifindex 4, file bpf_lxc.c:1234, , identity 12345->67890: 10.0.1.5:43210 -> 10.0.2.7:80 tcp SYN\n' +
        'xx drop (Policy denied (L3)) flow 0x12656fc2 to endpoint 0, identity 10839->7479: 10.2.1.104:49296 -> 10.2.2.169:53 udp\n',
    );
    expect(drops(r)).toEqual([
      ['Policy denied', '10.0.1.5:43210', '10.0.2.7:80', 'tcp', 1],
      ['Policy denied (L3)', '10.2.1.104:49296', '10.2.2.169:53', 'udp', 2],
    ]);
  });
});

describe('cilium-monitor: hubble observe', () => {
  it('compact: the policy verdict’s drops among forwarded flows', () => {
    const r = monitor(local('cilium-monitor--hubble570-compact-policy-denied.txt'));
    expect(r.command).toBe('cat drops.json | ./hubble observe -o compact');
    expect(r.facts.format).toBe('hubble');
    expect(r.facts.events).toBe(4);
    expect(drops(r)).toEqual([
      ['Policy denied', '10.8.14.163:43006', 'default/deployment-85c67465d6-tfgcp:8087', 'tcp', 4],
      ['Policy denied', '10.8.14.163:43006', 'default/deployment-85c67465d6-tfgcp:8087', 'tcp', 5],
    ]);
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'hubble observe: 2 drops: Policy denied ×2',
    );
  });

  it('--verdict DROPPED from the Hubble guide: an L7 drop and policy drops', () => {
    const r = monitor(local('cilium-monitor--docs-hubble-cli-dropped.txt'));
    expect(r.command).toBe('hubble observe --pod deathstar --verdict DROPPED');
    expect(r.facts.counts).toEqual({ 'http-request': 1, 'Policy denied': 3 });
    expect(drops(r)[0]).toEqual([
      'http-request',
      'default/tiefighter:42742',
      'default/deathstar-c74d84667-cx5kp:80',
      null,
      2,
    ]);
  });

  it('policy-verdict events: DENIED is kept as the policy’s verdict, ALLOWED and AUDITED are not', () => {
    const r = monitor(
      [
        // cilium/cilium#30105
        'Feb  2 11:07:37.567: test-cron/c-zgmvh:46544 (ID:11143) <> cache/redis-locks-75c455b7bf-cxplr:6379 (ID:50432) policy-verdict:none INGRESS DENIED (TCP Flags: SYN)',
        'Feb  2 11:07:38.587: test-cron/c-zgmvh:46544 (ID:11143) -> cache/redis-locks-75c455b7bf-cxplr:6379 (ID:50432) policy-verdict:L3-L4 INGRESS ALLOWED (TCP Flags: SYN)',
        'Feb  2 11:07:39.001: test-cron/c-zgmvh:46545 (ID:11143) -> cache/redis-locks-75c455b7bf-cxplr:6379 (ID:50432) policy-verdict:none INGRESS AUDITED (TCP Flags: SYN)',
      ].join('\n'),
    );
    expect(r.status).toBe('parsed');
    expect(r.facts.events).toBe(3);
    // Not a drop of its own: the packet's drop is a separate `Policy denied DROPPED` line.
    expect(r.facts.drops).toEqual([]);
    expect(
      r.facts.denials.map((d) => [d.reason, d.source, d.destination, d.proto, d.line]),
    ).toEqual([
      [
        'policy-verdict:none INGRESS DENIED',
        'test-cron/c-zgmvh:46544',
        'cache/redis-locks-75c455b7bf-cxplr:6379',
        'tcp',
        1,
      ],
    ]);
    // DENIED of any other event type is no verdict of the policy engine.
    const other = monitor(
      'Feb  2 11:07:37.567: a/b:1 (ID:1) -> c/d:2 (ID:2) to-endpoint DENIED (TCP Flags: SYN)',
    );
    expect(other.facts.denials).toEqual([]);
  });

  it('monitor -t policy-verdict: `action deny` is a denial, allow and audit are not', () => {
    const r = monitor(
      [
        // The host firewall guide (Cilium docs), through kubectl exec.
        '$ kubectl -n $CILIUM_NAMESPACE exec $CILIUM_POD_NAME -- cilium monitor -t policy-verdict --related-to $HOST_EP_ID',
        'Policy verdict log: flow 0x0 local EP ID 1687, remote ID 2, proto 6, ingress, action deny, match none, 10.0.2.2:49038 -> 10.0.2.15:21 tcp SYN',
        // Cilium 1.8 (PR #12165): `dst port`, `ingress true|false`.
        'Policy verdict log: flow 0x1c39ef18 local EP ID 969, remote ID 22111, dst port 80, proto 6, ingress false, action audit, match none, 10.29.112.245:60218 -> 10.29.179.216:80 tcp SYN',
        'Policy verdict log: flow 0x1fdbbff4 local EP ID 1121, remote ID 16307, dst port 80, proto 6, ingress true, action allow, match L3-L4, 10.29.210.187:42768 -> 10.29.50.40:80 tcp SYN',
        'Policy verdict log: flow 0x3cc7e88f local EP ID 343, remote ID 11862, dst port 80, proto 6, ingress false, action deny, match none, 10.29.171.240:39126 -> 10.29.47.87:80 tcp SYN',
      ].join('\n'),
    );
    expect(r.status).toBe('parsed');
    expect(r.facts.events).toBe(4);
    expect(r.facts.drops).toEqual([]);
    expect(
      r.facts.denials.map((d) => [d.reason, d.source, d.destination, d.proto, d.line]),
    ).toEqual([
      [
        'policy-verdict ingress action deny (match none)',
        '10.0.2.2:49038',
        '10.0.2.15:21',
        'tcp',
        2,
      ],
      [
        'policy-verdict egress action deny (match none)',
        '10.29.171.240:39126',
        '10.29.47.87:80',
        'tcp',
        5,
      ],
    ]);
    // A verdict line cut before its addresses is still an event, never a denial.
    const cut = monitor(
      'Policy verdict log: flow 0x0 local EP ID 1687, remote ID 2, proto 6, ingress, action deny',
    );
    expect(cut.facts).toMatchObject({ events: 1, denials: [] });
  });

  it('the older table output: forwarded flows only', () => {
    const r = monitor(local('cilium-monitor--docs-troubleshooting-hubble-table.txt'));
    expect(r.facts).toMatchObject({ format: 'hubble', drops: [], events: 13 });
    expect(translate('zh-CN', r.summary.key, r.summary.params)).toBe(
      'hubble observe：13 个事件中没有丢包',
    );
  });

  it('identities, node names, RFC 3339 times, a table row with a drop', () => {
    const r = monitor(
      [
        'Aug 29 09:25:41.279: default/xwing:42704 (ID:27863) <> default/deathstar-689f66b57d-2jf5v:80 (ID:45219) policy-verdict:none INGRESS DENIED (TCP Flags: SYN)',
        'Aug 29 09:25:41.279: default/xwing:42704 (ID:27863) <> default/deathstar-689f66b57d-2jf5v:80 (ID:45219) Policy denied DROPPED (TCP Flags: SYN)',
        '2021-06-22T14:24:00.345Z [k8s1]: 192.168.36.11:51938 -> default/testserver-zs7vh:80 Stale or unroutable IP DROPPED (TCP Flags: SYN)',
        'Jan  1 00:20:34.567   1.1.1.1:31793   2.2.2.2:8080   Policy denied   DROPPED   UDP',
      ].join('\n'),
    );
    expect(drops(r)).toEqual([
      ['Policy denied', 'default/xwing:42704', 'default/deathstar-689f66b57d-2jf5v:80', 'tcp', 2],
      ['Stale or unroutable IP', '192.168.36.11:51938', 'default/testserver-zs7vh:80', 'tcp', 3],
      ['Policy denied', '1.1.1.1:31793', '2.2.2.2:8080', 'udp', 4],
    ]);
    expect(r.facts.events).toBe(1);
  });
});

describe('cilium-monitor: damage, bounds and related pastes', () => {
  it('Cilium 1.2 test-run monitor.log: `[date] node: ` prefixes, `drop: Policy denied (L3)`', () => {
    const r = monitor(local('cilium-monitor--cilium5869-ci-log-policy-denied-l3.txt'));
    expect(r.status).toBe('parsed');
    expect(r.problems).toEqual([]);
    expect(drops(r)).toEqual([
      ['Policy denied (L3)', '10.10.1.209:58903', '10.10.1.182:53', null, 6],
      ['Policy denied (L3)', '10.10.1.209:55382', '10.10.1.182:53', null, 11],
    ]);
    expect(r.facts.events).toBe(8);
  });

  it('a test-run monitor.log in the -v form without drops: events only', () => {
    const r = monitor(local('cilium-monitor--cilium5596-ci-log-verbose.txt'));
    expect(r.status).toBe('parsed');
    expect(r.problems).toEqual([]);
    expect(r.facts.drops).toEqual([]);
    expect(r.facts.events).toBe(5);
  });

  it('the first monitor output (2017): `drop [ifindex N / endpoint N] (reason)`', () => {
    const r = monitor(local('cilium-monitor--cilium1112-first-format.txt'));
    expect(r.status).toBe('parsed');
    expect(r.problems).toEqual([]);
    expect(r.facts.counts).toEqual({ 'Policy denied': 9, 'Invalid destination mac': 2 });
    expect(drops(r)[0]).toEqual(['Policy denied', null, null, null, 2]);
  });

  it('a paste cut in the middle of a line: the broken line is a problem, the rest is read', () => {
    const text = `${local('cilium-monitor--cilium32472-service-backend-not-found.txt')}xx dro`;
    const r = monitor(text);
    expect(r.status).toBe('partial');
    expect(r.facts.drops).toHaveLength(3);
    expect(r.problems).toEqual([{ line: 6, msg: { key: 'parse.cilium-monitor.badLine' } }]);
  });

  it('100,000 drops: all counted, 500 kept, quickly', () => {
    const line =
      'xx drop (Policy denied) flow 0x1 to endpoint 0, ifindex 4, file bpf_lxc.c:1234, , identity 1->2: 10.0.0.1:1 -> 10.0.0.2:80 tcp SYN';
    const t0 = performance.now();
    const r = monitor(Array.from({ length: 100_000 }, () => line).join('\n'));
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(r.facts.counts).toEqual({ 'Policy denied': 100_000 });
    expect(r.facts.drops).toHaveLength(500);
  });

  it('CRLF, garbage, empty, a 2,000-character line', () => {
    const crlf = local('cilium-monitor--hubble570-compact-policy-denied.txt').replace(
      /\n/g,
      '\r\n',
    );
    expect(monitor(crlf).facts.counts).toEqual({ 'Policy denied': 2 });
    expect(direct(ciliumMonitor, 'lorem ipsum\ndolor').status).toBe('rejected');
    expect(direct(ciliumMonitor, '').status).toBe('rejected');
    const long = direct(ciliumMonitor, `Press Ctrl-C to quit\nxx drop (${'x'.repeat(2_001)}`);
    expect(long).toMatchObject({ status: 'partial', problems: [{ line: 2 }] });
  });

  it('hubble observe -o json: a policy verdict that drops, from the remote-node identity', () => {
    const r = monitor(local('cilium-monitor--cilium18746-json-policy-verdict.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts).toMatchObject({ format: 'hubble', drops: [], events: 1 });
    expect(r.facts.denials).toMatchObject([
      {
        reason: 'policy-verdict INGRESS DENIED (Policy denied)',
        source: '10.15.242.79:47496',
        destination: 'namespace-name/pod-name-nginx-5869cc6967-trl5q:8182',
        proto: 'tcp',
        line: 1,
      },
    ]);
  });

  it('JSON flows: the jsonpb wrapper, a grep prefix, codes without their names, IPv6, long lines', () => {
    const drop =
      '{"flow":{"time":"2025-07-15T01:32:14.234858520Z","verdict":"DROPPED","drop_reason":133,"IP":{"source":"10.244.3.30","destination":"1.1.1.1"},"l4":{"TCP":{"source_port":55462,"destination_port":80}},"source":{"namespace":"t","pod_name":"client-1"},"event_type":{"type":1},"traffic_direction":"EGRESS"},"node_name":"kind-worker2"}';
    const stale =
      '{"verdict":"DROPPED","drop_reason_desc":"STALE_OR_UNROUTABLE_IP","IP":{"source":"fd00::1","destination":"fd00::2"},"l4":{"UDP":{"source_port":53,"destination_port":5353}}}';
    const forwarded = `{"flow":{"verdict":"FORWARDED","node_labels":["${'x'.repeat(3_000)}"]}}`;
    const r = monitor([`flows.json:${drop}`, stale, forwarded].join('\n'));
    expect(r.status).toBe('parsed');
    expect(drops(r)).toEqual([
      ['Policy denied', 't/client-1:55462', '1.1.1.1:80', 'tcp', 1],
      ['Stale or unroutable ip', '[fd00::1]:53', '[fd00::2]:5353', 'udp', 2],
    ]);
    expect(r.facts.events).toBe(1);
  });

  it('JSON that is no flow, or broken, is not read as one', () => {
    const notFlow = '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"x"}}';
    expect(ciliumMonitor.detect(toLines(notFlow), { command: null })).toBe(false);
    const broken = '{"flow":{"verdict":"DROPPED","drop_reason":133';
    expect(ciliumMonitor.detect(toLines(broken), { command: null })).toBe(false);
    const tooLong = `{"verdict":"DROPPED","x":"${'x'.repeat(20_001)}"}`;
    expect(ciliumMonitor.detect(toLines(tooLong), { command: null })).toBe(false);
  });

  it('near miss: flows as pretty-printed JSON', () => {
    const [s] = parsePaste(
      '{"flow":{"time":"2025-07-15T01:32:14Z",\n  "verdict":"DROPPED"\n}}',
      'x',
    );
    expect(s).toMatchObject({ status: 'rejected', kind: 'cilium-monitor' });
    expect(s!.problems[0]?.msg.key).toBe('parse.nearMiss.ciliumFlowsJson');
  });

  it('does not take a cilium agent’s log for monitor output', () => {
    const log =
      'level=info msg="Initializing dissection cache..." subsys=monitor\nlevel=warning msg="Unable to contact k8s api-server" subsys=k8s';
    expect(ciliumMonitor.detect(toLines(log), { command: null })).toBe(false);
    expect(parsePaste(log, 'x')[0]?.kind).not.toBe('cilium-monitor');
  });
});

describe('cilium-monitor: claims no other fixture', () => {
  claimsOnly(ciliumMonitor, []);
});

describe('cilium-monitor: texts', () => {
  textsMatch('cilium-monitor', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('cilium-monitor: hostile input', () => {
  survivesHostileInput(
    ciliumMonitor,
    [
      'xx drop (Policy denied) flow 0x8f2a1c3d to endpoint 0, ifindex 4, file bpf_lxc.c:1234, , identity 12345->67890: 10.0.1.5:43210 -> 10.0.2.7:80 tcp SYN',
      'Listening for events on 2 CPUs with 64x4096 of shared memory',
      'CPU 01: MARK 0x133b41af FROM 1833 DROP: 86 bytes, reason Stale or unroutable IP, identity host->unknown',
      'IPv4\t{Contents=[..20..] SrcIP=10.0.0.183 DstIP=10.0.0.213 Options=[] Padding=[]}',
      'May  4 13:23:47.852: default/xwing:42818 <> default/deathstar-c74d84667-cx5kp:80 Policy denied DROPPED (TCP Flags: SYN)',
      'Jun  2 11:14:46.041   default/tiefighter:38314   kube-system/coredns-66bff467f8-ktk8c:53   to-endpoint   FORWARDED   UDP',
    ],
    { commands: [null, 'hubble observe --verdict DROPPED'] },
  );
});
