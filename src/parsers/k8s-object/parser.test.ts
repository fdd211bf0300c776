import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { parsePaste } from '../registry';
import {
  claimsOnly,
  direct,
  only,
  seed,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { k8sObject } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const obj = (text: string) => only(text, 'k8s-object');

describe('k8s-object: real outputs', () => {
  it('an Event (`kubectl get events -o yaml`): reason, message, count, the pod it is about', () => {
    const o = obj(local('k8s-object--knative-event-liveness-yaml.txt')).facts.objects[0]!;
    expect(o.kind).toBe('Event');
    expect(o.event).toEqual({
      type: 'Warning',
      reason: 'Unhealthy',
      message: expect.objectContaining({
        value: 'Liveness probe failed: HTTP probe failed with statuscode: 503',
        line: 15,
      }),
      count: 1,
      object: {
        kind: 'Pod',
        name: 'runtime-00001-deployment-5d6cf5bbc9-brpdg',
        namespace: 'default',
      },
      from: 'kubelet',
    });
  });

  it("an Istio Gateway server's TLS settings, and an Envoy Gateway ClientTrafficPolicy's", () => {
    const istio = obj(local('k8s-object--istio37765-gateway-tls.txt'));
    expect(istio.facts.objects[0]!.tls).toEqual([
      expect.objectContaining({
        product: 'istio',
        serverOrder: true,
        ciphers: expect.objectContaining({
          value: [
            'AES128-GCM-SHA256',
            'AES256-GCM-SHA384',
            'ECDHE-ECDSA-AES128-GCM-SHA256',
            'ECDHE-RSA-AES128-GCM-SHA256',
            'ECDHE-ECDSA-AES256-GCM-SHA384',
            'ECDHE-RSA-AES256-GCM-SHA384',
          ],
          line: 16,
        }),
        maxVersion: expect.objectContaining({ value: 'TLSV1_2', line: 23 }),
        minVersion: expect.objectContaining({ value: 'TLSV1_2', line: 24 }),
      }),
    ]);
    const eg = obj(local('k8s-object--eg9679-client-traffic-policy.txt'));
    expect(eg.facts.objects[0]!.tls).toEqual([
      expect.objectContaining({
        product: 'envoy-gateway',
        minVersion: expect.objectContaining({ value: '1.1' }),
        maxVersion: null,
      }),
    ]);
    expect(eg.facts.objects[0]!.tls![0]!.ciphers!.value).toHaveLength(6);
  });

  it('the ingress controller Service: externalTrafficPolicy Local, health-check and node ports', () => {
    const r = obj(local('k8s-object--aks3699-ingress-svc-etp-local.txt'));
    expect(r.status).toBe('parsed');
    const [svc] = r.facts.objects;
    expect(svc).toMatchObject({
      kind: 'Service',
      name: 'ingress-nginx-controller',
      namespace: 'ingress-controller',
      line: 2,
    });
    expect(svc!.service).toMatchObject({
      clusterIP: { value: '10.0.218.208', line: 24 },
      externalTrafficPolicy: { value: 'Local', line: 27, text: '  externalTrafficPolicy: Local' },
      healthCheckNodePort: { value: 31497, line: 28 },
      type: null,
    });
    expect(svc!.service!.ports).toEqual([
      expect.objectContaining({
        name: 'http',
        port: 80,
        targetPort: 'http',
        nodePort: 31669,
        line: 34,
      }),
      expect.objectContaining({ name: 'https', port: 443, nodePort: 32621, protocol: 'TCP' }),
    ]);
    expect(svc!.labels['app.kubernetes.io/version']?.value).toBe('1.8.0');
  });

  it('a controller Pod: probe on 18080, host ports; an empty `annotations:` is no flattening', () => {
    const r = obj(local('k8s-object--ingressnginx29-pod.txt'));
    const pod = r.facts.objects[0]!.pod!;
    expect(pod.hostNetwork).toBeNull();
    expect(pod.dnsPolicy).toBeNull();
    expect(pod.containers).toHaveLength(1);
    expect(pod.containers[0]).toMatchObject({
      name: 'nginx',
      liveness: {
        kind: 'http-get',
        target: 'http://:18080/healthz',
        port: '18080',
        timeoutSeconds: 1,
        failureThreshold: 3,
        line: 28,
      },
      ports: [
        expect.objectContaining({ containerPort: 80, hostPort: 8000 }),
        expect.objectContaining({ containerPort: 443, hostPort: 8443 }),
      ],
    });
  });

  it('Endpoints with `subsets: []`, the command typed bare on the first line', () => {
    const r = obj(local('k8s-object--k8s47711-endpoints-empty.txt'));
    expect(r.command).toBe('kubectl get endpoints nginx-ing-svc  -n default -o yaml');
    expect(r.facts.objects[0]).toMatchObject({
      kind: 'Endpoints',
      name: 'nginx-ing-svc',
      endpoints: { ready: [], notReady: [], ports: [] },
    });
  });

  it('a manifest of three documents: Service, ConfigMap data, DaemonSet template', () => {
    const r = obj(local('k8s-object--in3694-svc-configmap-ds.txt'));
    expect(r.facts.objects.map((o) => o.kind)).toEqual(['Service', 'ConfigMap', 'DaemonSet']);
    const [svc, cm, ds] = r.facts.objects;
    expect(svc!.service!.selector['app']).toMatchObject({ value: 'nginx-ingress', line: 19 });
    expect(svc!.service!.type?.value).toBe('LoadBalancer');
    expect(cm!.data!['upstream-keepalive-timeout']).toMatchObject({ value: '350', line: 27 });
    expect(ds!.pod!.labels['app']?.value).toBe('nginx-ingress');
    expect(ds!.pod!.containers[0]!.image).toMatch(/nginx-ingress-controller:0\.21\.0$/);
  });

  it('seed 003: YAML whose indentation the blog removed is rejected, saying so', () => {
    const text = local('k8s-object--seed003-flattened-svc.txt');
    for (const l of text.trimEnd().split('\n')) expect(seed('003')).toContain(l);
    const [r] = parsePaste(text, 'x');
    expect(r).toMatchObject({
      kind: 'k8s-object',
      status: 'rejected',
      problems: [
        { msg: { key: 'parse.k8s-object.flattened', params: { line: 4, key: 'metadata' } } },
      ],
    });
    const inSeed = parsePaste(seed('003'), 'x').filter((s) => s.kind === 'k8s-object');
    expect(inSeed.map((s) => [s.command, s.status])).toEqual([
      ['cat myapp-deploy.yaml', 'rejected'],
      ['cat myapp-svc-ClusterIP.yaml', 'rejected'],
    ]);
  });
});

describe('k8s-object: spec fields without their object', () => {
  it('a `...` marking the cut fields is not a field: the fragment is still read', () => {
    const r = obj(local('k8s-object--cio464-fragment-elided.txt'));
    expect(r.status).toBe('partial');
    expect(r.facts.objects[0]).toMatchObject({
      fragment: true,
      pod: { hostNetwork: { value: true, line: 3 }, dnsPolicy: { value: 'ClusterFirst', line: 2 } },
    });
  });

  it('an ellipsis alone, or beside prose, is no fragment', () => {
    const claims = (text: string) => k8sObject.detect(toLines(text), { command: null });
    expect(claims('...\n')).toBe(false);
    expect(claims('...\nsome words here\n')).toBe(false);
    expect(claims('...\n      dnsPolicy: ClusterFirst\n')).toBe(true);
  });
});

describe('k8s-object: formats', () => {
  const pod = (extra: string) =>
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: ingress-nginx-controller-x',
      '  namespace: ingress-nginx',
      'spec:',
      '  hostNetwork: true',
      extra,
      '  nodeName: node-2',
      '  containers:',
      '  - name: controller',
      '    livenessProbe:',
      '      httpGet: {path: /healthz, port: 10254, scheme: HTTP}',
      '      timeoutSeconds: 1',
      'status:',
      '  phase: Running',
      '  podIP: 10.0.0.12',
      '  conditions:',
      '  - type: Ready',
      '    status: "False"',
      '  containerStatuses:',
      '  - name: controller',
      '    ready: false',
      '    restartCount: 12',
    ]
      .filter((l) => l !== '')
      .join('\n');

  it('a hostNetwork Pod without dnsPolicy, its probe, status and restarts (synthetic)', () => {
    const out = direct(k8sObject, pod(''));
    if (out.status === 'rejected') throw new Error(JSON.stringify(out.problems));
    const o = out.facts.objects[0]!;
    expect(o.pod).toMatchObject({
      hostNetwork: { value: true, line: 7 },
      dnsPolicy: null,
      nodeName: { value: 'node-2' },
    });
    expect(o.pod!.containers[0]).toMatchObject({
      liveness: { target: 'http://:10254/healthz', port: '10254', timeoutSeconds: 1 },
      ready: false,
      restartCount: { value: 12, line: 23 },
    });
    expect(o.podStatus).toMatchObject({
      phase: { value: 'Running' },
      podIP: { value: '10.0.0.12' },
      ready: { value: 'False', line: 19 },
    });
  });

  it('an EndpointSlice whose poster bolded a line (`- **10.1.2.3**`, `**ready: false**`)', () => {
    const o = obj(local('k8s-object--calico4952-endpointslice-bold.txt')).facts.objects[0]!;
    expect(o.kind).toBe('EndpointSlice');
    expect(o.endpoints).toMatchObject({
      ready: [{ ip: '10.145.39.195' }],
      notReady: [{ ip: '10.147.210.243' }],
    });
  });

  it('`-o json` of a List with Endpoints and an EndpointSlice (synthetic)', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'v1',
          kind: 'Endpoints',
          metadata: { name: 'web', namespace: 'shop' },
          subsets: [
            {
              addresses: [
                { ip: '10.244.1.5', nodeName: 'node-1', targetRef: { kind: 'Pod', name: 'web-1' } },
              ],
              notReadyAddresses: [{ ip: '10.244.2.6', nodeName: 'node-2' }],
              ports: [{ port: 8080, protocol: 'TCP' }],
            },
          ],
        },
        {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { name: 'web-abc', labels: { 'kubernetes.io/service-name': 'web' } },
          endpoints: [
            { addresses: ['10.244.1.5'], conditions: { ready: true }, nodeName: 'node-1' },
            { addresses: ['10.244.2.6'], conditions: { ready: false }, nodeName: 'node-2' },
          ],
          ports: [{ name: '', port: 8080 }],
        },
      ],
    };
    const out = direct(k8sObject, JSON.stringify(list, null, 4));
    if (out.status === 'rejected') throw new Error(JSON.stringify(out.problems));
    expect(out.facts.format).toBe('json');
    const [ep, slice] = out.facts.objects;
    expect(ep!.endpoints).toMatchObject({
      ready: [{ ip: '10.244.1.5', nodeName: 'node-1', target: 'Pod/web-1' }],
      notReady: [{ ip: '10.244.2.6', nodeName: 'node-2' }],
      ports: [{ port: 8080 }],
    });
    expect(slice!.endpoints).toMatchObject({
      serviceName: 'web',
      ready: [{ ip: '10.244.1.5', nodeName: 'node-1' }],
      notReady: [{ ip: '10.244.2.6', nodeName: 'node-2' }],
    });
    expect(ep!.endpoints!.ready[0]!.line).toBeGreaterThan(1);
  });

  it('a ConfigMap of ingress-nginx: TLS and HTTP/2 keys as text (synthetic)', () => {
    const out = direct(
      k8sObject,
      [
        'apiVersion: v1',
        'data:',
        '  ssl-ciphers: AES128-SHA:AES256-SHA:ECDHE-RSA-AES128-GCM-SHA256:HIGH:!aNULL:!MD5:!RC4:!DHE',
        '  ssl-protocols: TLSv1 TLSv1.1 TLSv1.2 SSLv3',
        '  use-http2: "true"',
        'kind: ConfigMap',
        'metadata:',
        '  name: ingress-nginx-controller',
      ].join('\n'),
    );
    if (out.status === 'rejected') throw new Error(JSON.stringify(out.problems));
    expect(out.facts.objects[0]!.data).toMatchObject({
      'ssl-protocols': { value: 'TLSv1 TLSv1.1 TLSv1.2 SSLv3', line: 4 },
      'use-http2': { value: 'true' },
    });
  });

  it('the alias bomb is rejected at once with a clear message', () => {
    const bomb = ['apiVersion: v1', 'kind: ConfigMap', 'a: &a [x,x,x,x]'];
    for (let i = 1; i <= 10; i++) {
      const [p, n] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      bomb.push(`${n}: &${n} [*${p},*${p},*${p},*${p}]`);
    }
    const started = Date.now();
    const [r] = parsePaste(bomb.join('\n'), 'x');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r).toMatchObject({
      kind: 'k8s-object',
      status: 'rejected',
      problems: [{ msg: { key: 'parse.k8s-object.aliasBomb', params: { line: 8, max: 16 } } }],
    });
  });

  it('a 10 MB JSON is refused quickly; a 3 MB one is read', () => {
    const item = (i: number) =>
      `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p${i}","namespace":"default"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}`;
    const make = (n: number) =>
      `{\n"apiVersion": "v1",\n"kind": "List",\n"items": [\n${Array.from({ length: n }, (_, i) => item(i)).join(',\n')}\n]\n}`;
    const big = make(80_000);
    expect(big.length).toBeGreaterThan(10_000_000);
    let started = Date.now();
    const [r] = parsePaste(big, 'x');
    expect(r).toMatchObject({
      kind: 'k8s-object',
      status: 'rejected',
      problems: [{ msg: { key: 'parse.k8s-object.tooLarge' } }],
    });
    expect(Date.now() - started).toBeLessThan(3000);
    started = Date.now();
    const ok = parsePaste(make(20_000), 'x')[0]!;
    expect(ok.status).toBe('parsed');
    if (ok.kind === 'k8s-object' && ok.status !== 'rejected')
      expect(ok.facts.objects).toHaveLength(20_000);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('text after the object (a blog’s prose) is left out with a problem', () => {
    const out = direct(
      k8sObject,
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n\n这是说明文字\n1\n2',
    );
    expect(out).toMatchObject({
      status: 'partial',
      problems: [{ line: 6, msg: { key: 'parse.k8s-object.trailing' } }],
    });
  });

  it('does not claim YAML without apiVersion and kind, or other outputs', () => {
    const no = (text: string) =>
      expect(k8sObject.detect(toLines(text), { command: null })).toBe(false);
    no('controller:\n  config:\n    use-http2: "true"');
    no('Name:         web\nNamespace:    default\nKind:         Pod');
    no('{"level":"info","msg":"hello"}');
  });
});

describe('k8s-object: only objects are claimed', () => {
  claimsOnly(k8sObject, []);
});

describe('k8s-object: texts', () => {
  textsMatch(
    'k8s-object',
    ['./parser.ts', './yaml.ts', './json.ts'].map((f) =>
      readFileSync(new URL(f, import.meta.url), 'utf8'),
    ),
  );
});

describe('k8s-object: hostile input', () => {
  survivesHostileInput(
    k8sObject,
    [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      'spec:',
      '  ports:',
      '  - port: 80',
      '    targetPort: "http"',
      '  selector: {app: web, tier: [a, b]}',
      '  data: |',
      '    x',
      'a: &a [x, *a]',
      '{"apiVersion": "v1", "kind": "Pod", "spec": {"hostNetwork": true}}',
      '"unterminated',
      '\t- tab',
    ],
    { commands: [null, 'kubectl get svc web -o yaml'] },
  );
});
