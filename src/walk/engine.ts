/**
 * The walk engine: one packet through the compiled programs of a node in the kernel's order
 * (PREROUTING → routing → INPUT or FORWARD → POSTROUTING; OUTPUT first for a local packet),
 * all base chains of a hook by priority, jumps, gotos and returns as netfilter does them.
 * A probability split or a choice forks the packet into branches; an undecidable match ends
 * its branch as "unknown here" rather than guessing. Pure: no DOM, no node APIs.
 */
import { inPrefix } from './addr';
import { deviceFor } from './routes';
import type { Action, Chain, Hook, PacketState, Program, Rule } from './program';
import { chainKey } from './program';
import type { Branch, Endpoint, Hop, Packet, WalkNode, WalkResult, WalkVerdict } from './types';

/** Most branches followed at once; a ruleset splitting further is cut to the likeliest. */
export const MAX_BRANCHES = 256;
/** Nested jumps before the walk calls it a loop (the kernel refuses loops at load time). */
export const MAX_DEPTH = 64;
/** Undecidable matches one branch may follow both ways before it stops as unknown. */
export const MAX_ASSUMPTIONS = 6;

/** The packet's state plus what conntrack remembers of the original direction. */
interface WalkState extends PacketState {
  orig: { dst: string; dport: number | null };
}

/** The destination the connection was opened to (before DNAT), for `--ctorigdst`. */
export function originalDestination(p: PacketState): { dst: string; dport: number | null } {
  return 'orig' in p ? (p as WalkState).orig : { dst: p.dst, dport: p.dport };
}

/**
 * A chain that can tell which of its rules may match a packet, in order (a 5,000-rule
 * KUBE-SERVICES indexed by destination address), so the walk need not test every one.
 */
export interface IndexedChain extends Chain {
  candidates(p: PacketState): Rule[];
}

const isIndexed = (c: Chain): c is IndexedChain =>
  typeof (c as Partial<IndexedChain>).candidates === 'function';

interface Flow {
  p: number;
  st: WalkState;
  hops: Hop[];
  masquerade: boolean;
  endpoint: { address: string; port: number | null } | null;
  /** The last hop that let the packet on (an ACCEPT rule, a DNAT, an accepting policy). */
  lastAccept: Hop | null;
  /** The hop that translated the destination, which decides a `dnat` verdict. */
  dnatHop: Hop | null;
  /** Undecidable matches this branch took one way (`holds`) at fork `id`. */
  forks: { id: number; holds: boolean }[];
}

/** Where a branch met a match the paste cannot decide, and followed it both ways. */
interface ForkPoint {
  why: string;
  hop: Hop;
  /** The branch as it was there (with the hop), which becomes the unknown if the ways differ. */
  flow: Flow;
}

type End =
  | { kind: 'accept' }
  | { kind: 'return' }
  | { kind: 'drop'; hop: Hop }
  | { kind: 'reject'; with: string | null; hop: Hop }
  | { kind: 'unknown'; why: string; hop: Hop | null };

interface Outcome {
  flow: Flow;
  end: End;
}

/** A branch that left the walk early (dropped, rejected, unknown) or reached its end. */
interface Finished {
  flow: Flow;
  end:
    Exclude<End, { kind: 'accept' } | { kind: 'return' }> | { kind: 'delivered'; local: boolean };
}

interface BaseEntry {
  chain: Chain;
  program: Program;
  order: number;
}

class Walker {
  readonly notes: string[] = [];
  readonly forkPoints = new Map<number, ForkPoint>();
  private capped = false;
  readonly routes: WalkNode['routes'];
  private readonly hooks = new Map<Hook, BaseEntry[]>();

