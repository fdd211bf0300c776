import type { BundleAssessment, TreeAssessment } from '../diagnosis/assess';
import type { PasteView } from '../diagnosis/paste-view';
import type { TreeId } from '../tree';
import type { Packet, WalkResult } from '../walk/types';

/** A walk, with the node addresses it assumed (given, from a pasted `ip addr`, or none). */
export interface WalkOutcome {
  result: WalkResult | null;
  addresses: string[];
}

/** The page's requests; a paste's text crosses once, later requests name it by its id. */
export type Request =
  | { id: number; op: 'parse'; paste: number; text: string; source: string }
  | { id: number; op: 'forget'; pastes: number[] }
  | {
      id: number;
      op: 'tree';
      tree: TreeId;
      answers: Record<string, string>;
      pastes: Record<string, number | null>;
      /** The node that works: its pastes by step. */
      good?: Record<string, number>;
    }
  | { id: number; op: 'bundle'; paste: number }
  | { id: number; op: 'walk'; pastes: number[]; packet: Packet; addresses: string[] | null };

export type Reply =
  | { id: number; paste: PasteView }
  | { id: number; tree: TreeAssessment }
  | { id: number; bundle: BundleAssessment }
  | { id: number; walk: WalkOutcome }
  | { id: number; done: true }
  | { id: number; error: string }
  /** Sent after each part of a paste, so the page can show progress on big ones. */
  | { id: number; progress: { done: number; total: number } };
