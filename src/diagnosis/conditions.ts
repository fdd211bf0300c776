import type { CauseId } from '../catalog/causes';
import type { ConditionId, ConditionName } from '../catalog/conditions';
import type { SectionResult } from '../parsers/registry';
import { contextOf } from '../rules/rule';
import { finds } from './judge';
import { kubeProxyTables } from '../parsers/nft/kube-proxy';

export interface ConditionContext {
  /** Answers of question nodes that declare a `var`, by that name. */
  vars: Record<string, string>;
  sections: SectionResult[];
}

const CONDITIONS: Record<ConditionName, (c: ConditionContext) => boolean> = {
  'proxy-mode-ipvs': (c) => proxyMode(c) === 'ipvs',
  'proxy-mode-nftables': (c) => proxyMode(c) === 'nftables',
  'proxy-mode-iptables': (c) => proxyMode(c) === 'iptables',
  'proxy-mode-not-ipvs': (c) => {
    const mode = proxyMode(c);
    return mode !== null && mode !== 'ipvs';
  },
  'proxy-replaced': (c) => proxyMode(c) === 'replaced',
};

/** Whether a tree's condition holds on the pastes so far; `found:<cause>` asks that cause's rule. */
export function evaluate(id: ConditionId, c: ConditionContext): boolean {
  if (!id.startsWith('found:')) return CONDITIONS[id as ConditionName](c);
  return finds(id.slice(6) as CauseId, contextOf(c.sections, c.vars));
}

/**
 * How Services are proxied on the node: what the pastes show (kube-proxy's log, its nftables
 * table, Cilium's status) before what the operator answered; null when nothing says.
 */
function proxyMode(c: ConditionContext): string | null {
  const logged = proxier(c);
  if (logged) return logged;
  for (const s of c.sections) {
    if (s.status === 'rejected') continue;
    if (s.kind === 'nft' && kubeProxyTables(s.facts).length > 0) return 'nftables';
    if (s.kind === 'cilium-status' && replaces(s.facts.kubeProxyReplacement?.value.mode))
      return 'replaced';
  }
  const answered = c.vars.mode;
  return answered && answered !== 'unknown' ? answered : null;
}

// `True` (1.14+), `Strict`/`Partial`/`Probe` before: Cilium serves Services itself.
const replaces = (mode: string | undefined) => /^(?:true|strict|partial|probe)$/i.test(mode ?? '');

function proxier(c: ConditionContext): string | null {
  let found: string | null = null;
  for (const s of c.sections) {
    if (s.kind === 'kube-proxy-log' && s.status !== 'rejected' && s.facts.proxier)
      found = s.facts.proxier.value;
  }
  return found;
}