  constructor(
    private readonly programs: Program[],
    private readonly node: WalkNode,
  ) {
    this.routes = node.routes;
    programs.forEach((program, index) => {
      for (const chain of program.chains.values()) {
        if (!chain.base) continue;
        const list = this.hooks.get(chain.base.hook) ?? [];
        list.push({ chain, program, order: index });
        this.hooks.set(chain.base.hook, list);
      }
    });
    // Lower priority first; ties: iptables before nft (its tables registered first), then as given.
    const rank = (e: BaseEntry) => (e.program.datapath === 'iptables' ? 0 : 1);
    for (const list of this.hooks.values())
      list.sort(
        (a, b) =>
          a.chain.base!.priority - b.chain.base!.priority || rank(a) - rank(b) || a.order - b.order,
      );
  }

  isLocal(addr: string): boolean | null {
    if (inPrefix(addr, '127.0.0.0/8') || inPrefix(addr, '::1/128')) return true;
    if (this.node.addresses.includes(addr)) return true;
    return this.node.addresses.length === 0 ? null : false;
  }

  /** Runs every base chain of `hook` in order over the live flows. */
  runHook(hook: Hook, flows: Flow[], done: Finished[], opts: { skipNat?: boolean } = {}): Flow[] {
    let live = flows;
    for (const { chain, program } of this.hooks.get(hook) ?? []) {
      const next: Flow[] = [];
      for (const flow of live) {
        // nat chains see only a connection's first packet; later ones follow conntrack.
        if (chain.base!.type === 'nat' && (flow.st.ctstate !== 'NEW' || opts.skipNat)) {
          next.push(flow);
          continue;
        }
        for (const o of this.runBase(program, chain, flow)) {
          if (o.end.kind === 'accept') next.push(o.flow);
          else if (o.end.kind !== 'return') done.push({ flow: o.flow, end: o.end });
        }
      }
      live = this.cap(next);
    }
    return live;
  }

  private runBase(program: Program, chain: Chain, flow: Flow): Outcome[] {
    return this.runFrom(program, chain, flow, 0).map((o) => {
      if (o.end.kind !== 'return') return o;
      // Falling off (or RETURN from) a base chain: its policy decides.
      const base = chain.base!;
      const hop = this.policyHop(chain);
      if (base.policy === 'drop')
        return { flow: this.withHop(o.flow, hop), end: { kind: 'drop', hop } };
      if (chain.rules.length === 0) return { flow: o.flow, end: { kind: 'accept' } };
      const f = this.withHop(o.flow, hop);
      return { flow: { ...f, lastAccept: hop }, end: { kind: 'accept' } };
    });
  }

  private policyHop(chain: Chain): Hop {
    const word = chain.base!.policy === 'drop' ? 'DROP' : 'ACCEPT';
    const cite = chain.policyCite ?? {
      source: chain.rules[0]?.cite.source ?? '',
      line: 0,
      rule: `policy ${word}`,
      packets: null,
    };
    return { table: chain.table, chain: chain.name, ...cite, action: `policy ${word}` };
  }

  /** Runs `chain` from rule `start`; `return` ends mean RETURN or falling off the end. */
  private runFrom(program: Program, chain: Chain, flow: Flow, depth: number): Outcome[] {
    const out: Outcome[] = [];
    let live = [flow];
    // Within one pass of a chain the destination stays (a DNAT ends the pass): an indexed chain
    // can leave out the rules that test another destination.
    const rules = isIndexed(chain) ? chain.candidates(flow.st) : chain.rules;
    for (let i = 0; i < rules.length && live.length > 0; i++) {
      const rule = rules[i]!;
      const next: Flow[] = [];
      for (const f of live) {
        for (const r of this.runRule(program, chain, rule, f, depth)) {
          if (r.end === null) next.push(r.flow);
          else out.push({ flow: r.flow, end: r.end });
        }
      }
      live = this.cap(next);
    }
    for (const f of live) out.push({ flow: f, end: { kind: 'return' } });
    return out;
  }

