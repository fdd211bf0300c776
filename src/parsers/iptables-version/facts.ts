import type { Cited } from '../../engine/types';

export type IptablesBackend = 'nf_tables' | 'legacy';

/** One `iptables -V` line: `iptables v1.8.7 (nf_tables)`, `iptables v1.4.21`. */
export interface IptablesVersion {
  /** The binary that printed it: `iptables`, `ip6tables`, `iptables-save`, `iptables-legacy`... */
  binary: string;
  /** `1.8.7` */
  version: string;
  /**
   * The backend it writes to. iptables before 1.8 has only the legacy one and does not name it;
   * 1.8 and later always print it.
   */
  backend: IptablesBackend;
  /** Whether the line named the backend (false: read from a version before 1.8). */
  stated: boolean;
  line: number;
  text: string;
}

/** `iptables -V` / `iptables --version` (and ip6tables, iptables-save...): which backend the host uses. */
export interface IptablesVersionFacts {
  versions: IptablesVersion[];
  /** The first `iptables`/`ip6tables` line's backend: the one `iptables` on this host writes to. */
  backend: Cited<IptablesBackend> | null;
  /**
   * The command ran it in a container or another process's namespaces (`docker run IMAGE
   * iptables -V`, `kubectl exec POD -- iptables -V`, `nsenter -t PID -m`): that image's iptables,
   * not the host's.
   */
  inContainer: boolean;
}
