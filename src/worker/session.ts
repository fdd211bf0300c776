import {
  assessBundle,
  assessTree,
  type BundleAssessment,
  type TreeAssessment,
} from '../diagnosis/assess';
import { pasteView, type PasteView } from '../diagnosis/paste-view';
import type { SectionResult } from '../parsers/registry';
import type { TreeId } from '../tree';
import { analysePaste } from './analyse';
import type { WalkOutcome } from './protocol';
import { walk } from '../walk';
import { hasRules, walkInputsOf } from '../walk/sections';
import type { Packet } from '../walk/types';

/**
 * The pastes' facts and everything computed from them, kept where they were parsed (the
 * worker, or the page where no worker runs): the page holds paste ids and gets back views
 * and verdicts, never the facts of a 6 MB iptables-save.
 */
export class Session {
  private readonly parsed = new Map<number, SectionResult[]>();

  parse(
    paste: number,
    text: string,
    source: string,
    onProgress?: (done: number, total: number) => void,
  ): PasteView {
    const sections = analysePaste(text, source, onProgress);
    this.parsed.set(paste, sections);
    return pasteView(sections);
  }

  forget(pastes: number[]): void {
    for (const p of pastes) this.parsed.delete(p);
  }

  tree(
    tree: TreeId,
    answers: Record<string, string>,
    pastes: Record<string, number | null>,
    good: Record<string, number> = {},
  ): TreeAssessment {
    const byNode: Record<string, SectionResult[]> = {};
    // The replay reads only whether a step was pasted or skipped, not the text.
    const marks: Record<string, string | null> = {};
    for (const [node, paste] of Object.entries(pastes)) {
      marks[node] = paste === null ? null : '';
      if (paste !== null) byNode[node] = this.sectionsOf(paste);
    }
    const goodByStep = Object.fromEntries(
      Object.entries(good).map(([step, paste]) => [step, this.sectionsOf(paste)]),
    );
    return assessTree(tree, { tree, answers, pastes: marks }, byNode, goodByStep);
  }

  bundle(paste: number): BundleAssessment {
    return assessBundle(this.sectionsOf(paste));
  }

  /**
   * A packet walked through the rules of these pastes (one node's). The node's addresses: those
   * given, else a pasted `ip addr`'s, else the packet's destination (a NodePort is sent to one).
   */
  walk(pastes: number[], packet: Packet, addresses: string[] | null): WalkOutcome {
    const sections = pastes.flatMap((p) => this.sectionsOf(p));
    if (!hasRules(sections)) return { result: null, addresses: addresses ?? [] };
    const { inputs, node } = walkInputsOf(sections);
    const own =
      addresses ?? (node.addresses.length > 0 ? node.addresses : packet.local ? [] : [packet.dst]);
    return {
      result: walk(inputs, packet, { ...node, addresses: own }),
      addresses: own,
    };
  }

  private sectionsOf(paste: number): SectionResult[] {
    const s = this.parsed.get(paste);
    if (!s) throw new Error(`paste ${paste} was not sent to be parsed`);
    return s;
  }
}
