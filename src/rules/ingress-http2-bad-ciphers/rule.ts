import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import { ingressSettings } from '../combine/ingress';

const K = 'cause.ingress-http2-bad-ciphers.verdict';
/** RFC 7540 9.2.2 / Appendix A: HTTP/2 over TLS 1.2 needs an ephemeral key exchange and an AEAD cipher. */
const HTTP2_OK = /^(?:(?:ECDHE|DHE|EECDH|EDH)-.*(?:GCM|CHACHA20|CCM)|TLS_(?:AES|CHACHA20))/i;
/** Names that are not one cipher suite: aliases, strengths, exclusions and @-commands. */
const ALIAS =
  /^(?:[!+@-]|HIGH$|MEDIUM$|LOW$|ALL$|DEFAULT$|COMPLEMENTOFDEFAULT$|kEECDH|kEDH|EECDH$|EDH$|aRSA$|aECDSA$|AES(?:GCM)?\d*$|CHACHA20$)/i;
const OLD_PROTOCOLS = /^(?:SSLv2|SSLv3|TLSv1|TLSv1\.1)$/;

/**
 * A custom cipher list whose first named suite is on HTTP/2's blacklist (no ECDHE/DHE or no
 * AEAD, like AES128-SHA): ingress-nginx prefers the server's order, so it picks that suite,
 * and the browser refuses the HTTP/2 connection (ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY).
 */
export default defineRule({
  cause: 'ingress-http2-bad-ciphers',
  needs: ['nginx-tls', 'k8s-object', 'curl-v'],
  check(ctx) {
    const s = ingressSettings(ctx);
    const browser = ctx
      .of('nginx-tls')
      .flatMap(({ source, facts }) =>
        facts.browserError ? [cite(source, facts.browserError)] : [],
      )[0];
    const http2 = s['use-http2'];
    const http2Off = http2 !== undefined && /^(?:false|off|no|0)$/i.test(http2.value);
    const ciphers = s['ssl-ciphers'];
    const protocols = s['ssl-protocols'];
    const oldProtocols = protocols?.value.split(/\s+/).filter((p) => OLD_PROTOCOLS.test(p)) ?? [];
    const protoEv: Evidence[] = protocols && oldProtocols.length > 0 ? [protocols.evidence] : [];

    if (http2Off) return ruledOut({ key: `${K}.http2Off` }, [http2.evidence]);
    // What a client actually got: `* SSL connection using TLSv1.2 / AES128-SHA` with `ALPN: server accepted h2`.
    let negotiated: { ok: boolean; cipher: string; evidence: Evidence[] } | null = null;
    for (const { source, facts } of ctx.of('curl-v')) {
      if (!facts.tls) continue;
      const { version, cipher } = facts.tls.value;
      const ok = /TLSv?1\.3/i.test(version) || HTTP2_OK.test(cipher);
      const h2 = facts.alpn?.value === 'h2';
      if (!ok && h2) {
        negotiated = { ok, cipher, evidence: [cite(source, facts.tls), cite(source, facts.alpn!)] };
        break;
      }
      negotiated ??= { ok, cipher, evidence: [cite(source, facts.tls)] };
    }
    if (negotiated && !negotiated.ok && negotiated.evidence.length > 1)
      return finding(
        'high',
        { key: `${K}.negotiated`, params: { cipher: negotiated.cipher } },
        [
          ...negotiated.evidence,
          ...(ciphers ? [ciphers.evidence] : []),
          ...(browser ? [browser] : []),
        ],
        ctx.vars.host ? { host: ctx.vars.host } : undefined,
      );
    const suites = ciphers
      ? ciphers.value
          .split(':')
          .map((c) => c.trim())
          .filter(Boolean)
      : [];
    const firstSuite = suites.find((c) => !ALIAS.test(c));
    const bad = firstSuite !== undefined && !HTTP2_OK.test(firstSuite);
    if (ciphers && bad) {
      let confidence: Confidence = 'medium';
      if (browser || http2?.value === 'true') confidence = 'high';
      return finding(
        confidence,
        {
          key: `${K}.why`,
          params: { cipher: firstSuite, protocols: oldProtocols.join(' ') || '-' },
        },
        [
          ciphers.evidence,
          ...protoEv,
          ...(http2 ? [http2.evidence] : []),
          ...(browser ? [browser] : []),
        ],
        ctx.vars.host ? { host: ctx.vars.host } : undefined,
      );
    }
    if (ciphers && firstSuite !== undefined)
      return ruledOut({ key: `${K}.goodFirst`, params: { cipher: firstSuite } }, [
        ciphers.evidence,
      ]);
    if (negotiated?.ok && !browser)
      return ruledOut(
        { key: `${K}.negotiatedOk`, params: { cipher: negotiated.cipher } },
        negotiated.evidence,
      );
    if (browser) return finding('medium', { key: `${K}.browserOnly` }, [browser, ...protoEv]);
    // Settings pasted without ssl-ciphers: the controller's defaults are all HTTP/2-safe.
    if (Object.keys(s).length > 0 && !ciphers) {
      const shown = protocols ?? http2 ?? Object.values(s)[0]!;
      return ruledOut({ key: `${K}.defaultCiphers` }, [shown.evidence]);
    }
    return noEvidence;
  },
  fix: {
    now: [
      '# @{restore}',
      'kubectl -n {ingressns} patch configmap {configmap} --type json -p \'[{"op":"remove","path":"/data/ssl-ciphers"}]\'',
      '# @{orDisable}',
      'kubectl -n {ingressns} patch configmap {configmap} --type merge -p \'{"data":{"use-http2":"false"}}\'',
    ].join('\n'),
    persist: '# @{persist}',
    verify: [
      'curl -svk --http2 -o /dev/null https://{host}/ 2>&1 | grep -e "SSL connection using" -e ALPN   # @{verify}',
      'kubectl -n {ingressns} get configmap {configmap} -o yaml | grep -e ssl- -e http2',
    ].join('\n'),
    rollback: '# @{rollback}\nkubectl -n {ingressns} edit configmap {configmap}',
    defaults: { ingressns: 'ingress-nginx', configmap: 'ingress-nginx-controller', host: 'HOST' },
  },
});