  private runRule(
    program: Program,
    chain: Chain,
    rule: Rule,
    flow: Flow,
    depth: number,
  ): { flow: Flow; end: End | null }[] {
    // All matches must hold: one that surely fails rules the rule out even where another cannot
    // be told; probabilities fork the branch.
    let p = 1;
    let unknown: string | null = null;
    for (const m of rule.matches) {
      const r = m.test(flow.st);
      if (r === false) return [{ flow, end: null }];
      if (r === true) continue;
      if ('probability' in r) p *= Math.min(1, Math.max(0, r.probability));
      else unknown ??= r.unknown;
    }
    const out: { flow: Flow; end: End | null }[] = [];
    let matched = flow;
    if (unknown !== null) {
      // Neither a pass nor a miss: follow both; `settle` keeps a verdict only where both ways
      // end alike, and otherwise makes this rule the unknown that decided.
      const hop = this.hop(chain, rule, `unknown: ${unknown}`);
      const here = this.withHop(flow, hop);
      if (flow.forks.length >= MAX_ASSUMPTIONS)
        return [{ flow: here, end: { kind: 'unknown', why: unknown, hop } }];
      const id = this.forkPoints.size + 1;
      this.forkPoints.set(id, { why: unknown, hop, flow: here });
      out.push({ flow: { ...flow, forks: [...flow.forks, { id, holds: false }] }, end: null });
      const assumed = this.hop(chain, rule, `if it matches (${unknown})`);
      matched = { ...this.withHop(flow, assumed), forks: [...flow.forks, { id, holds: true }] };
    }
    if (p < 1) out.push({ flow: { ...matched, p: matched.p * (1 - p) }, end: null });
    if (p > 0)
      out.push(
        ...this.runActions(program, chain, rule, 0, { ...matched, p: matched.p * p }, depth),
      );
    return out;
  }

  private runActions(
    program: Program,
    chain: Chain,
    rule: Rule,
    k: number,
    flow: Flow,
    depth: number,
  ): { flow: Flow; end: End | null }[] {
    if (k >= rule.actions.length) {
      // A rule without a verdict (a counter, a log) is still a hop the packet matched.
      return [
        {
          flow:
            rule.actions.length === 0 ? this.withHop(flow, this.hop(chain, rule, 'count')) : flow,
          end: null,
        },
      ];
    }
    const action = rule.actions[k]!;
    if (action.kind === 'choose') {
      const choices = action.choose(flow.st);
      if ('unknown' in choices) {
        const hop = this.hop(chain, rule, `unknown: ${choices.unknown}`);
        return [
          { flow: this.withHop(flow, hop), end: { kind: 'unknown', why: choices.unknown, hop } },
        ];
      }
      if (choices.length === 0) return this.runActions(program, chain, rule, k + 1, flow, depth);
      return choices.flatMap((c) =>
        this.runAction(
          program,
          chain,
          rule,
          k,
          c.action,
          { ...flow, p: flow.p * c.probability },
          depth,
        ),
      );
    }
    return this.runAction(program, chain, rule, k, action, flow, depth);
  }

