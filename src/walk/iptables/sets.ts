/**
 * ipset lookups for `-m set --match-set NAME dirs`. The sets' contents are not in an iptables
 * dump; a provider (IPVS facts, later an `ipset list` paste) answers for the sets it knows,
 * and every other set stays unknown.
 */
import type { Match, MatchResult, PacketState } from '../program';
import { msg } from '../msg';

export interface IpSets {
  /** The answer for the packet against set `name` with `dirs` (`dst`, `dst,dst`, `src,dst`…), or null when the set is not known. */
  lookup(name: string, dirs: string[], p: PacketState): MatchResult | null;
}

export const NO_SETS: IpSets = { lookup: () => null };

export function setMatch(text: string, name: string, dirs: string, sets: IpSets): Match {
  const dirList = dirs.split(',');
  return {
    text,
    test(p) {
      return (
        sets.lookup(name, dirList, p) ?? { unknown: msg('walk.unknown.ipsetMissing', { name }) }
      );
    },
  };
}
