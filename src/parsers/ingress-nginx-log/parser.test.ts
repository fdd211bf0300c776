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
import { parsePaste } from '../registry';
import { ingressNginxLog } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const log = (text: string) => only(text, 'ingress-nginx-log');

describe('ingress-nginx-log: real outputs', () => {
  it("the controller's configuration diff at a reload is part of its log", () => {
    const r = log(local('ingress-nginx-log--rancher16052-config-diff.txt'));
    expect(r.status).toBe('parsed');
    expect(r.problems).toEqual([]);
    expect(r.facts.errorCounts).toEqual({ 'no-endpoints': 1 });
    expect(r.facts.errors[0]).toMatchObject({
      service: 'cms/ingress-e213c2b4c622329de7aa2c0c28dc37e5',
      line: 1,
    });
  });

  it('a diff-like line that does not follow a configuration diff is not read as one', () => {
    const text = [
      'W1009 07:01:57.954692       5 controller.go:769] Service "cms/web" does not have any active Endpoint.',
      '-               server 10.42.3.138:80 max_fails=0 fail_timeout=0;',
      '',
    ].join('\n');
    const r = direct(ingressNginxLog, text);
    expect(r.problems.map((p) => p.line)).toEqual([2]);
  });

  it('fixture 18: three timeouts while connecting, a 504 with three attempts, quoted with "> "', () => {
    const r = log(
      readTestData('fixtures/18-ingressnginx9443-upstream-timeout-quoted/ingress-controller.log'),
    );
    expect(r.status).toBe('parsed');
    expect(r.facts.errorCounts).toEqual({ 'timeout-connect': 3 });
    expect(r.facts.errors[0]).toMatchObject({
      kind: 'timeout-connect',
      source: 'nginx',
      level: 'error',
      upstream: '192.168.215.1:80',
      client: '108.162.227.25',
      host: 'dev-aws.example.com',
      request: 'GET / HTTP/1.1',
      line: 1,
    });
    expect(r.facts.errors.map((e) => e.line)).toEqual([1, 2, 4]);
    expect(r.facts.access.statuses).toEqual({ '504': 1 });
    expect(r.facts.access.serverErrors).toEqual([
      expect.objectContaining({
        status: 504,
        upstreamName: 'pc-dev-example-web-service-80',
        upstreams: ['192.168.215.1:80', '192.168.215.1:80', '192.168.215.1:80'],
        upstreamTimes: [5, 5, 5],
        upstreamStatuses: ['504', '504', '504'],
        requestTime: 14.998,
        line: 3,
      }),
    ]);
  });

  it('fixture 21: connection refused twice, a 308 access line with no upstream', () => {
    const r = log(readTestData('fixtures/21-ingressnginx8731-502-refused/ingress-controller.log'));
    expect(r.facts.errorCounts).toEqual({ refused: 2 });
    expect(r.facts.errors[0]).toMatchObject({ upstream: '10.244.111.111:80', line: 2 });
    expect(r.facts.access).toMatchObject({ total: 1, statuses: { '308': 1 }, serverErrors: [] });
    expect(r.summary).toMatchObject({
      key: 'parse.ingress-nginx-log.summaryErrors',
      params: { errors: 2, counts: 'refused ×2', access: 1, fiveXX: 0 },
    });
  });

  it('premature close (keepalive) with combined-format access lines', () => {
    const r = log(local('ingress-nginx-log--in12285-premature-close.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.errorCounts).toEqual({ 'premature-close': 2 });
    expect(r.facts.errors[1]).toMatchObject({ upstream: '10.244.3.84:5601', line: 3 });
    expect(r.facts.access.statuses).toEqual({ '502': 2 });
    expect(r.facts.access.serverErrors[0]).toMatchObject({ upstreams: [], upstreamName: null });
  });

  it("nginx's 504 error page pasted above the log, lines hard-wrapped by the post", () => {
    const r = log(local('ingress-nginx-log--in7673-error-page-wrapped.txt'));
    expect(r.facts.errorCounts).toEqual({ 'timeout-connect': 1 });
    // The error line's second half (its request and upstream) is joined back to it.
    expect(r.facts.errors[0]).toMatchObject({
      line: 9,
      upstream: '10.244.6.15:8080',
      request: 'GET /check HTTP/1.1',
    });
    expect(r.facts.access.statuses).toEqual({ '504': 1 });
    // The page itself is no problem of the paste; the access line's wrapped half is.
    expect(r.problems.map((p) => p.line)).toEqual([12]);
    // An error page alone is not an ingress-nginx log.
    const page = local('ingress-nginx-log--in7673-error-page-wrapped.txt').split('\n').slice(0, 7);
    expect(parsePaste(page.join('\n'), 'x')[0]!.kind).not.toBe('ingress-nginx-log');
  });

  it('error lines hard-wrapped over three lines each, at word breaks (lijiaocn blog, zh)', () => {
    const r = log(
      readTestData('cases/300-lijiaocn-zh-wrapped-prematurely-closed-and-104-reset/error.log'),
    );
    expect(r.problems).toEqual([]);
    expect(r.facts.errors.map((e) => [e.kind, e.upstream, e.host, e.line])).toEqual([
      ['premature-close', '11.0.29.4:8080', 'XXXX.com', 2],
      ['reset', '11.0.145.9:8080', 'XXXX.com', 6],
    ]);
    expect(r.facts.errors[1]!.request).toBe('POST /api/v1/XXXX HTTP/1.1');
  });

  it('a complete error line takes no next line as its continuation', () => {
    const r = direct(
      ingressNginxLog,
      [
        '2019/06/13 04:57:54 [error] 3429#3429: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: a, request: "GET / HTTP/1.1", upstream: "http://10.1.1.1:80/", host: "a"',
        'host: "b", some other text',
      ].join('\n'),
    );
    expect(r.problems.map((p) => p.line)).toEqual([2]);
  });

  it('the old access format with $the_real_ip, three refused attempts', () => {
    const r = log(local('ingress-nginx-log--in3610-refused-old-format.txt'));
    expect(r.facts.errorCounts).toEqual({ refused: 1 });
    expect(r.facts.access.serverErrors[0]).toMatchObject({
      status: 502,
      upstreamName: 'dop-gateway-server-14523',
      upstreams: ['10.36.0.1:8888', '10.36.0.1:8888', '10.36.0.1:8888'],
      upstreamTimes: [0, 0.001, 0],
      line: 3,
    });
  });

  it('no active endpoints (old glog wording) around a failed reload', () => {
    const r = log(local('ingress-nginx-log--in1537-no-endpoints-glog.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.errors[0]).toMatchObject({
      kind: 'no-endpoints',
      source: 'controller',
      level: 'W',
      service: 'default/kube-lego-service',
      line: 1,
    });
    expect(r.facts.errorCounts).toEqual({ 'no-endpoints': 1, other: 3 });
  });

  it('controller start-up klog and the version banner', () => {
    const r = log(local('ingress-nginx-log--in9932-controller-start.txt'));
    expect(r.facts.errors).toEqual([
      expect.objectContaining({ kind: 'other', level: 'W', source: 'controller', line: 1 }),
    ]);
    const b = log(local('ingress-nginx-log--in6135-banner.txt'));
    expect(b.facts.version).toMatchObject({ value: 'v0.34.1', line: 2 });
  });
});

describe('ingress-nginx-log: formats', () => {
  const E = (msg: string) =>
    `2023/03/08 16:02:40 [error] 31#31: *569 ${msg}, client: 10.0.0.9, server: a.example, request: "GET / HTTP/1.1", upstream: "http://10.1.2.3:8080/", host: "a.example"`;

  it('classifies every upstream error nginx writes', () => {
    const text = [
      E('upstream timed out (110: Connection timed out) while connecting to upstream'),
      E(
        'upstream timed out (110: Connection timed out) while reading response header from upstream',
      ),
      E('connect() failed (111: Connection refused) while connecting to upstream'),
      E(
        'recv() failed (104: Connection reset by peer) while reading response header from upstream',
      ),
      E('connect() failed (113: No route to host) while connecting to upstream'),
      E('no live upstreams while connecting to upstream'),
      E('upstream prematurely closed connection while reading response header from upstream'),
      E('upstream sent too big header while reading response header from upstream'),
      E('svc.ns.svc.cluster.local could not be resolved (3: Host not found)'),
      'W0308 16:02:41.000000       7 controller.go:1112] Service "shop/web" does not have any active Endpoint.',
      'E0308 16:02:42.000000       7 store.go:1]  dial tcp: lookup kubernetes.default on 10.96.0.10:53: no such host',
      '2023/03/08 16:02:43 [notice] 31#31: signal process started',
    ].join('\n');
    const out = direct(ingressNginxLog, text);
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.facts.errors.map((e) => e.kind)).toEqual([
      'timeout-connect',
      'timeout-read',
      'refused',
      'reset',
      'unreachable',
      'no-live-upstreams',
      'premature-close',
      'header-too-big',
      'dns',
      'no-endpoints',
      'dns',
    ]);
    expect(out.facts.errors[9]!.service).toBe('shop/web');
    expect(out.facts.errors[0]!.message).toBe(
      'upstream timed out (110: Connection timed out) while connecting to upstream',
    );
  });

  it('reads `kubectl logs --timestamps`, counts the default backend, keeps - times as null', () => {
    const text = [
      '2024-05-01T10:00:00.123456789Z 10.0.0.9 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 404 548 "-" "curl/8.0" 73 0.001 [upstream-default-backend] [] 127.0.0.1:8181 548 0.000 404 3b1f',
      '2024-05-01T10:00:01.123456789Z 10.0.0.9 - - [01/May/2024:10:00:01 +0000] "GET /api HTTP/2.0" 503 190 "-" "curl/8.0" 40 0.000 [shop-web-80] [] - - - - 9c2e',
    ].join('\n');
    const r = log(text);
    expect(r.facts.access.defaultBackend).toBe(1);
    expect(r.facts.access.serverErrors[0]).toMatchObject({ status: 503, upstreams: [], line: 2 });
  });

  it('tolerates a few stray lines and rejects a paste that is mostly something else', () => {
    const partial = direct(ingressNginxLog, `${E('no live upstreams')}\nsome wrapped text`);
    expect(partial.status).toBe('partial');
    expect(direct(ingressNginxLog, `${E('no live upstreams')}\na\nb\nc`)).toMatchObject({
      status: 'rejected',
      problems: [{ msg: { key: 'parse.ingress-nginx-log.mostlyNotLog' } }],
    });
  });

  it('does not claim kube-proxy, flannel or plain nginx-free klog', () => {
    const no = (text: string) =>
      expect(ingressNginxLog.detect(toLines(text), { command: null })).toBe(false);
    no('I0514 13:55:14.505765       1 server_others.go:140] Using iptables Proxier.');
    no('E1129 10:07:43.453016       1 main.go:221] Failed to create SubnetManager: x');
    no(
      'I1129 10:07:41.256384       1 main.go:204] CLI flags config: {etcdEndpoints:http://127.0.0.1:4001}',
    );
  });
});

describe('ingress-nginx-log: only ingress-nginx logs are claimed', () => {
  claimsOnly(ingressNginxLog, [
    '18-ingressnginx9443-upstream-timeout-quoted/ingress-controller.log',
    '21-ingressnginx8731-502-refused/ingress-controller.log',
  ]);
});

describe('ingress-nginx-log: texts', () => {
  textsMatch('ingress-nginx-log', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('ingress-nginx-log: hostile input', () => {
  survivesHostileInput(
    ingressNginxLog,
    [
      '2023/03/08 16:02:40 [error] 31#31: *569 upstream timed out (110: Operation timed out) while connecting to upstream, client: 108.162.227.25, server: dev-aws.example.com, request: "GET / HTTP/1.1", upstream: "http://192.168.215.1:80/", host: "dev-aws.example.com"',
      '108.162.227.25 - - [08/Mar/2023:16:02:45 +0000] "GET / HTTP/1.1" 504 562 "-" "Mozilla/5.0" 1100 14.998 [pc-dev-example-web-service-80] [] 192.168.215.1:80, 192.168.215.1:80 0, 0 5.000, 5.000 504, 504 a7c98d98ac870f64981a997cd2f373a1',
      'W0907 17:35:19.222358       7 controller.go:916] Service "default/my-service" does not have any active Endpoint.',
      '  Release:       v0.34.1',
      'not a log line',
    ],
    { commands: [null, 'kubectl -n ingress-nginx logs ingress-nginx-controller-abc'] },
  );
});
