import type { CauseId } from '../catalog/causes';
import type { Evidence } from '../engine/types';
import { cite, type Side } from './side';
import { compareKeyed, put, type Fact, type Facts } from './keyed';
import type { Compared } from './types';

/** The hooks compared, and what a DROP policy on the bad node only is the evidence of. */
const HOOKS: Record<string, CauseId> = { FORWARD: 'forward-drop', INPUT: 'host-firewall-blocks' };

const policyKey = (hook: string, where = '') => `${hook} policy${where}`;
const packetsKey = (hook: string) => `${hook} policy packets`;

function putPolicy(
  facts: Facts,
  hook: string,
  policy: string,
  packets: number | null,
  evidence: Evidence,
): void {
  const p = policy.toUpperCase();
  put(facts, policyKey(hook), { value: p, evidence: [evidence] });
  // Two nodes' counts differ always; which policy counted, and whether any, is what tells.
  if (packets !== null)
    put(facts, packetsKey(hook), {
      value: String(packets),
      same: `${p} ${packets > 0 ? 'some' : 'none'}`,
      evidence: [evidence],
    });
}

/** FORWARD and INPUT policies of the filter table (iptables-save, iptables -L) and of nft base chains. */
function read(side: Side): Facts {
  const facts: Facts = new Map();
  for (const { source, facts: f } of side.of('iptables-save'))
    for (const c of f.chains)
      if (c.table === 'filter' && c.name in HOOKS && c.policy)
        putPolicy(facts, c.name, c.policy, c.policyPackets, cite(source, c));
  for (const { source, facts: f } of side.of('iptables-L')) {
    if ((f.table?.value ?? 'filter') !== 'filter') continue;
    for (const c of f.chains)
      if (c.name in HOOKS && c.policy)
        putPolicy(facts, c.name, c.policy, c.policyPackets, cite(source, c));
  }
  for (const { source, facts: f } of side.of('nft'))
    for (const c of f.chains) {
      const hook = c.hook?.toUpperCase();
      if (c.type !== 'filter' || !hook || !(hook in HOOKS) || !c.policy) continue;
      const where = ` (nft ${c.family} ${c.table} ${c.name})`;
      put(facts, policyKey(hook, where), { value: c.policy.toUpperCase(), evidence: [cite(source, c)] });
    }
  return facts;
}

const hookOf = (key: string) => key.split(' ')[0]!;
const count = (f: Fact | null) => (f === null ? 0 : Number(f.value));

/** Policies that differ, and drop counters where the bad node's DROP policy is dropping. */
export function comparePolicies(good: Side, bad: Side): Compared {
  const g = read(good);
  const b = read(bad);
  const policy = (facts: Facts, key: string) => facts.get(policyKey(hookOf(key)))?.value ?? null;
  // The bad node's policy drops and has dropped, where the good node's drops nothing.
  const dropping = (key: string, gf: Fact | null, bf: Fact | null) =>
    policy(b, key) === 'DROP' && count(bf) > 0 && (policy(g, key) !== 'DROP' || count(gf) === 0);
  const { differences, same } = compareKeyed(g, b, {
    kind: 'policies',
    explain: (key, gf, bf) => {
      const cause = HOOKS[hookOf(key)] ?? null;
      if (key.includes(' policy packets')) return dropping(key, gf, bf) ? cause : null;
      return bf?.value === 'DROP' && gf?.value !== 'DROP' ? cause : null;
    },
    wouldExplain: (key, value) =>
      !key.includes(' packets') && value === 'DROP' ? (HOOKS[hookOf(key)] ?? null) : null,
    // Counters only grow: two nodes' counts differ unless the bad node's DROP is what counts.
    noise: (key, gf, bf) => key.includes(' policy packets') && !dropping(key, gf, bf),
  });
  return { differences, same, present: { good: g.size > 0, bad: b.size > 0 } };
}
