/**
 * The walk engine: one packet through the compiled programs of a node in the kernel's order
 * (PREROUTING → routing → INPUT or FORWARD → POSTROUTING; OUTPUT first for a local packet),
 * all base chains of a hook by priority, jumps, gotos and returns as netfilter does them.
 * A probability split or a choice forks the packet into branches; an undecidable match ends
 * its branch as "unknown here" rather than guessing. Pure: no DOM, no node APIs.
 */
import { addrBits, inPrefix } from './addr';
import { msg, uniqueMsgs, type Msg } from './msg';
import { deviceFor } from './routes';
import type { Action, Chain, Hook, PacketState, Program, Rule } from './program';
import { chainKey } from './program';
import type { Hop, Packet, WalkNode, WalkResult } from './types';
import type { End, Finished, Flow, ForkPoint, Outcome } from './flow';
import { endpointsOf, overall, settle, toBranch } from './settle';

/** Most branches followed at once; a ruleset splitting further is cut to the likeliest. */
export const MAX_BRANCHES = 256;
/** Nested jumps before the walk calls it a loop (the kernel refuses loops at load time). */
export const MAX_DEPTH = 64;
/** Undecidable matches one branch may follow both ways before it stops as unknown. */
export const MAX_ASSUMPTIONS = 6;

interface BaseEntry {
  chain: Chain;
  program: Program;
  order: number;
}

