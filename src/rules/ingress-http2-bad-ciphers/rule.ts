import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import { ingressSettings } from '../combine/ingress';
import type { TlsPolicyFacts } from '../../parsers/k8s-object/facts';

const K = 'cause.ingress-http2-bad-ciphers.verdict';
/** RFC 7540 9.2.2 / Appendix A: HTTP/2 over TLS 1.2 needs an ephemeral key exchange and an AEAD cipher. */
const HTTP2_OK =
  /^(?:(?:ECDHE|DHE|EECDH|EDH)-.*(?:GCM|CHACHA20|CCM)|TLS_(?:AES|CHACHA20)|TLS_(?:ECDHE|DHE)_\w+_WITH_\w*(?:GCM|CHACHA20|CCM))/i;
/** TLS 1.3 suites: never chosen by a TLS 1.2 handshake, so they do not count in its order. */
const TLS13_SUITE = /^(?:TLS_AES_|TLS_CHACHA20_)/i;
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

    // A Go server (Traefik...) says it itself: its cipher list cannot serve HTTP/2.
    const goError = ctx
      .of('nginx-tls')
      .flatMap(({ source, facts }) =>
        facts.goHttp2Error ? [{ e: facts.goHttp2Error, ev: cite(source, facts.goHttp2Error) }] : [],
      )[0];
    if (goError)
      return finding(
        'high',
        {
          key: goError.e.value.kind === 'order' ? `${K}.goServerOrder` : `${K}.goServerMissing`,
          params: { detail: goError.e.value.detail },
        },
        [goError.ev, ...(browser ? [browser] : [])],
        { ...hostVar(ctx), ...(gatewayVars(policyVerdicts(ctx)) ?? { gateway: 'go' }) },
      );
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
        ciphers ? hostVar(ctx) : { ...hostVar(ctx), ...gatewayVars(policyVerdicts(ctx)) },
      );
    const suites = ciphers
      ? ciphers.value
          .split(':')
          .map((c) => c.trim())
          .filter(Boolean)
      : [];
    const firstSuite = suites.map(suiteOf).find((c) => !ALIAS.test(c) && !TLS13_SUITE.test(c));
    const bad = firstSuite !== undefined && !HTTP2_OK.test(firstSuite);
    // `ssl_protocols ... TLSv1.3`: browsers negotiate TLS 1.3, whose suites ssl_ciphers does not set.
    const tls13 = protocols?.value.split(/\s+/).includes('TLSv1.3') ?? false;
    if (ciphers && bad && tls13 && !browser)
      return ruledOut({ key: `${K}.tls13`, params: { setting: protocols!.value } }, [
        protocols!.evidence,
        ciphers.evidence,
      ]);
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
        hostVar(ctx),
      );
    }
    // Istio, Envoy Gateway, Traefik, Contour: their own objects' TLS settings.
    const policies = policyVerdicts(ctx);
    const broken = policies.find((p) => p.bad);
    if (broken)
      return finding(
        browser ? 'high' : 'medium',
        {
          key: `${K}.${broken.cipher ? 'policy' : 'policyNoneOk'}`,
          params: {
            product: PRODUCT[broken.product],
            cipher: broken.cipher ?? '',
            max: broken.max,
          },
        },
        [...broken.evidence, ...(browser ? [browser] : [])],
        { ...hostVar(ctx), ...gatewayVars([broken]) },
      );
    // The browser's refusal outranks the list shown: that list is not the one in effect (another
    // server block, a cut paste), or its first suite cannot be used and a forbidden one follows.
    if (ciphers && firstSuite !== undefined && browser)
      return finding(
        'medium',
        { key: `${K}.browserGoodFirst`, params: { cipher: firstSuite } },
        [browser, ciphers.evidence, ...protoEv],
        hostVar(ctx),
      );
    if (ciphers && firstSuite !== undefined)
      return ruledOut({ key: `${K}.goodFirst`, params: { cipher: firstSuite } }, [
        ciphers.evidence,
      ]);
    if (negotiated?.ok && !browser)
      return ruledOut(
        { key: `${K}.negotiatedOk`, params: { cipher: negotiated.cipher } },
        negotiated.evidence,
      );
    const fine = policies.find((p) => p.ciphers || p.tls13);
    if (fine && !browser)
      return ruledOut(
        fine.tls13
          ? fine.maxSet
            ? { key: `${K}.tls13`, params: { setting: fine.max } }
            : { key: `${K}.tls13Default`, params: { product: PRODUCT[fine.product] } }
          : {
              key: `${K}.policyOk`,
              params: { product: PRODUCT[fine.product], cipher: fine.cipher ?? '' },
            },
        fine.evidence,
      );
    if (browser)
      return finding('medium', { key: `${K}.browserOnly` }, [browser, ...protoEv], {
        ...hostVar(ctx),
        ...(ciphers ? {} : gatewayVars(policies)),
      });
    // Settings pasted without ssl-ciphers: the controller's defaults are all HTTP/2-safe.
    if (Object.keys(s).length > 0 && !ciphers) {
      const shown = protocols ?? http2 ?? Object.values(s)[0]!;
      return ruledOut({ key: `${K}.defaultCiphers` }, [shown.evidence]);
    }
    return noEvidence;
  },
  fix: {
    // Lines for the product the evidence came from (`gateway`, set by the finding): the
    // ingress-nginx ConfigMap, the gateway's own TLS object (Istio, Envoy Gateway, Traefik, Contour),
    // or a Go server's cipher list (`go`: its own log said so, no object pasted).
    now: [
      '[gateway=ingress-nginx] # @{restore}',
      '[gateway=ingress-nginx] kubectl -n {ingressns} patch configmap {configmap} --type json -p \'[{"op":"remove","path":"/data/ssl-ciphers"}]\'',
      '[gateway=ingress-nginx] # @{orDisable}',
      '[gateway=ingress-nginx] kubectl -n {ingressns} patch configmap {configmap} --type merge -p \'{"data":{"use-http2":"false"}}\'',
      '[gateway=istio] # @{istio}',
      '[gateway=istio] kubectl -n {gwns} edit {gwres} {gwname}',
      '[gateway=envoy-gateway] # @{envoyGateway}',
      '[gateway=envoy-gateway] kubectl -n {gwns} patch {gwres} {gwname} --type json -p \'[{"op":"remove","path":"/spec/tls/maxVersion"}]\'',
      '[gateway=traefik] # @{traefik}',
      '[gateway=traefik] kubectl -n {gwns} edit {gwres} {gwname}',
      '[gateway=go] # @{goServer}',
      '[gateway=contour] # @{contour}',
      '[gateway=contour] kubectl -n {gwns} patch {gwres} {gwname} --type json -p \'[{"op":"remove","path":"/spec/envoy/tls/maximumProtocolVersion"}]\'',
    ].join('\n'),
    persist: [
      '[gateway=ingress-nginx] # @{persist}',
      '[gateway=istio,envoy-gateway,traefik,contour] # @{persistGateway}',
      '[gateway=go] # @{persistGo}',
    ].join('\n'),
    verify: [
      'curl -svk --http2 -o /dev/null https://{host}/ 2>&1 | grep -e "SSL connection using" -e ALPN   # @{verify}',
      '[gateway=ingress-nginx] kubectl -n {ingressns} get configmap {configmap} -o yaml | grep -e ssl- -e http2',
      '[gateway=istio,envoy-gateway,traefik,contour] kubectl -n {gwns} get {gwres} {gwname} -o yaml | grep -i -e cipher -e version',
    ].join('\n'),
    rollback: [
      '[gateway=ingress-nginx] # @{rollback}',
      '[gateway=ingress-nginx] kubectl -n {ingressns} edit configmap {configmap}',
      '[gateway=istio,envoy-gateway,traefik,contour] # @{rollbackGateway}',
      '[gateway=istio,envoy-gateway,traefik,contour] kubectl -n {gwns} edit {gwres} {gwname}',
      '[gateway=go] # @{rollbackGo}',
    ].join('\n'),
    defaults: {
      gateway: 'ingress-nginx',
      ingressns: 'ingress-nginx',
      configmap: 'ingress-nginx-controller',
      host: 'HOST',
      gwns: 'default',
      gwname: 'default',
      gwres: 'tlsoptions.traefik.io',
    },
  },
});

