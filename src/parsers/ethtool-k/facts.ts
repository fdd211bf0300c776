import type { Cited } from '../../engine/types';

export interface EthtoolFeature {
  value: 'on' | 'off';
  /** `[fixed]`: the driver does not let it change. */
  fixed: boolean;
  /** `[requested on]`: asked for, but a dependency keeps it at `value`. */
  requested: 'on' | 'off' | null;
  line: number;
  text: string;
}

/** `ethtool -k IFACE` (whole or `| grep`), and the `Actual changes:` that `ethtool -K` prints. */
export interface EthtoolFacts {
  /** From `Features for flannel.1:` or the echoed command. */
  interface: Cited | null;
  /** Current state, as `ethtool -k` shows it. */
  features: Record<string, EthtoolFeature>;
  /** What `ethtool -K` changed (`Actual changes:`): the new state of these only. */
  changes: Record<string, EthtoolFeature>;
}
