import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { parsePaste } from '../registry';
import {
  claimsOnly,
  direct,
  only,
  seed,
  slice,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { nginxTls } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const tls = (text: string) => only(text, 'nginx-tls');

describe('nginx-tls: real outputs (seed 001)', () => {
  it('the custom protocols and ciphers, Chinese remarks after the semicolons', () => {
    const text = local('nginx-tls--seed001-ssl-lines.txt');
    expect(text).toBe(slice(seed('001'), 18, 19));
    const r = tls(text);
    expect(r.status).toBe('parsed');
    expect(r.facts).toMatchObject({
      source: 'nginx',
      protocols: { value: ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'SSLv3'], line: 1 },
      ciphers: {
        value: [
          'AES128-SHA',
          'AES256-SHA',
          'ECDHE-RSA-AES128-GCM-SHA256',
          'HIGH',
          '!aNULL',
          '!MD5',
          '!RC4',
          '!DHE',
        ],
        line: 2,
      },
      http2: null,
      browserError: null,
    });
  });

  it('Chrome’s error page with ERR_SPDY_INADEQUATE_TRANSPORT_SECURITY', () => {
    const text = local('nginx-tls--seed001-browser.txt');
    expect(text).toBe(slice(seed('001'), 23, 25));
    const r = tls(text);
    expect(r.status).toBe('parsed');
    expect(r.facts).toMatchObject({
      source: 'browser',
      browserError: { value: 'ERR_SPDY_INADEQUATE_TRANSPORT_SECURITY', line: 3 },
    });
  });

  it('both pasted together, with the underscore-less spelling Markdown leaves', () => {
    const r = tls(
      `${local('nginx-tls--seed001-ssl-lines.txt')}ERRSPDYINADEQUATETRANSPORTSECURITY\n`,
    );
    expect(r.facts.browserError?.value).toBe('ERR_SPDY_INADEQUATE_TRANSPORT_SECURITY');
    expect(r.facts.protocols?.value).toContain('SSLv3');
  });
});

describe('nginx-tls: formats', () => {
  it('ingress-nginx ConfigMap data lines', () => {
    const r = tls(
      [
        'data:',
        '  ssl-protocols: "TLSv1.2 TLSv1.3"',
        "  ssl-ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256'",
        '  use-http2: "true"',
        '  upstream-keepalive-timeout: "60"',
        '  proxy-buffer-size: 16k',
      ].join('\n'),
    );
    expect(r.facts).toMatchObject({
      source: 'configmap',
      protocols: { value: ['TLSv1.2', 'TLSv1.3'], line: 2 },
      http2: { value: true, line: 4 },
      settings: {
        'upstream-keepalive-timeout': { value: '60', line: 5 },
        'proxy-buffer-size': { value: '16k' },
      },
    });
    expect(r.facts.ciphers?.value).toHaveLength(2);
  });

  it('a server block: listen … ssl http2, `http2 off`, listen without http2', () => {
    const block = (listen: string, extra = '') =>
      [
        'server {',
        `    listen ${listen};`,
        '    server_name a.example;',
        '    ssl_protocols TLSv1.2;',
        extra,
        '}',
      ].join('\n');
    expect(tls(block('443 ssl http2')).facts.http2).toMatchObject({ value: true, line: 2 });
    expect(tls(block('443 ssl')).facts.http2).toMatchObject({ value: false, line: 2 });
    expect(tls(block('443 ssl', '    http2 on;')).facts.http2).toMatchObject({
      value: true,
      line: 5,
    });
  });

  it('rejects settings without anything about TLS; leaves the seed’s prose alone', () => {
    expect(direct(nginxTls, 'server {\n  listen 80;\n  return 444;\n}')).toMatchObject({
      status: 'rejected',
      problems: [{ msg: { key: 'parse.nginx-tls.noTls' } }],
    });
    // In the whole write-up the lines sit inside prose: that section is not claimed.
    expect(parsePaste(seed('001'), 'x').some((s) => s.kind === 'nginx-tls')).toBe(false);
    const no = (text: string) =>
      expect(nginxTls.detect(toLines(text), { command: null })).toBe(false);
    no('net.ipv4.tcp_tw_recycle = 1');
    no('proxy-body-size: 10m\nuse-forwarded-headers: "true"');
  });
});

describe('nginx-tls: only TLS settings are claimed', () => {
  claimsOnly(nginxTls, []);
});

describe('nginx-tls: texts', () => {
  textsMatch('nginx-tls', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('nginx-tls: hostile input', () => {
  survivesHostileInput(nginxTls, [
    'ssl_protocols TLSv1 TLSv1.1 TLSv1.2 SSLv3;  # 开启sslv3,客户端有时会使用sslv3',
    'ssl_ciphers   AES128-SHA:AES256-SHA:ECDHE-RSA-AES128-GCM-SHA256:HIGH:!aNULL:!MD5:!RC4:!DHE;',
    '  ssl-ciphers: "ECDHE-RSA-AES128-GCM-SHA256"',
    '  use-http2: "false"',
    'listen 443 ssl http2;',
    'ERR_SPDY_INADEQUATE_TRANSPORT_SECURITY',
    'server {',
    '}',
    'ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:DHE-RSA-AES128-GCM-SHA2$',
  ]);

  it("a Go server's own HTTP/2 cipher refusal, in three log styles", () => {
    const order = tls(local('go-http2-sshwifty70-index-after-unapproved.txt'));
    expect(order.status).toBe('parsed');
    const o = order.facts;
    expect(o.source).toBe('server-log');
    expect(o.goHttp2Error).toMatchObject({
      value: { kind: 'order', detail: '0x1301 #5' },
      line: 2,
    });
    for (const f of [
      'go-http2-influxdb25401-missing-required.txt',
      'go-http2-gomutualtls1-missing-required.txt',
    ])
      expect(tls(local(f)).facts.goHttp2Error?.value).toEqual({
        kind: 'missing',
        detail: 'AES_128_GCM_SHA256',
      });
  });

  it("an ssl_ciphers line cut at the screen edge (nano's `$`): the start kept, the cut entry dropped", () => {
    const r = tls(local('nginx-tls--easyengine863-cut-ssl-ciphers.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.cut).toBe(true);
    expect(r.facts.ciphers?.value).toEqual([
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
    ]);
    const protocols = tls('ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv$\n');
    expect(protocols.facts.protocols?.value).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
  });

  it('a cut line with nothing whole before the mark, or a `$` that is no cut, sets nothing', () => {
    expect(
      tls('ssl_ciphers ECDHE-RSA-AES$\nERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY\n').facts,
    ).toMatchObject({
      ciphers: null,
    });
    const whole = tls('ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA;\n');
    expect(whole.facts.cut).toBeUndefined();
    expect(whole.facts.ciphers?.value).toHaveLength(2);
    // A `$` inside other directives is nginx syntax (variables, regexes), never a cut mark.
    expect(tls('ssl_ciphers AES128-SHA;\nrewrite ^/old$ /new$\n').facts.ciphers?.value).toEqual([
      'AES128-SHA',
    ]);
  });
});
