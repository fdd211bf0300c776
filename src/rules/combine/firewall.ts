import { cite, type RuleContext } from '../rule';
import { listingTable } from './iptables';
import type { NftRule } from '../../parsers/nft/facts';
import type { Evidence } from '../../engine/types';

/**
 * A filter-table rule reduced to what decides the fate of a new TCP connection from outside
 * to a port on this node: the ports it matches, whether it can only match other traffic, and
 * whether it has conditions the paste cannot settle (source, interface, sets, marks).
 */
export interface FwRule {
  chain: string;
  target: string;
  /** `-g`: when the chain it goes to falls through, so does this one. */
  goto: boolean;
  /** `--dport`/`--dports`/`dpt:`/`dpts:` as ranges; null = any port. */
  ports: [number, number][] | null;
  /** Never matches a new TCP connection from outside (`-i lo`, udp/icmp, ESTABLISHED only). */
  never: boolean;
  /** Matches only some such connections (source, interface, marks, sets, negations...). */
  conditional: boolean;
  /** The protocol it is limited to (`tcp`, `udp`, `4` for IP-in-IP...); null for any. */
  proto: string | null;
  /** Never matches a new flow from outside whatever its protocol (`-i lo`, ESTABLISHED only). */
  notNew: boolean;
  evidence: Evidence;
}

export interface FwChain {
  name: string;
  policy: string | null;
  evidence: Evidence | null;
}

/** One pasted filter table (iptables-save/-S, iptables -L, or an nft table): rules by chain, in order. */
export interface FwTable {
  source: string;
  chains: Map<string, FwChain>;
  rules: Map<string, FwRule[]>;
  /** `iptables -L` without `-v` hides the interfaces, so no rule is known to be unconditional. */
  interfacesHidden: boolean;
  /** The chains the input hook runs: `INPUT` for iptables, an nft table's base chains on it. */
  input: string[];
}

export type Verdict =
  | { kind: 'accept'; by: Evidence }
  | { kind: 'reject'; by: Evidence; path: Evidence[]; maybeAccepted: Evidence[] }
  | { kind: 'fallthrough'; maybeAccepted: Evidence[] };

type Match = 'yes' | 'no' | 'maybe';
const STOP = /^(?:REJECT|DROP)$/;
const ANY_ADDR = /^(?:anywhere|0\.0\.0\.0\/0|::\/0)$/;
const MAX_DEPTH = 8;

/** The filter tables of every iptables paste (`iptables-save`, `iptables -S`, `iptables -L [-v]`). */
export function filterTables(ctx: RuleContext): FwTable[] {
  const out: FwTable[] = [];
  for (const { source, facts } of ctx.of('iptables-save')) {
    const t = emptyTable(source, false);
    for (const c of facts.chains)
      if (c.table === 'filter' || c.table === 'unknown')
        t.chains.set(c.name, { name: c.name, policy: c.policy, evidence: cite(source, c) });
    for (const r of facts.rules) {
      if (r.table !== 'filter' && r.table !== 'unknown') continue;
      add(t, fromSave(r.chain, r.text, cite(source, r)));
    }
    if (t.rules.size > 0 || t.chains.size > 0) out.push(t);
  }
  for (const { source, facts } of ctx.of('iptables-L')) {
    // A nat listing has INPUT and OUTPUT chains too: only the filter table decides.
    const table = listingTable(facts);
    if (table !== 'filter' && table !== 'unknown') continue;
    const t = emptyTable(source, !facts.verbose);
    for (const c of facts.chains)
      t.chains.set(c.name, { name: c.name, policy: c.policy, evidence: cite(source, c) });
    for (const r of facts.rules) {
      if (/^Warning:/.test(r.target)) continue;
      add(t, fromList(r.chain, r.target, r.prot, r.text, facts.verbose, cite(source, r)));
    }
    out.push(t);
  }
  return out;
}

/**
 * What `chain` does with a new TCP connection to a port in [lo, hi] from outside: accepted by
 * a rule (or the policy), rejected by a rule that catches it (or a DROP policy), or not decided.
 */
