/**
 * Chains and rules read from an iptables paste (either form) put together as a Program: the
 * built-in chains of each table hooked at iptables' priorities with their policies, user chains
 * as jump targets, chains a rule names but the paste does not declare made up from their rules.
 */
import { addrBits } from '../addr';
import type { Chain, Hook, PacketState, Program, Rule } from '../program';
import { IPTABLES_PRIORITY, chainKey } from '../program';
import type { Hop } from '../types';
import type { ImpliedRule } from './fragment';
import type { ReadRule } from './save-rule';
import { targetActions } from './targets';
import { msg, uniqueMsgs, type Msg } from '../msg';

type Cite = Omit<Hop, 'chain' | 'table' | 'action'>;

export interface PastedChain {
  table: string;
  name: string;
  /** `ACCEPT`/`DROP` for a built-in chain, null for a user chain. */
  policy: string | null;
  cite: Cite | null;
}

/**
 * How to read a pasted rule (a fact of either paste form), called only for the rules the walk
 * reaches: a big dump is not read whole for one packet.
 */
export interface RuleReader<T extends { table: string; chain: string }> {
  read(rule: T): ReadRule;
  cite(rule: T): Cite;
  /** The rule's one plain destination address (`-d 10.96.0.1/32`), for the index; null if none. */
  destination(rule: T): string | null;
}

/** The chains netfilter gives each iptables table, and the hook each stands for. */
const BUILTIN: Record<string, Hook[]> = {
  raw: ['prerouting', 'output'],
  mangle: ['prerouting', 'input', 'forward', 'output', 'postrouting'],
  nat: ['prerouting', 'input', 'output', 'postrouting'],
  filter: ['input', 'forward', 'output'],
  security: ['input', 'forward', 'output'],
};

const BUILTIN_NAMES = new Set(['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']);

function baseOf(table: string, name: string, policy: string | null): Chain['base'] {
  // Most chains of a big dump are KUBE-SEP-…: leave them at once.
  if (!BUILTIN_NAMES.has(name)) return null;
  const hook = (BUILTIN[table] ?? []).find((h) => h.toUpperCase() === name);
  if (!hook) return null;
  const priority = IPTABLES_PRIORITY[table] ?? IPTABLES_PRIORITY[`${table}:${hook}`] ?? 0;
  const type =
    table === 'nat' ? 'nat' : table === 'mangle' && hook === 'output' ? 'route' : 'filter';
  return { hook, priority, type, policy: policy === 'DROP' ? 'drop' : 'accept' };
}

/** Chains longer than this get an index by destination address (KUBE-SERVICES). */
const INDEX_FROM = 64;

/**
 * A chain whose rules are read when the walk first reaches them: a 5,000-service dump has some
 * 20,000 chains, and one packet passes a dozen. A long chain is indexed by each rule's plain
 * `-d ADDRESS` (read cheaply from its text), so only the rules for the packet's destination and
 * those without one are read and tested, in their order.
 */
class PastedChainRules<T extends { table: string; chain: string }> implements Chain {
  base: Chain['base'] = null;
  policyCite: Chain['policyCite'] = null;
  readonly pending: T[] = [];
  /** Implied rules (a grep's missing kube-proxy jumps) before and after the pasted ones. */
  readonly before: Rule[] = [];
  readonly after: Rule[] = [];
  // Allocated when the walk first reaches the chain: most chains of a big dump never are.
  private compiled: (Rule | undefined)[] | null = null;
  private index: { byDst: Map<string, number[]>; rest: number[] } | null = null;

  constructor(
    readonly table: string,
    readonly name: string,
    private readonly compile: (r: T) => Rule,
    private readonly reader: RuleReader<T>,
  ) {}

  private at(i: number): Rule {
    this.compiled ??= new Array<Rule | undefined>(this.pending.length);
    return (this.compiled[i] ??= this.compile(this.pending[i]!));
  }

  get rules(): Rule[] {
    return [...this.before, ...this.pending.map((_, i) => this.at(i)), ...this.after];
  }

  candidates(p: PacketState): Rule[] {
    if (this.pending.length < INDEX_FROM) return this.rules;
    return [...this.before, ...this.indexed(p), ...this.after];
  }

