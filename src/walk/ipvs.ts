/**
 * IPVS as the walk sees it: a virtual server takes a packet in the kernel's IPVS LOCAL_IN hook
 * (after filter INPUT) and sends it to one of its real servers, chosen by the scheduler. Also
 * the ipsets kube-proxy's IPVS mode fills from the same services, derived from `ipvsadm -Ln`
 * where the table tells them (an `ipset list` paste would be better; this is the fallback).
 */
import { splitHostPort } from './addr';
import type { IpvsFacts, RealServer, VirtualService } from '../parsers/ipvsadm/facts';
import type { IpSets } from './iptables/sets';
import type { Chain, Choice, Match, PacketState, Program, Rule } from './program';
import { chainKey } from './program';
import type { WalkNode, WalkProto } from './types';
import { msg } from './msg';

/** IPVS's LOCAL_IN hook runs after filter INPUT (0) and before nat INPUT (100). */
export const IPVS_INPUT_PRIORITY = 98;

/** Schedulers that share by weight; the others share equally among servers of weight > 0. */
const WEIGHTED = new Set(['wrr', 'wlc', 'lblc', 'lblcr', 'sed', 'nq', 'mh']);

const protoOf = (vs: VirtualService): WalkProto | null =>
  vs.proto === 'FWM' ? null : (vs.proto.toLowerCase() as WalkProto);

/** How the scheduler splits new connections among the real servers. */
export function shares(vs: VirtualService): { rs: RealServer; probability: number }[] {
  const live = vs.realServers.filter((rs) => (rs.weight ?? 1) > 0);
  if (live.length === 0) return [];
  const sched = vs.scheduler ?? 'wlc';
  if (sched === 'fo' || sched === 'ovf') {
    // Failover: the highest weight takes everything.
    const top = live.reduce((a, b) => ((b.weight ?? 1) > (a.weight ?? 1) ? b : a));
    return [{ rs: top, probability: 1 }];
  }
  if (WEIGHTED.has(sched)) {
    const total = live.reduce((s, rs) => s + (rs.weight ?? 1), 0);
    return live.map((rs) => ({ rs, probability: (rs.weight ?? 1) / total }));
  }
  return live.map((rs) => ({ rs, probability: 1 / live.length }));
}

function vsMatch(vs: VirtualService): Match {
  const proto = protoOf(vs);
  if (proto === null) {
    const fwm = Number(vs.address) >>> 0;
    return { text: `fwmark ${vs.address}`, test: (p) => p.mark === fwm };
  }
  const hp = splitHostPort(vs.address);
  return {
    text: `${vs.proto} ${vs.address}`,
    test: (p) => !!hp && p.proto === proto && p.dst === hp.address && p.dport === hp.port,
  };
}

function vsRule(vs: VirtualService, source: string): Rule {
  const split = shares(vs);
  const cite = { source, line: vs.line, rule: vs.text, packets: vs.stats?.Conns ?? null };
  if (split.length === 0) {
    // No real server: IPVS lets the packet on to the local stack, where nothing listens.
    const rejectWith = vs.proto === 'TCP' ? 'tcp reset' : 'icmp port-unreachable';
    return { matches: [vsMatch(vs)], actions: [{ kind: 'reject', with: rejectWith }], cite };
  }
  const choices: Choice[] = split.map(({ rs, probability }) => {
    const to = splitHostPort(rs.address);
    return {
      probability,
      action: { kind: 'dnat', address: to?.address ?? null, port: to?.port ?? null },
    };
  });
  const text = `${vs.scheduler ?? 'wlc'} over ${split.length} real servers`;
  return {
    matches: [vsMatch(vs)],
    actions: [{ kind: 'choose', text, choose: () => choices }],
    cite,
  };
}

export function compileIpvs(facts: IpvsFacts, source: string): Program {
  const chain: Chain = {
    table: 'ipvs',
    name: 'INPUT',
    rules: facts.services.map((vs) => vsRule(vs, source)),
    base: { hook: 'input', priority: IPVS_INPUT_PRIORITY, type: 'filter', policy: 'accept' },
    policyCite: null,
  };
  const notes =
    facts.services.length === 0 && facts.format === 'connections'
      ? [msg('walk.note.ipvsConnections')]
      : [];
  return { datapath: 'ipvs', chains: new Map([[chainKey('ipvs', 'INPUT'), chain]]), notes };
}

