import type { Line, Msg } from '../../engine/types';

/**
 * Near misses of the node/kernel side (see ../near-miss.ts): outputs of the right tool run the
 * wrong way, or refused by it. `kind` is the kind they resemble; the message says what to run.
 */
export const NODE_NEAR_MISSES: {
  kind: string;
  detect(head: Line[], command: string | null): boolean;
  msg: Msg;
}[] = [
  {
    // `conntrack -E`: `    [NEW] tcp      6 120 SYN_SENT src=...`
    kind: 'conntrack',
    detect: (head) => most(head, /^\s*\[(?:NEW|UPDATE|DESTROY)\]\s+(?:tcp|udp|icmp|sctp)\s+\d+/),
    msg: { key: 'parse.nearMiss.conntrackEvents' },
  },
  {
    kind: 'conntrack',
    detect: (head) =>
      head.some((l) =>
        /conntrack v[\d.]+ \(conntrack-tools\): Operation failed: (?:sorry, you must be root|Operation not permitted)/.test(
          l.text,
        ),
      ),
    msg: { key: 'parse.nearMiss.conntrackRoot' },
  },
  {
    // `Can't initialize ipvs: Protocol not available` / `Are you sure that IP Virtual Server is built in the kernel or as module?`
    kind: 'ipvsadm',
    detect: (head) =>
      head.some((l) =>
        /Can't initialize ipvs|IP Virtual Server is built in the kernel/.test(l.text),
      ),
    msg: { key: 'parse.nearMiss.ipvsUnavailable' },
  },
  {
    kind: 'kernel-log',
    detect: (head) =>
      head.some((l) =>
        /^\s*dmesg: read kernel buffer failed: Operation not permitted/.test(l.text),
      ),
    msg: { key: 'parse.nearMiss.dmesgDenied' },
  },
  {
    // `ethtool IFACE`, `ethtool -S`, `ethtool -m` (`Identifier  : 0x03 (SFP)`).
    kind: 'ethtool-k',
    detect: (head) =>
      head.some((l) =>
        /^\s*(?:Settings for \S+:|NIC statistics:)\s*$|^\s*Identifier\s+: 0x[0-9a-f]{2}\b/.test(
          l.text,
        ),
      ),
    msg: { key: 'parse.nearMiss.ethtoolOther' },
  },
  {
    // `ethtool --show-priv-flags eth0`: `legacy-rx: off` looks like a feature, but is none.
    kind: 'ethtool-k',
    detect: (head) => head.some((l) => /^\s*Private flags for \S+:\s*$/.test(l.text)),
    msg: { key: 'parse.nearMiss.ethtoolPrivFlags' },
  },
  // `ifconfig` is no near miss: the ip-addr parser reads it (same MTUs, flags and addresses).
  {
    // `route -n`, `netstat -r`, `route -6`, BSD's `netstat -r`, /proc/net/route and ipv6_route.
    kind: 'ip-route',
    detect: (head) =>
      head.some((l) =>
        /^\s*Kernel IP(?:v6)? routing table\s*$|^Destination\s+(?:Gateway\s+Genmask|Next Hop)\s+Flag|^Routing tables\s*$|^Destination\s+Gateway\s+Flags\s+(?:Refs\s+Use\s+)?Netif|^Iface\s+Destination\s+Gateway\s+Flags\s+RefCnt/.test(
          l.text,
        ),
      ) ||
      most(head, /^[0-9a-f]{32} [0-9a-f]{2} [0-9a-f]{32} [0-9a-f]{2} [0-9a-f]{32} [0-9a-f]{8} /),
    msg: { key: 'parse.nearMiss.routeN' },
  },
  {
    // BSD's `netstat -i`, /proc/net/dev: per-interface counters (Linux `netstat -i`, with its
    // `Iface  MTU ...` header, is read by the ip-addr parser before this is asked).
    kind: 'ip-addr',
    detect: (head) =>
      head.some((l) =>
        /^\s*Kernel Interface table\s*$|^Iface\s+MTU\s+(?:Met\s+)?RX-OK|^Name\s+Mtu\s+Network\s+Address\s+Ipkts|^Inter-\|\s+Receive\s+\|\s+Transmit/.test(
          l.text,
        ),
      ),
    msg: { key: 'parse.nearMiss.netstatI' },
  },
  {
    // /proc/net/tcp, tcp6, udp: sockets in hex.
    kind: 'ss',
    detect: (head) =>
      head.some((l) => /^\s*sl\s+local_address\s+rem_address\s+st\s+tx_queue/.test(l.text)),
    msg: { key: 'parse.nearMiss.procNetTcp' },
  },
  {
    // `arp -a` (`? (10.0.0.1) at 52:54:00:12:34:56 [ether] on eth0`), `arp -n`, /proc/net/arp.
    kind: 'ip-neigh',
    detect: (head) =>
      head.some((l) =>
        /^\s*Address\s+HWtype\s+HWaddress\s+Flags\s+Mask\s+Iface|^IP address\s+HW type\s+Flags\s+HW address\s+Mask\s+Device/.test(
          l.text,
        ),
      ) ||
      most(
        head,
        /^\S+ \(\d{1,3}(?:\.\d{1,3}){3}\) at (?:[0-9a-fA-F:]{1,17}|<incomplete>|\(incomplete\)) /,
      ),
    msg: { key: 'parse.nearMiss.arp' },
  },
  {
    // /proc/net/netstat and /proc/net/snmp: a line of names, then a line of values.
    kind: 'netstat-s',
    detect: (head) =>
      most(head, /^(?:TcpExt|IpExt|MPTcpExt|Ip|Icmp|IcmpMsg|Tcp|Udp|UdpLite): [A-Z0-9]/),
    msg: { key: 'parse.nearMiss.procNetstat' },
  },
  {
    // `uname -a` of a BSD or a Mac: not the Linux node.
    kind: 'uname',
    detect: (head) =>
      head.length <= 3 &&
      /^(?:FreeBSD|Darwin|OpenBSD|NetBSD|DragonFly|SunOS|AIX) \S+ \S+/.test(head[0]!.text),
    msg: { key: 'parse.nearMiss.unameNotLinux' },
  },
  {
    kind: 'firewall-cmd',
    detect: (head) => head.some((l) => /^\s*FirewallD is not running\s*$/.test(l.text)),
    msg: { key: 'parse.nearMiss.firewalldNotRunning' },
  },
];

/** Most (and at least one) of the first lines match. */
function most(head: Line[], re: RegExp): boolean {
  const n = head.filter((l) => l.text.length < 2000 && re.test(l.text)).length;
  return n >= 1 && n * 2 >= head.length;
}
