import type { Cited } from '../../engine/types';

/** One BGP session of the node's BIRD, as `calicoctl node status` or `birdcl show protocols` lists it. */
export interface CalicoBgpPeer {
  /** `10.0.0.2`, as printed (reporters often mask it: `10.xx.xx.xx`); BIRD's protocol name when it holds no address. */
  address: string;
  /** `node-to-node mesh`, `global`, `node specific`; from BIRD: `Mesh_`, `Global_`, `Node_` names; null otherwise. */
  type: string | null;
  /** BIRD's protocol state: `up`, `start`, `down`, `wait`, `flush`... */
  state: string;
  /** The BGP session state, INFO's first word: `Established`, `Active`, `Connect`, `OpenSent`, `Idle`, `Passive`... */
  bgp: string;
  /** What INFO says after that word (`Socket: Host is unreachable`, `BGP Error: Bad peer AS`), its wrapped lines joined. */
  reason: string;
  established: boolean;
  family: 4 | 6 | null;
}

/** A line of the status that says something without a peer row. */
export type CalicoBgpNoteKind =
  /** `No IPv4 peers found.` */
  | 'no-peers'
  /** `Error querying BIRD: unable to connect to BIRDv4 socket: ...` */
  | 'bird-error'
  /** `INFO: BIRDv4 process: 'bird' is not running.` */
  | 'bird-not-running'
  /** `None of the BGP backend processes (BIRD or GoBGP) are running.` (BGP off: VXLAN, policy only) */
  | 'no-backend';

/**
 * `calicoctl node status` (the node's Calico process and its BGP peers) and BIRD's own
 * `birdcl show protocols` run in the calico-node container.
 */
export interface CalicoBgpFacts {
  format: 'calicoctl' | 'bird';
  /** `Calico process is running.` / `Calico process is not running.` (older: `calico-node container is running.`). */
  process: Cited<{ running: boolean }> | null;
  /** The peers, each cited by its first row. */
  peers: Cited<CalicoBgpPeer>[];
  notes: Cited<{ kind: CalicoBgpNoteKind; family: 4 | 6 | null }>[];
}
