/**
 * `iptables-save | grep 31610`, `| grep KUBE-`: kube-proxy's chains without the built-in chains
 * that lead to them. Walked as pasted, the packet would never reach them and fall to a policy
 * the paste does not show. kube-proxy always installs the same jumps into the built-in chains
 * (its proxier's `iptablesJumpChains`, and kubelet's KUBE-FIREWALL ones), so those are assumed:
 * each an implied rule at line 0 whose text starts with `(assumed)`. What else the built-in
 * chains hold, and their policies, stays unknown: a packet that comes back from kube-proxy's
 * chains ends its walk there as unknown, never as a guessed accept.
 */
import type { IptablesChain, IptablesRule } from '../../parsers/iptables-save/facts';
import { msg, type Msg } from '../msg';
import type { Rule } from '../program';
import { readSaveRule } from './save-rule';
import type { IpSets } from './sets';

export const ASSUMED = '(assumed)';

/** A rule the paste implies but does not hold, placed before or after the chain's pasted rules. */
export interface ImpliedRule {
  table: string;
  chain: string;
  at: 'start' | 'end';
  rule: Rule;
}

const NEW = '-m conntrack --ctstate NEW ';

/**
 * kube-proxy's jumps per built-in chain, in the order they end up (kube-proxy prepends each of
 * `iptablesJumpChains` in turn; kubelet's KUBE-FIREWALL jumps were there before). Older
 * releases also jumped from filter INPUT to KUBE-SERVICES; a release without a chain has no
 * rules in it, so a jump to it changes nothing.
 */
const JUMPS: Record<string, Record<string, { chain: string; text: string }[]>> = {
  nat: {
    PREROUTING: [
      { chain: 'KUBE-SERVICES', text: '-m comment --comment "kubernetes service portals"' },
    ],
    OUTPUT: [{ chain: 'KUBE-SERVICES', text: '-m comment --comment "kubernetes service portals"' }],
    POSTROUTING: [
      { chain: 'KUBE-POSTROUTING', text: '-m comment --comment "kubernetes postrouting rules"' },
    ],
  },
  filter: {
    INPUT: [
      {
        chain: 'KUBE-PROXY-FIREWALL',
        text: `${NEW}-m comment --comment "kubernetes load balancer firewall"`,
      },
      {
        chain: 'KUBE-NODEPORTS',
        text: '-m comment --comment "kubernetes health check service ports"',
      },
      {
        chain: 'KUBE-EXTERNAL-SERVICES',
        text: `${NEW}-m comment --comment "kubernetes externally-visible service portals"`,
      },
      { chain: 'KUBE-SERVICES', text: `${NEW}-m comment --comment "kubernetes service portals"` },
      { chain: 'KUBE-FIREWALL', text: '' },
    ],
    FORWARD: [
      {
        chain: 'KUBE-PROXY-FIREWALL',
        text: `${NEW}-m comment --comment "kubernetes load balancer firewall"`,
      },
      { chain: 'KUBE-FORWARD', text: '-m comment --comment "kubernetes forwarding rules"' },
      { chain: 'KUBE-SERVICES', text: `${NEW}-m comment --comment "kubernetes service portals"` },
      {
        chain: 'KUBE-EXTERNAL-SERVICES',
        text: `${NEW}-m comment --comment "kubernetes externally-visible service portals"`,
      },
    ],
    OUTPUT: [
      {
        chain: 'KUBE-PROXY-FIREWALL',
        text: `${NEW}-m comment --comment "kubernetes load balancer firewall"`,
      },
      { chain: 'KUBE-SERVICES', text: `${NEW}-m comment --comment "kubernetes service portals"` },
      { chain: 'KUBE-FIREWALL', text: '' },
    ],
  },
};

/** Built-in chains whose unknown remainder could decide the packet's fate or destination. */
const REST_UNKNOWN = new Set([
  'nat PREROUTING',
  'nat OUTPUT',
  'filter INPUT',
  'filter FORWARD',
  'filter OUTPUT',
]);

const NODEPORTS_LAST =
  '-m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL';

const BUILTIN = new Set(['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']);

/**
 * The rules a grep of kube-proxy's dump implies, per table that holds kube-proxy's chains but
 * declares none of its built-in chains (a full dump always prints `:INPUT ACCEPT [0:0]`).
 */
export function impliedRules(
  chains: readonly IptablesChain[],
  rules: readonly IptablesRule[],
  source: string,
  sets: IpSets,
): { implied: ImpliedRule[]; notes: Msg[] } {
  const implied: ImpliedRule[] = [];
  for (const table of Object.keys(JUMPS)) {
    const declared = chains.filter((c) => c.table === table);
    if (declared.some((c) => BUILTIN.has(c.name))) continue;
    const inTable = rules.filter((r) => r.table === table);
    const present = new Set([...declared.map((c) => c.name), ...inTable.map((r) => r.chain)]);
    const jumpsFrom = (from: string, to: string) =>
      inTable.some((r) => r.chain === from && r.target === to);

    // kube-proxy's NodePorts are reached from KUBE-SERVICES' last rule (nat).
    if (
      table === 'nat' &&
      inTable.some((r) => r.chain === 'KUBE-NODEPORTS') &&
      !jumpsFrom('KUBE-SERVICES', 'KUBE-NODEPORTS')
    ) {
      implied.push(jump(table, 'KUBE-SERVICES', 'end', NODEPORTS_LAST, 'KUBE-NODEPORTS'));
      present.add('KUBE-SERVICES');
    }
    const kubeChains = Object.values(JUMPS[table]!).flatMap((jumps) => jumps.map((j) => j.chain));
    if (!kubeChains.some((name) => present.has(name))) continue;
    for (const [builtin, jumps] of Object.entries(JUMPS[table]!)) {
      const missing = jumps.filter((j) => present.has(j.chain) && !jumpsFrom(builtin, j.chain));
      for (const j of missing) implied.push(jump(table, builtin, 'start', j.text, j.chain));
      if (REST_UNKNOWN.has(`${table} ${builtin}`))
        implied.push(
          unknownEnd(table, builtin, msg('walk.unknown.fragmentRest', { table, chain: builtin })),
        );
    }
  }
  return {
    implied: implied.map((i) => ({ ...i, rule: cited(i.rule, source) })),
    notes: implied.length > 0 ? [msg('walk.note.assumedJumps', { source })] : [],
  };

  function jump(table: string, chain: string, at: 'start' | 'end', text: string, to: string) {
    const written = `-A ${chain} ${text}${text ? ' ' : ''}-j ${to}`;
    const read = readSaveRule(written, sets);
    const rule: Rule = {
      matches: read.matches,
      actions: [{ kind: 'jump', chain: to }],
      cite: { source, line: 0, rule: `${ASSUMED} ${written}`, packets: null },
    };
    return { table, chain, at, rule };
  }
}

/** The end of a chain the paste left out (a grep, a cut): its other rules and its policy. */
export function unknownEnd(table: string, chain: string, why: Msg): ImpliedRule {
  const text = `${ASSUMED} -A ${chain} …`;
  return {
    table,
    chain,
    at: 'end',
    rule: {
      matches: [],
      actions: [{ kind: 'choose', text, choose: () => ({ unknown: why }) }],
      cite: { source: '', line: 0, rule: text, packets: null },
    },
  };
}

const cited = (rule: Rule, source: string): Rule => ({ ...rule, cite: { ...rule.cite, source } });
