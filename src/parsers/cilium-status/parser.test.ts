import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { parsePaste } from '../registry';
import {
  claimsOnly,
  direct,
  only,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { ciliumStatus } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const status = (text: string) => only(text, 'cilium-status');
const values = <T>(xs: { value: T; line: number }[]) => xs.map((x) => [x.value, x.line]);

describe('cilium-status: the agent’s status (cilium-dbg status)', () => {
  it('1.9 --verbose: KubeProxyReplacement Strict, one failing controller (the paste ends inside it)', () => {
    const r = status(local('cilium-status--cilium15094-v1.9-verbose-failing-controller.txt'));
    expect(r.status).toBe('parsed');
    expect(r.command).toBe(
      'kubectl exec -it -n kube-system cilium-hvsbf -- cilium status --verbose',
    );
    const f = r.facts;
    expect(f.format).toBe('agent');
    expect(f.kubeProxyReplacement).toMatchObject({
      value: { mode: 'Strict', devices: ['eno1'], directRouting: 'eno1' },
      line: 5,
    });
    expect(f.kubernetes?.value).toEqual({ ok: true, version: 'v1.20.2' });
    expect(f.cilium?.value).toEqual({ ok: true, version: null });
    expect(f.controllers).toMatchObject({ value: { healthy: 21, total: 22 }, line: 18 });
    expect(f.masquerading?.value).toBe('BPF       [eno1]   10.1.132.0/24');
    expect(f.routing?.value).toEqual({ network: null, protocol: null, host: 'Legacy' });
    expect(f.kvstore?.value).toBe('Ok   Disabled');
    expect(f.clusterHealth).toBeNull();
    expect(values(f.failures)).toEqual([
      [{ what: 'cilium-health-ep', message: 'Get "http://10.1.132.248:4240/hell' }, 20],
    ]);
    expect(Object.keys(f.fields)).toContain('Clock Source for BPF');
  });

  it('1.15 cilium-dbg status behind zsh’s ❯ and kubectl’s Defaulted line: True, host firewall off', () => {
    const r = status(local('cilium-status--cilium30910-v1.15-cilium-dbg-kpr-true.txt'));
    expect(r.command).toBe('kubectl -n kube-system exec -ti cilium-qqkqn -- "cilium-dbg"  status');
    expect(r.facts.kubeProxyReplacement?.value).toEqual({
      mode: 'True',
      devices: ['enp0s4'],
      directRouting: 'enp0s4',
    });
    expect(r.facts.cilium?.value).toEqual({ ok: true, version: '1.15.1' });
    expect(r.facts.hostFirewall).toMatchObject({ value: 'Disabled', line: 7 });
    expect(r.facts.failures).toEqual([]);
  });

  it('1.17 KubeProxyReplacement False, KVStore printed without Ok', () => {
    const f = status(local('cilium-status--cilium23517-v1.17-kpr-false.txt')).facts;
    expect(f.kubeProxyReplacement?.value.mode).toBe('False');
    expect(f.kvstore?.value).toBe('Disabled');
    expect(f.cilium?.value.version).toBe('1.17.2');
    expect(f.ipam).toMatchObject({ value: 'IPv4: 6/254 allocated from 10.0.0.0/24,', line: 12 });
  });

  it('1.7 Strict with features in the brackets; the localhost cannot reach its own health endpoint', () => {
    const r = status(local('cilium-status--cilium10059-v1.7-kpr-strict.txt'));
    expect(r.facts.kubeProxyReplacement?.value).toEqual({
      mode: 'Strict',
      devices: [],
      directRouting: null,
    });
    expect(r.facts.clusterHealth).toMatchObject({ value: { reachable: 0, total: 1 }, line: 12 });
    expect(values(r.facts.unreachableNodes)).toEqual([
      [{ name: 'ceuse (localhost)', ip: '10.5.57.1', node: 'true', endpoints: 'false' }, 14],
    ]);
  });

  it('1.2 with etcd: no node of the cluster reachable', () => {
    const f = status(local('cilium-status--cilium5111-v1.2-cluster-unreachable.txt')).facts;
    expect(f.kvstore?.value).toMatch(/^Ok {3}etcd: 1\/1 connected/);
    expect(f.controllers?.value).toEqual({ healthy: 56, total: 56 });
    expect(f.clusterHealth?.value).toEqual({ reachable: 0, total: 3 });
    expect(f.unreachableNodes.map((n) => [n.value.ip, n.line])).toEqual([
      ['172.0.121.242', 14],
      ['172.0.58.194', 15],
      ['172.0.60.118', 16],
    ]);
  });

  it('a CI log’s copy (every line behind a tab): a controller with map sync errors', () => {
    const f = status(local('cilium-status--cilium15457-ci-map-sync-errors.txt')).facts;
    expect(f.kubeProxyReplacement?.value.devices).toEqual(['enp0s8', 'enp0s3']);
    expect(f.controllers?.value).toEqual({ healthy: 20, total: 21 });
    expect(values(f.failures)).toEqual([
      [{ what: 'bpf-map-sync-cilium_snat_v4_external', message: '1 map sync errors' }, 14],
    ]);
  });

  it('the troubleshooting guide’s healthy status, with Hubble', () => {
    const r = status(local('cilium-status--docs-troubleshooting-hubble.txt'));
    expect(r.facts.clusterHealth?.value).toEqual({ reachable: 2, total: 2 });
    expect(r.facts.fields.Hubble?.value).toMatch(/^Ok {6}Current\/Max Flows/);
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'cilium-dbg status: Cilium Ok, KubeProxyReplacement ?, controllers 20/20 healthy, cluster health 2/2 reachable',
    );
  });

  it('only the Cluster health lines (1.17 table: Node / Endpoints), the command typed bare', () => {
    const r = status(local('cilium-status--cilium33697-v1.17-clustermesh-unreachable.txt'));
    expect(r.command).toBe('cilium-dbg status');
    expect(r.facts.clusterHealth).toMatchObject({ value: { reachable: 2, total: 4 }, line: 2 });
    expect(r.facts.unreachableNodes.map((n) => n.value.name)).toEqual([
      'clustermesh1/clustermesh1-control-plane',
      'clustermesh1/clustermesh1-worker',
    ]);
  });

  it('1.16+ fields: Routing, failures, the 1.19 health table at the left margin', () => {
    const text = [
      'KVStore:                Disabled   ',
      'KubeProxyReplacement:   True   [eth0   46.224.169.8 fe80::9000:7ff:fe71:c2ba (Direct Routing)]',
      'Cilium:                 Ok   1.19.1 (v1.19.1-d0d0c879)',
      'Kubernetes:             Failure   Get "https://10.96.0.1:443/version": dial tcp 10.96.0.1:443: i/o timeout',
      'Routing:                    Network: Tunnel [vxlan]   Host: Legacy',
      'Cluster health:             5/6 reachable    (2026-03-26T08:59:03Z)   (Probe interval: 2m33s)',
      'Name                        IP               Node                     Endpoints',
      '  kubernetes/k8s-worker01   46.224.162.226   0/1                      1/1',
      'Modules Health:             Stopped(23) Degraded(0) OK(77)',
    ].join('\n');
    const f = status(text).facts;
    expect(f.routing?.value).toEqual({ network: 'tunnel', protocol: 'vxlan', host: 'Legacy' });
    expect(f.kubernetes?.value).toEqual({ ok: false, version: null });
    expect(f.failures.map((x) => [x.value.what, x.line])).toEqual([['Kubernetes', 4]]);
    expect(values(f.unreachableNodes)).toEqual([
      [{ name: 'kubernetes/k8s-worker01', ip: '46.224.162.226', node: '0/1', endpoints: '1/1' }, 8],
    ]);
  });

  it('a one-line grep of the status is enough', () => {
    const r = status('KubeProxyReplacement:    True   [eth0 10.168.0.63 (Direct Routing)]\n');
    expect(r.facts.kubeProxyReplacement?.value.mode).toBe('True');
  });
});