class Walker {
  readonly notes: Msg[] = [];
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
      const family = familyOf(program, chain);
      for (const flow of live) {
        // nat chains see only a connection's first packet; later ones follow conntrack, and an
        // untracked packet (raw's notrack) is never translated.
        const skip =
          (chain.base!.type === 'nat' && (flow.st.ctstate !== 'NEW' || opts.skipNat)) ||
          // An ip table's hooks never see IPv6 packets, nor an ip6 table's IPv4 ones.
          (family !== null && family !== addrBits(flow.st.dst)?.width);
        if (skip) {
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
    const base = chain.base!;
    return this.runFrom(program, chain, { ...flow, under: base.policy }, 0).map((o) => {
      const left = { ...o.flow, under: null };
      if (o.end.kind !== 'return') return { flow: left, end: o.end };
      // Falling off (or RETURN from) a base chain: its policy decides.
      const hop = this.policyHop(chain);
      if (base.policy === 'drop')
        return { flow: this.withHop(left, hop), end: { kind: 'drop', hop } };
      if (chain.rules.length === 0) return { flow: left, end: { kind: 'accept' } };
      return { flow: { ...this.withHop(left, hop), lastPolicy: hop }, end: { kind: 'accept' } };
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
    const rules = chain.candidates ? chain.candidates(flow.st) : chain.rules;
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
    let unknown: { why: Msg; match: string } | null = null;
    for (const m of rule.matches) {
      const r = m.test(flow.st);
      if (r === false) return [{ flow, end: null }];
      if (r === true) continue;
      if ('probability' in r) p *= Math.min(1, Math.max(0, r.probability));
      else unknown ??= { why: r.unknown, match: m.text };
    }
    const out: { flow: Flow; end: End | null }[] = [];
    let matched = flow;
    if (unknown !== null) {
      // Neither a pass nor a miss: follow both; `settle` keeps a verdict only where both ways
      // end alike, and otherwise makes this rule the unknown that decided.
      // Hop actions stay netfilter's words and the match as written; the reason is the Msg.
      const hop = this.hop(chain, rule, `unknown (${unknown.match})`);
      const here = this.withHop(flow, hop);
      if (flow.forks.length >= MAX_ASSUMPTIONS)
        return [{ flow: here, end: { kind: 'unknown', why: unknown.why, hop } }];
      const id = this.forkPoints.size + 1;
      this.forkPoints.set(id, { why: unknown.why, match: unknown.match, hop, flow: here });
      out.push({ flow: { ...flow, forks: [...flow.forks, { id, holds: false }] }, end: null });
      const assumed = this.hop(chain, rule, `assumed (${unknown.match})`);
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
        const hop = this.hop(chain, rule, `unknown (${action.text})`);
        return [
          { flow: this.withHop(flow, hop), end: { kind: 'unknown', why: choices.unknown, hop } },
        ];
      }
      // Nothing chosen (a verdict map without the packet's key): the rule ends here, as nft's
      // missed lookup ends it; the chain goes on with the next rule.
      if (choices.length === 0) return [{ flow, end: null }];
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
        const decisiveAccept = flow.under === 'drop' ? hop : flow.decisiveAccept;
        const f = { ...this.withHop(flow, hop), lastAccept: hop, decisiveAccept };
        return [{ flow: f, end: { kind: 'accept' } }];
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
          const why = msg('walk.unknown.missingChain', { kind: action.kind, chain: action.chain });
          return [{ flow: f, end: { kind: 'unknown', why, hop } }];
        }
        if (depth + 1 > MAX_DEPTH) {
          const why = msg('walk.unknown.loop', {
            max: MAX_DEPTH,
            from: chain.name,
            to: action.chain,
          });
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
        const st = translated(flow.st, address, port);
        const f = { ...this.withHop(flow, hop), st, endpoint: { address, port }, dnatHop: hop };
        return [{ flow: f, end: { kind: 'accept' } }];
      }
      case 'redirect': {
        // To the node itself: the incoming interface's address, loopback for a local packet.
        const address = flow.st.local
          ? '127.0.0.1'
          : (this.localAddressOf(flow.st.dst) ?? flow.st.dst);
        const port = action.port ?? flow.st.dport;
        const hop = this.hop(chain, rule, `REDIRECT ${port ?? ''}`.trim());
        const st = translated(flow.st, address, port);
        const f = { ...this.withHop(flow, hop), st, endpoint: { address, port }, dnatHop: hop };
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
      case 'notrack': {
        // Out of conntrack: no nat chain sees the packet from here on.
        const st = { ...flow.st, ctstate: 'UNTRACKED' as const };
        return go({ ...this.withHop(flow, this.hop(chain, rule, action.text)), st });
      }
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
      this.notes.push(msg('walk.note.capped', { max: MAX_BRANCHES }));
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
    },
    hops: [],
    masquerade: false,
    endpoint: null,
    under: null,
    decisiveAccept: null,
    lastAccept: null,
    lastPolicy: null,
    dnatHop: null,
    forks: [],
  };
  if (packet.local) localPath(w, start, done);
  else inboundPath(w, start, done);

  const settled = settle(done, w.forkPoints, w.notes);
  const branches = settled.map(toBranch).sort((a, b) => b.probability - a.probability);
  const notes = uniqueMsgs([...programs.flatMap((p) => p.notes), ...w.notes]);
  if (packet.ctstate !== 'NEW') notes.push(msg('walk.note.notNew', { state: packet.ctstate }));
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
      const why = msg('walk.unknown.nodeAddresses', { dst: f.st.dst });
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

/** The destination translated; the connection's original one stays with it for `--ctorigdst`. */
function translated(st: PacketState, dst: string, dport: number | null): PacketState {
  return {
    ...st,
    origDst: st.origDst ?? st.dst,
    origDport: st.origDport === undefined ? st.dport : st.origDport,
    dst,
    dport,
  };
}

/**
 * The IP version an nft base chain's table sees: 32 for `ip`, 128 for `ip6`; null for `inet`,
 * iptables' tables and IPVS (iptables dumps are one family's already).
 */
function familyOf(program: Program, chain: Chain): 32 | 128 | null {
  if (program.datapath !== 'nftables') return null;
  const family = chain.table.slice(0, chain.table.indexOf(' '));
  return family === 'ip' ? 32 : family === 'ip6' ? 128 : null;
}
