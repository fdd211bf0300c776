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
const caseFile = (p: string) => readTestData(`cases/${p}`);

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

  it('too big header, with the connection number’s * eaten by Markdown', () => {
    const r = log(local('ingress-nginx-log--nic2123-too-big-header.txt'));
    expect(r.facts.errors).toEqual([
      expect.objectContaining({ kind: 'header-too-big', upstream: 'xyz.com', line: 1 }),
    ]);
  });

  it('an error line quoted from `[error]` on, without its date (Chinese blog post)', () => {
    const r = log(local('ingress-nginx-log--ecomnet-zh-too-big-header-no-date.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.errors).toEqual([
      expect.objectContaining({ kind: 'header-too-big', source: 'nginx', level: 'error', line: 1 }),
    ]);
    // Healthy counterpart: a notice line without its date is nginx's too, and no error.
    const quiet = log('[notice] 1#1: signal process started\n');
    expect(quiet.facts.errors).toEqual([]);
  });

  it('a lone error line inside a ```sh fence (deis router issue): the fence is decoration', () => {
    const line =
      '2016/11/29 18:10:10 [error] 64#0: *59606 upstream sent too big header while reading response header from upstream, client: 100.96.2.1, server: ~^subdomain\\.(?<domain>.+)$, request: "GET / HTTP/1.1", upstream: "http://101.69.46.220:80/", host: "subdomain.example.com"';
    const r = log(['```sh', line, '```', ''].join('\n'));
    expect(r.status).toBe('parsed');
    expect(r.problems).toEqual([]);
    expect(r.facts.errors).toEqual([
      expect.objectContaining({ kind: 'header-too-big', upstream: '101.69.46.220:80', line: 2 }),
    ]);
    // A fence alone, or fences around prose, claim nothing.
    const no = (text: string) =>
      expect(ingressNginxLog.detect(toLines(text), { command: null })).toBe(false);
    no('```sh\n```\n');
    no('~~~\nsome prose about nginx\n~~~\n');
  });

  it('127.0.0.1:8181, the placeholder of an upstream without endpoints: not a pod that refused', () => {
    // nginx/kubernetes-ingress#448: the error line hard-wrapped inside its server name.
    const r = log(
      [
        '```',
        '2018/11/20 17:57:10 [error] 5999#5999: *85 connect() failed (111: Connection refused) while connecting to upstream, client: 10.244.0.1, server: cafe.example.c',
        'om, request: "GET /tea HTTP/1.1", upstream: "http://127.0.0.1:8181/tea", host: "cafe.example.com"',
        '```',
        '',
      ].join('\n'),
    );
    expect(r.problems).toEqual([]);
    expect(r.facts.errors).toEqual([
      expect.objectContaining({
        kind: 'placeholder-upstream',
        upstream: '127.0.0.1:8181',
        host: 'cafe.example.com',
        line: 2,
      }),
    ]);
    // Healthy counterpart: a pod address that refuses stays a refusal, even on port 8181.
    const pod = log(
      '2018/11/20 17:57:10 [error] 5999#5999: *85 connect() failed (111: Connection refused) while connecting to upstream, client: 10.244.0.1, server: a, request: "GET / HTTP/1.1", upstream: "http://10.244.1.7:8181/", host: "a"\n',
    );
    expect(pod.facts.errorCounts).toEqual({ refused: 1 });
  });

  it('upstream errors quoted from the message on, without `[error] pid#tid:` (ingress-nginx#2476)', () => {
    const r = log(
      [
        '```',
        'connect() failed (111: Connection refused) while connecting to upstream, client: 192.168.99.1, server: example, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:8181/", host: "example"',
        'connect() failed (111: Connection refused) while connecting to upstream, client: 192.168.99.1, server: example, request: "GET /favicon.ico HTTP/1.1", upstream: "http://127.0.0.1:8181/favicon.ico", host: "example", referrer: "http://example/"',
        '',
        '```',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe('parsed');
    expect(r.facts.errorCounts).toEqual({ 'placeholder-upstream': 2 });
    // Prose that merely mentions an error, without nginx's `, client: ` context, is not a log line.
    const no = (text: string) =>
      expect(ingressNginxLog.detect(toLines(text), { command: null })).toBe(false);
    no('connect() failed (111: Connection refused) while connecting to upstream is what I get\n');
    no('why does upstream timed out (110: Connection timed out) happen?\n');
  });

  it('a bare TLS handshake failure to the upstream, its URL wrapped in markdown (eks-anywhere#5780)', () => {
    const r = log(
      caseFile(
        '1031-eksa5780-ssl-handshake-wrong-version-https-to-http-pod-not-tls-ciphers/ingress-nginx.log',
      ),
    );
    // The 'Error Log:' label above it is prose: partial, not parsed.
    expect(r.status).toBe('partial');
    // Neither a refusal nor a timeout: the pod accepted the connection and spoke no TLS.
    expect(r.facts.errorCounts).toEqual({ 'tls-upstream': 1 });
    expect(r.facts.errors[0]).toMatchObject({
      upstream: 'XX.XXX.XX.XXX:8099',
      request: 'GET /decision/version/ HTTP/2.0',
      line: 2,
    });
    // Healthy counterpart: a plain upstream URL keeps its host and port.
    const plain = log(
      '2022/09/15 03:33:42 [error] 47#47: *378 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking to upstream, client: 135.180.100.148, server: ratel.example.com, request: "GET / HTTP/2.0", upstream: "https://10.104.0.40:8000/", host: "ratel.example.com"\n',
    );
    expect(plain.facts.errors[0]).toMatchObject({
      kind: 'tls-upstream',
      upstream: '10.104.0.40:8000',
    });
    // Prose naming the failure without nginx's context is no log line.
    expect(
      ingressNginxLog.detect(toLines('SSL_do_handshake() failed (SSL: wrong version number)\n'), {
        command: null,
      }),
    ).toBe(false);
  });

  it('keeps the protocol nginx spoke to the upstream, from its URL scheme (speedy-net#7, uwsgi)', () => {
    const r = log(
      caseFile(
        '1174-speedynet7-fenced-premature-close-uwsgi-unix-socket-not-keepalive/nginx-error.log',
      ),
    );
    expect(r.facts.errors).toEqual([
      expect.objectContaining({ kind: 'premature-close', protocol: 'uwsgi', upstream: 'unix:' }),
    ]);
    // The markdown around a scheme is skipped (eks-anywhere#5780), the case is folded.
    const md = log(
      caseFile(
        '1031-eksa5780-ssl-handshake-wrong-version-https-to-http-pod-not-tls-ciphers/ingress-nginx.log',
      ),
    );
    expect(md.facts.errors[0]!.protocol).toBe('https');
    const line = (upstream: string) =>
      log(
        `2019/07/20 10:50:44 [error] 2590#2590: *1 upstream prematurely closed connection while reading response header from upstream, client: 79.183.208.33, server: _, request: "GET / HTTP/1.1"${upstream}, host: "example.com"\n`,
      ).facts.errors[0]!;
    expect(line(', upstream: "FastCGI://127.0.0.1:9000"').protocol).toBe('fastcgi');
    // Hostile or healthy: no upstream, one without a scheme, a redacted one: no protocol.
    expect(line('')).not.toHaveProperty('protocol');
    expect(line(', upstream: "10.0.0.1:80"')).not.toHaveProperty('protocol');
    expect(line(', upstream: "XXX"')).not.toHaveProperty('protocol');
    expect(line(', upstream: "://10.0.0.1:80/"')).not.toHaveProperty('protocol');
  });

  it('an upstream error quoted as its bare message after a label (zh blog go_nginx_502问题排查)', () => {
    const r = log(
      '> nginx error log: "upstream prematurely closed connection while reading response header from upstream"\n',
    );
    expect(r.status).toBe('parsed');
    expect(r.facts.errorCounts).toEqual({ 'premature-close': 1 });
    expect(r.facts.errors[0]).toEqual(
      expect.objectContaining({ source: 'nginx', upstream: null, request: null }),
    );
    // A Chinese label with a full-width colon, no quotes, a trailing full stop.
    expect(
      log('报错：upstream timed out (110: Connection timed out) while connecting to upstream。\n')
        .facts.errorCounts,
    ).toEqual({ 'timeout-connect': 1 });
    // The message must be the whole rest of the line, up to its `while ... upstream` phase.
    const no = (text: string) =>
      expect(ingressNginxLog.detect(toLines(text), { command: null })).toBe(false);
    no(
      '日志里有 "upstream prematurely closed connection while reading response header from upstream" 很多次\n',
    );
    no(
      'note: upstream timed out (110: Connection timed out) while connecting to upstream is the symptom\n',
    );
    no(
      'a very long label that goes on well past forty characters: no live upstreams while connecting to upstream\n',
    );
  });

  it('an nginx error line quoted in the middle of a sentence (ingress-nginx#9063)', () => {
    const r = log(
      caseFile(
        '1111-ingressnginx9063-inline-prose-read-timeout-60s-configmap-7200/error-sentence.txt',
      ),
    );
    expect(r.status).toBe('parsed');
    expect(r.facts.errorCounts).toEqual({ 'timeout-read': 1 });
    // The prose glued after the message is not part of it.
    expect(r.facts.errors[0]).toMatchObject({
      source: 'nginx',
      level: 'error',
      message:
        'upstream timed out (110: Operation timed out) while reading response header from upstream',
      upstream: null,
      line: 1,
    });
    // With nginx's context after it, the context is read as usual.
    const ctx = log(
      'The controller says: [error] 37#37: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.9, server: a.example, request: "GET / HTTP/1.1", upstream: "http://10.1.2.3:8080/", host: "a.example"\n',
    );
    expect(ctx.facts.errors[0]).toMatchObject({ kind: 'refused', upstream: '10.1.2.3:8080' });
    const no = (text: string) =>
      expect(ingressNginxLog.detect(toLines(text), { command: null })).toBe(false);
    // A quoted head needs its connection number and one of nginx's upstream errors after it.
    no(
      'This is what I keep seeing in the controller logs. [error] 117#117: upstream timed out (110: x) while connecting to upstream now\n',
    );
    no('I see this in the logs. [error] 117#117: *5 something else went wrong here\n');
    // The lead-in is a short sentence, not a paragraph or a quoted string.
    no(`${'a'.repeat(130)}. [error] 1#1: *2 no live upstreams while connecting to upstream\n`);
    no('he wrote "see. [error] 1#1: *2 no live upstreams while connecting to upstream"\n');
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

describe('ingress-nginx-log: TLS handshakes with the upstream', () => {
  const kinds = (text: string) => log(text).facts.errors.map((e) => e.kind);

  it('reads a failed handshake with the pod, even when the post cut its `while` phase (rook#13449)', () => {
    const text = caseFile(
      '1420-rook13449-ceph-dashboard-tls13-only-ssl-handshake-protocol-version-502/controller.log',
    );
    expect(kinds(text)).toEqual(['tls-upstream']);
    const full =
      '2023/12/20 05:44:01 [error] 57361#57361: *30727277 SSL_do_handshake() failed (SSL: error:0A00042E:SSL routines::tlsv1 alert protocol version:SSL alert number 70) while SSL handshaking to upstream, client: 127.0.0.1, server: ceph.example.internal, request: "GET / HTTP/2.0", upstream: "https://10.1.222.3:8443/", host: "ceph.example.internal"';
    expect(log(full).facts.errors[0]).toMatchObject({
      kind: 'tls-upstream',
      upstream: '10.1.222.3:8443',
      protocol: 'https',
    });
  });

  it("a client's failed handshake is not the upstream's", () => {
    // nginx logs a client's at info (a quiet line) or crit, never at error.
    const info =
      '2023/02/14 11:33:52 [info] 26#26: *28519 SSL_do_handshake() failed (SSL: error:0A000412:SSL routines::sslv3 alert bad certificate:SSL alert number 42) while SSL handshaking, client: 10.0.0.5, server: 0.0.0.0:443';
    expect(kinds(info)).toEqual([]);
    const crit =
      '2023/02/14 11:33:52 [crit] 26#26: *28519 SSL_do_handshake() failed (SSL: error:0A0000C1:SSL routines::no shared cipher) while SSL handshaking, client: 10.0.0.5, server: 0.0.0.0:443';
    expect(kinds(crit)).toEqual(['other']);
    // A message quoted without nginx's head says nothing about its level: only `to upstream` counts.
    const bare =
      'SSL_do_handshake() failed (SSL: error:0A000412:SSL routines::sslv3 alert bad certificate) while SSL handshaking, client: 10.0.0.5, server: 0.0.0.0:443';
    expect(direct(ingressNginxLog, bare)).toMatchObject({
      facts: { errors: [{ kind: 'other' }] },
    });
  });
});

describe('ingress-nginx-log: Markdown glued to the lines', () => {
  // kubernetes/ingress-nginx#5734: the lines pasted in bold, the prompt and command after them.
  const bold = [
    '**2020/06/17 15:42:54 [error] 37#37: *248 connect() failed (111: Connection refused) while connecting to upstream, client: 46.101.51.208, server: aqua.yasreeb.online, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:8181/", host: "aqua.yasreeb.online"',
    '46.101.51.208 - - [17/Jun/2020:15:42:54 +0000] "GET / HTTP/1.1" 502 559 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/83.0.4103.97 Safari/537.36" "-"**',
    'root@ip-172-31-18-242:/home/ubuntu/kubernetes-ingress/deployments/deployment# kubectl logs -n nginx-ingress pod/nginx-ingress-9fpsc --tail=50',
  ].join('\n');

  it('reads lines wrapped in bold or inline-code backquotes (ingress-nginx#5734, #3610)', () => {
    const r = only(bold, 'ingress-nginx-log');
    expect(r.facts.errorCounts).toEqual({ 'placeholder-upstream': 1 });
    expect(r.facts.errors[0]).toMatchObject({ upstream: '127.0.0.1:8181', line: 1 });
    expect(r.facts.access.statuses).toEqual({ '502': 1 });
    const quoted =
      '`2018/12/29 16:02:02 [error] 206#206: *342 connect() failed (111: Connection refused) while connecting to upstream, client: 223.65.108.109, server: open.dop.clsaa.com, request: "GET /actuator/health HTTP/1.1", upstream: "http://10.36.0.1:8888/actuator/health", host: "open.dop.clsaa.com"`';
    expect(log(quoted).facts.errors[0]).toMatchObject({
      kind: 'refused',
      upstream: '10.36.0.1:8888',
    });
  });

  it('keeps asterisks and backquotes inside a line, and reads no lone marker as a line', () => {
    const inside =
      '2023/04/17 20:24:55 [error] 397#397: *56382572 upstream prematurely closed connection while reading response header from upstream, client: 3.18.201.127, server: x, request: "POST /a HTTP/1.1", upstream: "http://10.0.0.5:80/a", host: "x"';
    const e = log(inside).facts.errors[0]!;
    expect(e).toMatchObject({ kind: 'premature-close', upstream: '10.0.0.5:80' });
    expect(log(`${inside}\n**`).facts.errors).toHaveLength(1);
  });
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
