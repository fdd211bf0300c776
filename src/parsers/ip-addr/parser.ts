import type { Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList } from '../node-shared/util';
import { listedInterface, type IpAddrFacts, type NetInterface } from './facts';
import {
  IFCONFIG_HEAD,
  IFCONFIG_OLD_HEAD,
  ifconfigDetail,
  ifconfigHead,
  typeFromName,
} from './ifconfig';
import { NETSTAT_I_HEADER, NETSTAT_I_TITLE, netstatIRow } from './netstat-i';

const K = 'parse.ip-addr';
/** `4: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN ...`. */
const HEAD = /^\s*(\d+): ([^\s:@]+)(?:@(\S+?))?: <([^>]*)>(.*)$/;
/**
 * The same head with its `N: ` index dropped, or replaced by the poster's Markdown list number
 * (`1.cali34d45bc515f@if4: <BROADCAST,...> mtu 1500 ...` under an issue template's `1.`):
 * only with ip's upper-case flags and `mtu N` right after them, so prose is not taken for it.
 */
const BARE_HEAD =
  /^\s*(?:(?:\d+\.|[-*])\s?)?()([\w.-]+)(?:@(\S+?))?: <([A-Z0-9_,-]*)>( mtu \d+\b.*)$/;
const LINK = /^\s+link\/(\S+)/;
const ADDR = /^\s+(inet6?) (\S+)(?:.*?\bscope (\S+))?/;
const LIFETIME = /^\s+valid_lft\b/;
const VXLAN = /^\s+vxlan id (\d+)(?:.*?\bdev (\S+))?(?:.*?\bdstport (\d+))?/;
/**
 * Other `ip -d` detail lines: `veth`, `bridge ...`, `ipip remote any ...`, `altname ...`, a bond's
 * or a switch's member (`bond_slave state ACTIVE ...`, `openvswitch_slave ...`), an SR-IOV NIC's
 * virtual functions (`vf 0     link/ether ...`).
 */
const DETAIL =
  /^\s+(?:(?:bridge|bond|team|openvswitch|vrf)_slave|veth|bridge|ipip|ip6tnl|sit|gre|gretap|ip6gre|erspan|geneve|wireguard|vlan|bond|dummy|tun|macvlan|macvtap|ipvlan|openvswitch|altname|promiscuity|prop|team|nlmon|vrf|xfrm|vti6?|macsec|ifb|inet6?|vf \d+)\b/;
/** `ip -br addr`: `eth0             UP             10.0.2.15/24 fe80::.../64`. */
const BRIEF =
  /^\s*([^\s@]+)(?:@(\S+))?\s+(UP|DOWN|UNKNOWN|LOWERLAYERDOWN|DORMANT|NOTPRESENT|TESTING)\s*(.*)$/;
const MAX_LINE = 2_000;

/**
 * `ip addr` / `ip link` (full, `-d`, grep-filtered, or `-br`), `ifconfig` (which states the
 * same MTUs, flags and addresses) and `netstat -i` (MTUs and flags) → interfaces with MTU, state, type and addresses.
 */