export function verdictOf(t: FwTable, chain: string, lo: number, hi: number): Verdict {
  return verdictFor(t, chain, 'tcp', lo, hi);
}

/**
 * `verdictOf` for a new flow of another protocol: UDP to the overlay's port (VXLAN 8472/4789,
 * Geneve 6081, WireGuard), or IP-in-IP (`4`, no port: pass 0 for both ends).
 */
export function verdictFor(
  t: FwTable,
  chain: string,
  proto: string,
  lo: number,
  hi: number,
): Verdict {
  const r = walk(t, chain, { proto, lo, hi }, 0);
  if (r.kind !== 'fallthrough') return r;
  const c = t.chains.get(chain);
  if (c?.policy && c.evidence) {
    if (STOP.test(c.policy))
      return { kind: 'reject', by: c.evidence, path: [], maybeAccepted: r.maybeAccepted };
    if (r.maybeAccepted.length === 0) return { kind: 'accept', by: c.evidence };
  }
  return r;
}

interface Flow {
  proto: string;
  lo: number;
  hi: number;
}

function walk(t: FwTable, chain: string, flow: Flow, depth: number): Verdict {
  const maybe: Evidence[] = [];
  for (const rule of t.rules.get(chain) ?? []) {
    const m = match(rule, flow);
    if (m === 'no') continue;
    const target = rule.target;
    if (target === 'ACCEPT') {
      if (m === 'yes') return { kind: 'accept', by: rule.evidence };
      maybe.push(rule.evidence);
      continue;
    }
    if (STOP.test(target)) {
      if (m === 'yes') return { kind: 'reject', by: rule.evidence, path: [], maybeAccepted: maybe };
      continue;
    }
    if (target === 'RETURN') {
      if (m === 'yes') return { kind: 'fallthrough', maybeAccepted: maybe };
      continue;
    }
    const known = t.rules.has(target) || t.chains.has(target);
    if (!known || depth >= MAX_DEPTH) {
      // A chain the paste does not show (a filtered listing) may accept anything.
      if (target && !/^(?:LOG|NFLOG|MARK|CONNMARK|CT|TRACE|AUDIT|ULOG)$/.test(target))
        maybe.push(rule.evidence);
      continue;
    }
    const sub = walk(t, target, flow, depth + 1);
    if (sub.kind === 'accept') {
      if (m === 'yes') return sub;
      maybe.push(sub.by);
    } else if (sub.kind === 'reject') {
      if (m === 'yes')
        return {
          kind: 'reject',
          by: sub.by,
          path: [rule.evidence, ...sub.path],
          maybeAccepted: [...maybe, ...sub.maybeAccepted],
        };
    } else {
      maybe.push(...sub.maybeAccepted);
      if (rule.goto && m === 'yes') return { kind: 'fallthrough', maybeAccepted: maybe };
    }
  }
  return { kind: 'fallthrough', maybeAccepted: maybe };
}

function match(rule: FwRule, { proto, lo, hi }: Flow): Match {
  if (proto === 'tcp' ? rule.never : rule.notNew) return 'no';
  if (rule.proto !== null && rule.proto !== proto) return 'no';
  let ports: Match = 'yes';
  if (rule.ports) {
    // A port match needs a protocol with ports: it never matches IP-in-IP.
    if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') return 'no';
    const covers = rule.ports.some(([a, b]) => a <= lo && b >= hi);
    const meets = rule.ports.some(([a, b]) => a <= hi && b >= lo);
    ports = covers ? 'yes' : meets ? 'maybe' : 'no';
  }
  if (ports === 'no') return 'no';
  return rule.conditional || ports === 'maybe' ? 'maybe' : 'yes';
}

function emptyTable(source: string, interfacesHidden: boolean): FwTable {
  return { source, chains: new Map(), rules: new Map(), interfacesHidden, input: ['INPUT'] };
}

/**
 * The tables of every `nft list ruleset` paste that filter the input hook (firewalld's
 * `inet firewalld`, a hand-made `inet filter`, iptables-nft's `ip filter`), walked like
 * iptables': each of its input base chains must let the connection through.
 */
