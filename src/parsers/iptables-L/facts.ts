import type { Cited } from '../../engine/types';

export interface ListedChain {
  name: string;
  /** Built-in chain policy, or null for a user chain (`(3 references)`). */
  policy: string | null;
  /** Packets the policy dropped/accepted (`-v` only). */
  policyPackets: number | null;
  line: number;
  text: string;
}

export interface ListedRule {
  chain: string;
  /** Empty for a rule without a target (a counting rule). */
  target: string;
  prot: string;
  /** `-v` counters, with iptables' K/M/G suffixes expanded. */
  packets: number | null;
  /** `/* ... *\/` comment text. */
  comment: string | null;
  line: number;
  text: string;
}

/** `iptables -L [-n] [-v] [--line-numbers] [CHAIN]` (legacy or nft). */
export interface IptablesListFacts {
  verbose: boolean;
  chains: ListedChain[];
  rules: ListedRule[];
  /** The echoed `-t TABLE`, when the paste shows it. */
  table: Cited | null;
  /**
   * The backend the echoed command names by its binary (`iptables-legacy -L`, `iptables-nft -L`);
   * null for plain `iptables`, whose backend the listing does not tell.
   */
  backend: Cited<'nf_tables' | 'legacy'> | null;
  /** The operator cut rules out (`...`): a rule missing from the listing is not proven absent. */
  elided: boolean;
  /** As `IptablesFacts.elsewhere`: typed in a container with its own network namespace. */
  elsewhere?: string;
}