  private runAction(
    program: Program,
    chain: Chain,
    rule: Rule,
    k: number,
    action: Action,
    flow: Flow,
    depth: number,
  ): { flow: Flow; end: End | null }[] {
    const go = (f: Flow) => this.runActions(program, chain, rule, k + 1, f, depth);
    switch (action.kind) {
      case 'accept': {
        const hop = this.hop(chain, rule, 'ACCEPT');
        return [{ flow: { ...this.withHop(flow, hop), lastAccept: hop }, end: { kind: 'accept' } }];
      }
      case 'drop': {
        const hop = this.hop(chain, rule, 'DROP');
        return [{ flow: this.withHop(flow, hop), end: { kind: 'drop', hop } }];
      }
      case 'reject': {
        const hop = this.hop(chain, rule, action.with ? `REJECT ${action.with}` : 'REJECT');
        return [{ flow: this.withHop(flow, hop), end: { kind: 'reject', with: action.with, hop } }];
      }
      case 'return':
        return [
          { flow: this.withHop(flow, this.hop(chain, rule, 'RETURN')), end: { kind: 'return' } },
        ];
      case 'jump':
      case 'goto': {
        const hop = this.hop(chain, rule, `${action.kind} ${action.chain}`);
        const f = this.withHop(flow, hop);
        const target = program.chains.get(chainKey(chain.table, action.chain));
        if (!target) {
          const why = `${action.kind} to chain ${action.chain}, which the paste does not hold`;
          return [{ flow: f, end: { kind: 'unknown', why, hop } }];
        }
        if (depth + 1 > MAX_DEPTH) {
          const why = `more than ${MAX_DEPTH} nested jumps at ${chain.name} → ${action.chain}: the chains loop`;
          return [{ flow: f, end: { kind: 'unknown', why, hop } }];
        }
        return this.runFrom(program, target, f, depth + 1).flatMap((o) => {
          if (o.end.kind !== 'return') return [o];
          // Back from a jump: on with this rule (then the next); a goto returns past us.
          return action.kind === 'jump' ? go(o.flow) : [o];
        });
      }
      case 'dnat': {
        const address = action.address ?? flow.st.dst;
        const port = action.port ?? flow.st.dport;
        const text =
          port === null ? address : `${address.includes(':') ? `[${address}]` : address}:${port}`;
        const hop = this.hop(chain, rule, `DNAT ${text}`);
        const st = { ...flow.st, dst: address, dport: port };
        const f = {
          ...this.withHop(flow, hop),
          st,
          endpoint: { address, port },
          lastAccept: hop,
          dnatHop: hop,
        };
        return [{ flow: f, end: { kind: 'accept' } }];
      }
      case 'redirect': {
        // To the node itself: the incoming interface's address, loopback for a local packet.
        const address = flow.st.local
          ? '127.0.0.1'
          : (this.localAddressOf(flow.st.dst) ?? flow.st.dst);
        const port = action.port ?? flow.st.dport;
        const hop = this.hop(chain, rule, `REDIRECT ${port ?? ''}`.trim());
        const st = { ...flow.st, dst: address, dport: port };
        const f = {
          ...this.withHop(flow, hop),
          st,
          endpoint: { address, port },
          lastAccept: hop,
          dnatHop: hop,
        };
        return [{ flow: f, end: { kind: 'accept' } }];
      }
      case 'snat':
      case 'masquerade': {
        const text = action.kind === 'snat' ? `SNAT ${action.address ?? ''}`.trim() : 'MASQUERADE';
        const hop = this.hop(chain, rule, text);
        const st =
          action.kind === 'snat' && action.address ? { ...flow.st, src: action.address } : flow.st;
        return [
          { flow: { ...this.withHop(flow, hop), st, masquerade: true }, end: { kind: 'accept' } },
        ];
      }
      case 'mark': {
        const st = { ...flow.st };
        if (action.target === 'packet') st.mark = action.set(st.mark) >>> 0;
        else st.ctmark = action.set(st.ctmark) >>> 0;
        return go({ ...this.withHop(flow, this.hop(chain, rule, action.text)), st });
      }
      case 'continue':
        return go(this.withHop(flow, this.hop(chain, rule, action.text)));
      case 'choose': {
        // A choice that chose a choice: run it in this action's place.
        const rest = { ...rule, actions: [action, ...rule.actions.slice(k + 1)] };
        return this.runActions(program, chain, rest, 0, flow, depth);
      }
    }
  }

  private localAddressOf(dst: string): string | null {
    return this.isLocal(dst) ? dst : (this.node.addresses[0] ?? null);
  }

  private hop(chain: Chain, rule: Rule, action: string): Hop {
    return { table: chain.table, chain: chain.name, ...rule.cite, action };
  }

  private withHop(flow: Flow, hop: Hop): Flow {
    return { ...flow, hops: [...flow.hops, hop] };
  }

  private cap(flows: Flow[]): Flow[] {
    if (flows.length <= MAX_BRANCHES) return flows;
    const kept = [...flows].sort((a, b) => b.p - a.p).slice(0, MAX_BRANCHES);
    if (!this.capped) {
      this.capped = true;
      this.notes.push(
        `more than ${MAX_BRANCHES} branches: only the ${MAX_BRANCHES} likeliest were followed`,
      );
    }
    return kept;
  }
}

