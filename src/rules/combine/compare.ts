import type { CauseId } from '../../catalog/causes';
import { labelOf, valueOf } from '../../compare/labels';
import type { Difference, NodeDiff, Shared } from '../../compare/types';
import type { Evidence, Msg } from '../../engine/types';
import type { Kind } from '../../catalog/kinds';
import { NESTED } from '../../i18n/dict';
import { ruledOut, type Rule, type RuleResult } from '../rule';

/**
 * The node that works as evidence. A symptom of one node among working ones is explained by
 * what differs between them: a difference on the cause's own facts, harmful on this node,
 * raises a finding to high confidence (or, where the rule alone had nothing, makes a low one);
 * the same value on both nodes rules the cause out, since a setting both nodes share cannot
 * be why only one fails. Without a node that works, the rule is unchanged.
 */
export function withComparison(rule: Rule): Rule {
  return {
    ...rule,
    check(ctx): RuleResult {
      const r = rule.check(ctx);
      if (!ctx.compare || (r.type !== 'finding' && r.type !== 'no-evidence')) return r;
      const { supports, against } = sides(ctx.compare, rule.cause);
      if (supports.length > 0) {
        const said = supports.map(differsMsg);
        const lines = supports.flatMap((d) => [...d.evidence.bad, ...d.evidence.good]);
        if (r.type === 'no-evidence')
          return {
            type: 'finding',
            confidence: 'low',
            why: said[0]!,
            evidence: lines,
            also: said.slice(1),
          };
        return {
          ...r,
          confidence: 'high',
          also: [...(r.also ?? []), ...said],
          evidence: merged(r.evidence, lines),
        };
      }
      if (against.length > 0) {
        // What this node was seen doing (a log line, a counter) is its own, whatever setting it
        // shares: only a finding that rests on shared settings alone is ruled out.
        const observed = new Set(OBSERVED.flatMap((k) => ctx.of(k).map((s) => s.source)));
        if (r.type === 'finding' && r.evidence.some((e) => observed.has(e.source))) return r;
        const s = against[0]!;
        return ruledOut(sameMsg(s), [...s.evidence.bad, ...s.evidence.good]);
      }
      return r;
    },
  };
}

/**
 * Outputs of what a node did rather than how it is set: kernel and agent logs, counters, the
 * conntrack and neighbour tables, captures, probes, pod states and events. Two nodes with the
 * same settings differ in these by their load and their traffic.
 */
const OBSERVED: Kind[] = [
  'kernel-log',
  'netstat-s',
  'conntrack',
  'conntrack-S',
  'tcpdump',
  'ss',
  'ip-neigh',
  'ping-mtu',
  'curl-v',
  'dns-answer',
  'kube-proxy-log',
  'ingress-nginx-log',
  'proxy-log',
  'cni-log',
  'cilium-monitor',
  'kubectl-get',
  'kubectl-describe',
];

/** The differences that are this cause's evidence, and the shared facts that argue against it. */
function sides(diff: NodeDiff, cause: CauseId): { supports: Difference[]; against: Shared[] } {
  const supports = diff.differences.filter((d) => d.explainedBy === cause && !d.noise);
  const against = diff.same.filter((s) => s.wouldExplain === cause);
  return { supports, against };
}

/** A label or value as a message parameter: words are translated where shown, the rest as is. */
function param(m: Msg | string, into: Record<string, string | number>, name: string): void {
  if (typeof m === 'string') {
    into[name] = m;
    return;
  }
  into[name] = `${NESTED}${m.key}`;
  Object.assign(into, m.params ?? {});
}

function differsMsg(d: Difference): Msg {
  const params: Record<string, string | number> = {};
  param(labelOf(d), params, 'what');
  param(valueOf(d.bad), params, 'here');
  param(valueOf(d.good), params, 'there');
  return { key: 'compareCite.differs', params };
}

function sameMsg(s: Shared): Msg {
  const params: Record<string, string | number> = {};
  param(labelOf(s), params, 'what');
  param(valueOf(s.value), params, 'value');
  return { key: 'compareCite.same', params };
}

const merged = (a: Evidence[], b: Evidence[]): Evidence[] => [
  ...a,
  ...b.filter((e) => !a.some((x) => x.source === e.source && x.line === e.line)),
];
