import { tMsg, translate } from '../i18n/translate';
import type { Lang } from '../i18n/resources';
import { walk, parsePacket, type Hop, type WalkResult } from '../walk';
import { hasRules, walkInputsOf } from '../walk/sections';
import { addrBits } from '../walk/addr';
import { langOf, oneOf, UsageError, type Args } from './args';
import { parseInputs, type Input } from './inputs';

const STATES = ['NEW', 'ESTABLISHED', 'RELATED', 'INVALID'] as const;

/**
 * `triage walk --packet 'tcp 192.168.1.20:40000 -> 10.0.0.5:31610' FILE...`: the packet
 * followed through the node's pasted rules; JSON as documented, or a readable listing.
 */
export async function walkCmd(args: Args, inputs: Input[]): Promise<string> {
  const format = oneOf('format', args.options.format, ['json', 'text'] as const, 'text');
  const lang = langOf(args);
  const given = args.options.packet;
  if (given === undefined)
    throw new UsageError("--packet is required, e.g. 'tcp 192.168.1.20:40000 -> 10.0.0.5:31610'");
  const packet = parsePacket(given, {
    inIface: args.options.in ?? null,
    local: args.flags.has('local'),
    ctstate: oneOf('state', args.options.state, STATES, 'NEW'),
  });
  if (!packet)
    throw new UsageError(
      `--packet: not a packet: "${given.slice(0, 80)}"; write it as 'tcp SRC:PORT -> DST:PORT' (udp, sctp, icmp too)`,
    );
  if (args.options.out) packet.outIface = args.options.out;
  const sections = await parseInputs(inputs);
  if (!hasRules(sections))
    throw new UsageError(
      'no rules in the given files: give iptables-save, iptables -L -n -v, nft list ruleset or ipvsadm -Ln output',
    );
  const { inputs: rules, node } = walkInputsOf(sections);
  const addresses = nodeAddresses(args, node.addresses, packet.local ? null : packet.dst);
  const result = walk(rules, packet, { ...node, addresses });
  if (format === 'json') return JSON.stringify(toJson(result, addresses, lang), null, 2);
  return toText(result, addresses, lang);
}

/**
 * The node's own addresses: `--node-ip`, else a pasted `ip addr`, else the packet's destination
 * (a packet sent to a NodePort is sent to one of the node's addresses).
 */
function nodeAddresses(args: Args, pasted: string[], dst: string | null): string[] {
  const given = args.options['node-ip'];
  if (given !== undefined) {
    const list = given.split(',').map((a) => a.trim());
    const bad = list.find((a) => !addrBits(a));
    if (bad !== undefined)
      throw new UsageError(`--node-ip: "${bad.slice(0, 60)}" is not an address`);
    return list;
  }
  if (pasted.length > 0) return pasted;
  return dst ? [dst] : [];
}

/** `notes` and `unknown` as sentences in `--lang` (English by default), so the JSON reads as is. */
function toJson(r: WalkResult, addresses: string[], lang: Lang) {
  const hop = (h: Hop) => ({
    table: h.table,
    chain: h.chain,
    source: h.source,
    line: h.line,
    rule: h.rule,
    action: h.action,
    packets: h.packets,
  });
  return {
    packet: r.packet,
    nodeAddresses: addresses,
    verdict: r.verdict,
    endpoints: r.endpoints,
    hops: r.hops.map(hop),
    branches: r.branches.map((b) => ({
      probability: b.probability,
      verdict: b.verdict,
      endpoint: b.endpoint,
      masquerade: b.masquerade,
      rejectWith: b.rejectWith,
      unknown: b.unknown ? tMsg(lang, b.unknown) : null,
      decidedBy: b.decidedBy ? hop(b.decidedBy) : null,
      hops: b.hops.map(hop),
    })),
    datapaths: r.datapaths,
    notes: r.notes.map((n) => tMsg(lang, n)),
  };
}

const pct = (p: number) => `${Math.round(p * 1000) / 10}%`;

function toText(r: WalkResult, addresses: string[], lang: Lang): string {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(lang, `walk.${key}`, params);
  const out = [
    `${t('packet')}: ${r.packet.proto} ${r.packet.src}${r.packet.sport === null ? '' : `:${r.packet.sport}`} -> ${r.packet.dst}${r.packet.dport === null ? '' : `:${r.packet.dport}`}`,
    `${t('nodeAddresses')}: ${addresses.join(', ') || '?'}`,
    `${t('verdictLabel')}: ${t(`verdict.${r.verdict}`)}`,
  ];
  if (r.endpoints.length > 0)
    out.push(
      `${t('endpoints')}: ${r.endpoints.map((e) => `${e.address}${e.port === null ? '' : `:${e.port}`} (${pct(e.probability)})`).join(', ')}`,
    );
  r.branches.forEach((b, i) => {
    out.push('');
    out.push(
      `${t('branch', { n: i + 1, p: pct(b.probability) })}: ${t(`verdict.${b.verdict}`)}${b.endpoint ? ` → ${b.endpoint.address}${b.endpoint.port === null ? '' : `:${b.endpoint.port}`}` : ''}${b.masquerade ? `, ${t('masquerade')}` : ''}${b.rejectWith ? ` (${b.rejectWith})` : ''}${b.unknown ? ` — ${tMsg(lang, b.unknown)}` : ''}`,
    );
    for (const h of b.hops)
      out.push(`  ${h.table} ${h.chain}  ${h.source}:${h.line}  ${h.action}\n      ${h.rule}`);
  });
  if (r.notes.length > 0) out.push('', ...r.notes.map((n) => `- ${tMsg(lang, n)}`));
  return out.join('\n');
}