/** Walks `packet` through `programs` on `node`. */
export function runPrograms(programs: Program[], packet: Packet, node: WalkNode): WalkResult {
  const w = new Walker(programs, node);
  const done: Finished[] = [];
  const start: Flow = {
    p: 1,
    st: {
      proto: packet.proto,
      src: packet.src,
      sport: packet.sport,
      dst: packet.dst,
      dport: packet.dport,
      iif: packet.local ? null : packet.inIface,
      oif: packet.outIface ?? null,
      mark: 0,
      ctmark: 0,
      ctstate: packet.ctstate,
      local: packet.local,
      nodeAddresses: node.addresses,
      orig: { dst: packet.dst, dport: packet.dport },
    },
    hops: [],
    masquerade: false,
    endpoint: null,
    lastAccept: null,
    dnatHop: null,
    forks: [],
  };
  if (packet.local) localPath(w, start, done);
  else inboundPath(w, start, done);

  const settled = settle(done, w.forkPoints, w.notes);
  const branches = settled.map(toBranch).sort((a, b) => b.probability - a.probability);
  const notes = [...new Set([...programs.flatMap((p) => p.notes), ...w.notes])];
  if (packet.ctstate !== 'NEW')
    notes.push(
      `the packet is ${packet.ctstate}: nat chains were skipped (conntrack's translation is not known)`,
    );
  return {
    packet,
    verdict: overall(branches),
    endpoints: endpointsOf(branches),
    hops: branches[0]?.hops ?? [],
    branches,
    datapaths: [...new Set(programs.map((p) => p.datapath))],
    notes,
  };
}

/** Splits flows by the routing decision: for the node itself, or on to elsewhere. */
function route(w: Walker, flows: Flow[], done: Finished[]): { local: Flow[]; away: Flow[] } {
  const local: Flow[] = [];
  const away: Flow[] = [];
  for (const f of flows) {
    const l = w.isLocal(f.st.dst);
    if (l === null) {
      const why = `the node's own addresses are not given: cannot tell whether ${f.st.dst} is local`;
      done.push({ flow: f, end: { kind: 'unknown', why, hop: null } });
    } else if (l) local.push(f);
    // Leaving: the routes (when pasted) say by which device, for `-o` / `oifname`.
    else away.push(f.st.oif ? f : { ...f, st: { ...f.st, oif: deviceFor(w.routes, f.st.dst) } });
  }
  return { local, away };
}

function deliver(flows: Flow[], local: boolean, done: Finished[]) {
  for (const f of flows) done.push({ flow: f, end: { kind: 'delivered', local } });
}

/** INPUT; a packet IPVS sent elsewhere there leaves again through POSTROUTING. */
function input(w: Walker, flows: Flow[], done: Finished[]) {
  const after = w.runHook('input', flows, done);
  deliver(
    after.filter((f) => w.isLocal(f.st.dst) !== false),
    true,
    done,
  );
  const leaving = after.filter((f) => w.isLocal(f.st.dst) === false);
  deliver(w.runHook('postrouting', leaving, done), false, done);
}

/** A packet arriving on an interface: PREROUTING, then INPUT or FORWARD and POSTROUTING. */
function inboundPath(w: Walker, start: Flow, done: Finished[]) {
  const { local, away } = route(w, w.runHook('prerouting', [start], done), done);
  input(w, local, done);
  deliver(w.runHook('postrouting', w.runHook('forward', away, done), done), false, done);
}

/**
 * A packet the node sends: OUTPUT, POSTROUTING; one for the node itself then comes back in
 * through lo (PREROUTING without nat, which conntrack has already bound, then INPUT).
 */
