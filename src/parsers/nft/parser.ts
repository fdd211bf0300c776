import type { Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ReadError } from '../k8s-object/tree';
import { ProblemList } from '../node-shared/util';
import type { NftFacts } from './facts';
import { readNftJson } from './json';
import { kubeProxyTables } from './kube-proxy';
import { looksLikeListing, readText } from './text';

const K = 'parse.nft';
const JSON_START = /^\s*\{\s*"nftables"\s*:/;

/** `nft list ruleset` (also `list table`/`chain`, `-a`, counters) and `nft -j list ruleset`. */
export const nft = defineParser<'nft', NftFacts>({
  kind: 'nft',
  detect(head) {
    if (head.some((l) => JSON_START.test(l.text))) return true;
    if (
      head[0] &&
      /^\s*\{\s*$/.test(head[0].text) &&
      head[1] &&
      /^\s*"nftables"\s*:/.test(head[1].text)
    )
      return true;
    return looksLikeListing(head);
  },
  parse(lines) {
    const problems = new ProblemList(K);
    let facts: NftFacts | null;
    try {
      facts = isJson(lines) ? readNftJson(lines) : readText(lines, problems);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      return reject(msg(`${K}.badJson`, { line: e.line ?? '?' }));
    }
    if (!facts) return reject(msg(`${K}.noNftables`));
    if (facts.tables.length === 0) return reject(msg(`${K}.noTables`));
    return accept(facts, problems.done(), summary(facts));
  },
});

function isJson(lines: Line[]): boolean {
  const first = lines.find((l) => l.text.trim() !== '');
  return first !== undefined && first.text.trim().startsWith('{');
}

function summary(f: NftFacts) {
  const base = { tables: f.tables.length, chains: f.chains.length, rules: f.rules.length };
  const kp = kubeProxyTables(f)[0];
  if (kp)
    return msg(`${K}.summaryKubeProxy`, {
      ...base,
      services: kp.serviceIps.length,
      nodePorts: kp.nodePorts.length,
      empty: kp.noEndpointServices.length + kp.noEndpointNodePorts.length,
    });
  if (f.tables.length === 1 && f.tables[0]!.name === '?')
    return msg(`${K}.summaryFragment`, { ...base, sets: f.sets.length });
  const kube = f.chains.filter((c) => c.name.startsWith('KUBE-')).length;
  if (kube > 0) return msg(`${K}.summaryXtables`, { ...base, kube });
  const names = f.tables.map((t) => `${t.family} ${t.name}`).join(', ');
  return msg(`${K}.summary`, {
    ...base,
    names: names.length > 120 ? `${names.slice(0, 117)}…` : names,
  });
}