export function nftFilterTables(ctx: RuleContext): FwTable[] {
  const out: FwTable[] = [];
  for (const { source, facts } of ctx.of('nft')) {
    for (const table of facts.tables) {
      if (table.family !== 'ip' && table.family !== 'inet') continue;
      const mine = <T extends { table: string; family: string }>(x: T) =>
        x.table === table.name && x.family === table.family;
      const chains = facts.chains.filter(mine);
      const input = chains.filter((c) => c.hook === 'input' && c.type === 'filter');
      if (input.length === 0) continue;
      const t = emptyTable(source, false);
      t.input = input.map((c) => c.name);
      for (const c of chains) {
        const policy = c.hook ? (c.policy ?? 'accept').toUpperCase() : null;
        t.chains.set(c.name, { name: c.name, policy, evidence: cite(source, c) });
      }
      for (const r of facts.rules.filter(mine))
        for (const fw of fromNft(r, cite(source, r))) add(t, fw);
      out.push(t);
    }
  }
  return out;
}

// What an nft rule may hold without narrowing which new TCP connections from outside it matches.
const NFT_NEUTRAL = [
  /\bmeta l4proto (?:tcp|6)\b/g,
  /\bip protocol tcp\b/g,
  /\b(?:tcp|udp|th) dport (?:!= )?(?:\{[^}]*\}|\S+)/g,
  /\bmeta l4proto (?:udp|17)\b/g,
  /\bip protocol (?:udp|ipencap|4)\b/g,
  /\bmeta nfproto ipv4\b/g,
  /\bfib daddr type local\b/g,
  /\blog(?: prefix "(?:[^"\\]|\\.)*")?(?: level \w+)?/g,
  /\blimit rate .*? (?=\S+$)/g,
];
// Port names nft prints for well-known ports (from /etc/services); firewalld's rules use them.
const SERVICES: Record<string, string> = {
  ssh: '22',
  http: '80',
  https: '443',
  domain: '53',
  ntp: '123',
  'http-alt': '8080',
  kubernetes: '6443',
};
const VERDICT_AT_END =
  /\s*(?:vmap\s+(?:@\S+|\{.*\})|(?:jump|goto)\s+\S+|accept|drop|return|continue|reject(?: with .*)?)$/;
const NFT_NOT_NEW = /\bi(?:if|ifname) "?lo"?(?=\s)|\bmeta nfproto ipv6\b/;
const NFT_NEVER =
  /\b(?:udp|icmp|icmpv6|sctp) (?:dport|type)\b|\bmeta l4proto (?:udp|icmp|ipv6-icmp|sctp|17|1|58)\b|\bip protocol (?:udp|icmp)\b|\bi(?:if|ifname) "?lo"?(?=\s)|\bmeta nfproto ipv6\b/;

