import type { CauseId } from '../catalog/causes';
import type { Evidence } from '../engine/types';
import { cite, type Side } from './side';
import { compareKeyed, put, type Fact, type Facts } from './keyed';
import type { Compared } from './types';

/** The hooks compared, and what a DROP policy on the bad node only is the evidence of. */
const HOOKS: Record<string, CauseId> = { FORWARD: 'forward-drop', INPUT: 'host-firewall-blocks' };

const policyKey = (hook: string, where = '') => `${hook} policy${where}`;
const dropsKey = (hook: string) => `${hook} policy drops`;

function putPolicy(
  facts: Facts,
  hook: string,
  policy: string,
  packets: number | null,
  evidence: Evidence,
): void {
  const p = policy.toUpperCase();
  put(facts, policyKey(hook), { value: p, evidence: [evidence] });
  // The policy's counter counts drops only under DROP: under ACCEPT it counts packets let through,
  // which says nothing. Two nodes' counts differ always; whether any were dropped is what tells.
  if (packets !== null) {
    const drops = p === 'DROP' ? packets : 0;
    put(facts, dropsKey(hook), {
      value: String(drops),
      same: drops > 0 ? 'some' : 'none',
      evidence: [evidence],
    });
  }
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
      put(facts, policyKey(hook, where), {
        value: c.policy.toUpperCase(),
        evidence: [cite(source, c)],
      });
    }
  return facts;
}

const hookOf = (key: string) => key.split(' ')[0]!;
const isDrops = (key: string) => key.endsWith(' policy drops');
const some = (f: Fact | null) => f?.same === 'some';

/** Policies that differ, and drop counters where the bad node's DROP policy is dropping. */
export function comparePolicies(good: Side, bad: Side): Compared {
  const g = read(good);
  const b = read(bad);
  // The bad node's DROP policy has dropped packets, the good node's none.
  const dropping = (gf: Fact | null, bf: Fact | null) => some(bf) && !some(gf);
  const { differences, same } = compareKeyed(g, b, {
    kind: 'policies',
    explain: (key, gf, bf) => {
      const cause = HOOKS[hookOf(key)] ?? null;
      if (isDrops(key)) return dropping(gf, bf) ? cause : null;
      return bf?.value === 'DROP' && gf?.value !== 'DROP' ? cause : null;
    },
    wouldExplain: (key, value) =>
      !isDrops(key) && value === 'DROP' ? (HOOKS[hookOf(key)] ?? null) : null,
    // Counters only grow: drops on the good node only are its own history, not a cause.
    noise: (key, gf, bf) => isDrops(key) && !dropping(gf, bf),
  });
  return { differences, same, present: { good: g.size > 0, bad: b.size > 0 } };
}