  private indexed(p: PacketState): Rule[] {
    this.index ??= this.buildIndex();
    const hit = this.index.byDst.get(packetKey(p.dst) ?? '') ?? [];
    const rest = this.index.rest;
    // Merge the two ascending lists of rule numbers: the chain's order is kept.
    const out: Rule[] = [];
    let a = 0;
    let b = 0;
    while (a < hit.length || b < rest.length) {
      const take =
        b >= rest.length || (a < hit.length && hit[a]! < rest[b]!) ? hit[a++]! : rest[b++]!;
      out.push(this.at(take));
    }
    return out;
  }

  private buildIndex() {
    const byDst = new Map<string, number[]>();
    const rest: number[] = [];
    this.pending.forEach((r, i) => {
      const d = this.reader.destination(r);
      const key = d === null ? null : addressKey(d);
      if (key === null) rest.push(i);
      else {
        const list = byDst.get(key);
        if (list) list.push(i);
        else byDst.set(key, [i]);
      }
    });
    return { byDst, rest };
  }
}

/**
 * A rule's destination as an index key. iptables prints IPv4 addresses canonically, so a
 * dotted quad is its own key (no parsing for 5,000 rules); anything else goes by its bits.
 */
function addressKey(text: string): string | null {
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/32)?$/.exec(text);
  if (v4) return v4[1]!;
  const [a, len] = text.split('/');
  const bits = addrBits(a ?? '');
  if (!bits || (len !== undefined && Number(len) !== bits.width)) return null;
  return bits.width === 32 ? dotted(bits.bits) : `6:${bits.bits}`;
}

/** The packet's destination as the same key, whatever way the operator wrote it. */
function packetKey(addr: string): string | null {
  const bits = addrBits(addr);
  if (!bits) return null;
  return bits.width === 32 ? dotted(bits.bits) : `6:${bits.bits}`;
}

const dotted = (v: bigint) => [24n, 16n, 8n, 0n].map((s) => Number((v >> s) & 255n)).join('.');

export function buildProgram<T extends { table: string; chain: string }>(
  tables: string[],
  chains: PastedChain[],
  rules: readonly T[],
  reader: RuleReader<T>,
  notes: Msg[],
  /** One table's listing: the other tables are not missing, just not listed. */
  oneTable = false,
  implied: readonly ImpliedRule[] = [],
): Program {
  const map = new Map<string, PastedChainRules<T>>();
  const isChain = (table: string) => (name: string) => map.has(chainKey(table, name));
  const ruleNotes: Msg[] = [];
  const compile = (r: T): Rule => {
    const read = reader.read(r);
    ruleNotes.push(...read.notes);
    const actions = read.target
      ? targetActions(read.target, read.goto, read.options, isChain(r.table), read.targetText)
      : [];
    return { matches: read.matches, actions, cite: reader.cite(r) };
  };
  const ensure = (table: string, name: string): PastedChainRules<T> => {
    const key = chainKey(table, name);
    let c = map.get(key);
    if (!c) {
      c = new PastedChainRules<T>(table, name, compile, reader);
      c.base = baseOf(table, name, null);
      map.set(key, c);
    }
    return c;
  };
  for (const t of tables) for (const hook of BUILTIN[t] ?? []) ensure(t, hook.toUpperCase());
  for (const pc of chains) {
    const c = ensure(pc.table, pc.name);
    c.base = baseOf(pc.table, pc.name, pc.policy);
    c.policyCite = c.base ? pc.cite : null;
  }
  // Dumps print a chain's rules together: one lookup per run of rules, not one per rule.
  let current: PastedChainRules<T> | null = null;
  for (const r of rules) {
    if (!current || current.name !== r.chain || current.table !== r.table)
      current = ensure(r.table, r.chain);
    current.pending.push(r);
  }
  for (const i of implied)
    ensure(i.table, i.chain)[i.at === 'start' ? 'before' : 'after'].push(i.rule);
  // Notes of rules read later (`--limit-iface-in`) join the program's as the walk reads them.
  const out = [...notes];
  for (const t of ['nat', 'filter'])
    if (!oneTable && !tables.includes(t)) out.push(msg('walk.note.noTable', { table: t }));
  return {
    datapath: 'iptables',
    chains: map,
    get notes() {
      return uniqueMsgs([...out, ...ruleNotes]);
    },
  };
}
