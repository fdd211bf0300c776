import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { parsePaste } from '../registry';
import {
  claimsOnly,
  direct,
  only,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { readTestData } from '../../testing/test-data';
import { kubectlDescribe } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const describeOf = (text: string) => only(text, 'kubectl-describe');

describe('kubectl-describe: real outputs', () => {
  it('the ingress controller pod: node, status, container ports', () => {
    const r = describeOf(local('kubectl-describe--in12196-controller-pod.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts).toMatchObject({
      object: 'Pod',
      name: { value: 'ingress-nginx-controller-bc57996ff-zkvj9', line: 1 },
      namespace: { value: 'ingress-nginx' },
      node: { value: 'minikube', line: 5 },
      status: { value: 'Running', line: 13 },
    });
    expect(r.facts.fields['IP']?.[0]?.value).toBe('10.244.0.222');
    expect(r.facts.containers).toEqual([
      expect.objectContaining({
        name: 'controller',
        ports: ['80/TCP', '443/TCP', '8443/TCP'],
        hostPorts: ['80/TCP', '443/TCP', '0/TCP'],
        line: 19,
      }),
    ]);
  });

  it('events with counts: the liveness kill and the readiness 500, command typed bare', () => {
    const r = describeOf(local('kubectl-describe--in8790-events-liveness.txt'));
    expect(r.problems).toEqual([]); // the command line is not read as a describe line
    expect(r.facts.object).toBe('Pod'); // told by `describe pods` only
    expect(r.facts.events).toHaveLength(7);
    expect(r.facts.events[3]).toMatchObject({
      type: 'Normal',
      reason: 'Killing',
      age: '9m44s',
      count: 2,
      from: 'kubelet',
      message: 'Container nginx-ingress-controller failed liveness probe, will be restarted',
      line: 10,
    });
    expect(r.facts.events[4]).toMatchObject({
      type: 'Warning',
      reason: 'Unhealthy',
      count: 10,
      probe: { kind: 'readiness', target: null, port: null },
    });
  });

  it('a readiness probe failure on 10254 with its target', () => {
    const r = describeOf(local('kubectl-describe--in7384-readiness-10254.txt'));
    expect(r.facts.events).toEqual([
      expect.objectContaining({
        count: 31,
        age: '2m47s',
        probe: { kind: 'readiness', target: 'http://10.24.4.106:10254/healthz', port: 10254 },
        line: 3,
      }),
    ]);
  });

  it('calico events without header, "kubelet, node1", messages wrapped onto a second line', () => {
    const r = describeOf(local('kubectl-describe--kubekey134-bird-multiline.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.events).toHaveLength(4);
    expect(r.facts.events[0]).toMatchObject({ from: 'kubelet, node1', age: '102s', line: 1 });
    expect(r.facts.events[0]!.message).toMatch(
      /\ncalico\/node is not ready: BIRD is not ready: BGP not established with 172\.17\.0\.1$/,
    );
    expect(r.facts.events[0]!.probe?.kind).toBe('readiness');
  });

  it('a calico-node pod behind a 🐳 prompt: not ready, its liveness probe', () => {
    const r = describeOf(local('kubectl-describe--calico2290-node-pod.txt'));
    expect(r.problems).toEqual([]);
    expect(r.facts.node?.value).toBe('infra-services-3');
    expect(r.facts.containers[0]).toMatchObject({
      name: 'calico-node',
      ports: [],
      state: { value: 'Running' },
      ready: { value: false, line: 24 },
      restartCount: { value: 0, line: 25 },
      liveness: {
        kind: 'http-get',
        target: 'http://localhost:9099/liveness',
        port: 9099,
        timeoutSeconds: 1,
        periodSeconds: 10,
        failureThreshold: 6,
        line: 28,
      },
    });
  });

  it('a Service (and the curl after it): endpoints, node port, traffic policy', () => {
    const [svc, echo, curl] = parsePaste(
      local('kubectl-describe--website23549-svc-and-curl.txt'),
      'x',
    );
    if (svc?.kind !== 'kubectl-describe' || svc.status === 'rejected') throw new Error('not read');
    expect(svc.facts.object).toBe('Service');
    expect(svc.facts.eventsNone).toBe(true);
    expect(svc.facts.fields['Endpoints']?.[0]).toMatchObject({
      value: '172.18.0.3:8080',
      line: 12,
    });
    expect(svc.facts.fields['NodePort']?.[0]?.value).toBe('<unset>  32137/TCP');
    expect(svc.facts.fields['External Traffic Policy']?.[0]?.value).toBe('Cluster');
    expect(echo?.kind).toBeNull();
    expect(curl).toMatchObject({ kind: 'curl-v', status: 'parsed' });
  });

  it('events of the pre-1.10 format without header', () => {
    const r = describeOf(local('kubectl-describe--contrib1715-old-events.txt'));
    expect(r.facts.events.map((e) => [e.reason, e.from, e.count])).toEqual([
      ['Created', '{kubelet 16.186.74.94}', 1],
      ['Started', '{kubelet 16.186.74.94}', 1],
      ['Killing', '{kubelet 16.186.74.94}', 1],
      ['Created', '{kubelet 16.186.74.94}', 1],
      ['Started', '{kubelet 16.186.74.94}', 1],
    ]);
    expect(r.facts.events[2]!.message).toMatch(/is unhealthy, it will be killed and re-created\.$/);
  });

  it('the same rows after the line of prose the thread put before them', () => {
    // contrib#1715 as posted: `The output of kubectl describe is:`, then the rows.
    const text = `The output of kubectl describe is:\n${local('kubectl-describe--contrib1715-old-events.txt')}`;
    const r = describeOf(text);
    expect(r.status).toBe('parsed');
    expect(r.facts.events.map((e) => e.reason)).toEqual([
      'Created',
      'Started',
      'Killing',
      'Created',
      'Started',
    ]);
    expect(r.facts.events[0]!.line).toBe(2);
  });
});

describe('kubectl-describe: several objects in one output', () => {
  // `kubectl describe pods -A` prints each pod in turn, a blank line between: two real pods so.
  const controller = local('kubectl-describe--in12196-controller-pod.txt');
  const calico = local('kubectl-describe--calico2290-node-pod.txt').split('\n').slice(1).join('\n');
  const both = `kubectl describe pods -A\n${controller.trimEnd()}\n\n${calico}`;

  it('gives one result per object, each with its own fields, containers and events', () => {
    const rs = parsePaste(both, 'pods.txt');
    expect(rs.map((r) => [r.source, r.kind, r.status])).toEqual([
      ['pods.txt#1', 'kubectl-describe', 'parsed'],
      ['pods.txt#2', 'kubectl-describe', 'parsed'],
    ]);
    const [a, b] = rs.map((r) =>
      r.kind === 'kubectl-describe' && r.status !== 'rejected' ? r.facts : null,
    );
    expect([a?.name?.value, a?.namespace?.value]).toEqual([
      'ingress-nginx-controller-bc57996ff-zkvj9',
      'ingress-nginx',
    ]);
    expect([b?.name?.value, b?.namespace?.value]).toEqual(['calico-node-nnp4b', 'kube-system']);
    const alone = (text: string) => describeOf(text).facts;
    expect(a?.containers.map((c) => c.name)).toEqual(
      alone(controller)?.containers.map((c) => c.name),
    );
    expect(b?.events.length).toBe(alone(calico)?.events.length);
    // line numbers stay those of the paste
    expect(rs[1]!.span![0]).toBeGreaterThan(rs[0]!.span![1]);
    // the command on the first line printed both
    expect(rs.map((r) => r.command)).toEqual([
      'kubectl describe pods -A',
      'kubectl describe pods -A',
    ]);
  });

  it('a single object stays one result under its own name', () => {
    expect(parsePaste(controller, 'pod.txt').map((r) => r.source)).toEqual(['pod.txt']);
  });
});

describe('kubectl-describe: formats', () => {
  it('liveness events with "Get \\"url\\": context deadline exceeded" and restart counts', () => {
    const text = [
      'Name:         ingress-nginx-controller-7d4b9c-abcde',
      'Namespace:    ingress-nginx',
      'Node:         node-3/10.0.0.3',
      'Containers:',
      '  controller:',
      '    Ports:         80/TCP, 443/TCP',
      '    Last State:    Terminated',
      '      Reason:      Error',
      '      Exit Code:   143',
      '    Ready:         True',
      '    Restart Count: 17',
      '    Liveness:      http-get http://:10254/healthz delay=10s timeout=1s period=10s #success=1 #failure=5',
      'Events:',
      '  Type     Reason     Age                 From     Message',
      '  ----     ------     ----                ----     -------',
      '  Warning  Unhealthy  3m (x5 over 10m)    kubelet  Liveness probe failed: Get "http://10.0.0.1:10254/healthz": context deadline exceeded',
    ].join('\n');
    const out = direct(kubectlDescribe, text);
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.status).toBe('parsed');
    expect(out.facts.containers[0]).toMatchObject({
      lastState: { value: 'Terminated' },
      lastReason: { value: 'Error', line: 8 },
      restartCount: { value: 17, line: 11 },
      liveness: { target: 'http://:10254/healthz', port: 10254, failureThreshold: 5 },
    });
    expect(out.facts.events[0]).toMatchObject({
      age: '3m',
      count: 5,
      probe: { kind: 'liveness', target: 'http://10.0.0.1:10254/healthz', port: 10254 },
      line: 16,
    });
  });

  it('a blog copy with every line at column 0 still yields the container’s counts', () => {
    const out = direct(
      kubectlDescribe,
      'Name: web-1\nNamespace: default\nContainers:\nweb:\nReady: False\nRestart Count: 9',
    );
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.facts.containers[0]).toMatchObject({
      restartCount: { value: 9 },
      ready: { value: false },
    });
  });

  it('collapsed event rows without their Age column (a blog page, Tencent Cloud 2569687)', () => {
    const rows = readTestData(
      'cases/832-tencent-zh-blog-api-gateway-liveness-killing-flattened-not-controller/describe-events.txt',
    );
    const out = direct(kubectlDescribe, rows);
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.facts.events.map((e) => [e.reason, e.age, e.from, e.probe?.kind ?? null])).toEqual([
      ['Unhealthy', '', 'kubelet', 'readiness'],
      ['Unhealthy', '', 'kubelet', 'liveness'],
      ['Killing', '', 'kubelet', null],
    ]);
    expect(out.facts.events[1]!.probe).toMatchObject({ port: 8080 });
    // With an Age, collapsed too: the Age is kept and not taken for the source.
    const aged = direct(
      kubectlDescribe,
      'Warning Unhealthy 2m46s (x24 over 5d4h) kubelet Liveness probe failed: Get http://10.24.4.106:10254/healthz: net/http: request canceled',
    );
    if (aged.status === 'rejected') throw new Error('rejected');
    expect(aged.facts.events[0]).toMatchObject({ age: '2m46s', count: 24, from: 'kubelet' });
    expect(aged.facts.events[0]!.probe).toMatchObject({ kind: 'liveness', port: 10254 });
  });

  it('an event row quoted as inline code on its own (calico 7712)', () => {
    const row = readTestData(
      'cases/833-calico7712-inline-backtick-bird-readiness-x1234-over-7h22m/event.txt',
    );
    const out = direct(kubectlDescribe, row);
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.facts.events).toHaveLength(1);
    expect(out.facts.events[0]).toMatchObject({ reason: 'Unhealthy', count: 1234, age: '83s' });
    expect(out.facts.events[0]!.message).toMatch(
      /bird\.ctl: connect: resource temporarily unavailable$/,
    );
    // A backquote inside a message is the message's.
    const inner = direct(
      kubectlDescribe,
      '  Warning  Failed  5s  kubelet  Error: failed to run `iptables -t nat -S`',
    );
    if (inner.status === 'rejected') throw new Error('rejected');
    expect(inner.facts.events[0]!.message).toBe('Error: failed to run `iptables -t nat -S`');
  });

  it('rejects what has no describe content; does not claim other outputs', () => {
    expect(direct(kubectlDescribe, 'Events:\n')).toMatchObject({
      status: 'rejected',
      problems: [{ msg: { key: 'parse.kubectl-describe.nothing' } }],
    });
    const no = (text: string) =>
      expect(kubectlDescribe.detect(toLines(text), { command: null })).toBe(false);
    no('Name: foo\nValue: bar');
    no('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          1m');
  });

  // calico 3541: the last row of a calico-node's Events, kubelet's repeats folded into it.
  it('a lone event row with its message’s second line at column 0, and nothing else', () => {
    const row =
      '  Warning  Unhealthy  3m39s (x134 over 25m)  kubelet, psw-main  (combined from similar events): Readiness probe failed: 2020-05-12 05:43:43.500 [INFO][5161] confd/health.go 177: Number of node(s) with BGP peering established = 0\ncalico/node is not ready: BIRD is not ready: BGP not established with 192.168.10.172,192.168.10.8\n';
    const r = describeOf(row);
    expect(r.status).toBe('parsed');
    expect(r.facts.events).toHaveLength(1);
    expect(r.facts.events[0]!.count).toBe(134);
    expect(r.facts.events[0]!.message).toContain('\ncalico/node is not ready');
    const no = (text: string) =>
      expect(kubectlDescribe.detect(toLines(text), { command: null })).toBe(false);
    // A row among prose, or followed by indented lines that are not its message.
    no(`The pod says:\n${row}`);
    no(
      '  Warning  Unhealthy  2m  kubelet  Readiness probe failed: HTTP probe failed\n    at foo\n    at bar',
    );
  });
});

