/** One dropped packet as the monitor or Hubble reported it. */
export interface CiliumDrop {
  /** `Policy denied`, `Stale or unroutable IP`, `CT: Map insertion failed`; Hubble's L7 drops: `http-request`. */
  reason: string;
  /** `10.0.1.5:43210`, `default/xwing:42818` (Hubble names pods); null when the line does not say. */
  source: string | null;
  destination: string | null;
  /** `tcp`, `udp`, `icmp`, `sctp`; null when the line does not say. */
  proto: string | null;
  /** The security identities (`12345->67890`, `world->15435`), when printed. */
  identities: string | null;
  line: number;
  text: string;
}

/**
 * `cilium-dbg monitor --type drop` (also unfiltered, `-v` with packet dissection) or
 * `hubble observe` (compact or table output, e.g. `--verdict DROPPED`).
 */
export interface CiliumMonitorFacts {
  format: 'monitor' | 'hubble';
  /** The first drops, in order (at most 500 are kept; `counts` has them all). */
  drops: CiliumDrop[];
  /** Drops by reason. */
  counts: Record<string, number>;
  /** Other events read (traces, policy verdicts, forwarded flows, debug lines). */
  events: number;
  /**
   * Hubble's policy-verdict events that deny (`policy-verdict:none INGRESS DENIED`), among the
   * events: the policy's verdict on a packet it drops, posted with or without that drop's own
   * `Policy denied DROPPED` line (at most 500 kept).
   */
  denials: CiliumDrop[];
}
