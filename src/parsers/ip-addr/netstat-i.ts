import type { Line } from '../../engine/types';
import { listedInterface, type NetInterface } from './facts';
import { typeFromName } from './ifconfig';

/**
 * `netstat -i` of Linux net-tools: one row per interface with its MTU, counters and short flags.
 * - 2.10: `Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg`,
 *   names cut to 15 characters;
 * - the CentOS 7 build: the same columns, names cut to 8 (`flannel.` for flannel.1);
 * - 1.60: a `Met` column after `MTU`.
 * An interface without counters shows `- no statistics available -` in their place.
 * `netstat -ie` prints the ifconfig form under the same `Kernel Interface table` title.
 */
/** The title, also translated (pt_BR's `Tabela de Interfaces do Kernel`); the header never is. */
export const NETSTAT_I_TITLE = /^\s*(?:Kernel Interface table|Tabela de Interfaces do Kernel)\s*$/;
export const NETSTAT_I_HEADER =
  /^\s*Iface\s+MTU\s+(Met\s+)?RX-OK\s+RX-ERR\s+RX-DRP\s+RX-OVR\s+TX-OK\s+TX-ERR\s+TX-DRP\s+TX-OVR\s+Flg\s*$/;
const ROW =
  /^\s*(\S+?)\s+(\d+)\s+(?:\d+\s+)?(?:\d+\s+){8}([A-Za-z]+|\[NO FLAGS\])\s*$|^\s*(\S+?)\s+(\d+)\s+(?:\d+\s+)?-\s*no statistics available\s*-\s*([A-Za-z]+|\[NO FLAGS\])?\s*$/;
/** Short flag letters (net-tools' `ife_print_short`) → the names `ip` and `ifconfig` print. */
const LETTERS: Record<string, string> = {
  A: 'ALLMULTI',
  B: 'BROADCAST',
  D: 'DEBUG',
  L: 'LOOPBACK',
  M: 'MULTICAST',
  d: 'DYNAMIC',
  N: 'NOTRAILERS',
  O: 'NOARP',
  // net-tools prints `P` for both PROMISC and POINTOPOINT; neither matters to the MTU reading.
  P: 'POINTOPOINT',
  s: 'SLAVE',
  m: 'MASTER',
  R: 'RUNNING',
  U: 'UP',
};
/**
 * Devices whose names say they are tunnels, to recognise a name netstat cut (`flannel.` is
 * flannel.1): a cut name is the tunnel's only when it starts no other name of this list.
 */
const TUNNEL_NAMES: [string, string][] = [
  ['flannel.1', 'vxlan'],
  ['flannel-v6.1', 'vxlan'],
  ['flannel-wg', 'wireguard'],
  ['flannel-wg-v6', 'wireguard'],
  ['vxlan.calico', 'vxlan'],
  ['vxlan-v6.calico', 'vxlan'],
  ['wireguard.cali', 'wireguard'],
  ['wg-v6.cali', 'wireguard'],
  ['cilium_vxlan', 'vxlan'],
  ['cilium_geneve', 'geneve'],
  ['genev_sys_6081', 'geneve'],
];

/** A row of the table, or null. */
export function netstatIRow(t: string, l: Line): NetInterface | null {
  const m = ROW.exec(t);
  if (!m) return null;
  const name = m[1] ?? m[4]!;
  const mtu = Number(m[2] ?? m[5]);
  const letters = m[3] ?? m[6] ?? '';
  const flags =
    letters === '[NO FLAGS]'
      ? []
      : [...letters].map((c) => LETTERS[c]).filter((f) => f !== undefined);
  // A letter the table does not use (a word of prose ending the line) makes it no row.
  if (letters !== '[NO FLAGS]' && flags.length !== letters.length) return null;
  return listedInterface(name, l, {
    flags,
    mtu,
    state: flags.includes('UP') && flags.includes('RUNNING') ? 'UP' : 'DOWN',
    link: flags.includes('LOOPBACK') ? 'loopback' : null,
    type: typeFromName(name) ?? typeFromCutName(name),
  });
}

/** The tunnel type of a name netstat cut short, when only one known tunnel name starts with it. */
function typeFromCutName(name: string): string | null {
  if (name.length < 6) return null;
  const types = new Set(TUNNEL_NAMES.filter(([n]) => n.startsWith(name)).map(([, t]) => t));
  const names = TUNNEL_NAMES.filter(([n]) => n.startsWith(name) && n !== name);
  return types.size === 1 && names.length > 0 ? [...types][0]! : null;
}
