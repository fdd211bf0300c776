import type { CauseId } from '../catalog/causes';
import type { Evidence } from '../engine/types';

/**
 * What a difference is about: one comparer each. A topic, not an output kind, because the same
 * fact comes from several outputs (a FORWARD policy from `iptables-save`, `iptables -L` or nft).
 */
export const DIFF_KINDS = [
  'sysctl',
  'modules',
  'kube-proxy',
  'services',
  'policies',
  'mtu',
  'offload',
  'routes',
  'conntrack',
  'kernel',
  'pods',
] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

/** A Service's value where its rules send nowhere (kube-proxy rejects or drops). */
export const NO_ENDPOINTS = 'no endpoints';
/** A Service's or virtual server's value where its rules give no name but send somewhere. */
export const PRESENT = 'present';

export interface Difference {
  kind: DiffKind;
  /** Stable, language-neutral (`net.ipv4.tcp_tw_recycle`, `module ip_vs`, `NodePort tcp/31610`). */
  key: string;
  /** The value on each node; null where the node has none (a module not loaded, a rule absent). */
  good: string | null;
  bad: string | null;
  evidence: { good: Evidence[]; bad: Evidence[] };
  /** The catalog cause this difference is the evidence of, when the bad node holds the harmful side. */
  explainedBy: CauseId | null;
  /** Differs on any two healthy nodes (counters, addresses, names, uptime): left out by default. */
  noise: boolean;
}

/** A fact both nodes share: it cannot explain why only one of them fails. */
export interface Shared {
  kind: DiffKind;
  key: string;
  value: string;
  evidence: { good: Evidence[]; bad: Evidence[] };
  /** The cause this value would be the evidence of, were it on the bad node only. */
  wouldExplain: CauseId | null;
}

/** A topic pasted for one node only: nothing to compare, said once rather than as differences. */
export interface Coverage {
  kind: DiffKind;
  missingOn: 'good' | 'bad';
}

export interface NodeDiff {
  /** Explained first (in catalog order), then by kind; noise included (see `shown`). */
  differences: Difference[];
  same: Shared[];
  coverage: Coverage[];
  /**
   * The kinds pasted for both nodes, hence compared. Empty: nothing of either paste could be set
   * against the other (an unreadable paste, or two pastes of different outputs).
   */
  compared?: DiffKind[];
}

/** What one comparer found. `present`: whether each node had anything of its kind to compare. */
export interface Compared {
  differences: Difference[];
  same: Shared[];
  present: { good: boolean; bad: boolean };
}