describe('cilium-status: the CLI’s status (cilium status)', () => {
  it('1.11 healthy: the logo rows, the workloads, containers, pods', () => {
    const r = status(local('cilium-status--ciliumcli979-v1.11-cli-healthy.txt'));
    const f = r.facts;
    expect(f.format).toBe('cli');
    expect(r.command).toBe('cilium status --wait');
    expect(
      Object.fromEntries(Object.entries(f.fields).map(([k, v]) => [k, v.value])),
    ).toMatchObject({
      Cilium: 'OK',
      Operator: 'OK',
      Hubble: 'disabled',
      ClusterMesh: 'disabled',
    });
    expect(values(f.workloads)).toEqual([
      [
        {
          kind: 'Deployment',
          name: 'cilium-operator',
          desired: 1,
          ready: 1,
          available: 1,
          unavailable: null,
        },
        9,
      ],
      [
        {
          kind: 'DaemonSet',
          name: 'cilium',
          desired: 5,
          ready: 5,
          available: 5,
          unavailable: null,
        },
        10,
      ],
    ]);
    expect(values(f.containers)).toEqual([
      [{ name: 'cilium', states: { Running: 5 } }, 11],
      [{ name: 'cilium-operator', states: { Running: 1 } }, 12],
    ]);
    expect(f.clusterPods?.value).toEqual({ managed: 6, total: 6 });
    expect(f.failures).toEqual([]);
  });

  it('1.11: agents the CLI cannot reach, a failing controller', () => {
    const r = status(local('cilium-status--cilium18670-v1.11-cli-agent-errors.txt'));
    expect(r.command).toBe('cilium status');
    expect(r.facts.fields.Cilium?.value).toBe('6 errors');
    expect(r.facts.failures.map((x) => [x.value.what, x.line])).toEqual([
      ['cilium/cilium-w467l', 16],
      ['cilium/cilium-6kcgc', 17],
    ]);
    expect(r.facts.failures[0]!.value.message).toBe(
      'unable to retrieve cilium status: unable to upgrade connection: pod does not exist',
    );
  });

  it('a DaemonSet with every pod unavailable', () => {
    const r = status(local('cilium-status--ciliumcli1026-cli-daemonset-unavailable.txt'));
    expect(r.facts.workloads[0]?.value).toEqual({
      kind: 'DaemonSet',
      name: 'cilium',
      desired: 2,
      ready: null,
      available: null,
      unavailable: 2,
    });
    expect(r.facts.clusterPods?.value).toEqual({ managed: 0, total: 3 });
    expect(r.facts.failures.map((x) => x.value.what)).toEqual(['cilium', 'cilium/cilium-4j4r4']);
  });

  it('the CLI cannot reach the API server: errors and warnings', () => {
    const r = status(local('cilium-status--kubeasz1422-cli-apiserver-refused.txt'));
    expect(r.facts.fields['Envoy DaemonSet']?.value).toBe('1 errors');
    expect(r.facts.failures.map((x) => x.value.what)).toEqual([
      'cilium-operator',
      'cilium',
      'cilium-envoy',
    ]);
    expect(r.facts.warnings.map((x) => [x.value.message, x.line])).toEqual([
      ['hubble relay is not deployed', 14],
      ['hubble ui is not deployed', 15],
      ['clustermesh is not deployed', 16],
    ]);
    expect(r.facts.workloads).toEqual([]);
  });

  it('1.18 healthy, with Envoy and Hubble: summaries in both languages', () => {
    const r = status(local('cilium-status--cndhandson-v1.18-cli-healthy.txt'));
    expect(r.facts.workloads.map((w) => w.value.name)).toEqual([
      'cilium-operator',
      'cilium-envoy',
      'hubble-relay',
      'hubble-ui',
      'cilium',
    ]);
    expect(r.facts.fields['Helm chart version']?.value).toBe('1.18.1');
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'cilium status: Cilium OK, Operator OK; ready: cilium-operator 2/2, cilium-envoy 3/3, hubble-relay 1/1, hubble-ui 1/1, cilium 3/3',
    );
    expect(translate('zh-CN', r.summary.key, r.summary.params)).toBe(
      'cilium status：Cilium OK，Operator OK；就绪：cilium-operator 2/2, cilium-envoy 3/3, hubble-relay 1/1, hubble-ui 1/1, cilium 3/3',
    );
  });

  it('summaries name what fails, in both languages', () => {
    const r = status(local('cilium-status--cilium15094-v1.9-verbose-failing-controller.txt'));
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'cilium-dbg status: Cilium Ok, KubeProxyReplacement Strict, controllers 21/22 healthy, cluster health ? reachable; 1 failing: cilium-health-ep',
    );
    expect(translate('zh-CN', r.summary.key, r.summary.params)).toBe(
      'cilium-dbg status：Cilium Ok，KubeProxyReplacement Strict，控制器健康 21/22，集群健康可达 ?；1 项失败：cilium-health-ep',
    );
  });
});

