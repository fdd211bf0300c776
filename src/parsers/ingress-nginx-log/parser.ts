import type { Cited, Line, Problem } from '../../engine/types';
import { ingressFacts, KEEP, settleIngressLog } from './collect';
import { defineParser, msg } from '../define';
import { isNoise, kubectlArgs, MAX_LINE, withLeadingCommand } from '../k8s-common/text';
import type { IngressNginxLogFacts } from './facts';
import {
  accessLine,
  controllerLine,
  diffTracker,
  isBanner,
  isChatter,
  isContextPiece,
  joinWrapped,
  MAX_PIECES,
  nginxError,
  stripPrefix,
} from './lines';

/**
 * nginx's stock error page (`<head><title>504 Gateway Time-out</title></head>`, `<hr><center>
 * nginx</center>`): what curl or the browser got, often pasted above the controller's log lines.
 * It is the symptom the log explains, not a line of the log.
 */
const ERROR_PAGE =
  /^\s*(?:<\/?(?:html|head|body)>|<head><title>\d{3} [^<]{0,80}<\/title><\/head>|<center><h1>\d{3} [^<]{0,80}<\/h1><\/center>|<hr><center>(?:nginx|openresty)[^<]{0,40}<\/center>)\s*$/i;

const K = 'parse.ingress-nginx-log';

/** ingress-nginx controller logs: nginx error/access lines and the controller's own klog. */
export const ingressNginxLog = withLeadingCommand(
  defineParser<'ingress-nginx-log', IngressNginxLogFacts>({
    kind: 'ingress-nginx-log',
    detect(head, ctx) {
      let ours = 0;
      let strong = false;
      const body = head.filter((l) => !isNoise(l.text) && !ERROR_PAGE.test(l.text));
      const inDiff = diffTracker();
      /** Lines of a hard-wrapped error line still allowed after it. */
      let pieces = 0;
      for (const l of body) {
        if (l.text.length > MAX_LINE) continue;
        const text = stripPrefix(l.text);
        const piecesLeft = pieces;
        pieces = 0;
        if (inDiff(text)) {
          ours += 1;
          continue;
        }
        if (isBanner(text) || isChatter(text)) {
          if (/NGINX Ingress controller/.test(text)) strong = true;
          ours += 1;
          continue;
        }
        const e = nginxError(text, l);
        const a = e ? null : accessLine(text, l);
        const c = e || a ? null : controllerLine(text, l);
        if (e || a || c) ours += 1;
        if (e || a?.ingress || c?.marked) strong = true;
        if (e && e !== 'quiet' && e.upstream === null) pieces = MAX_PIECES;
        else if (!e && !a && !c && piecesLeft > 0 && isContextPiece(text)) {
          ours += 1;
          pieces = piecesLeft - 1;
        }
      }
      const logs = kubectlArgs(ctx.command, 'logs')?.some((a) => /ingress|nginx/i.test(a)) ?? false;
      return strong && ours > 0 && (logs || ours * 2 >= body.length);
    },
    parse(lines) {
      const { facts, add } = ingressFacts();
      const problems: Problem[] = [];
      let known = 0;
      const inDiff = diffTracker();
      let joinedInto: number | null = null;
      for (const [i, l] of lines.entries()) {
        if (joinedInto !== null && i <= joinedInto) continue;
        if (isNoise(l.text) || ERROR_PAGE.test(l.text)) continue;
        if (l.text.length > MAX_LINE) {
          problems.push({ line: l.n, msg: msg(`${K}.notALogLine`) });
          continue;
        }
        const text = stripPrefix(l.text);
        if (inDiff(text)) {
          known += 1;
          continue;
        }
        const banner = isBanner(text);
        if (banner) {
          known += 1;
          if (/^\s*Release:/.test(text) && banner[1]) facts.version = cite(banner[1], l.n, l.text);
          continue;
        }
        if (isChatter(text)) {
          known += 1;
          continue;
        }
        const e = nginxError(text, l);
        if (e) {
          known += 1;
          if (e === 'quiet') continue;
          // An error line hard-wrapped by the post (`server: cafe.example.c` / `om, request: ...`,
          // or `while reading ` / `response header from upstream, client: ...`): its context,
          // upstream included, is on the next lines, which are no log lines themselves.
          let whole = text;
          let last = i;
          while (e.upstream === null && last - i < MAX_PIECES) {
            const next = lines[last + 1];
            const rest = next ? stripPrefix(next.text) : null;
            if (!rest || !isContextPiece(rest) || isLogLine(rest, next!)) break;
            whole = joinWrapped(whole, rest);
            last += 1;
          }
          const joined = last > i ? nginxError(whole, l) : null;
          if (joined && joined !== 'quiet') {
            add({ ...joined, text: l.text });
            joinedInto = last;
            known += last - i;
          } else add(e);
          continue;
        }
        const a = accessLine(text, l);
        if (a) {
          known += 1;
          const { ingress: _ingress, ...line } = a;
          facts.access.total += 1;
          facts.access.statuses[a.status] = (facts.access.statuses[a.status] ?? 0) + 1;
          if (a.upstreamName === 'upstream-default-backend') facts.access.defaultBackend += 1;
          if (a.status >= 500 && facts.access.serverErrors.length < KEEP)
            facts.access.serverErrors.push(line);
          continue;
        }
        const c = controllerLine(text, l);
        if (c) {
          known += 1;
          if (c.event) add(c.event);
          continue;
        }
        problems.push({ line: l.n, msg: msg(`${K}.notALogLine`) });
      }
      return settleIngressLog(K, facts, known, problems);
    },
  }),
);

function cite(value: string, line: number, text: string): Cited {
  return { value: value.trim(), line, text };
}

/** Does the line read as a log line of its own (nginx error or access, controller klog)? */
function isLogLine(text: string, l: Line): boolean {
  return (
    nginxError(text, l) !== null || accessLine(text, l) !== null || controllerLine(text, l) !== null
  );
}
