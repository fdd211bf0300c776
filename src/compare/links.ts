import type { Evidence } from '../engine/types';
import type { NetInterface } from '../parsers/ip-addr/facts';
import { cite, type Side } from './side';
import { compareKeyed, put, type Fact, type Facts } from './keyed';
import type { Compared } from './types';

/** Pods' interfaces, one per pod: compared as the set of their MTUs under the prefix's name. */
const POD_LINK = /^(veth|cali|lxc|vnet|tap)[0-9a-zA-Z]/;
/** Physical NICs: named by the hardware's slot, so two nodes' names need not match. */
const PHYSICAL = /^(?:eth|ens|enp|eno|em|bond|p\d+p)\d/;
/** Named per node or per run (Docker's network bridges, OVS datapath ports). */
const EPHEMERAL = /^(?:br-[0-9a-f]{12}|vxlan_sys_\d+|genev_sys_\d+|docker_gwbridge)$/;
/** Devices whose MTU carries no pod traffic. */
const NOT_POD_PATH = /^(?:lo|docker0|kube-ipvs0|nodelocaldns|dummy\d*)$/;

/** By name, not by type: a node's own uplink is a veth too in a VM or container (`eth0@if2`). */
const groupOf = (i: NetInterface) => {
  const m = POD_LINK.exec(i.name);
  return m ? `${m[1]}*` : null;
};

function readMtu(side: Side): Facts {
  const facts: Facts = new Map();
  const groups = new Map<string, Map<number, Evidence>>();
  for (const { source, facts: f } of side.of('ip-addr'))
    for (const i of Object.values(f.interfaces)) {
      if (i.mtu === null) continue;
      const group = groupOf(i);
      if (group === null) {
        put(facts, `mtu ${i.name}`, { value: String(i.mtu), evidence: [cite(source, i)] });
        continue;
      }
      const mtus = groups.get(group) ?? new Map<number, Evidence>();
      if (!mtus.has(i.mtu)) mtus.set(i.mtu, cite(source, i));
      groups.set(group, mtus);
    }
  for (const [group, mtus] of groups) {
    const sorted = [...mtus.keys()].sort((a, b) => a - b);
    put(facts, `mtu ${group}`, {
      value: sorted.join(', '),
      evidence: sorted.map((m) => mtus.get(m)!),
    });
  }
  return facts;
}

const deviceOf = (key: string) => key.split(' ')[1]!;
/** A device's MTUs (a pod group holds several: `1450, 1500`). */
const mtus = (f: Fact) => f.value.split(', ').map(Number);

/** MTU per device by name, pods' interfaces by role; a physical NIC's name is the node's own. */
export function compareMtu(good: Side, bad: Side): Compared {
  const g = readMtu(good);
  const b = readMtu(bad);
  const { differences, same } = compareKeyed(g, b, {
    kind: 'mtu',
    explain: (key, gf, bf) => {
      const device = deviceOf(key);
      if (gf === null || bf === null || NOT_POD_PATH.test(device)) return null;
      // The harmful side: an uplink smaller than the good node's (the overlay no longer fits it),
      // a pod-path device larger (packets too big for the path).
      return PHYSICAL.test(device)
        ? Math.min(...mtus(bf)) < Math.min(...mtus(gf))
          ? 'mtu-mismatch'
          : null
        : Math.max(...mtus(bf)) > Math.max(...mtus(gf))
          ? 'mtu-mismatch'
          : null;
    },
    // A NIC only one node has is a NIC named after its slot; `br-…` bridges are named per run.
    noise: (key, gf, bf) =>
      (gf === null || bf === null) &&
      (PHYSICAL.test(deviceOf(key)) || EPHEMERAL.test(deviceOf(key))),
  });
  return { differences, same, present: { good: g.size > 0, bad: b.size > 0 } };
}

/** The VXLAN devices whose checksum offload the kernel bug is about. */
const VXLAN = /^(?:flannel\.\d+|vxlan[.-].*|vxlan\d*|cilium_vxlan)$/;
const CHECKSUM = /^tx-checksum(?:ming|-ip-generic)$/;

function readOffload(side: Side): Facts {
  const facts: Facts = new Map();
  for (const { source, facts: f } of side.of('ethtool-k')) {
    const iface = f.interface?.value ?? '?';
    // `ethtool -K`'s `Actual changes:` are the newest state of what they name.
    for (const [name, feat] of Object.entries({ ...f.features, ...f.changes }))
      facts.set(`offload ${iface} ${name}`, { value: feat.value, evidence: [cite(source, feat)] });
  }
  return facts;
}

const vxlanChecksum = (key: string) => {
  const [, iface, feature] = key.split(' ');
  return VXLAN.test(iface ?? '') && CHECKSUM.test(feature ?? '');
};

/** Offload features per device, where both nodes' `ethtool -k` show them (a grep shows a few). */
export function compareOffload(good: Side, bad: Side): Compared {
  const g = readOffload(good);
  const b = readOffload(bad);
  const { differences, same } = compareKeyed(g, b, {
    kind: 'offload',
    oneSided: () => false,
    explain: (key, gf, bf) =>
      vxlanChecksum(key) && bf?.value === 'on' && gf?.value === 'off'
        ? 'vxlan-checksum-offload'
        : null,
    wouldExplain: (key, value) =>
      vxlanChecksum(key) && value === 'on' ? 'vxlan-checksum-offload' : null,
  });
  return { differences, same, present: { good: g.size > 0, bad: b.size > 0 } };
}