/** An nft rule as the walker's rule (a verdict map as one conditional rule per chain it sends to). */
function fromNft(rule: NftRule, evidence: Evidence): FwRule[] {
  const v = rule.verdict;
  const base = blankRule(rule.chain, evidence);
  const body = rule.body;
  const state = /\bct state (!= )?(\{[^}]*\}|[\w,]+)/.exec(body);
  if (state && !state[1] && !/\bnew\b/.test(state[2]!)) base.never = base.notNew = true;
  if (NFT_NEVER.test(body)) base.never = true;
  if (NFT_NOT_NEW.test(body)) base.notNew = true;
  base.proto = protoName(rule.proto ?? /\bip protocol (\w+)/.exec(body)?.[1] ?? null);
  // `meta l4proto { icmp, ipv6-icmp }`: a set of protocols without TCP never matches it.
  const protos = /\bmeta l4proto \{([^}]*)\}/.exec(body);
  if (protos && !/\b(?:tcp|6)\b/.test(protos[1]!)) base.never = true;
  if (rule.dport) {
    const spec = rule.dport
      .replace(/^\{\s*|\s*\}$/g, '')
      .replace(/\s+/g, '')
      .replace(/[a-z][\w-]*/g, (name) => SERVICES[name] ?? name);
    // `!= 22`, a named set `@ports`: which ports, the paste cannot settle.
    if (/^\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*$/.test(spec)) base.ports = portList(spec, '-');
    else base.conditional = true;
  }
  // What is left besides the verdict, the port and a `ct state` that is not negated narrows the match.
  let rest = body.replace(VERDICT_AT_END, '');
  if (state && !state[1]) rest = rest.replace(state[0], '');
  for (const re of NFT_NEUTRAL) rest = rest.replace(re, '');
  if (rest.trim() !== '') base.conditional = true;
  if (!v) return [base];
  if (v.kind === 'vmap') {
    // `iifname vmap { "eth0" : goto filter_IN_public }`: which chain depends on the interface.
    const targets = [...body.matchAll(/:\s*(jump|goto)\s+([^\s,}]+)/g)];
    // A named map (`vmap @no-endpoint-nodeports`) holds verdicts the walk cannot see: maybe any.
    if (targets.length === 0) return [{ ...base, target: v.target ?? '@map', conditional: true }];
    return targets.map((m) => ({
      ...base,
      target: m[2]!,
      goto: m[1] === 'goto',
      conditional: true,
    }));
  }
  const target =
    v.kind === 'jump' || v.kind === 'goto'
      ? (v.target ?? '')
      : /^(?:accept|drop|reject|return)$/.test(v.kind)
        ? v.kind.toUpperCase()
        : '';
  return [{ ...base, target, goto: v.kind === 'goto' }];
}

/** A rule that matches any new connection and decides nothing, until its parts are read. */
function blankRule(chain: string, evidence: Evidence, target = ''): FwRule {
  return {
    chain,
    target,
    goto: false,
    ports: null,
    never: false,
    conditional: false,
    proto: null,
    notNew: false,
    evidence,
  };
}

function add(t: FwTable, r: FwRule): void {
  const list = t.rules.get(r.chain);
  if (list) list.push(r);
  else t.rules.set(r.chain, [r]);
}

/** `-A INPUT -p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT`. */
function fromSave(chain: string, text: string, evidence: Evidence): FwRule {
  const tokens = text.replace(/^\s*\[\d+:\d+\]\s*/, '').match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
  const r = blankRule(chain, evidence);
  let negate = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1] ?? '';
    if (tok === '!') {
      negate = true;
      continue;
    }
    const neg = negate;
    negate = false;
    switch (tok) {
      case '-A':
      case '-I':
        i++;
        if (tok === '-I' && /^\d+$/.test(tokens[i + 1] ?? '')) i++;
        break;
      case '-j':
      case '--jump':
      case '-g':
      case '--goto':
        r.target = next;
        r.goto = tok === '-g' || tok === '--goto';
        i++;
        break;
      case '-p':
      case '--protocol':
        if (neg) r.conditional = true;
        else {
          r.proto = protoName(next);
          if (!/^(?:tcp|all|6|0)$/i.test(next)) r.never = true;
        }
        i++;
        break;
      case '-i':
      case '--in-interface':
        if (next === 'lo' && !neg) r.never = r.notNew = true;
        else r.conditional = true;
        i++;
        break;
      case '-s':
      case '--source':
      case '-d':
      case '--destination':
        if (neg || !ANY_ADDR.test(next)) r.conditional = true;
        i++;
        break;
      case '--state':
      case '--ctstate':
        if (!neg && !/\bNEW\b/.test(next)) r.never = r.notNew = true;
        else if (neg) r.conditional = true;
        i++;
        break;
      case '--dport':
      case '--destination-port':
      case '--dports':
      case '--destination-ports':
        if (neg) r.conditional = true;
        else r.ports = portList(next, ':');
        i++;
        break;
      case '-m':
      case '--match':
      case '--comment':
      case '--reject-with':
        i++;
        break;
      case '--dst-type':
        if (neg || next !== 'LOCAL') r.conditional = true;
        i++;
        break;
      default:
        // `-o`, `--sport`, `--match-set`, `--mark`, `--limit`, `--icmp-type`...: conditions we cannot settle.
        if (tok.startsWith('-')) {
          r.conditional = true;
          if (next && !next.startsWith('-')) i++;
        }
    }
  }
  return r;
}