function localPath(w: Walker, start: Flow, done: Finished[]) {
  const { local, away } = route(w, w.runHook('output', [start], done), done);
  deliver(w.runHook('postrouting', away, done), false, done);
  const looped = w.runHook(
    'postrouting',
    local.map((f) => ({ ...f, st: { ...f.st, oif: 'lo' } })),
    done,
  );
  const reentered = looped.map((f) => ({ ...f, st: { ...f.st, iif: 'lo' } }));
  input(w, w.runHook('prerouting', reentered, done, { skipNat: true }), done);
}

/**
 * Joins the two ways of each undecidable match, innermost first: where both end alike (same
 * verdicts, endpoints and shares) the verdict stands and a note says what could not be told;
 * where they differ, the packet's fate is unknown at that rule.
 */
function settle(done: Finished[], forks: Map<number, ForkPoint>, notes: string[]): Finished[] {
  let list = done;
  for (const id of [...forks.keys()].sort((a, b) => b - a)) {
    const way = (f: Finished) => f.flow.forks.find((k) => k.id === id)?.holds;
    const holds = list.filter((f) => way(f) === true);
    const fails = list.filter((f) => way(f) === false);
    const rest = list.filter((f) => way(f) === undefined);
    const point = forks.get(id)!;
    if (holds.length + fails.length === 0) continue;
    if (sameOutcomes(holds, fails)) {
      notes.push(
        `${point.why}: the walk followed both ways at line ${point.hop.line}, and they end alike`,
      );
      const unforked = (f: Finished): Finished => ({
        ...f,
        flow: { ...f.flow, forks: f.flow.forks.filter((k) => k.id !== id) },
      });
      list = [...rest, ...holds.map(unforked)];
    } else {
      list = [
        ...rest,
        { flow: point.flow, end: { kind: 'unknown', why: point.why, hop: point.hop } },
      ];
    }
  }
  return list;
}

/** Whether two sets of ends give the same verdicts, endpoints and masquerading in the same shares. */
function sameOutcomes(a: Finished[], b: Finished[]): boolean {
  const shares = (list: Finished[]) => {
    const by = new Map<string, number>();
    for (const f of list) {
      const br = toBranch(f);
      const key = JSON.stringify([
        br.verdict,
        br.endpoint,
        br.masquerade,
        br.rejectWith,
        br.unknown,
      ]);
      by.set(key, (by.get(key) ?? 0) + f.flow.p);
    }
    return by;
  };
  const x = shares(a);
  const y = shares(b);
  if (x.size !== y.size) return false;
  for (const [key, p] of x) if (Math.abs((y.get(key) ?? -1) - p) > 1e-9) return false;
  return true;
}

function toBranch({ flow, end }: Finished): Branch {
  const verdict: WalkVerdict =
    end.kind === 'delivered'
      ? flow.endpoint
        ? 'dnat'
        : end.local
          ? 'accept'
          : 'forward'
      : end.kind;
  const decidedBy =
    end.kind === 'delivered' ? (flow.dnatHop ?? flow.lastAccept) : (end.hop ?? null);
  return {
    probability: flow.p,
    verdict,
    endpoint: flow.endpoint,
    final: { src: flow.st.src, sport: flow.st.sport, dst: flow.st.dst, dport: flow.st.dport },
    masquerade: flow.masquerade,
    rejectWith: end.kind === 'reject' ? end.with : null,
    unknown: end.kind === 'unknown' ? end.why : null,
    hops: flow.hops,
    decidedBy,
  };
}

function overall(branches: Branch[]): WalkVerdict {
  const first = branches[0]?.verdict;
  if (!first) return 'unknown';
  return branches.every((b) => b.verdict === first) ? first : 'unknown';
}

function endpointsOf(branches: Branch[]): Endpoint[] {
  const by = new Map<string, Endpoint>();
  for (const b of branches) {
    if (!b.endpoint) continue;
    const key = `${b.endpoint.address}\u0000${b.endpoint.port}`;
    const e = by.get(key) ?? { ...b.endpoint, probability: 0 };
    e.probability += b.probability;
    by.set(key, e);
  }
  return [...by.values()].sort((a, b) => b.probability - a.probability);
}
