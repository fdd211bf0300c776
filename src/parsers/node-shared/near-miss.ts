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
    // `netstat -ant`: `tcp        0      0 10.21.45.8:48320        10.121.101.22:12002     TIME_WAIT`
    kind: 'ss',
    detect: (head) =>
      head.some((l) => /^\s*Proto Recv-Q Send-Q Local Address\s+Foreign Address/.test(l.text)) ||
      most(head, /^\s*(?:tcp6?|udp6?)\s+\d+\s+\d+\s+\S+:\S+\s+\S+:\S+(?:\s+[A-Z_0-9]+)?/),
    msg: { key: 'parse.nearMiss.netstatSockets' },
  },
  {
    kind: 'ethtool-k',
    detect: (head) =>
      head.some((l) => /^\s*(?:Settings for \S+:|NIC statistics:)\s*$/.test(l.text)),
    msg: { key: 'parse.nearMiss.ethtoolOther' },
  },
  {
    // `eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500`, `eth0      Link encap:Ethernet`
    kind: 'ip-addr',
    detect: (head) =>
      head.some((l) => /^\S+: flags=\d+<[^>]*>\s+mtu \d+|^\S+\s+Link encap:/.test(l.text)),
    msg: { key: 'parse.nearMiss.ifconfig' },
  },
  {
    kind: 'ip-route',
    detect: (head) =>
      head.some((l) =>
        /^\s*Kernel IP routing table\s*$|^Destination\s+Gateway\s+Genmask\s+Flags/.test(l.text),
      ),
    msg: { key: 'parse.nearMiss.routeN' },
  },
];

/** Most (and at least one) of the first lines match. */
function most(head: Line[], re: RegExp): boolean {
  const n = head.filter((l) => l.text.length < 2000 && re.test(l.text)).length;
  return n >= 1 && n * 2 >= head.length;
}
