import type { Problem } from '../../engine/types';
import { accept, defineParser, msg, reject, type ParseContext } from '../define';
import { capped, isNoise, kubectlArgs, MAX_LINE, withLeadingCommand } from '../k8s-common/text';
import type { CniLogFacts } from './facts';
import { BRIDGE_NF_PROC, classify, cniLine } from './lines';

const K = 'parse.cni-log';
const KEEP = 500;
type Cni = NonNullable<CniLogFacts['cni']>;

/** flannel, calico-node and cilium agent logs: the CNI, and its warnings and errors classified. */
export const cniLog = withLeadingCommand(
  defineParser<'cni-log', CniLogFacts>({
    kind: 'cni-log',
    detect(head, ctx) {
      const body = head.filter((l) => !isNoise(l.text) && l.text.length <= MAX_LINE);
      let known = 0;
      let marked = false;
      for (const l of body) {
        const c = cniLine(l.text);
        if (!c) continue;
        known += 1;
        if (c.cni || BRIDGE_NF_PROC.test(c.message)) marked = true;
      }
      if (known > 0 && commandCni(ctx)) return true;
      return marked && known * 2 >= body.length;
    },
    parse(lines, ctx) {
      const facts: CniLogFacts = { cni: null, events: [], counts: {} };
      const problems: Problem[] = [];
      const votes: Record<Cni, number> = {
        flannel: 0,
        calico: 0,
        cilium: 0,
        weave: 0,
        'kube-router': 0,
      };
      let known = 0;
      for (const l of lines) {
        if (isNoise(l.text)) continue;
        const c = l.text.length <= MAX_LINE ? cniLine(l.text) : null;
        if (!c) {
          problems.push({ line: l.n, msg: msg(`${K}.notALogLine`) });
          continue;
        }
        known += 1;
        if (c.cni) votes[c.cni] += 1;
        if (!c.level) continue;
        const kind = classify(c.message);
        facts.counts[kind] = (facts.counts[kind] ?? 0) + 1;
        if (facts.events.length < KEEP)
          facts.events.push({ kind, level: c.level, message: c.message, line: l.n, text: l.text });
      }
      if (known === 0) return reject(msg(`${K}.noLines`));
      if (problems.length > known)
        return reject(msg(`${K}.mostlyNotLog`, { log: known, other: problems.length }));
      const best = (Object.entries(votes) as [Cni, number][]).sort((a, b) => b[1] - a[1])[0]!;
      facts.cni = commandCni(ctx) ?? (best[1] > 0 ? best[0] : null);
      const counts = Object.entries(facts.counts)
        .map(([k, n]) => `${k} ×${n}`)
        .join(', ');
      return accept(
        facts,
        capped(problems, K),
        msg(`${K}.${counts ? 'summaryErrors' : 'summary'}`, {
          cni: facts.cni ?? '?',
          n: known,
          counts,
        }),
      );
    },
  }),
);

/** The CNI a `kubectl logs <pod>` command names (`calico-node-x`, `kube-flannel-ds-x`, `cilium-x`). */
function commandCni(ctx: ParseContext): Cni | null {
  const args = kubectlArgs(ctx.command, 'logs');
  const pod = args?.find((a) => /calico|flannel|cilium|weave|kube-router/.test(a)) ?? '';
  const m = /calico|flannel|cilium|weave|kube-router/.exec(pod);
  return m ? (m[0] as Cni) : null;
}
