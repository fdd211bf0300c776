import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { parsePaste } from '../registry';
import { readTestData } from '../../testing/test-data';
import {
  claimsOnly,
  direct,
  only,
  seed,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { curlV } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const curl = (text: string) => only(text, 'curl-v');

describe('curl-v: real outputs', () => {
  it('TLS 1.2 with ALPN h2 (GKE)', () => {
    const r = curl(local('curl-v--gke-samples74-tls-h2.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts).toMatchObject({
      target: { value: 'https://35.190.89.42/', line: 0 },
      attempts: [{ value: '35.190.89.42', line: 2 }], // line 1 is the prompt
      connected: { value: '35.190.89.42', line: 4 },
      tls: { value: { version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' }, line: 22 },
      alpn: { value: 'h2', line: 23 },
      statuses: [],
      error: null,
      body: null,
      outcome: 'connected',
    });
  });

  it('the progress meter in front of `* Connected`; the command typed bare', () => {
    const r = curl(local('curl-v--haproxy960-progress-meter.txt'));
    expect(r.facts).toMatchObject({
      target: { value: 'https://:195.30.20.20030051' },
      connected: { value: '195.30.20.200', line: 7 },
      outcome: 'connected',
    });
    const head = curl(local('curl-v--haproxy960-head-404.txt'));
    expect(head.facts.statuses).toEqual([
      expect.objectContaining({ version: 'HTTP/1.1', status: 404, reason: 'Not Found', line: 4 }),
    ]);
    expect(head.facts.outcome).toBe('http');
  });

  it('connection refused (curl 7), the command typed bare', () => {
    const r = curl(local('curl-v--website27272-refused.txt'));
    expect(r.facts).toMatchObject({
      error: { value: { code: 7 }, line: 2 },
      outcome: 'refused',
      body: null,
    });
  });

  it('seed 003: the old wording of a timeout, and plain answers', () => {
    const r = curl(local('curl-v--seed003-old-wording.txt'));
    expect(r.facts).toMatchObject({
      target: { value: '10.102.246.104:8080' },
      error: {
        value: { code: 7, message: 'Failed connect to 10.102.246.104:8080; Connection timed out' },
      },
      outcome: 'timeout',
    });
    const all = parsePaste(seed('003'), 'x').flatMap((s) =>
      s.kind === 'curl-v' && s.status !== 'rejected' ? [s] : [],
    );
    expect(all).toHaveLength(12);
    const outcomes = all.map((s) => s.facts.outcome);
    expect(outcomes.filter((o) => o === 'timeout')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'http')).toHaveLength(11);
    expect(all[0]!.facts.body).toMatchObject({ value: 'myapp-deploy-5695bb5658-7tgfx' });
  });
});

describe('curl-v: formats', () => {
  it('curl 8 wording: ALPN accepted h2, HTTP/2 502, then the body', () => {
    const text = [
      '$ curl -vk https://shop.example.com/',
      '*   Trying 10.0.0.1:443...',
      '* Connected to shop.example.com (10.0.0.1) port 443',
      '* ALPN: curl offers h2,http/1.1',
      '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS',
      '* ALPN: server accepted h2',
      '> GET / HTTP/2',
      '> Host: shop.example.com',
      '>',
      '< HTTP/2 502',
      '< date: Mon, 01 Jan 2024 00:00:00 GMT',
      '<',
      '<html>',
      '<head><title>502 Bad Gateway</title></head>',
      '* Connection #0 to host shop.example.com left intact',
    ].join('\n');
    const r = curl(text);
    expect(r.facts).toMatchObject({
      target: { value: 'https://shop.example.com/' },
      attempts: [{ value: '10.0.0.1:443' }],
      alpn: { value: 'h2', line: 6 },
      tls: { value: { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' } },
      statuses: [expect.objectContaining({ version: 'HTTP/2', status: 502, line: 10 })],
      body: { value: '<html>', line: 13 },
      bodyLines: 2,
      outcome: 'http',
    });
  });

  it('tells the curl errors apart', () => {
    const outcome = (line: string) => {
      const out = direct(curlV, line, 'curl -sv http://10.0.0.1:30080/');
      return out.status === 'rejected' ? 'rejected' : out.facts.outcome;
    };
    expect(outcome('curl: (28) Connection timed out after 5001 milliseconds')).toBe('timeout');
    expect(
      outcome(
        "curl: (7) Failed to connect to 10.0.0.1 port 30080 after 3 ms: Couldn't connect to server",
      ),
    ).toBe('connect-failed');
    expect(outcome('curl: (7) Failed to connect to 10.0.0.1 port 30080: No route to host')).toBe(
      'unreachable',
    );
    expect(outcome('curl: (52) Empty reply from server')).toBe('empty-reply');
    expect(outcome('curl: (56) Recv failure: Connection reset by peer')).toBe('reset');
    expect(outcome('curl: (6) Could not resolve host: web.shop')).toBe('dns');
    expect(
      outcome('curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to a:443'),
    ).toBe('tls-error');
    expect(
      outcome(
        '*   Trying 10.0.0.1:30080...\n* connect to 10.0.0.1 port 30080 failed: Connection refused',
      ),
    ).toBe('refused');
  });

  it('without a command line it needs curl’s own lines; it leaves other text alone', () => {
    expect(direct(curlV, 'hello')).toMatchObject({ status: 'rejected' });
    const no = (text: string) => expect(curlV.detect(toLines(text), { command: null })).toBe(false);
    no('> Server:       10.16.72.188\n> Address:  10.16.72.188#53');
    no('<html><body>hi</body></html>');
  });
});

describe('curl-v: only curl outputs are claimed', () => {
  claimsOnly(curlV, []);
});

describe('curl-v: texts', () => {
  textsMatch('curl-v', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('curl-v: hostile input', () => {
  survivesHostileInput(
    curlV,
    [
      '*   Trying 35.190.89.42...',
      '* Connected to 35.190.89.42 (35.190.89.42) port 443 (#0)',
      '* ALPN, server accepted to use h2',
      '< HTTP/2 502',
      'curl: (7) Failed connect to 10.102.246.104:8080; Connection timed out',
      '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0* Connected to x',
      '<html>',
    ],
    { commands: [null, 'curl -vk https://10.0.0.1/', "curl -H 'Host: a b' x"] },
  );
});

describe('curl-v: -L redirect chains', () => {
  it('the summary names the last hop, with its status', () => {
    const r = curl(readTestData('peer/jc/generic/curl_head--ILvs-google-com.out'));
    expect(r.facts.redirects.map((x) => [x.value, x.line])).toEqual([
      ['http://www.google.com/', 21],
    ]);
    expect(r.facts.statuses.map((x) => x.status)).toEqual([301, 200]);
    expect(r.summary).toEqual({
      key: 'parse.curl-v.summaryRedirected',
      params: {
        target: 'http://www.google.com/',
        first: '[2607:f8b0:4002:c11::71]:80',
        hops: 1,
        outcome: 'http',
        status: 200,
        error: '-',
      },
    });
  });
});
