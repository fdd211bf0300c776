/** A packet on its way through the walk, and how a way ends: the engine's working types. */
import type { Msg } from './msg';
import type { PacketState } from './program';
import type { Hop } from './types';

export interface Flow {
  p: number;
  st: PacketState;
  hops: Hop[];
  masquerade: boolean;
  endpoint: { address: string; port: number | null } | null;
  /** The policy of the base chain being run: an ACCEPT under a DROP policy is what decides. */
  under: 'accept' | 'drop' | null;
  /** The last ACCEPT rule run under a DROP policy (see Branch.decidedBy). */
  decisiveAccept: Hop | null;
  /** The last ACCEPT rule on the path. */
  lastAccept: Hop | null;
  /** The last `policy ACCEPT` the packet fell to. */
  lastPolicy: Hop | null;
  /** The hop that translated the destination, which decides a `dnat` verdict. */
  dnatHop: Hop | null;
  /** Undecidable matches this branch took one way (`holds`) at fork `id`. */
  forks: { id: number; holds: boolean }[];
}

/** Where a branch met a match the paste cannot decide, and followed it both ways. */
export interface ForkPoint {
  why: Msg;
  /** The match that could not be decided, as written, for the note when both ways end alike. */
  match: string;
  hop: Hop;
  /** The branch as it was there (with the hop), which becomes the unknown if the ways differ. */
  flow: Flow;
}

export type End =
  | { kind: 'accept' }
  | { kind: 'return' }
  | { kind: 'drop'; hop: Hop }
  | { kind: 'reject'; with: string | null; hop: Hop }
  | { kind: 'unknown'; why: Msg; hop: Hop | null };

export interface Outcome {
  flow: Flow;
  end: End;
}

/** A branch that left the walk early (dropped, rejected, unknown) or reached its end. */
export interface Finished {
  flow: Flow;
  end:
    Exclude<End, { kind: 'accept' } | { kind: 'return' }> | { kind: 'delivered'; local: boolean };
}
