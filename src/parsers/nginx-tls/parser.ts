import type { Cited, Line, Problem } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { capped, isNoise, MAX_LINE, withLeadingCommand } from '../k8s-common/text';
import type { BrowserTlsError, NginxTlsFacts } from './facts';

const K = 'parse.nginx-tls';
/** `name args;` with an optional trailing `# comment` (seed 001 has Chinese remarks there). */
// One blank, then the arguments (trimmed in code): `\s+[^;]*` would backtrack quadratically.
const DIRECTIVE = /^\s*([a-z_][a-z0-9_]*)\s([^;{}#]*);\s*(?:#.*)?$/;
const BLOCK = /^\s*(?:[a-z_][a-z0-9_]*(?:\s[^;{}#]*)?\{|\})\s*(?:#.*)?$/;
/** `ssl-ciphers: "..."` (ConfigMap data), also `--set controller.config.x=` style `x=`. */
const DATA = /^\s*([a-z0-9][a-z0-9-]*[a-z0-9]):(?:\s(.*))?$/;
/** Chrome's refusal; Markdown may have eaten the underscores (`ERRSPDYINADEQUATE...`). */
const BROWSER = /ERR_?(SPDY|HTTP2)_?INADEQUATE_?TRANSPORT_?SECURITY/;
/** Go's x/net/http2 ConfigureServer check, as Traefik, InfluxDB and other Go servers log it. */
const GO_H2_ORDER =
  /http2: TLSConfig\.CipherSuites index (\d+) contains an HTTP\/2-approved cipher suite \((0x[0-9a-f]+)\), but it comes after unapproved cipher suites/i;
const GO_H2_MISSING =
  /http2: TLSConfig\.CipherSuites is missing (?:an )?HTTP\/2-required ([A-Z0-9_]+)(?: cipher)?/;
const TLS_KEYS = /^(?:ssl_protocols|ssl_ciphers|ssl-protocols|ssl-ciphers|use-http2|http2)$/;
/**
 * `ssl_ciphers A:B:DHE-RSA-AES128-GCM-SHA2$`: a TLS directive cut at the screen edge, `$` being
 * nano's mark that the line goes on. The start stands; the last, cut entry is dropped.
 */
const CUT_DIRECTIVE = /^\s*(ssl_ciphers|ssl_protocols)\s([^;{}#$]*)\$$/;
const COMMENT = /^\s*#/;

/** `ssl_protocols`/`ssl_ciphers`/`http2`/`listen` directives, ingress-nginx ConfigMap keys, Chrome's error. */
export const nginxTls = withLeadingCommand(
  defineParser<'nginx-tls', NginxTlsFacts>({
    kind: 'nginx-tls',
    detect(head) {
      const body = head.filter((l) => !isNoise(l.text) && !COMMENT.test(l.text));
      let ours = 0;
      let tls = false;
      for (const l of body) {
        if (l.text.length > MAX_LINE) continue;
        if (BROWSER.test(l.text) && body.length <= 15) return true;
        if (GO_H2_ORDER.test(l.text) || GO_H2_MISSING.test(l.text)) return true;
        const d = DIRECTIVE.exec(l.text) ?? CUT_DIRECTIVE.exec(l.text);
        const c = d ? null : DATA.exec(l.text);
        if (d || c || BLOCK.test(l.text)) ours += 1;
        const key = d?.[1] ?? c?.[1] ?? '';
        if (TLS_KEYS.test(key) || (d && key === 'listen' && /\bssl\b/.test(d[2]!))) tls = true;
      }
      return tls && ours * 2 >= body.length;
    },
    parse(lines) {
      const facts: NginxTlsFacts = {
        source: 'browser',
        protocols: null,
        ciphers: null,
        http2: null,
        preferServerCiphers: null,
        browserError: null,
        goHttp2Error: null,
        settings: Object.create(null) as Record<string, Cited>,
      };
      const problems: Problem[] = [];
      let nginx = 0;
      let data = 0;
      let sslListen: Cited<boolean> | null = null;
      for (const l of lines) {
        if (isNoise(l.text) || COMMENT.test(l.text)) continue;
        if (l.text.length > MAX_LINE) {
          problems.push({ line: l.n, msg: msg(`${K}.notASetting`) });
          continue;
        }
        const b = BROWSER.exec(l.text);
        if (b) {
          const value = `ERR_${b[1]}_INADEQUATE_TRANSPORT_SECURITY` as BrowserTlsError;
          facts.browserError ??= { value, line: l.n, text: l.text };
          continue;
        }
        const go = GO_H2_ORDER.exec(l.text);
        const missing = go ? null : GO_H2_MISSING.exec(l.text);
        if (go || missing) {
          facts.goHttp2Error ??= cite(
            go
              ? { kind: 'order' as const, detail: `${go[2]!.toLowerCase()} #${go[1]}` }
              : { kind: 'missing' as const, detail: missing![1]! },
            l,
          );
          continue;
        }
        const d = DIRECTIVE.exec(l.text);
        if (d) {
          nginx += 1;
          const name = d[1]!;
          const args = d[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
          if (name === 'listen' && /\bssl\b/.test(args)) {
            const on = /\bhttp2\b/.test(args);
            if (on) facts.http2 ??= cite(true, l);
            else sslListen ??= cite(false, l);
          } else setting(facts, name.replace(/_/g, '-'), args, l);
          continue;
        }
        if (BLOCK.test(l.text)) {
          nginx += 1;
          continue;
        }
        const cut = CUT_DIRECTIVE.exec(l.text);
        if (cut) {
          nginx += 1;
          const sep = cut[1] === 'ssl_ciphers' ? ':' : ' ';
          const kept = cut[2]!.trim().split(sep).slice(0, -1).join(sep);
          if (kept) {
            setting(facts, cut[1]!.replace(/_/g, '-'), kept, l);
            facts.cut = true;
          }
          continue;
        }
        const c = DATA.exec(l.text);
        if (c) {
          data += 1;
          const value = dataValue(c[2] ?? '');
          if (c[1] !== 'data') setting(facts, c[1]!, value, l);
          continue;
        }
        problems.push({ line: l.n, msg: msg(`${K}.notASetting`) });
      }
      facts.http2 ??= sslListen;
      if (nginx + data > 0) facts.source = nginx >= data ? 'nginx' : 'configmap';
      else if (facts.goHttp2Error && !facts.browserError) facts.source = 'server-log';
      const found =
        facts.protocols || facts.ciphers || facts.http2 || facts.browserError || facts.goHttp2Error;
      if (!found) return reject(msg(`${K}.noTls`));
      // The browser's error page around the error string is not a fault of the paste.
      // Nor the server's log around its own refusal.
      const kept =
        (facts.source === 'browser' || facts.source === 'server-log') && nginx + data === 0
          ? []
          : problems;
      if (kept.length > nginx + data + 1)
        return reject(msg(`${K}.mostlyNotConfig`, { config: nginx + data, other: kept.length }));
      return accept(
        facts,
        capped(kept, K),
        facts.source === 'server-log' && facts.goHttp2Error
          ? msg(`${K}.summaryGoHttp2`, {
              error:
                facts.goHttp2Error.value.kind === 'order'
                  ? `approved suite ${facts.goHttp2Error.value.detail} after unapproved ones`
                  : `missing ${facts.goHttp2Error.value.detail}`,
            })
          : msg(`${K}.summary`, {
              protocols: facts.protocols?.value.join(' ') ?? '-',
              ciphers: facts.ciphers?.value.length ?? 0,
              http2: facts.http2 ? (facts.http2.value ? 'on' : 'off') : '-',
              browser: facts.browserError?.value ?? '-',
            }),
      );
    },
  }),
);

function cite<T>(value: T, l: Line): Cited<T> {
  return { value, line: l.n, text: l.text };
}

/** One setting by its ConfigMap name (`ssl_protocols` is read as `ssl-protocols`). */
function setting(facts: NginxTlsFacts, key: string, value: string, l: Line): void {
  const v = value.trim();
  if (key === 'ssl-protocols') facts.protocols ??= cite(v.split(/\s+/).filter(Boolean), l);
  else if (key === 'ssl-ciphers')
    facts.ciphers ??= cite(
      v
        .split(':')
        .map((c) => c.trim())
        .filter(Boolean),
      l,
    );
  else if (key === 'use-http2' || key === 'http2')
    facts.http2 = cite(/^(?:"?true"?|on)$/i.test(v), l);
  else if (key === 'ssl-prefer-server-ciphers')
    facts.preferServerCiphers ??= cite(/^(?:"?true"?|on)$/i.test(v), l);
  else if (!(key in facts.settings)) facts.settings[key] = cite(v, l);
}

/** A ConfigMap value: a quoted string, or plain text up to a ` #` comment. */
function dataValue(raw: string): string {
  const v = raw.trim();
  const q = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(v);
  if (q) return q[1] ?? q[2] ?? '';
  const hash = v.search(/\s#/);
  return (hash < 0 ? v : v.slice(0, hash)).trim();
}