const PRODUCT: Record<TlsPolicyFacts['product'], string> = {
  istio: 'Istio Gateway',
  'envoy-gateway': 'Envoy Gateway ClientTrafficPolicy',
  traefik: 'Traefik TLSOption',
  contour: 'Contour',
};

/** `[ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-ECDSA-CHACHA20-POLY1305]` (an Envoy equal-preference group): its first. */
function suiteOf(c: string): string {
  return c.replace(/^\[/, '').split('|')[0]!.replace(/\]$/, '').trim();
}

/** The highest version allowed, as written; every one of these gateways allows TLS 1.3 unless told not to. */
const TLS13_ALLOWED = /1[._]?3\b|TLS13|auto/i;

interface PolicyVerdict {
  product: TlsPolicyFacts['product'];
  bad: boolean;
  tls13: boolean;
  ciphers: boolean;
  /** The suite the server picks (server order), or null when none of the list suits HTTP/2. */
  cipher: string | null;
  max: string;
  maxSet: boolean;
  evidence: Evidence[];
  /** The object to change: `kubectl -n {namespace} edit {resource} {name}`. */
  target: { resource: string; name: string | null; namespace: string | null };
}

/**
 * A gateway's TLS object breaks HTTP/2 when it caps TLS at 1.2 and its suites give a browser a
 * forbidden one: the first (server order: Envoy, BoringSSL), or all of them (Go, which orders the
 * list itself and refuses to start HTTP/2 without an approved suite).
 */
