import type { Cited } from '../../engine/types';

export interface CiliumServiceBackend {
  /** The backend's number in its service (`1 => ...`). */
  index: number;
  /** `10.244.1.69:53/UDP`, `[fd00::5]:80`, `10.0.1.21:53` (no protocol before 1.16). */
  address: string;
  /** `active`, `terminating`, `quarantined`, `maintenance`...; null when not printed (before 1.12). */
  state: string | null;
  line: number;
  text: string;
}

export interface CiliumService {
  /** The service ID (the ID column), null where the listing has none. */
  id: number | null;
  /** The frontend as printed: `10.96.0.10:53/UDP`, `[fd00::1]:443`, `0.0.0.0:30965/TCP`. */
  frontend: Cited;
  ip: string;
  port: number;
  /** `TCP`, `UDP`...: printed since 1.16; null before. */
  proto: string | null;
  /** `ClusterIP`, `NodePort`, `LoadBalancer`, `ExternalIPs`, `HostPort`, `LocalRedirect`, `ClusterIP (Remote)`. */
  type: string;
  backends: CiliumServiceBackend[];
}

/** `cilium-dbg service list` (also `cilium service list`, `cilium service get ID`). */
export interface CiliumServiceFacts {
  /**
   * The whole table: its header printed and nothing left out (`[...]`, a grep). Only a whole
   * table proves a frontend absent.
   */
  whole: boolean;
  services: CiliumService[];
}
