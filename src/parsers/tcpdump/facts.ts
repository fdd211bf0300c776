import type { Cited } from '../../engine/types';

/** SYNs from one client port to one server that got no SYN-ACK back in the capture. */
export interface UnansweredSyn {
  client: string;
  server: string;
  syns: number;
  examples: Cited[];
}

/** tcpdump text output (`-n`, `-nn`, `-v`, `-e`, `-i any`, `-tttt`). */
export interface TcpdumpFacts {
  /** Packet lines read. */
  packets: number;
  tcp: { syn: number; synAck: number; rst: number; fin: number };
  udp: number;
  icmp: number;
  /** TCP flows that only ever saw SYNs: the "SYN arrives, no SYN-ACK" signal. Top 10 by SYNs. */
  unanswered: UnansweredSyn[];
  /** How many flows had their SYN sent more than once (retransmitted). */
  retransmittedSyns: number;
  /**
   * `bad udp cksum` / `bad cksum` lines (`-vv`); with the destination ports seen, and per port
   * those datagrams whose size (from the `-v` header or `UDP, length N`) is too small to carry
   * a tunnelled frame (VXLAN/Geneve header + inner Ethernet header, 22 bytes): probes sent to
   * the port, not overlay traffic.
   */
  badChecksum: {
    count: number;
    examples: Cited[];
    ports: Record<string, number>;
    tooShortForTunnel: Record<string, number>;
  };
  /**
   * ICMP "fragmentation needed" seen on the wire (`ICMP 10.0.0.1 unreachable - need to frag (mtu
   * 1440)`, IPv6 `ICMP6, packet too big, mtu 1280`): a hop got packets larger than its MTU.
   * `mtu` is the smallest one reported. `obeyed`: how many of them (IPv4, naming the original
   * destination) were followed in the capture by a TCP segment from the original sender to that
   * destination small enough for the reported MTU: path MTU discovery doing its job, no black hole.
   */
  fragNeeded: { count: number; mtu: number | null; obeyed: number; examples: Cited[] };
  /** `listening on eth0, link-type ...`. */
  interfaces: string[];
  /** `N packets captured`, `N packets dropped by kernel`. */
  captured: Cited<number> | null;
  droppedByKernel: Cited<number> | null;
}
