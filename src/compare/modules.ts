import type { CauseId } from '../catalog/causes';
import { listsModule, type LsmodFacts } from '../parsers/lsmod/facts';
import { cite, type Pasted, type Side } from './side';
import { compareKeyed, put, type Facts } from './keyed';
import type { Compared } from './types';

/** Modules whose absence is a catalog cause (kube-proxy's IPVS set, the bridge hook). */
const MODULE_CAUSES: { module: RegExp; cause: CauseId }[] = [
  { module: /^(?:ip_vs(?:_rr|_wrr|_sh)?|nf_conntrack(?:_ipv4)?)$/, cause: 'ipvs-modules-missing' },
  { module: /^br_netfilter$/, cause: 'br-netfilter-off' },
];

const causeOf = (module: string) => MODULE_CAUSES.find((m) => m.module.test(module))?.cause ?? null;
const moduleOf = (key: string) => key.slice('module '.length);

function read(side: Side): { facts: Facts; lists: Pasted<LsmodFacts>[] } {
  const facts: Facts = new Map();
  const lists = side.of('lsmod');
  for (const { source, facts: f } of lists)
    for (const [name, m] of Object.entries(f.modules))
      // Loaded or not is what matters; sizes and users change with the kernel's build and load.
      put(facts, `module ${name}`, { value: 'loaded', evidence: [cite(source, m)] });
  return { facts, lists };
}

/** Modules loaded on one node only, where the other node's listing would have shown them. */
export function compareModules(good: Side, bad: Side): Compared {
  const g = read(good);
  const b = read(bad);
  const shows = (lists: Pasted<LsmodFacts>[], module: string) =>
    lists.some((l) => listsModule(l.facts, module));
  const { differences, same } = compareKeyed(g.facts, b.facts, {
    kind: 'modules',
    oneSided: (key, holder) => shows(holder === 'good' ? b.lists : g.lists, moduleOf(key)),
    // Missing on the bad node: the cause; loaded on the bad node only cannot explain a failure.
    explain: (key, _g, bf) => (bf === null ? causeOf(moduleOf(key)) : null),
  });
  return { differences, same, present: { good: g.lists.length > 0, bad: b.lists.length > 0 } };
}