/** `REJECT all -- 0.0.0.0/0 0.0.0.0/0 reject-with icmp-host-prohibited` (with `-v`: pkts bytes ... in out). */
function fromList(
  chain: string,
  target: string,
  prot: string,
  text: string,
  verbose: boolean,
  evidence: Evidence,
): FwRule {
  const r = blankRule(chain, evidence, target);
  const comment = text.replace(/\/\*.*?\*\//g, ' ');
  const tokens = comment.trim().split(/\s+/);
  const at = tokens.findIndex((t, i) => t === prot && /^[-!][-f!]$|^--$/.test(tokens[i + 1] ?? ''));
  if (!/^(?:tcp|all|6|0)$/i.test(prot)) r.never = true;
  r.proto = protoName(prot);
  if (at < 0) {
    r.conditional = true;
    return r;
  }
  let i = at + 2;
  if (verbose) {
    const [inIf, outIf] = [tokens[i] ?? '', tokens[i + 1] ?? ''];
    if (inIf === 'lo') r.never = r.notNew = true;
    else if (!/^(?:\*|any)$/.test(inIf) || !/^(?:\*|any)$/.test(outIf)) r.conditional = true;
    i += 2;
  }
  const [src, dst] = [tokens[i] ?? '', tokens[i + 1] ?? ''];
  if (!ANY_ADDR.test(src) || !ANY_ADDR.test(dst)) r.conditional = true;
  const rest = tokens.slice(i + 2).join(' ');
  const state = /\b(?:ctstate|state)\s+(\S+)/.exec(rest);
  if (state && !/\bNEW\b/.test(state[1]!)) r.never = r.notNew = true;
  const dpt = /\bdpts?:(\d+(?::\d+)?)|\bdports\s+(\S+)/.exec(rest);
  if (dpt) r.ports = portList(dpt[1] ?? dpt[2]!, ':');
  const leftover = rest
    .replace(/\b(?:ctstate|state)\s+\S+/, '')
    .replace(/\b(?:tcp|udp)\b|\bdpts?:\S+|\bmultiport\s+dports\s+\S+/g, '')
    .replace(/\breject-with\s+\S+/, '')
    .replace(/\bADDRTYPE match dst-type LOCAL\b/, '')
    .trim();
  if (leftover) r.conditional = true;
  // Without `-v` an interface match is not printed: a bare `ACCEPT all -- anywhere anywhere`
  // (no port, no state) is, before a final REJECT, iptables-services' `-i lo -j ACCEPT`, not an
  // accept-all that would make that REJECT pointless. It may cover only some traffic.
  if (!verbose && target === 'ACCEPT' && r.ports === null) r.conditional = true;
  return r;
}

/**
 * A protocol as iptables (`-p udp`, `-L`'s `udp`, `4`, `ipv4`) or nft (`meta l4proto udp`) names
 * it: `tcp`, `udp`, `4` for IP-in-IP, `icmp`...; null for any (`all`, `0`, none).
 */
export function protoName(p: string | null): string | null {
  if (p === null) return null;
  const v = p.toLowerCase();
  if (v === 'all' || v === '0' || v === '') return null;
  const names: Record<string, string> = {
    '6': 'tcp',
    '17': 'udp',
    '1': 'icmp',
    '132': 'sctp',
    ipv4: '4',
    ipencap: '4',
    '4': '4',
  };
  return names[v] ?? v;
}

/** `22`, `30000:32767`, `80,443,30000:32767` → ranges. */
function portList(spec: string, sep: string): [number, number][] {
  return spec
    .replace(/^"|"$/g, '')
    .split(',')
    .map((p) => p.split(sep).map(Number))
    .filter((p) => p.every((n) => Number.isFinite(n)))
    .map((p) => [p[0]!, p[1] ?? p[0]!] as [number, number]);
}