/** kube-proxy binds every virtual server address to kube-ipvs0: they are the node's own. */
export function virtualAddresses(all: IpvsFacts[]): string[] {
  return all.flatMap((f) =>
    f.services.flatMap((vs) => {
      const hp = vs.proto === 'FWM' ? null : splitHostPort(vs.address);
      return hp ? [hp.address] : [];
    }),
  );
}

interface Entry {
  proto: WalkProto;
  address: string;
  port: number;
  realServers: { address: string; port: number | null }[];
}

/**
 * kube-proxy's KUBE-* ipsets from the virtual servers: a virtual server on a node address is a
 * NodePort (KUBE-NODE-PORT-<PROTO>), one on another address a service IP (KUBE-CLUSTER-IP;
 * external and load-balancer IPs have virtual servers too and are counted with them), a local
 * endpoint reaching itself is in KUBE-LOOP-BACK. Sets whose entries the table cannot tell
 * (the ETP-Local ones, load-balancer source ranges…) say false only where no virtual server
 * could put an entry in them, and unknown otherwise.
 */
export function kubeSetsFromIpvs(all: IpvsFacts[], node: WalkNode): IpSets {
  const entries: Entry[] = [];
  for (const f of all)
    for (const vs of f.services) {
      const proto = protoOf(vs);
      const hp = splitHostPort(vs.address);
      if (!proto || !hp || hp.port === null) continue;
      entries.push({
        proto,
        address: hp.address,
        port: hp.port,
        realServers: vs.realServers.flatMap((rs) => {
          const r = splitHostPort(rs.address);
          return r ? [r] : [];
        }),
      });
    }
  const onNode = (e: Entry) => node.addresses.includes(e.address);
  const isVs = (p: PacketState) =>
    entries.some((e) => e.proto === p.proto && e.address === p.dst && e.port === p.dport);
  return {
    lookup(rawName, dirs, p) {
      // Dual-stack kube-proxy names its IPv6 sets KUBE-6-….
      const name = rawName.replace(/^KUBE-6-/, 'KUBE-');
      const addr = (d: string | undefined) => (d === 'src' ? p.src : p.dst);
      const port = (d: string | undefined) => (d === 'src' ? p.sport : p.dport);
      switch (name) {
        case 'KUBE-CLUSTER-IP':
          return entries.some(
            (e) =>
              !onNode(e) &&
              e.proto === p.proto &&
              e.address === addr(dirs[0]) &&
              e.port === port(dirs[1]),
          );
        case 'KUBE-NODE-PORT-TCP':
        case 'KUBE-NODE-PORT-UDP':
        case 'KUBE-NODE-PORT-SCTP-HASH': {
          if (node.addresses.length === 0) return null;
          const proto = name.split('-')[3]!.toLowerCase();
          const want = name.endsWith('HASH') ? port(dirs[1]) : port(dirs[0]);
          return (
            p.proto === proto &&
            entries.some((e) => onNode(e) && e.proto === proto && e.port === want)
          );
        }
        case 'KUBE-LOOP-BACK':
          // ip,port,ip: an endpoint reaching itself through its own service.
          return (
            addr(dirs[0]) === addr(dirs[2]) &&
            entries.some(
              (e) =>
                e.proto === p.proto &&
                e.realServers.some(
                  (rs) => rs.address === addr(dirs[0]) && rs.port === port(dirs[1]),
                ),
            )
          );
        case 'KUBE-NODE-PORT-LOCAL-TCP':
        case 'KUBE-NODE-PORT-LOCAL-UDP':
        case 'KUBE-NODE-PORT-LOCAL-SCTP-HASH': {
          // Only NodePorts can be in it: a port no NodePort virtual server has is not.
          const nodePort = entries.some(
            (e) => onNode(e) && e.proto === p.proto && e.port === p.dport,
          );
          return nodePort ? null : false;
        }
        case 'KUBE-EXTERNAL-IP':
        case 'KUBE-EXTERNAL-IP-LOCAL':
        case 'KUBE-LOAD-BALANCER':
        case 'KUBE-LOAD-BALANCER-LOCAL':
        case 'KUBE-LOAD-BALANCER-FW':
        case 'KUBE-LOAD-BALANCER-SOURCE-IP':
        case 'KUBE-LOAD-BALANCER-SOURCE-CIDR':
          // Every entry of these belongs to a virtual server: none for this packet → not in it.
          return isVs(p) ? null : false;
        default:
          return null;
      }
    },
  };
}
