import type { ParseOutcome, Problem } from '../../engine/types';
import { accept, msg, reject } from '../define';
import { capped } from '../k8s-common/text';
import type { IngressErrorEvent, IngressNginxLogFacts } from './facts';

/** Events kept per paste; all are counted. */
export const KEEP = 500;

/** An ingress log's facts with nothing read into them yet, and how to add an event to them. */
export function ingressFacts(): {
  facts: IngressNginxLogFacts;
  add(e: IngressErrorEvent): void;
} {
  const facts: IngressNginxLogFacts = {
    errors: [],
    errorCounts: {},
    access: { total: 0, statuses: {}, serverErrors: [], defaultBackend: 0 },
    version: null,
  };
  const add = (e: IngressErrorEvent) => {
    facts.errorCounts[e.kind] = (facts.errorCounts[e.kind] ?? 0) + 1;
    if (facts.errors.length < KEEP) facts.errors.push(e);
  };
  return { facts, add };
}

/**
 * The outcome of reading an ingress proxy's log (`K`: its parser's message prefix): refused when
 * no line was the proxy's or most were not, else the facts with their error counts and 5xx.
 */
export function settleIngressLog(
  K: string,
  facts: IngressNginxLogFacts,
  known: number,
  problems: Problem[],
): ParseOutcome<IngressNginxLogFacts> {
  if (known === 0) return reject(msg(`${K}.noLines`));
  if (problems.length > known)
    return reject(msg(`${K}.mostlyNotLog`, { log: known, other: problems.length }));
  const counts = Object.entries(facts.errorCounts)
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');
  const fiveXX = Object.entries(facts.access.statuses)
    .filter(([s]) => s.startsWith('5'))
    .reduce((n, [, c]) => n + c, 0);
  return accept(
    facts,
    capped(problems, K),
    msg(`${K}.${counts ? 'summaryErrors' : 'summary'}`, {
      errors: Object.values(facts.errorCounts).reduce((n, c) => n + (c ?? 0), 0),
      counts,
      access: facts.access.total,
      fiveXX,
    }),
  );
}