describe('cilium-status: damaged and related pastes', () => {
  it('a paste cut in the middle: what is there is read, the broken line is a problem', () => {
    const text = local('cilium-status--cilium30910-v1.15-cilium-dbg-kpr-true.txt')
      .split('\n')
      .slice(0, 7)
      .join('\n');
    const r = status(`${text}\nNodeMoni\u0000tor garbage {{{`);
    expect(r.status).toBe('partial');
    expect(r.facts.kubeProxyReplacement?.value.mode).toBe('True');
    expect(r.problems.map((p) => p.line)).toEqual([8]);
  });

  it('an output pasted right before it without a prompt is read on its own', () => {
    const route =
      'default via 10.0.2.2 dev eth0 proto dhcp metric 100\n10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15\n';
    const rs = parsePaste(
      route + local('cilium-status--cilium5111-v1.2-cluster-unreachable.txt'),
      'x',
    );
    expect(rs.map((r) => [r.kind, r.status, r.span])).toEqual([
      ['ip-route', 'parsed', [1, 2]],
      ['cilium-status', 'parsed', [3, 18]],
    ]);
  });

  it('CRLF line ends and ANSI colours', () => {
    const text = local('cilium-status--cilium10059-v1.7-kpr-strict.txt')
      .split('\n')
      .map((l) => `\x1b[32m${l}\x1b[0m`)
      .join('\r\n');
    expect(status(text).facts.controllers?.value).toEqual({ healthy: 17, total: 17 });
  });

  it('rejects garbage and an empty paste; a 2,000-character line is a problem, not a crash', () => {
    expect(direct(ciliumStatus, 'hello\nworld').status).toBe('rejected');
    expect(direct(ciliumStatus, '').status).toBe('rejected');
    const long = direct(ciliumStatus, `KVStore:   Ok   Disabled\n${'x'.repeat(2_001)}`);
    expect(long).toMatchObject({ status: 'partial', problems: [{ line: 2 }] });
  });

  it.each([
    [
      'Error: Cannot get status: Get "http:///var/run/cilium/cilium.sock/v1/healthz": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory\nIs the agent running?',
      'ciliumAgentDown',
    ],
    [
      '$ kubectl -n kube-system exec ds/cilium -- cilium-dbg status\nerror: unable to upgrade connection: container not found ("cilium-agent")',
      'ciliumExecFailed',
    ],
    [
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "cilium-dbg": executable file not found in $PATH: unknown\ncommand terminated with exit code 126',
      'ciliumNotFound',
    ],
    ['bash: cilium-dbg: command not found', 'ciliumNotFound'],
    [
      'Probe time:   2018-06-16T09:51:58Z\nNodes:\n  ip-172-0-52-116 (localhost):\n    Host connectivity to 172.0.52.116:',
      'ciliumHealth',
    ],
  ])('near miss %#: says what to paste instead', (text, key) => {
    const [s] = parsePaste(text, 'x');
    expect(s).toMatchObject({ status: 'rejected', kind: 'cilium-status' });
    expect(s!.problems[0]?.msg.key).toBe(`parse.nearMiss.${key}`);
  });
});

describe('cilium-status: claims no other fixture', () => {
  claimsOnly(ciliumStatus, []);
});

describe('cilium-status: texts', () => {
  textsMatch('cilium-status', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('cilium-status: hostile input', () => {
  survivesHostileInput(
    ciliumStatus,
    [
      'KubeProxyReplacement:   Strict   [eno1 (Direct Routing)]',
      'Controller Status:      21/22 healthy',
      '  cilium-health-ep   23m36s ago   49s ago   29   Get "http://10.1.132.248:4240/hello"',
      'Cluster health:   0/3 reachable   (2018-08-06T17:15:04Z)',
      ' /¯¯\\__/¯¯\\    Cilium:         6 errors',
      'DaemonSet         cilium             Desired: 6, Ready: 6/6, Available: 6/6',
      'Errors:           cilium             cilium-w467l    unable to retrieve cilium status',
    ],
    { commands: [null, 'kubectl -n kube-system exec ds/cilium -- cilium-dbg status'] },
  );
});
