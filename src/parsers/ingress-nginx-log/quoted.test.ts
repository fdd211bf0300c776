import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { direct, only } from '../../testing/parser-checks';
import { readTestData } from '../../testing/test-data';
import { ingressNginxLog } from './parser';

// How posts quote nginx's error lines: without their date or head, as a bare message after a
// label or mid-sentence, in bold or inline code; and the upstream's TLS handshake failures.
const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const log = (text: string) => only(text, 'ingress-nginx-log');
const caseFile = (p: string) => readTestData(`cases/${p}`);

describe('ingress-nginx-log: error lines as posts quote them', () => {
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
