import type { Cited } from '../../engine/types';

export interface CiliumLbBackend {
  /** `172.18.0.2:6443`, `10.244.3.19:3000/TCP` (1.16+), `[2406:da14::f]:7979`. */
  address: string;
  /** The reverse NAT ID, the same for every entry of one frontend. */
  revNat: number;
  /** The backend slot (1..n); null in the listings before 1.8, which had no slot column. */
  slot: number | null;
  line: number;
  text: string;
}

export interface CiliumLbFrontend {
  /** The frontend as printed, without the slot: `10.96.0.1:443`, `10.15.1.8:443/TCP`, `34.1.1.100:443/i`. */
  address: Cited;
  ip: string;
  port: number;
  proto: string | null;
  /** `/i`: the entry for traffic from inside the cluster (two-scope services). */
  internal: boolean;
  /** Flags of the master entry (`0.0.0.0:0 (14) (0) [LoadBalancer]`): `ClusterIP`, `non-routable`, `Local`... */
  flags: string[];
  revNat: number | null;
  /** The line of the master entry (slot 0), when the paste shows it. */
  master: number | null;
  /** `(L7LB Proxy Port: 15735)` on the master entry: the proxy takes the traffic, no backend slots. */
  l7ProxyPort: number | null;
  /** Backend slots. A frontend whose master entry has none left has zero backends. */
  backends: CiliumLbBackend[];
  /** `backend 42 not found`: slots pointing at a backend the backend map does not hold. */
  missing: Cited[];
}

/** `cilium-dbg bpf lb list` (also `cilium bpf lb list`): the datapath's service map. */
export interface CiliumBpfLbFacts {
  frontends: CiliumLbFrontend[];
}
