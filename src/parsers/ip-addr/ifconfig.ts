import type { Line } from '../../engine/types';
import { listedInterface, type NetInterface } from './facts';

/**
 * `ifconfig` of Linux net-tools, both generations, read as the same interface facts as `ip addr`:
 * - 2.10 (and BSD): `flannel.1: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1450`, then
 *   indented `inet 10.244.1.0  netmask 255.255.255.255 ...`, `inet6 fe80::1  prefixlen 64  scopeid 0x20<link>`;
 * - 1.60: `flannel.1 Link encap:Ethernet  HWaddr 1e:6c:...`, then `inet addr:10.0.16.0  Bcast:...
 *   Mask:255.255.255.255`, `inet6 addr: fe80::1/64 Scope:Link`, `UP BROADCAST RUNNING MULTICAST  MTU:1450  Metric:1`.
 */
export const IFCONFIG_HEAD = /^([^\s:]+(?::\d+)?): flags=[0-9a-f]+<([^>]*)>\s+mtu (\d+)/;
export const IFCONFIG_OLD_HEAD = /^(\S+)\s+Link encap:(\S+(?: \S+)*?)(?:\s+HWaddr (\S+))?\s*$/;
const NEW_INET = /^\s+inet ([\d.]+)\s+netmask (\S+)/;
const NEW_INET6 = /^\s+inet6 ([0-9a-f:.%\w]+)\s+prefixlen (\d+)(?:\s+scopeid \S+?<(\w+)>)?/i;
const NEW_LINK =
  /^\s+(ether|loop|unspec|tunnel|infiniband|ppp|txqueuelen)\b.*?(?:\(([^)]*)\))?\s*$/;
const OLD_INET = /^\s+inet addr:([\d.]+)(?:.*?\bMask:([\d.]+))?/;
const OLD_INET6 = /^\s+inet6 addr: ?(\S+?)(?:\/(\d+))?\s+Scope:(\w+)/;
const OLD_FLAGS = /^\s+((?:[A-Z]+ )*?[A-Z]+)\s+MTU:(\d+)/;
/** Counters and hardware lines that carry nothing the rules read. */
const NOISE =
  /^\s+(?:[RT]X (?:packets|errors|bytes)|collisions:|device (?:interrupt|memory)|Interrupt:|Memory:|Base address:)/;

/** An interface's head line, or null. */
export function ifconfigHead(t: string, l: Line): NetInterface | null {
  const n = IFCONFIG_HEAD.exec(t);
  if (n) {
    const flags = n[2] ? n[2].split(',') : [];
    return iface(n[1]!, flags, Number(n[3]), l);
  }
  const o = IFCONFIG_OLD_HEAD.exec(t);
  if (o) {
    const i = iface(o[1]!, [], null, l);
    i.link = linkOf(o[2]!);
    if (/IPIP/i.test(o[2]!)) i.type = 'ipip';
    return i;
  }
  return null;
}

/** Reads an indented ifconfig line of `i`; false when it is none of the known ones. */
export function ifconfigDetail(i: NetInterface, t: string, l: Line): boolean {
  const a4 = NEW_INET.exec(t) ?? OLD_INET.exec(t);
  if (a4) {
    const bits = a4[2] ? maskBits(a4[2]) : null;
    i.addresses.push({
      address: bits === null ? a4[1]! : `${a4[1]}/${bits}`,
      family: 'inet',
      scope: a4[1]!.startsWith('127.') ? 'host' : null,
      line: l.n,
    });
    return true;
  }
  const a6 = NEW_INET6.exec(t) ?? OLD_INET6.exec(t);
  if (a6) {
    i.addresses.push({
      address: a6[2] ? `${a6[1]}/${a6[2]}` : a6[1]!,
      family: 'inet6',
      scope: a6[3] ? a6[3].toLowerCase() : null,
      line: l.n,
    });
    return true;
  }
  const f = OLD_FLAGS.exec(t);
  if (f) {
    i.flags = f[1]!.split(' ');
    i.mtu = Number(f[2]);
    i.state = stateOf(i.flags);
    return true;
  }
  const k = NEW_LINK.exec(t);
  if (k) {
    if (k[1] !== 'txqueuelen') i.link = linkOf(k[2] ?? k[1]!);
    if (/IPIP/i.test(k[2] ?? '')) i.type = 'ipip';
    return true;
  }
  return NOISE.test(t);
}

function iface(name: string, flags: string[], mtu: number | null, l: Line): NetInterface {
  return listedInterface(name, l, {
    flags,
    mtu,
    state: flags.length ? stateOf(flags) : null,
    type: typeFromIfconfigName(name),
  });
}

/** ifconfig shows flags, not the operational state: up and running is `UP`, otherwise no traffic passes. */
function stateOf(flags: string[]): string {
  return flags.includes('UP') && flags.includes('RUNNING') ? 'UP' : 'DOWN';
}

/** `Ethernet`, `Local Loopback`, `(Ethernet)`, `loop`, `UNSPEC`, `IPIP Tunnel` → `ether`, `loopback`, ... */
function linkOf(encap: string): string {
  if (/ether/i.test(encap)) return 'ether';
  if (/loop/i.test(encap)) return 'loopback';
  if (/IPIP/i.test(encap)) return 'ipip';
  return encap.toLowerCase().split(/\s+/)[0]!;
}

/** `255.255.255.0` → 24, BSD's `0xffffff00` → 24; null when not a contiguous mask. */
function maskBits(mask: string): number | null {
  let n: number;
  if (/^0x[0-9a-f]{8}$/i.test(mask)) n = parseInt(mask, 16);
  else {
    const p = mask.split('.').map(Number);
    if (p.length !== 4 || p.some((x) => !(x >= 0 && x <= 255))) return null;
    n = ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
  }
  const bits = n.toString(2).replace(/0+$/, '');
  if (n !== 0 && /0/.test(bits)) return null;
  return n === 0 ? 0 : bits.length;
}

/** An alias (`eth0:1`) is its device's address; the name otherwise says the type as for `ip addr`. */
function typeFromIfconfigName(name: string): string | null {
  return typeFromName(name.replace(/:\d+$/, ''));
}

/** WireGuard devices: Calico's (v4, v6), Cilium's, flannel's wireguard-native backend (k3s), Antrea's, Talos KubeSpan. */
const WIREGUARD_NAME =
  /^(?:wg\d+|wireguard\.cali|wg-v6\.cali|cilium_wg\d+|flannel-wg(?:-v6)?|antrea-wg\d+|kubespan)$/;

/** The CNI devices whose names say what they are (shared with the `ip addr` reading). */
export function typeFromName(name: string): string | null {
  if (/^flannel(?:-v6)?\.\d+$|^vxlan[.-]|^vxlan\d*$|^cilium_vxlan$/.test(name)) return 'vxlan';
  if (/^tunl\d+$|^cilium_ipip/.test(name)) return 'ipip';
  if (WIREGUARD_NAME.test(name)) return 'wireguard';
  if (/^genev_sys_|^cilium_geneve$/.test(name)) return 'geneve';
  if (/^(?:veth|cali|lxc)[0-9a-f]/.test(name)) return 'veth';
  if (/^(?:cni|docker|br-|cbr)\d*/.test(name)) return 'bridge';
  return null;
}
