import { CAUSES, SYMPTOMS, type SymptomId } from '../catalog/causes';
import type { Kind, SectionView } from '../parsers/registry';
import type { Tree } from '../engine/tree';
import type { WizardState } from '../engine/replay';
import type { Verdicts } from './judge';

/** Each section of a paste with its own text (its command kept as a header), to paste apart. */
export function sectionParts(
  raw: string,
  sections: SectionView[],
): { section: SectionView; text: string }[] {
  const lines = raw.split(/\r?\n/);
  return sections.map((section) => {
    const [from, to] = section.span ?? [1, lines.length];
    const body = lines.slice(Math.max(0, from - 1), to).join('\n');
    return { section, text: `${section.command ? `==> ${section.command} <==\n` : ''}${body}\n` };
  });
}

/**
 * Puts each recognised part of a "paste everything" into the evidence step of `tree` that
 * asks for its kind and has no paste yet (steps on the bad node first, as the collector
 * runs there). Returns the new state and how many steps it filled.
 */
export function fillFromBundle(
  tree: Tree,
  state: WizardState,
  parts: { section: SectionView; text: string }[],
): { state: WizardState; filled: string[] } {
  const pastes = { ...state.pastes };
  const filled: string[] = [];
  const steps = Object.entries(tree.nodes).flatMap(([id, n]) =>
    n.type === 'evidence' ? [{ id, n }] : [],
  );
  const order = [
    ...steps.filter((s) => s.n.where === 'bad-node'),
    ...steps.filter((s) => s.n.where !== 'bad-node'),
  ];
  for (const { section, text } of parts) {
    if (section.status === 'rejected') continue;
    const step = order.find(
      (s) =>
        s.n.wants.includes(section.kind as Kind) &&
        (pastes[s.id] === undefined || pastes[s.id] === null),
    );
    if (!step) continue;
    pastes[step.id] = text;
    filled.push(step.id);
  }
  return { state: { ...state, pastes }, filled };
}

// Kinds that on their own point at one symptom class.
const KIND_HINTS: Partial<Record<Kind, SymptomId>> = {
  ipvsadm: 'clusterip-ipvs-timeout',
  'ethtool-k': 'clusterip-ipvs-timeout',
  'ingress-nginx-log': 'ingress-5xx',
  'proxy-log': 'ingress-5xx',
  'nginx-tls': 'ingress-5xx',
  'kubectl-describe': 'ingress-5xx',
  'resolv-conf': 'pod-external-intermittent',
  'dns-answer': 'pod-external-intermittent',
  'conntrack-S': 'pod-external-intermittent',
  'iptables-save': 'nodeport-one-node',
  'iptables-L': 'nodeport-one-node',
};

const WEIGHT = { high: 3, medium: 2, low: 1 } as const;

/**
 * The symptom class these outputs most likely belong to: the classes of what the rules
 * find (weighted by confidence), else what the kinds of output suggest; null if nothing.
 */
export function suggestSymptom(sections: SectionView[], verdicts: Verdicts): SymptomId | null {
  const score = new Map<SymptomId, number>();
  const add = (s: SymptomId, w: number) => score.set(s, (score.get(s) ?? 0) + w);
  for (const f of verdicts.results) {
    if (f.type !== 'finding') continue;
    const classes = CAUSES[f.cause] as readonly SymptomId[];
    for (const s of classes) add(s, (WEIGHT[f.confidence] * 10) / classes.length);
  }
  for (const s of sections) {
    const hint = s.status !== 'rejected' ? KIND_HINTS[s.kind as Kind] : undefined;
    if (hint) add(hint, 1);
  }
  let best: SymptomId | null = null;
  for (const s of SYMPTOMS) if ((score.get(s) ?? 0) > (best ? score.get(best)! : 0)) best = s;
  return best;
}
