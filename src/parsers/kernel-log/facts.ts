import type { Cited } from '../../engine/types';

/** Kernel messages the rules look for. */
export type KernelEventKind =
  | 'conntrack-full'
  | 'neigh-overflow'
  | 'udp-bad-checksum'
  | 'ipvs-no-destination'
  | 'martian-source'
  | 'ratelimit-suppressed'
  | 'oom-kill'
  | 'syn-flood'
  | 'br-netfilter-hint'
  /** A netfilter LOG line whose prefix says it logs what it rejects or drops. */
  | 'nf-deny';

/** `FINAL_REJECT: IN=eth0 OUT= ... PROTO=TCP SPT=51234 DPT=31610 ...` (firewalld LogDenied, a LOG rule). */
export interface NfDeny {
  prefix: string;
  /** `PROTO=`, upper case; '' when the line is cut before it (a pager's `LEN=69 T>`). */
  proto: string;
  dport: number | null;
  /** `IN=` and `OUT=` (OUT is empty for what the host itself receives, set when it forwards). */
  in: string;
  out: string;
  src: string | null;
  dst: string | null;
  line: number;
  text: string;
}

export interface KernelEvent {
  count: number;
  /** The first few lines, and the last one. */
  examples: Cited[];
  last: Cited;
}

/** `dmesg`, `dmesg -T`, `journalctl -k`, and syslog / kern.log lines of the kernel. */
export interface KernelLogFacts {
  format: 'dmesg' | 'dmesg-T' | 'syslog' | 'iso';
  /** Kernel log lines read. */
  lines: number;
  /** First and last timestamp as printed (`[Tue Nov 20 22:30:22 2018]`, `[1454500.910215]`, `Nov 20 22:30:22`). */
  first: Cited | null;
  last: Cited | null;
  /** `Linux version 3.10.0-1160.el7.x86_64 (...)`: the release. */
  kernel: Cited | null;
  /** `nf_conntrack version 0.5.0 (65536 buckets, 262144 max)`: the table size at boot. */
  conntrackMax: Cited<number> | null;
  events: Partial<Record<KernelEventKind, KernelEvent>>;
  /** `UDP: bad checksum. From a:p to b:8472`: counts by destination port (8472/4789 = VXLAN). */
  badChecksumPorts: Record<string, number>;
  /** Sum of `net_ratelimit: N callbacks suppressed`: messages the kernel did not print. */
  suppressed: number;
  /** Netfilter deny LOG lines (the first 200). */
  denied: NfDeny[];
}
