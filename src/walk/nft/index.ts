import type { NftChain, NftFacts, NftRule, NftSet } from '../../parsers/nft/facts';
import { chainKey, type Chain, type Program } from '../program';
import { LazyChain } from './chain';
import type { Source } from './matches';
import { readHook, readPriority } from './priority';
import type { RuleContext } from './context';
import { ElementIndex } from './sets';
import type { ValueType } from './values';
import { msg, type Msg } from '../msg';

/** Families whose tables see IP packets: ip (IPv4), ip6 (IPv6), inet (both). */
const IP_FAMILIES = new Set(['ip', 'ip6', 'inet']);

/**
 * An nft ruleset as the walk's program: every chain of the ip, ip6 and inet tables, base chains
 * hooked at their priority. Rules are compiled when a walk first enters their chain and set
 * indexes are built on first lookup, so a 5,000-service kube-proxy table costs only what the
 * packet touches.
 */
export function compileNft(facts: NftFacts, source: string): Program {
  const notes: Msg[] = [];
  const chains = new Map<string, Chain>();
  const rulesByChain = groupRules(facts.rules);
  const sets = new Map<string, NftSet>();
  for (const s of facts.sets) sets.set(`${s.family} ${s.table}\u0000${s.name}`, s);
  const indexes = new Map<string, ElementIndex>();

  const contexts = new Map<string, RuleContext>();
  const tableContext = (family: string, tableKey: string): RuleContext => ({
    family,
    tableKey,
    // Asked only once rules compile, when every chain is in the map.
    hasChain: (name) => chains.has(chainKey(tableKey, name)),
    set: (name, types) => setSource(`${tableKey}\u0000${name}`, name, types),
  });
  const skipped = new Set<string>();
  // One key string per table, not one per chain (a big ruleset has 15,000 chains in one table).
  const tableKeys = new Map<string, Map<string, string>>();
  const tableKeyOf = (family: string, table: string) => {
    let byName = tableKeys.get(family);
    if (!byName) tableKeys.set(family, (byName = new Map()));
    let key = byName.get(table);
    if (key === undefined) byName.set(table, (key = `${family} ${table}`));
    return key;
  };
  for (const chain of facts.chains) {
    const tableKey = tableKeyOf(chain.family, chain.table);
    if (!IP_FAMILIES.has(chain.family)) {
      if (!skipped.has(tableKey))
        notes.push(
          chain.family === '?'
            ? msg('walk.note.nftNoTable')
            : msg('walk.note.nftFamily', { table: tableKey, family: chain.family }),
        );
      skipped.add(tableKey);
      continue;
    }
    const base = baseOf(chain, notes);
    if (base === 'skip') continue;
    let ctx = contexts.get(tableKey);
    if (!ctx) contexts.set(tableKey, (ctx = tableContext(chain.family, tableKey)));
    const rules = rulesByChain.get(chain.family)?.get(chain.table)?.get(chain.name) ?? [];
    // The text form's `type … policy …;` line, else (JSON) the chain as nft would print it.
    const policyCite = !base
      ? null
      : chain.baseLine
        ? { source, line: chain.baseLine.line, rule: chain.baseLine.text.trim(), packets: null }
        : { source, line: chain.line, rule: baseText(chain), packets: null };
    const compiled = new LazyChain(chain, rules, base, policyCite, ctx, source);
    chains.set(chainKey(tableKey, chain.name), compiled);
  }
  if (walksManagedTables(facts)) notes.push(msg('walk.note.nftManaged'));
  return { datapath: 'nftables', chains, notes };

  function setSource(key: string, name: string, types: ValueType[]): Source {
    const set = sets.get(key);
    if (!set) return { missing: msg('walk.unknown.setMissing', { name }) };
    const indexKey = `${key}\u0000${types.join(',')}`;
    let index = indexes.get(indexKey);
    if (!index) {
      index = new ElementIndex(
        set.elements.map((e) => ({ parts: e.key, value: e.value, text: e.text.trim() })),
        types,
      );
      indexes.set(indexKey, index);
    }
    return { index };
  }
}

/** Whether a table nft warned is iptables-nft's (`# Warning: table ip nat is managed…`) is here. */
function walksManagedTables(facts: NftFacts): boolean {
  const managed = new Set(
    facts.xtablesManaged.map((w) => /table (\S+ \S+) is managed/.exec(w.value)?.[1]),
  );
  return facts.chains.some((c) => managed.has(`${c.family} ${c.table}`));
}

/** Rules by family, table and chain (nested maps: no key string built per rule). */
function groupRules(rules: NftRule[]): Map<string, Map<string, Map<string, NftRule[]>>> {
  const out = new Map<string, Map<string, Map<string, NftRule[]>>>();
  for (const r of rules) {
    let tables = out.get(r.family);
    if (!tables) out.set(r.family, (tables = new Map()));
    let chains = tables.get(r.table);
    if (!chains) tables.set(r.table, (chains = new Map()));
    const list = chains.get(r.chain);
    if (list) list.push(r);
    else chains.set(r.chain, [r]);
  }
  return out;
}

function baseOf(chain: NftChain, notes: Msg[]): Chain['base'] | 'skip' {
  if (chain.hook === null) return null;
  const where = `${chain.family} ${chain.table} ${chain.name}`;
  const hook = readHook(chain.hook);
  if (!hook) {
    notes.push(msg('walk.note.nftHook', { chain: where, hook: chain.hook }));
    return 'skip';
  }
  const priority = readPriority(chain.priority ?? '');
  if (priority === null) {
    notes.push(msg('walk.note.nftPriority', { chain: where, priority: chain.priority ?? '' }));
    return 'skip';
  }
  const type = chain.type === 'nat' || chain.type === 'route' ? chain.type : 'filter';
  return { hook, priority, type, policy: chain.policy ?? 'accept' };
}

function baseText(chain: NftChain): string {
  return chain.text.includes('hook')
    ? chain.text.trim()
    : `chain ${chain.name} { type ${chain.type ?? 'filter'} hook ${chain.hook ?? ''} priority ${chain.priority ?? ''}; policy ${chain.policy ?? 'accept'}; }`;
}
