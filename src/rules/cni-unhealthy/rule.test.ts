import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';
import { readTestData } from '../../testing/test-data';

const cause = 'cni-unhealthy';
const pods = readTestData(
  'fixtures/23-calico2720-calico-node-not-ready-workers/kubectl-get-pods.txt',
);
const table = (rows: string) =>
  `NAMESPACE     NAME                READY   STATUS    RESTARTS   AGE   IP              NODE     NOMINATED NODE   READINESS GATES\n${rows}`;
const row = (name: string, ready: string, status: string, restarts: number, node: string) =>
  `kube-system   ${name}   ${ready}     ${status}   ${restarts}          7d    192.168.50.10   ${node}   <none>           <none>\n`;

describe(cause, () => {
  it('finds calico-node not ready with 649 restarts (fixture 23), high, naming the pod for the fix', () => {
    const d = diagnoseTexts({ pods });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.line)).toEqual([4, 5]);
    expect(f.fix.now).toContain('describe pod calico-node-86mdg');
  });

  it('weighs the operator’s node: its healthy agent rules it out, a sick one elsewhere is low', () => {
    expect(verdictOf(diagnoseTexts({ pods }, { node: 'node-1' }), cause)).toBe('found:high');
    expect(verdictOf(diagnoseTexts({ pods }, { node: 'k8s-master' }), cause)).toBe('ruled-out');
  });

  it('reads restarts: many alone are low, climbing between two pastes is high', () => {
    const a = table(row('calico-node-q267c', '1/1', 'Running', 12, 'node-1'));
    expect(verdictOf(diagnoseTexts({ a }), cause)).toBe('found:low');
    const b = table(row('calico-node-q267c', '1/1', 'Running', 14, 'node-1'));
    expect(verdictOf(diagnoseTexts({ a, b }), cause)).toBe('found:high');
  });

  it('does not count the controllers or operators, only the per-node agents', () => {
    const t = table(
      row('calico-kube-controllers-59f54d6bbc-w4w6f', '0/1', 'CrashLoopBackOff', 40, 'node-1') +
        row('calico-node-q267c', '1/1', 'Running', 0, 'node-1'),
    );
    expect(verdictOf(diagnoseTexts({ t }), cause)).toBe('ruled-out');
  });
  // kubectl describe of the agent: its containers, or (events alone) calico-node's own check.
  const bird = (age: string, n: number) =>
    `  Warning  Unhealthy  ${age}  kubelet, node1  Readiness probe failed: 2020-07-08 05:42:57.392 [INFO][${n}] confd/health.go 177: Number of node(s) with BGP peering established = 0\ncalico/node is not ready: BIRD is not ready: BGP not established with 172.17.0.1\n`;
  const calicoPod = (ready: string, restarts: number, events: string) =>
    `Name:                 calico-node-g4lsm\nNamespace:            kube-system\nNode:                 psw-main/192.168.10.7\nStatus:               Running\nControlled By:  DaemonSet/calico-node\nContainers:\n  calico-node:\n    State:          Running\n    Ready:          ${ready}\n    Restart Count:  ${restarts}\nEvents:\n  Type     Reason     Age   From     Message\n  ----     ------     ----  ----     -------\n${events}`;

  it('reads kubectl describe: events of calico-node failing its readiness check (kubekey 134)', () => {
    const events = bird('102s', 226) + bird('92s', 266);
    expect(verdictOf(diagnoseTexts({ events }), cause)).toBe('found:medium');
    // One row alone, without kubelet's count of repeats, may be a blip while it starts.
    expect(verdictOf(diagnoseTexts({ events: bird('102s', 226) }), cause)).toBe('no-evidence');
    // kubelet folded the repeats: failing at every period for 25 minutes.
    const folded =
      '  Warning  Unhealthy  3m39s (x134 over 25m)  kubelet, psw-main  (combined from similar events): Readiness probe failed: 2020-05-12 05:43:43.500 [INFO][5161] confd/health.go 177: Number of node(s) with BGP peering established = 0\ncalico/node is not ready: BIRD is not ready: BGP not established with 192.168.10.172,192.168.10.8\n';
    expect(verdictOf(diagnoseTexts({ folded }), cause)).toBe('found:medium');
  });

  // aws-node (AWS VPC CNI): its grpc-health-probe build logs zap JSON when ipamd's :50051 is silent.
  const awsNode = (age: string, kind: string, ts: string, caller: string, within: string) =>
    `Events:\n  Type     Reason     Age                      From                                 Message\n  ----     ------     ----                     ----                                 -------\n  Warning  Unhealthy  ${age}   kubelet, ip-10-0-14-55.ec2.internal  (combined from similar events): ${kind} probe failed: {"level":"info","ts":"${ts}","caller":"${caller}","msg":"timeout: failed to connect service \\":50051\\" within ${within}"}\n`;
  it('reads the events of aws-node failing its ipamd probe over hours (amazon-vpc-cni-k8s 1394)', () => {
    const events = awsNode(
      '78s (x1044 over 5h29m)',
      'Readiness',
      '2021-03-02T22:44:07.361Z',
      '/usr/local/go/src/runtime/proc.go:203',
      '1s',
    );
    expect(verdictOf(diagnoseTexts({ events }), cause)).toBe('found:medium');
    // A handful over a month: slow answers now and then, not an agent down.
    const sparse = awsNode(
      '2d (x3 over 30d)',
      'Liveness',
      '2025-03-14T10:18:07.862Z',
      '/usr/local/go/src/runtime/proc.go:271',
      '5s',
    );
    expect(verdictOf(diagnoseTexts({ sparse }), cause)).toBe('no-evidence');
    // The upstream probe's plain message: any gRPC app may serve on 50051, so it names no CNI.
    const plain =
      'Events:\n  Type     Reason     Age                  From     Message\n  ----     ------     ----                 ----     -------\n  Warning  Unhealthy  20s (x90 over 30m)   kubelet  Readiness probe failed: timeout: failed to connect service ":50051" within 1s\n';
    expect(verdictOf(diagnoseTexts({ plain }), cause)).toBe('no-evidence');
  });

  it('probe timeouts now and then over weeks are not an agent down (calico 3420)', () => {
    const sparse =
      '  Warning  Unhealthy  50m (x789 over 39d)  kubelet, w4r008  Liveness probe failed: calico/node is not ready: Felix is not live: Get http://localhost:9099/liveness: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)\n  Warning  Unhealthy  25m (x725 over 38d)  kubelet, w4r008  Readiness probe failed: calico/node is not ready: felix is not ready: Get http://localhost:9099/readiness: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)\n';
    expect(verdictOf(diagnoseTexts({ sparse }), cause)).toBe('no-evidence');
  });

  // Other agents' own health checks: cilium's API socket / health port 9879, weave's 6784.
  it('events alone of cilium or weave failing their own health check (cilium 3934)', () => {
    const cilium =
      '```\n  Warning  Unhealthy  4m (x35 over 8m35s)    kubelet, k8s-node-1  Readiness probe failed: Get http:///var/run/cilium/cilium.sock/v1/healthz: dial unix /var/run/cilium/cilium.sock: connect: no such file or directory\nIs the agent running?\n```\n';
    expect(verdictOf(diagnoseTexts({ cilium }), cause)).toBe('found:medium');
    const weave =
      '  Warning  Unhealthy  2m (x12 over 4m)  kubelet, node2  Liveness probe failed: Get http://127.0.0.1:6784/status: dial tcp 127.0.0.1:6784: connect: connection refused\n';
    expect(verdictOf(diagnoseTexts({ weave }), cause)).toBe('found:medium');
    // A few startup-probe misses while the agent comes up (cilium 34214): no verdict.
    const startup =
      '  Warning  Unhealthy  9m42s (x4 over 9m48s)  kubelet            Startup probe failed: Get "http://127.0.0.1:9879/healthz": dial tcp 127.0.0.1:9879: connect: connection refused\n';
    expect(verdictOf(diagnoseTexts({ startup }), cause)).toBe('no-evidence');
    // Any other app's probe on another port, however often it fails: not a CNI agent.
    const app =
      '  Warning  Unhealthy  2m (x40 over 8m)  kubelet, node2  Readiness probe failed: Get "http://10.0.171.162:8080/healthz": dial tcp 10.0.171.162:8080: connect: connection refused\n';
    expect(verdictOf(diagnoseTexts({ app }), cause)).toBe('no-evidence');
  });

  // kubectl get events rows of the agent pods (kube-router 831: -o wide --watch-only).
  const evHeader =
    'LAST SEEN   TYPE      REASON      OBJECT                  SUBOBJECT                      SOURCE          MESSAGE                                                         FIRST SEEN   COUNT   NAME\n';
  const evRow = (pod: string, first: string, count: number) =>
    `1s          Warning   Unhealthy   pod/${pod}   spec.containers{kube-router}   kubelet, m9c7   Liveness probe failed: HTTP probe failed with statuscode: 500   ${first}          ${count}      ${pod}.15ea1773401aa1d2\n`;
  it('kubectl get events: an agent killed by its liveness probe again and again is medium', () => {
    const real =
      '```bash\n# k get events -n kube-system  -o wide --watch-only\n' +
      evHeader +
      evRow('kube-router-79cfz', '32m', 19) +
      '0s          Warning   Unhealthy         pod/kube-router-xvmbq        spec.containers{kube-router}   kubelet, m14c12   Liveness probe failed: HTTP probe failed with statuscode: 500                                                                                                            81m          46      kube-router-xvmbq.15ea14d08040c443\n';
    const d = diagnoseTexts({ real });
    expect(verdictOf(d, cause)).toBe('found:medium');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.line)).toEqual([4, 5]);
    expect(f.fix.now).toContain('describe pod kube-router-79cfz');
    // Now and then over a month (x129 over 31d), or a couple of misses: no verdict.
    expect(
      verdictOf(
        diagnoseTexts({ sparse: evHeader + evRow('kube-router-drbf7', '31d', 129) }),
        cause,
      ),
    ).toBe('no-evidence');
    expect(
      verdictOf(diagnoseTexts({ two: evHeader + evRow('kube-router-drbf7', '3m', 2) }), cause),
    ).toBe('no-evidence');
    // The same events of a pod that is no CNI agent.
    expect(
      verdictOf(diagnoseTexts({ app: evHeader + evRow('web-7d9f8c-x2x4z', '32m', 19) }), cause),
    ).toBe('no-evidence');
  });

  it('a described agent pod: a container not ready is high; all ready rules out its old events', () => {
    const down = calicoPod('False', 3, bird('102s', 226) + bird('92s', 266));
    const d = diagnoseTexts({ down });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.fix.now).toContain(
      'describe pod calico-node-g4lsm',
    );
    const ready = calicoPod('True', 0, bird('40m', 226) + bird('39m', 266));
    expect(verdictOf(diagnoseTexts({ ready }), cause)).toBe('ruled-out');
  });

  // kubekey 1161: the describe of calico-node on a node just added, cut inside its init
  // containers; the pod's phase says its agent never started.
  it('a described agent pod Pending, Failed or Unknown is down, also without its containers', () => {
    const real = readRules(
      'cni-unhealthy/fixtures/broken--kubekey1161-calico-node-pending-cut.txt',
    );
    const d = diagnoseTexts({ real });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.text.trim())).toEqual(['Status:               Pending']);
    expect(f.fix.now).toContain('describe pod calico-node-snvv6');
    const head = (status: string) =>
      `Name:                 calico-node-g4lsm\nNamespace:            kube-system\nStatus:               ${status}\nControlled By:  DaemonSet/calico-node\n`;
    expect(verdictOf(diagnoseTexts({ failed: head('Failed') }), cause)).toBe('found:high');
    // Running with no container shown: nothing either way; a Pending pod of an app: no agent.
    expect(verdictOf(diagnoseTexts({ running: head('Running') }), cause)).toBe('no-evidence');
    const app = head('Pending')
      .replace('calico-node-g4lsm', 'web-7d9f8c-x2x4z')
      .replace('DaemonSet/calico-node', 'ReplicaSet/web-7d9f8c');
    expect(verdictOf(diagnoseTexts({ app }), cause)).toBe('no-evidence');
    // Running and ready (the healthy counterpart): ruled out.
    expect(verdictOf(diagnoseTexts({ ready: calicoPod('True', 0, '') }), cause)).toBe('ruled-out');
  });

  it('a described pod that is no CNI agent says nothing, whatever its probes', () => {
    const coredns = calicoPod('False', 3, '')
      .replace(/calico-node-g4lsm/g, 'coredns-6d8c4cb4d-5q457')
      .replace('DaemonSet/calico-node', 'ReplicaSet/coredns-6d8c4cb4d')
      .replace('  calico-node:', '  coredns:');
    expect(verdictOf(diagnoseTexts({ coredns }), cause)).toBe('no-evidence');
  });

  // Only the container blocks pasted, without the pod's name (antrea 871): the agent's own
  // container names say whose pod it is.
  const blocks = (agent: string, ready: string) =>
    `  ${agent}:\n    State:          Running\n    Ready:          ${ready}\n    Restart Count:  1\n\nEvents:\n  Type     Reason     Age   From     Message\n  ----     ------     ----  ----     -------\n`;
  it('container blocks without the pod name: an agent container not ready is high, ready rules out', () => {
    const real = readRules(
      '../parsers/kubectl-describe/fixtures/kubectl-describe--antrea871-container-blocks-no-heading.txt',
    );
    const d = diagnoseTexts({ real });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.evidence.map((e) => e.line)).toEqual([7]);
    expect(verdictOf(diagnoseTexts({ down: blocks('calico-node', 'False') }), cause)).toBe(
      'found:high',
    );
    expect(verdictOf(diagnoseTexts({ up: blocks('cilium-agent', 'True') }), cause)).toBe(
      'ruled-out',
    );
    // Another pod's container, not ready: no CNI agent.
    expect(verdictOf(diagnoseTexts({ app: blocks('nginx', 'False') }), cause)).toBe('no-evidence');
  });

  // The fixture of cloud-native-setup#88 was low before: a FATAL line ends the agent, so one is
  // enough for medium (it crash-loops), whatever CNI wrote it.
  it('a fatal line or a Go panic of any agent is medium: the agent exits and crash-loops', () => {
    const weave = readRules('cni-unhealthy/fixtures/broken--kthw321-weave-fata-peers.txt');
    const panic = readRules('cni-unhealthy/fixtures/broken--kuberouter941-go-panic.txt');
    const info = readRules('cni-unhealthy/fixtures/healthy--weave3593-info-peers.txt');
    expect(verdictOf(diagnoseTexts({ weave }), cause)).toBe('found:medium');
    expect(verdictOf(diagnoseTexts({ panic }), cause)).toBe('found:medium');
    expect(verdictOf(diagnoseTexts({ info }), cause)).toBe('no-evidence');
  });

  it('flannel finding no interface to carry the overlay is the agent down; a start that found one is not (flannel 510)', () => {
    const log = [
      'I0920 17:34:26.813001 07716 main.go:126] Installing signal handlers',
      'I0920 17:34:26.813431 07716 manager.go:133] Determining IP address of default interface',
      'E0920 17:34:26.813737 07716 main.go:146] Failed to create NetworkManager: failed to get default interface: Unable to find default route',
    ].join('\n');
    expect(verdictOf(diagnoseTexts({ log }), cause)).toMatch(/^found:/);
    const ok = [
      'I0530 11:36:21.811384       1 main.go:470] Determining IP address of default interface',
      'I0530 11:36:21.812815       1 main.go:483] Using interface with name eth0 and address 192.168.10.177',
    ].join('\n');
    expect(verdictOf(diagnoseTexts({ ok }), cause)).toBe('no-evidence');
  });

  // calicoctl node status: Calico's own view of its BGP sessions.
  const bgpFixture = (f: string) =>
    readRules(`../parsers/calico-bgp/fixtures/calico-bgp--${f}.txt`);
  it('BGP peers not Established (calico 2255, calicoctl 1883) are medium, citing the rows and why', () => {
    const unreachable = bgpFixture('calico2255-host-unreachable');
    const d = diagnoseTexts({ unreachable });
    expect(verdictOf(d, cause)).toBe('found:medium');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.line)).toEqual([8, 10, 12, 14, 16]);
    expect(f.why.params?.peers).toContain('192.168.1.70 Active Socket: Host is unreachable');
    const refused = bgpFixture('calicoctl1883-start-active-refused');
    expect(verdictOf(diagnoseTexts({ refused }), cause)).toBe('found:medium');
  });

  it('all peers Established rules the BGP side out; BIRD not answering says nothing', () => {
    const up = bgpFixture('felix1942-established-and-not-running');
    expect(verdictOf(diagnoseTexts({ up }), cause)).toBe('ruled-out');
    const birdError = bgpFixture('calico10739-error-querying-bird');
    expect(verdictOf(diagnoseTexts({ birdError }), cause)).toBe('no-evidence');
  });

  // calicoctl looks for the process in its own process table: felix and bird ran on that node.
  it('Calico process is not running says nothing alone, and keeps Established peers from ruling out (felix 1942)', () => {
    const gone = bgpFixture('felix1942-not-running');
    expect(verdictOf(diagnoseTexts({ gone }), cause)).toBe('no-evidence');
    const up = bgpFixture('felix1942-established-and-not-running');
    expect(verdictOf(diagnoseTexts({ up, gone }), cause)).toBe('no-evidence');
    const ready = table(row('calico-node-q267c', '1/1', 'Running', 0, 'node-1'));
    expect(verdictOf(diagnoseTexts({ gone, ready }), cause)).toBe('ruled-out');
  });

  it('peers down outweigh agent rows that look ready (the table may be older than the status)', () => {
    const unreachable = bgpFixture('calico2255-host-unreachable');
    const ready = table(row('calico-node-q267c', '1/1', 'Running', 0, 'node-1'));
    expect(verdictOf(diagnoseTexts({ unreachable, ready }), cause)).toBe('found:medium');
  });
});
