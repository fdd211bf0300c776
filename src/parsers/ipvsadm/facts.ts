import type { Cited } from '../../engine/types';

export interface RealServer {
  /** `10.244.2.111:80`, `[fd00::5]:80`. */
  address: string;
  /** `Masq`, `Route`, `Tunnel`, `Local` (`-Ln`; from `-m`/`-g`/`-i` in `-S`). */
  forward: string | null;
  weight: number | null;
  active: number | null;
  inactive: number | null;
  /** `--stats` / `--rate` columns (`Conns`, `InPkts`... / `CPS`, `InPPS`...). */
  stats: Record<string, number> | null;
  line: number;
  text: string;
}

export interface VirtualService {
  proto: 'TCP' | 'UDP' | 'SCTP' | 'FWM';
  /** `10.96.0.1:443`, `[fd00::1]:443`, or the firewall mark of an FWM service. */
  address: string;
  scheduler: string | null;
  /** The rest of the service line: `persistent 10800`, `ops`, flags (`-S`: its options, `-s rr -p 10800`). */
  flags: string;
  /** `persistent N` seconds (sessionAffinity ClientIP), when present. */
  persistent: number | null;
  stats: Record<string, number> | null;
  realServers: RealServer[];
  line: number;
  text: string;
}

/** `ipvsadm -Ln` (also `--stats`, `--rate`), `ipvsadm -Ln --timeout`, `ipvsadm -Lnc`, `ipvsadm -S`. */
export interface IpvsFacts {
  /**
   * `save` is `ipvsadm -S` / `ipvsadm-save`: the same services, real servers, forwarding and
   * weights as `list`, without connection counts.
   */
  format: 'list' | 'stats' | 'rate' | 'timeout' | 'connections' | 'save';
  /**
   * `IP Virtual Server version 1.2.1 (size=4096)`. Only `-L` prints it, so it is what proves a
   * listing whole (not a grep); `-S` prints no header and never has one.
   */
  version: Cited | null;
  services: VirtualService[];
  /** `Timeout (tcp tcpfin udp): 900 120 300`. */
  timeout: Cited<{ tcp: number; tcpfin: number; udp: number }> | null;
  /** `ipvsadm -Lnc`: connection entries by state. */
  connections: { total: number; states: Record<string, number> } | null;
}
