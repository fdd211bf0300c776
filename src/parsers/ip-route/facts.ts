export interface Route {
  /** `unicast` unless the line starts with a type (`blackhole`, `unreachable`, `local`, `broadcast`...). */
  type: string;
  /** `default`, `10.244.1.0/24`, `192.168.33.11`. */
  destination: string;
  via: string | null;
  dev: string | null;
  proto: string | null;
  scope: string | null;
  src: string | null;
  metric: number | null;
  /** `onlink`, `linkdown`, `dead`... */
  flags: string[];
  /** `table N` of `ip route show table all`, when printed. */
  table: string | null;
  /** The paths of a multipath route (its `nexthop via … dev …` lines), when it has them. */
  nexthops?: { via: string | null; dev: string | null }[];
  line: number;
  text: string;
}

/**
 * `ip route get DST from SRC iif DEV` answered `RTNETLINK answers: Invalid cross-device link`:
 * the kernel's source validation (rp_filter) refuses SRC arriving on DEV (EXDEV).
 */
export interface SourceRejected {
  /** From the command, when the paste shows it. */
  to: string | null;
  from: string | null;
  iif: string | null;
  line: number;
  text: string;
}

/** `ip route` / `ip r` (also `ip route show table all`, `ip route get`). */
export interface IpRouteFacts {
  routes: Route[];
  /** `ip route get ... iif DEV` refused by reverse-path validation. */
  sourceRejected: SourceRejected[];
  /** The default routes (more than one: several uplinks, or a stale one). */
  defaults: Route[];
  /** Devices the routes use, in order of first appearance. */
  devices: string[];
}
