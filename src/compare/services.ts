import type { Side } from './side';
import { compareKeyed, type Fact, type Facts } from './keyed';
import {
  listsAllServiceRules,
  readIptablesServices,
  readNftServices,
  showsServiceRules,
} from './rules';
import { listsAllIpvs, readIpvsServices, showsIpvs } from './ipvs';
import { NO_ENDPOINTS, type Compared } from './types';

/** Served or not is what counts: the name is shown, but one datapath names it and another not. */
const served = (f: Fact): Fact => ({ ...f, same: f.value === NO_ENDPOINTS ? 'none' : 'served' });

function read(side: Side): { facts: Facts; ipvs: Set<string> } {
  const facts: Facts = new Map();
  readIptablesServices(side, facts);
  readNftServices(side, facts);
  const ipvs = readIpvsServices(side, facts);
  for (const [k, f] of facts) facts.set(k, served(f));
  return { facts, ipvs };
}

const listsAll = (s: Side) => listsAllServiceRules(s) || listsAllIpvs(s);

/**
 * NodePorts and Services each node's kube-proxy holds (iptables, nftables or IPVS), by Service
 * identity: one held on the good node only is a rule kube-proxy did not write on the bad one.
 */
export function compareServices(good: Side, bad: Side): Compared {
  const g = read(good);
  const b = read(bad);
  // A grep or a cut dump leaves Services out: only a whole listing shows one missing.
  const whole = { good: listsAll(good), bad: listsAll(bad) };
  const { differences, same } = compareKeyed(g.facts, b.facts, {
    kind: 'services',
    oneSided: (_key, holder) => (holder === 'good' ? whole.bad : whole.good),
    explain: (key, gf, bf) => {
      if (gf === null || gf.value === NO_ENDPOINTS) return null;
      if (bf === null) return 'kube-proxy-rules-missing';
      if (bf.value !== NO_ENDPOINTS) return null;
      return b.ipvs.has(key) ? 'ipvs-no-real-servers' : 'service-no-endpoints';
    },
  });
  const shows = (s: Side) => showsServiceRules(s) || showsIpvs(s);
  return { differences, same, present: { good: shows(good), bad: shows(bad) } };
}