function policyVerdicts(ctx: RuleContext): PolicyVerdict[] {
  const out: PolicyVerdict[] = [];
  for (const { source, facts } of ctx.of('k8s-object'))
    for (const o of facts.objects)
      for (const p of o.tls ?? []) {
        const max = p.maxVersion?.value ?? '';
        const tls13 = !p.maxVersion || TLS13_ALLOWED.test(max);
        const suites = (p.ciphers?.value ?? []).map(suiteOf).filter((c) => !TLS13_SUITE.test(c));
        const first = suites.find((c) => !ALIAS.test(c)) ?? null;
        const anyOk = suites.some((c) => HTTP2_OK.test(c));
        const bad =
          !tls13 &&
          suites.length > 0 &&
          (p.serverOrder ? !!first && !HTTP2_OK.test(first) : !anyOk);
        const evidence = [
          ...(p.ciphers ? [cite(source, p.ciphers)] : []),
          ...(p.maxVersion ? [cite(source, p.maxVersion)] : []),
        ];
        out.push({
          product: p.product,
          bad,
          tls13,
          ciphers: suites.length > 0,
          cipher: p.serverOrder
            ? first
            : bad
              ? null
              : (suites.find((c) => HTTP2_OK.test(c)) ?? null),
          max: max || 'TLS 1.3',
          maxSet: p.maxVersion !== null,
          evidence: evidence.length > 0 ? evidence : [cite(source, p)],
          target: {
            resource: resourceOf(o.kind, o.apiVersion),
            name: o.name,
            namespace: o.namespace,
          },
        });
      }
  return out;
}

/** Each gateway's TLS object kind as a resource kubectl names without ambiguity, by its usual API group. */
const RESOURCE: Record<string, [plural: string, group: string]> = {
  Gateway: ['gateways', 'networking.istio.io'],
  ClientTrafficPolicy: ['clienttrafficpolicies', 'gateway.envoyproxy.io'],
  TLSOption: ['tlsoptions', 'traefik.io'],
  ContourConfiguration: ['contourconfigurations', 'projectcontour.io'],
};

/** `gateways.networking.istio.io`; the object's own API group when it names one (`traefik.containo.us`). */
function resourceOf(kind: string, apiVersion: string | null): string {
  const [plural, usual] = RESOURCE[kind] ?? [`${kind.toLowerCase()}s`, ''];
  const group = apiVersion?.includes('/') ? apiVersion.split('/')[0]! : usual;
  return group ? `${plural}.${group}` : plural;
}

const hostVar = (ctx: RuleContext): Record<string, string> =>
  ctx.vars.host ? { host: ctx.vars.host } : {};

/** Which gateway the fix is for, and its object, from the first gateway TLS object pasted. */
function gatewayVars(policies: PolicyVerdict[]): Record<string, string> | undefined {
  const p = policies[0];
  if (!p) return undefined;
  return {
    gateway: p.product,
    gwres: p.target.resource,
    ...(p.target.name ? { gwname: p.target.name } : {}),
    ...(p.target.namespace ? { gwns: p.target.namespace } : {}),
  };
}
