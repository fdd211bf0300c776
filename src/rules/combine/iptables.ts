import type { RuleContext } from '../rule';
import type { IptablesFacts, IptablesRule } from '../../parsers/iptables-save/facts';
import type { IptablesListFacts, ListedChain } from '../../parsers/iptables-L/facts';
import type { NftFacts, NftRule } from '../../parsers/nft/facts';

/**
 * A node's rule dumps, whatever printed them: `iptables-save` / `-S` as parsed, `iptables -L`
 * listings read as the same rules (`dpt:31710` as `--dport 31710`), and the tables iptables-nft
 * made as `nft list ruleset` shows them, so the rules that judge kube-proxy's chains read all.
 * A dump typed in a container with a network namespace of its own is that container's: left out.
 */
export function iptablesDumps(ctx: RuleContext): { source: string; facts: IptablesFacts }[] {
  return [
    ...ctx.of('iptables-save').filter(({ facts }) => !facts.elsewhere),
    ...ctx
      .of('iptables-L')
      .filter(({ facts }) => !facts.elsewhere)
      .map(({ source, facts }) => ({ source, facts: asDump(facts) })),
    ...ctx.of('nft').flatMap(({ source, facts }) => {
      const dump = nftAsDump(facts);
      return dump ? [{ source, facts: dump }] : [];
    }),
  ];
}

// iptables-nft's tables: an iptables table name in the ip family, its chains named as iptables
// names them (`FORWARD`, `KUBE-SERVICES`); a hand-written `table ip filter` has `input`, `forward`.
const XT_TABLES = new Set(['filter', 'nat', 'mangle', 'raw', 'security']);
const fromNft = new WeakMap<NftFacts, IptablesFacts | null>();

function nftAsDump(f: NftFacts): IptablesFacts | null {
  if (fromNft.has(f)) return fromNft.get(f)!;
  const tables = f.tables.filter(
    (t) =>
      t.family === 'ip' &&
      XT_TABLES.has(t.name) &&
      f.chains.some(
        (c) => c.table === t.name && c.family === 'ip' && /^[A-Z][A-Z0-9_-]*$/.test(c.name),
      ),
  );
  const names = new Set(tables.map((t) => t.name));
  const mine = (x: { family: string; table: string }) => x.family === 'ip' && names.has(x.table);
  const dump: IptablesFacts | null =
    tables.length === 0
      ? null
      : {
          format: 'save',
          backend: f.xtablesManaged[0]
            ? { value: 'nf_tables', line: f.xtablesManaged[0].line, text: f.xtablesManaged[0].text }
            : null,
          legacyWarning: null,
          tables: tables.map((t) => t.name),
          cut: [],
          chains: f.chains.filter(mine).map((c) => ({
            table: c.table,
            name: c.name,
            policy: c.hook ? (c.policy ?? 'accept').toUpperCase() : null,
            policyPackets: null,
            line: c.line,
            text: c.text,
          })),
          rules: f.rules.filter(mine).map((r) => ({
            table: r.table,
            chain: r.chain,
            target: targetOf(r),
            comment: r.comment,
            dport: r.dport,
            proto: r.proto,
            packets: r.packets,
            line: r.line,
            text: r.text,
          })),
        };
  fromNft.set(f, dump);
  return dump;
}

/** The iptables target a rule's verdict stands for: `jump KUBE-SVC-…` → `KUBE-SVC-…`, `drop` → `DROP`. */
function targetOf(r: NftRule): string | null {
  const v = r.verdict;
  if (!v) return null;
  if (v.kind === 'jump' || v.kind === 'goto') return v.target;
  return v.kind === 'vmap' ? null : v.kind.toUpperCase();
}

// Several rules read the same listing in one judgement: convert it once.
const converted = new WeakMap<IptablesListFacts, IptablesFacts>();
function asDump(l: IptablesListFacts): IptablesFacts {
  let d = converted.get(l);
  if (!d) converted.set(l, (d = fromListing(l)));
  return d;
}

// Chains only kube-proxy's nat table has (KUBE-SERVICES and KUBE-NODEPORTS live in filter too).
const NAT_ONLY = /^KUBE-(?:SVC|SEP|XLB|EXT|FW|MARK-MASQ|POSTROUTING)\b/;

/** The table a listing shows: the echoed `-t`, else what its chains give away. */
export function listingTable(l: IptablesListFacts): string {
  return l.table?.value ?? tableOf(l.chains);
}

function fromListing(l: IptablesListFacts): IptablesFacts {
  const table = listingTable(l);
  const rules: IptablesRule[] = l.rules.map((r) => ({
    table,
    chain: r.chain,
    target: r.target || null,
    comment: r.comment,
    dport: /\bdpts?:(\d+(?::\d+)?)/.exec(r.text)?.[1] ?? null,
    proto: r.prot === 'all' ? null : r.prot,
    packets: r.packets,
    line: r.line,
    text: r.text,
  }));
  const chains = l.chains.map((c) => ({
    table,
    name: c.name,
    policy: c.policy,
    policyPackets: c.policyPackets,
    line: c.line,
    text: c.text,
  }));
  return {
    format: 'S',
    backend: null,
    legacyWarning: null,
    tables: [table],
    cut: [],
    chains,
    rules,
  };
}

/** The table a listing without `-t` shows: filter by default, nat when only nat has its chains. */
function tableOf(chains: ListedChain[]): string {
  const names = new Set(chains.map((c) => c.name));
  if (chains.some((c) => NAT_ONLY.test(c.name))) return 'nat';
  if (names.has('PREROUTING') && names.has('POSTROUTING') && !names.has('FORWARD')) return 'nat';
  if (names.has('INPUT') && names.has('FORWARD') && !names.has('PREROUTING')) return 'filter';
  return 'unknown';
}