describe('kubectl-describe: container blocks pasted without `Containers:`', () => {
  it('reads each block by the container fields under its name (antrea 871)', () => {
    const r = describeOf(local('kubectl-describe--antrea871-container-blocks-no-heading.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.name).toBeNull();
    expect(
      r.facts.containers.map((c) => [c.name, c.ready?.value, c.restartCount?.value, c.line]),
    ).toEqual([
      ['antrea-agent', false, 1, 4],
      ['antrea-ovs', true, 6, 10],
    ]);
  });

  it('a name over other fields (a volume, a condition) is no container', () => {
    const volumes = [
      'Name:         web-0',
      'Namespace:    default',
      'Volumes:',
      '  data:',
      '    Type:       PersistentVolumeClaim',
      '    ClaimName:  data-web-0',
      'Events:       <none>',
    ].join('\n');
    expect(describeOf(volumes).facts.containers).toEqual([]);
  });

  it('after a `Containers:` line, later names under other fields stay no containers', () => {
    const pod = [
      'Name:         web-0',
      'Namespace:    default',
      'Containers:',
      '  web:',
      '    Image:      nginx',
      '    Ready:      True',
      'Volumes:',
      '  cache:',
      '    Image:      busybox',
      'Events:       <none>',
    ].join('\n');
    expect(describeOf(pod).facts.containers.map((c) => c.name)).toEqual(['web']);
  });
});

describe('kubectl-describe: only describe outputs are claimed', () => {
  claimsOnly(kubectlDescribe, []);
});

describe('kubectl-describe: texts', () => {
  textsMatch('kubectl-describe', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('kubectl-describe: hostile input', () => {
  survivesHostileInput(
    kubectlDescribe,
    [
      'Name:             ingress-nginx-controller-bc57996ff-zkvj9',
      'Namespace:        ingress-nginx',
      'Containers:',
      '  controller:',
      '    Restart Count:  12',
      '    Liveness:   http-get http://localhost:9099/liveness delay=10s timeout=1s period=10s #success=1 #failure=6',
      'Events:',
      '  Type     Reason     Age                   From               Message',
      '  Warning  Unhealthy  9m34s (x10 over 10m)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 500',
      'calico/node is not ready: BIRD is not ready: BGP not established with 172.17.0.1',
      '  7m    7m      1       {kubelet 16.186.74.94}  spec.containers{x}       Normal  Created         Created',
    ],
    { commands: [null, 'kubectl describe pod web'] },
  );
});
