import type { CauseId } from '../../catalog/causes';
import type { Evidence, Msg } from '../../engine/types';
import { walk, type Branch, type Hop, type Packet, type WalkResult } from '../../walk';
import { addrBits } from '../../walk/addr';
import type { WalkInputs } from '../../walk';
import { ruledOut, type Rule, type RuleContext, type RuleResult } from '../rule';

/**
 * The packet walk as evidence. For a NodePort symptom, one packet from outside the cluster
 * (TEST-NET 192.0.2.10) to the NodePort on the node is walked through every ruleset pasted;
 * where it ends corroborates a finding of the cause that ends it there ("dropped by line 36:
 * `-A KUBE-EXTERNAL-SERVICES …`"), and a packet kube-proxy delivers to endpoints rules out the
 * causes that would have stopped it.
 */

/** The client: outside the cluster, as the NodePort symptom's callers are. */
const CLIENT = '192.0.2.10';

interface NodePortWalk {
  /** How the finding names where the packet went: `10.0.0.5:31610` or `k8s-node03:31610`. */
  target: string;
  result: WalkResult;
}

const walks = new WeakMap<RuleContext, NodePortWalk | null>();

/** The NodePort's walk for this evidence (once per judging), or null without a port or rules. */
export function nodePortWalk(ctx: RuleContext): NodePortWalk | null {
  if (walks.has(ctx)) return walks.get(ctx)!;
  const out = walkOnce(ctx);
  walks.set(ctx, out);
  return out;
}

function walkOnce(ctx: RuleContext): NodePortWalk | null {
  const port = Number(ctx.vars.port);
  if (!Number.isInteger(port) || port <= 0) return null;
  const inputs: WalkInputs = {
    iptables: ctx.of('iptables-save'),
    iptablesLists: ctx.of('iptables-L'),
    nft: ctx.of('nft'),
    ipvs: ctx.of('ipvsadm'),
  };
  if (Object.values(inputs).every((list) => list.length === 0)) return null;
  // The node's address: the answer when it is one, else a pasted `ip addr`'s first global one;
  // without either the walk still runs, to an address it takes as the node's own.
  const own = ctx
    .of('ip-addr')
    .flatMap((s) => Object.values(s.facts.interfaces))
    .filter((i) => i.name !== 'lo' && i.name !== 'kube-ipvs0')
    .flatMap((i) => i.addresses.filter((a) => a.family === 'inet' && a.scope !== 'link'))
    .map((a) => a.address.split('/')[0]!);
  const named = ctx.vars.node && addrBits(ctx.vars.node)?.width === 32 ? ctx.vars.node : null;
  const address = named ?? own[0] ?? '203.0.113.1';
  const packet: Packet = {
    proto: 'tcp',
    src: CLIENT,
    sport: 40000,
    dst: address,
    dport: port,
    inIface: null,
    local: false,
    ctstate: 'NEW',
  };
  const result = walk(inputs, packet, { addresses: [...new Set([address, ...own])] });
  const shown = named ?? own[0] ?? ctx.vars.node ?? '';
  return { target: shown ? `${shown}:${port}` : `:${port}`, result };
}

const KUBE_TABLE = /^(?:ip|ip6|inet) kube-proxy$/;
const isKube = (h: Hop) => /^KUBE-/.test(h.chain) || KUBE_TABLE.test(h.table);

/** The branch the finding speaks of: every branch ends alike, or there is one. */
function soleEnd(result: WalkResult): Branch | null {
  const [first] = result.branches;
  if (!first || !first.decidedBy) return null;
  return result.branches.every((b) => b.verdict === first.verdict) ? first : null;
}