export const ipAddr = defineParser<'ip-addr', IpAddrFacts>({
  kind: 'ip-addr',
  detect(head) {
    let heads = 0;
    let brief = 0;
    for (const l of head) {
      if (l.text.length > MAX_LINE) continue;
      if (
        HEAD.test(l.text) ||
        BARE_HEAD.test(l.text) ||
        IFCONFIG_HEAD.test(l.text) ||
        IFCONFIG_OLD_HEAD.test(l.text) ||
        NETSTAT_I_HEADER.test(l.text)
      )
        heads += 1;
      else if (BRIEF.test(l.text)) brief += 1;
    }
    if (heads >= 1) return true;
    return brief >= 1 && brief * 2 >= head.length;
  },
  parse(lines) {
    const problems = new ProblemList(K);
    const interfaces: Record<string, NetInterface> = {};
    let current: NetInterface | null = null;
    let full = 0;
    let briefRows = 0;
    let ifconfigs = 0;
    let fromIfconfig = false; // the current interface's head was an ifconfig one
    let netstatTable = false; // under a `netstat -i` header
    let netstatRows = 0;
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (t.length > MAX_LINE) {
        problems.add(l.n, 'badLine');
        continue;
      }
      // `netstat -i` / `netstat -ie`: the title, then the table's header or ifconfig blocks.
      if (NETSTAT_I_TITLE.test(t)) continue;
      if (NETSTAT_I_HEADER.test(t)) {
        netstatTable = true;
        current = null;
        continue;
      }
      const row = netstatTable ? netstatIRow(t, l) : null;
      if (row) {
        interfaces[row.name] = row;
        netstatRows += 1;
        continue;
      }
      const h = HEAD.exec(t) ?? BARE_HEAD.exec(t);
      if (h) {
        current = fromHead(h, l);
        interfaces[current.name] = current;
        full += 1;
        fromIfconfig = false;
        continue;
      }
      const ih = ifconfigHead(t, l);
      if (ih) {
        current = ih;
        interfaces[current.name] = current;
        ifconfigs += 1;
        fromIfconfig = true;
        continue;
      }
      if (current && /^\s/.test(t)) {
        if (fromIfconfig ? ifconfigDetail(current, t, l) : detail(current, t, l)) continue;
      }
      if (ifconfigs > 0 && /^--\s*$/.test(t)) continue; // `ifconfig | grep -A1/-B1` group separator
      const b = full === 0 && ifconfigs === 0 && !netstatTable ? BRIEF.exec(t) : null;
      if (b) {
        const iface = fromBrief(b, l);
        interfaces[iface.name] = iface;
        briefRows += 1;
        continue;
      }
      problems.add(l.n, 'badLine');
    }
    const n = Object.keys(interfaces).length;
    if (n === 0) return reject(msg(`${K}.noInterfaces`));
    const format =
      netstatRows > full && netstatRows > ifconfigs && netstatRows > briefRows
        ? 'netstat-i'
        : ifconfigs > full && ifconfigs >= briefRows
          ? 'ifconfig'
          : full >= briefRows
            ? 'full'
            : 'brief';
    const facts: IpAddrFacts = { format, interfaces };
    const tunnels = Object.values(interfaces)
      .filter((i) => i.type && ['vxlan', 'ipip', 'wireguard', 'geneve', 'gre'].includes(i.type))
      .map((i) => `${i.name} ${i.type} mtu ${i.mtu ?? '?'}`)
      .join(', ');
    return accept(
      facts,
      problems.done(),
      msg(tunnels ? `${K}.summaryTunnels` : `${K}.summary`, { n, tunnels }),
    );
  },
});

function fromHead(h: RegExpExecArray, l: Line): NetInterface {
  const rest = h[5]!;
  const word = (key: string) => new RegExp(`\\b${key} (\\S+)`).exec(rest)?.[1] ?? null;
  const mtu = word('mtu');
  const name = h[2]!;
  return {
    name,
    index: h[1] ? Number(h[1]) : null,
    peer: h[3] ?? null,
    flags: h[4] ? h[4].split(',') : [],
    mtu: mtu && /^\d+$/.test(mtu) ? Number(mtu) : null,
    state: word('state'),
    master: word('master'),
    link: null,
    type: typeFromName(name),
    vxlan: null,
    addresses: [],
    line: l.n,
    text: l.text,
  };
}

/** Reads an indented line under an interface; false when it is none of the known kinds. */
function detail(iface: NetInterface, t: string, l: Line): boolean {
  const link = LINK.exec(t);
  if (link) {
    iface.link = link[1]!;
    if (link[1] === 'ipip') iface.type = 'ipip';
    if (link[1] === 'none' && iface.type === null) iface.type = 'tunnel';
    return true;
  }
  const a = ADDR.exec(t);
  if (a) {
    iface.addresses.push({
      address: a[2]!,
      family: a[1] as 'inet' | 'inet6',
      scope: a[3] ?? null,
      line: l.n,
    });
    return true;
  }
  const v = VXLAN.exec(t);
  if (v) {
    iface.type = 'vxlan';
    iface.vxlan = {
      id: Number(v[1]),
      dev: v[2] ?? null,
      dstport: v[3] ? Number(v[3]) : null,
    };
    return true;
  }
  if (LIFETIME.test(t)) return true;
  const d = DETAIL.exec(t);
  if (d) {
    const kind = /^\s+(\S+)/.exec(t)![1]!;
    if (
      ['veth', 'bridge', 'ipip', 'gre', 'geneve', 'wireguard', 'vlan', 'bond', 'dummy'].includes(
        kind,
      )
    )
      iface.type = kind;
    return true;
  }
  return /^\s+(?:RX|TX|\d+\s+\d+)/.test(t); // `ip -s link` counters
}

function fromBrief(b: RegExpExecArray, l: Line): NetInterface {
  const words = b[4]!.trim() ? b[4]!.trim().split(/\s+/) : [];
  const addresses = words
    .filter((w) => /^[\d.]+\/\d+$|^[0-9a-f:]+\/\d+$/i.test(w))
    .map((w) => ({
      address: w,
      family: (w.includes(':') ? 'inet6' : 'inet') as 'inet' | 'inet6',
      scope: null,
      line: l.n,
    }));
  const flags = /<([^>]*)>/.exec(b[4]!)?.[1];
  return listedInterface(b[1]!, l, {
    peer: b[2] ?? null,
    flags: flags ? flags.split(',') : [],
    state: b[3]!,
    type: typeFromName(b[1]!),
    addresses,
  });
}
