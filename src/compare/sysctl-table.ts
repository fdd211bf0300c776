import type { CauseId } from '../catalog/causes';

/**
 * Which sysctl keys are the evidence of which cause, and which value is the harmful one. Data:
 * a key the catalog names gets a row here, not a branch in the comparer.
 */
export interface SysctlCause {
  key: RegExp;
  cause: CauseId;
  /** Whether `value` is the harmful side (`other`: the other node's value, for "lower than"). */
  harmful: (value: string, other: string | null) => boolean;
}

const num = (v: string | null) => (v !== null && /^-?\d+$/.test(v) ? Number(v) : NaN);
const is =
  (...bad: string[]) =>
  (v: string) =>
    bad.includes(v);
const below = (v: string, other: string | null) => num(v) < num(other);
const above = (v: string, other: string | null) => num(v) > num(other);

/** `1024 65535` overlaps the NodePort range 30000–32767. */
function overlapsNodePorts(v: string): boolean {
  const [lo, hi] = v.split(/\s+/).map(Number);
  return lo !== undefined && hi !== undefined && lo <= 32767 && hi >= 30000;
}

export const SYSCTL_CAUSES: SysctlCause[] = [
  { key: /^net\.ipv4\.tcp_tw_recycle$/, cause: 'tcp-tw-recycle-nat', harmful: is('1') },
  {
    key: /^net\.bridge\.bridge-nf-call-ip(6)?tables$/,
    cause: 'br-netfilter-off',
    harmful: is('0', 'missing'),
  },
  { key: /^net\.ipv4\.ip_forward$/, cause: 'forward-drop', harmful: is('0') },
  { key: /^net\.ipv4\.conf\.[^.]+\.rp_filter$/, cause: 'rp-filter-asymmetric', harmful: is('1') },
  {
    key: /^net\.ipv4\.vs\.(?:conn_reuse_mode|conntrack)$/,
    cause: 'ipvs-conn-reuse-delay',
    harmful: is('1'),
  },
  {
    key: /^net\.ipv4\.ip_local_port_range$/,
    cause: 'nodeport-port-range-clash',
    harmful: overlapsNodePorts,
  },
  {
    key: /^net\.ipv4\.neigh\.default\.gc_thresh3$/,
    cause: 'arp-neigh-overflow',
    harmful: (v, o) => (o === null ? num(v) <= 1024 : below(v, o)),
  },
  {
    key: /^net\.netfilter\.nf_conntrack_tcp_be_liberal$/,
    cause: 'conntrack-invalid-rst',
    harmful: is('0'),
  },
  {
    key: /^net\.netfilter\.nf_conntrack_tcp_timeout_close_wait$/,
    cause: 'conntrack-close-wait-buildup',
    harmful: (v, o) => (o === null ? num(v) >= 3600 : above(v, o)),
  },
  {
    key: /^net\.ipv4\.tcp_keepalive_time$/,
    cause: 'ipvs-idle-timeout',
    harmful: (v, o) => num(v) > 900 && (o === null || above(v, o)),
  },
  {
    key: /^net\.(?:netfilter\.nf_conntrack_max|nf_conntrack_max)$/,
    cause: 'conntrack-table-full',
    // Only relative: no size is too small on its own, the fill level says more (conntrack.ts).
    harmful: (v, o) => o !== null && below(v, o),
  },
];

/**
 * Keys whose values differ on any two healthy nodes: counters, random ids, names, values the
 * kernel tunes itself, per-device keys of pods' ephemeral interfaces. The conntrack count is
 * the conntrack comparer's, as a fill level.
 */
export const SYSCTL_NOISE: RegExp[] = [
  /^kernel\.random\./,
  /^fs\.(?:dentry-state|file-nr|inode-nr|inode-state|aio-nr)$/,
  /^kernel\.(?:ns_last_pid|hostname|domainname|perf_event_max_sample_rate)$/,
  /^kernel\.pty\.nr$/,
  /^fs\.quota\./,
  /^dev\.cdrom\./,
  /^kernel\.sched_domain\./,
  /^net\.netfilter\.nf_conntrack_count$/,
  /^net\.ipv6\.conf\.[^.]+\.stable_secret$/,
  /^net\.ipv[46]\.(?:conf|neigh)\.(?:veth|cali|lxc|tap|vnet|tun|vxlan_sys|genev_sys|docker[0-9a-f]{7}|br-[0-9a-f]{12})[^.]*\./,
];

export function sysctlCause(key: string): SysctlCause | undefined {
  return SYSCTL_CAUSES.find((c) => c.key.test(key));
}