/** Whether the walk ends where `cause` would stop the packet. */
const ENDS: Partial<Record<CauseId, (b: Branch) => boolean>> = {
  'etp-local-no-endpoint': (b) =>
    b.verdict === 'drop' &&
    b.hops.some(
      (h) =>
        /has no local endpoints|no-endpoint-nodeports/.test(h.rule) ||
        (h.chain.startsWith('KUBE-XLB-') && /KUBE-MARK-DROP/.test(h.action)),
    ),
  'service-no-endpoints': (b) =>
    b.verdict === 'reject' &&
    /has no endpoints|no-endpoint-services|reject-chain/.test(
      `${b.decidedBy!.rule} ${b.decidedBy!.chain}`,
    ),
  'forward-drop': (b) =>
    b.verdict === 'drop' && /^forward$/i.test(b.decidedBy!.chain) && !isKube(b.decidedBy!),
  'host-firewall-blocks': (b) =>
    (b.verdict === 'drop' || b.verdict === 'reject') &&
    b.endpoint === null &&
    !isKube(b.decidedBy!) &&
    !/^forward$/i.test(b.decidedBy!.chain),
  'kube-proxy-rules-missing': (b) =>
    b.verdict === 'accept' && b.endpoint === null && b.hops.some(isKube),
};

/** Causes whose absence a delivered packet shows: kube-proxy took it to its endpoints. */
const DELIVERED_RULES_OUT = new Set<CauseId>([
  'etp-local-no-endpoint',
  'service-no-endpoints',
  'kube-proxy-rules-missing',
]);

const cited = (h: Hop): Evidence => ({ source: h.source, line: h.line, text: h.rule });

/**
 * The line the finding cites: the hop that decided; for a packet the node takes untranslated,
 * the last of kube-proxy's rules it passed (the policy that then let it in says nothing of them).
 */
function deciding(b: Branch): Hop {
  if (b.verdict === 'accept')
    return (
      b.hops.filter((h) => isKube(h) && !h.action.startsWith('policy ')).at(-1) ?? b.decidedBy!
    );
  return b.decidedBy!;
}

function sentence(w: NodePortWalk, b: Branch): Msg {
  const h = deciding(b);
  const params = { target: w.target, line: h.line, rule: h.rule };
  if (b.verdict === 'reject')
    return { key: 'walkCite.reject', params: { ...params, with: b.rejectWith ?? 'reject' } };
  if (b.verdict === 'accept') return { key: 'walkCite.untranslated', params };
  if (b.verdict === 'dnat') {
    const endpoints = w.result.endpoints
      .map(
        (e) =>
          `${e.address}${e.port === null ? '' : `:${e.port}`} (${Math.round(e.probability * 100)}%)`,
      )
      .join(', ');
    return { key: 'walkCite.dnat', params: { ...params, endpoints } };
  }
  return { key: 'walkCite.drop', params };
}

/**
 * `rule` with the NodePort walk read as evidence: a finding the walk corroborates gains the
 * walk's sentence and deciding line (and high confidence: the packet was followed to that line);
 * where the rule had no evidence and kube-proxy's rules deliver the packet to endpoints, causes
 * that would have stopped it are ruled out. Nothing else changes: the walk never raises a cause
 * on its own, and never overrides what the rule found or ruled out.
 */
export function withWalk(rule: Rule): Rule {
  const ends = ENDS[rule.cause];
  if (!ends) return rule;
  return {
    ...rule,
    check(ctx): RuleResult {
      const r = rule.check(ctx);
      if (r.type !== 'finding' && r.type !== 'no-evidence') return r;
      const w = nodePortWalk(ctx);
      const b = w && soleEnd(w.result);
      if (!w || !b) return r;
      if (r.type === 'finding') {
        if (!ends(b)) return r;
        const line = cited(deciding(b));
        const has = r.evidence.some((e) => e.source === line.source && e.line === line.line);
        return {
          ...r,
          confidence: 'high',
          also: [...(r.also ?? []), sentence(w, b)],
          evidence: has ? r.evidence : [...r.evidence, line],
        };
      }
      if (DELIVERED_RULES_OUT.has(rule.cause) && w.result.verdict === 'dnat')
        return ruledOut(sentence(w, b), [cited(deciding(b))]);
      return r;
    },
  };
}
