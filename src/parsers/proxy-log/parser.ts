import type { Line, Problem } from '../../engine/types';
import { ingressFacts, KEEP, settleIngressLog } from '../ingress-nginx-log/collect';
import { defineParser, msg } from '../define';
import { isNoise, kubectlArgs, MAX_LINE, withLeadingCommand } from '../k8s-common/text';
import type { IngressErrorEvent, IngressNginxLogFacts } from '../ingress-nginx-log/facts';
import {
  envoyAccess,
  envoyEvent,
  envoyKind,
  envoyRecord,
  envoyReply,
  stripPrefix,
  traefikLine,
} from './lines';

const K = 'parse.proxy-log';
/** Envoy's own log (`[2018-05-20 22:58:19.489][41][info][upstream] file.cc:379] ...`). */
const ENVOY_APP =
  /^(?:\[Envoy \(Epoch \d+\)\] )?\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+\]\[\d+\]\[\w+\]\[[\w.]+\] /;
/** Who logs like this, by the pod or container a `kubectl logs` names. */
const PROXY_POD = /traefik|envoy|istio|gateway|contour|emissary|ambassador/i;

type Read =
  | { what: 'event'; event: IngressErrorEvent; strong: true }
  | { what: 'access'; line: Line; strong: true }
  | { what: 'known'; strong: boolean };

/** One line of a proxy log, or null when it is none. */
function read(text: string, l: Line): Read | null {
  const t = traefikLine(text, l);
  if (t)
    return t.event
      ? { what: 'event', event: t.event, strong: true }
      : { what: 'known', strong: t.marked };
  if (envoyRecord(text)) return { what: 'access', line: l, strong: true };
  const reply = envoyReply(text);
  if (reply) return { what: 'event', event: envoyEvent(reply, null, l), strong: true };
  if (ENVOY_APP.test(text)) return { what: 'known', strong: false };
  return null;
}

/**
 * Logs of the other ingress proxies: Envoy's access log (Istio, Contour, Envoy Gateway; the
 * default text format or JSON) and its local replies, and Traefik's log (`'502 Bad Gateway'
 * caused by: ...`). They yield the facts an ingress-nginx log does, so the upstream rules read
 * both the same way.
 */
export const proxyLog = withLeadingCommand(
  defineParser<'proxy-log', IngressNginxLogFacts>({
    kind: 'proxy-log',
    detect(head, ctx) {
      let ours = 0;
      let strong = false;
      const body = head.filter((l) => !isNoise(l.text));
      for (const l of body) {
        if (l.text.length > MAX_LINE) continue;
        const r = read(stripPrefix(l.text), l);
        if (!r) continue;
        ours += 1;
        if (r.strong) strong = true;
      }
      const logs = kubectlArgs(ctx.command, 'logs')?.some((a) => PROXY_POD.test(a)) ?? false;
      return strong && ours > 0 && (logs || ours * 2 >= body.length);
    },
    parse(lines) {
      const { facts, add } = ingressFacts();
      const problems: Problem[] = [];
      let known = 0;
      for (const l of lines) {
        if (isNoise(l.text)) continue;
        if (l.text.length > MAX_LINE) {
          problems.push({ line: l.n, msg: msg(`${K}.notALogLine`) });
          continue;
        }
        const text = stripPrefix(l.text);
        const r = read(text, l);
        if (!r) {
          problems.push({ line: l.n, msg: msg(`${K}.notALogLine`) });
          continue;
        }
        known += 1;
        if (r.what === 'event') add(r.event);
        if (r.what !== 'access') continue;
        const rec = envoyRecord(text)!;
        facts.access.total += 1;
        facts.access.statuses[rec.status] = (facts.access.statuses[rec.status] ?? 0) + 1;
        if (rec.status >= 500 && facts.access.serverErrors.length < KEEP)
          facts.access.serverErrors.push(envoyAccess(rec, l));
        const kind = envoyKind(rec);
        if (kind) add(envoyEvent(kind, rec, l));
      }
      return settleIngressLog(K, facts, known, problems);
    },
  }),
);
