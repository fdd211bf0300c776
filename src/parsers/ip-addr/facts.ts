import type { Line } from '../../engine/types';

export interface IpAddress {
  /** `10.0.2.15/24`, `fe80::a00:27ff:febe:4ae8/64`. */
  address: string;
  family: 'inet' | 'inet6';
  scope: string | null;
  line: number;
}

export interface NetInterface {
  name: string;
  index: number | null;
  /** `eth0@if6` → `if6`: the veth peer (or the parent of a VLAN). */
  peer: string | null;
  /** `<BROADCAST,MULTICAST,UP,LOWER_UP>`. */
  flags: string[];
  mtu: number | null;
  /** `UP`, `DOWN`, `UNKNOWN` (tunnels and loopback report UNKNOWN when up). */
  state: string | null;
  master: string | null;
  /** `link/ether`, `link/loopback`, `link/ipip`, `link/none` → `ether`, ... */
  link: string | null;
  /**
   * What the device is, from `ip -d` details or its name: `vxlan` (flannel.1, vxlan.calico),
   * `ipip` (tunl0), `wireguard`, `veth`, `bridge`, `geneve`... null when nothing tells.
   */
  type: string | null;
  /** VXLAN details from `ip -d link`: `vxlan id 1 local 10.0.0.1 dev eth0 ... dstport 8472`. */
  vxlan: { id: number; dstport: number | null; dev: string | null } | null;
  addresses: IpAddress[];
  line: number;
  text: string;
}

/** An interface as a listing names it on line `l`, each field the listing does not show empty. */
export function listedInterface(name: string, l: Line, shown: Partial<NetInterface>): NetInterface {
  return {
    name,
    index: null,
    peer: null,
    flags: [],
    mtu: null,
    state: null,
    master: null,
    link: null,
    type: null,
    vxlan: null,
    addresses: [],
    line: l.n,
    text: l.text,
    ...shown,
  };
}

/**
 * `ip addr`, `ip link` (also `-d`, `| grep`), `ip -br addr`, `ip -br link`, and `ifconfig` (old and
 * new net-tools, also `| grep mtu`): ifconfig shows flags, not the operational state, so its
 * `state` is `UP` for an interface flagged UP and RUNNING, `DOWN` otherwise; its IPv4 addresses
 * carry the netmask as a prefix length and no scope (but `host` for 127.0.0.0/8). `netstat -i` (the
 * interface table: MTU and short flags, no addresses, names possibly cut to 8 or 15 characters)
 * is read the same way, its state from the flags as for ifconfig.
 */
export interface IpAddrFacts {
  format: 'full' | 'brief' | 'ifconfig' | 'netstat-i';
  interfaces: Record<string, NetInterface>;
}
