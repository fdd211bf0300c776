/**
 * One `iptables-save` / `iptables -S` rule read back into matches and a target, from its words
 * (`-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "…" -m tcp --dport 443 -j …`).
 * `!` may stand before an option or (old iptables) after it. An option the walk does not model
 * becomes a match that answers unknown with the rule's words.
 */
import { tokenize } from '../../parsers/iptables-save/tokens';
import type { Match } from '../program';
import {
  addrMatch,
  addrtypeMatch,
  always,
  ctOrigDstMatch,
  ctstateMatch,
  icmpTypeMatch,
  ifaceMatch,
  markMatch,
  negate,
  pktTypeMatch,
  portMatch,
  probabilityMatch,
  protoMatch,
  tcpFlagsMatch,
  unknownMatch,
} from './matches';
import type { IpSets } from './sets';
import { setMatch } from './sets';
import type { TargetOptions } from './targets';
import { msg, type Msg, type WalkKey } from '../msg';

export interface ReadRule {
  matches: Match[];
  target: string | null;
  goto: boolean;
  options: TargetOptions;
  /** The target as written with its options (`DNAT --to-destination 10.244.1.5:80`). */
  targetText: string;
  /** Things worth a note (`--limit-iface-in` read as any node address). */
  notes: Msg[];
}

/** Modules whose matches depend on what the paste cannot show: the reason's message key. */
const OPAQUE_MODULES: Record<string, WalkKey> = {
  recent: 'walk.unknown.module.recent',
  socket: 'walk.unknown.module.socket',
  physdev: 'walk.unknown.module.physdev',
  mac: 'walk.unknown.module.mac',
  owner: 'walk.unknown.module.owner',
  string: 'walk.unknown.module.string',
  u32: 'walk.unknown.module.u32',
  hashlimit: 'walk.unknown.module.hashlimit',
  connlimit: 'walk.unknown.module.connlimit',
  connbytes: 'walk.unknown.module.connbytes',
  iprange: 'walk.unknown.module.iprange',
  length: 'walk.unknown.module.length',
  ttl: 'walk.unknown.module.ttl',
  hl: 'walk.unknown.module.hl',
  helper: 'walk.unknown.module.helper',
  policy: 'walk.unknown.module.policy',
  rpfilter: 'walk.unknown.module.rpfilter',
  bpf: 'walk.unknown.module.bpf',
  cgroup: 'walk.unknown.module.cgroup',
  time: 'walk.unknown.module.time',
  quota: 'walk.unknown.module.quota',
  dscp: 'walk.unknown.module.dscp',
  tos: 'walk.unknown.module.tos',
  ipvs: 'walk.unknown.module.ipvs',
  devgroup: 'walk.unknown.module.devgroup',
};

/** Options that take no argument. */
const FLAGS = new Set([
  '--syn',
  '--limit-iface-in',
  '--limit-iface-out',
  '--random',
  '--random-fully',
  '--persistent',
  '--rsource',
  '--rdest',
  '--save-mark',
  '--restore-mark',
  '--notrack',
  '--checksum-fill',
  '--clamp-mss-to-pmtu',
  '--return-nomatch',
  '--update-counters',
  '--update-subcounters',
  '--log-tcp-sequence',
  '--log-tcp-options',
  '--log-ip-options',
  '--log-uid',
]);

const arity = (o: string) =>
  FLAGS.has(o) ? 0 : o === '--match-set' || o === '--tcp-flags' ? 2 : 1;

export function readSaveRule(text: string, sets: IpSets): ReadRule {
  const words = tokenize(text.replace(/^\[\d+:\d+\]\s*/, ''));
  const matches: Match[] = [];
  const notes: Msg[] = [];
  const options: TargetOptions = new Map();
  let target: string | null = null;
  let goto = false;
  let targetText = '';
  let module: string | null = null;
  // statistic's options come apart (`--mode random --probability p`): gathered, then read.
  const statistic = new Map<string, string>();

  let i = 0;
  while (i < words.length) {
    let neg = false;
    if (words[i] === '!') {
      neg = true;
      i += 1;
    }
    const o = words[i];
    if (o === undefined) break;
    i += 1;
    if (o === '-A' || o === '--append' || o === '-I' || o === '--insert') {
      i += 1;
      if (o.startsWith('-I') && /^\d+$/.test(words[i] ?? '')) i += 1;
      continue;
    }
    if (o === '-c' || o === '--set-counters') {
      i += 2;
      continue;
    }
    if (o === '-j' || o === '--jump' || o === '-g' || o === '--goto') {
      target = words[i] ?? null;
      goto = o === '-g' || o === '--goto';
      targetText = words.slice(i).join(' ');
      i += 1;
      // Everything after the target is its options.
      while (i < words.length) {
        const name = words[i]!;
        const n = name.startsWith('--') ? arity(name) : 0;
        options.set(name, words.slice(i + 1, i + 1 + n));
        i += 1 + n;
      }
      break;
    }
    if (o === '-m' || o === '--match') {
      module = words[i] ?? null;
      i += 1;
      if (module && module in OPAQUE_MODULES) {
        // The module's options up to the next module or target make one unknown match.
        let j = i;
        while (
          j < words.length &&
          !['-m', '--match', '-j', '--jump', '-g', '--goto'].includes(words[j]!)
        )
          j += 1;
        const t = `${neg ? '! ' : ''}-m ${module} ${words.slice(i, j).join(' ')}`.trim();
        matches.push(unknownMatch(t, msg(OPAQUE_MODULES[module]!, { text: t })));
        i = j;
      }
      continue;
    }
    const n = arity(o);
    // Old iptables wrote `-s ! 10.0.0.0/8`: the `!` after the option.
    if (words[i] === '!') {
      neg = !neg;
      i += 1;
    }
    const args = words.slice(i, i + n);
    i += n;
    const shown = `${neg ? '! ' : ''}${o}${args.length ? ' ' + args.join(' ') : ''}`;
    const a0 = args[0] ?? '';
    const add = (m: Match) => matches.push(negate(m, neg));
    switch (o) {
      case '-s':
      case '--source':
      case '--src':
        add(addrMatch(`${o} ${a0}`, 'src', a0));
        break;
      case '-d':
      case '--destination':
      case '--dst':
        add(addrMatch(`${o} ${a0}`, 'dst', a0));
        break;
      case '-p':
      case '--protocol':
        add(protoMatch(`${o} ${a0}`, a0));
        break;
      case '-i':
      case '--in-interface':
        add(ifaceMatch(`${o} ${a0}`, 'in', a0));
        break;
      case '-o':
      case '--out-interface':
        add(ifaceMatch(`${o} ${a0}`, 'out', a0));
        break;
      case '--dport':
      case '--destination-port':
        add(portMatch(`${o} ${a0}`, 'dst', a0));
        break;
      case '--sport':
      case '--source-port':
        add(portMatch(`${o} ${a0}`, 'src', a0));
        break;
      case '--dports':
      case '--destination-ports':
        add(portMatch(`${o} ${a0}`, 'dst', a0));
        break;
      case '--sports':
      case '--source-ports':
        add(portMatch(`${o} ${a0}`, 'src', a0));
        break;
      case '--ports':
        add(portMatch(`${o} ${a0}`, 'either', a0));
        break;
      case '--src-type':
        add(addrtypeMatch(`${o} ${a0}`, 'src', a0));
        break;
      case '--dst-type':
        add(addrtypeMatch(`${o} ${a0}`, 'dst', a0));
        break;
      case '--limit-iface-in':
      case '--limit-iface-out':
        notes.push(msg('walk.note.addrtypeLimit', { option: o }));
        break;
      case '--comment':
        add(always(`--comment ${a0}`));
        break;
      case '--mark':
        add(
          markMatch(
            `-m ${module ?? 'mark'} ${shown}`,
            module === 'connmark' ? 'conntrack' : 'packet',
            a0,
          ),
        );
        break;
      case '--ctstate':
      case '--state':
        add(ctstateMatch(shown, a0));
        break;
      case '--ctorigdst':
        add(ctOrigDstMatch(shown, 'addr', a0));
        break;
      case '--ctorigdstport':
        add(ctOrigDstMatch(shown, 'port', a0));
        break;
      case '--ctdir':
        // The walked packet goes in the connection's original direction.
        add({ text: shown, test: () => a0.toUpperCase() === 'ORIGINAL' });
        break;
      case '--mode':
      case '--probability':
      case '--every':
      case '--packet':
        statistic.set(o, a0);
        if (neg) statistic.set('!', 'yes');
        break;
      case '--match-set':
        add(setMatch(`-m set ${shown}`, a0, args[1] ?? 'dst', sets));
        break;
      case '--syn':
        add(tcpFlagsMatch(shown, 'FIN,SYN,RST,ACK', 'SYN'));
        break;
      case '--tcp-flags':
        add(tcpFlagsMatch(shown, a0, args[1] ?? ''));
        break;
      case '--icmp-type':
      case '--icmpv6-type':
        add(icmpTypeMatch(shown, a0));
        break;
      case '--pkt-type':
        add(pktTypeMatch(shown, a0));
        break;
      case '--limit':
      case '--limit-burst':
        // A rate limit: the one packet walked is within it.
        break;
      default:
        matches.push(
          unknownMatch(
            shown,
            msg('walk.unknown.notModelled', { text: `${module ? `-m ${module} ` : ''}${shown}` }),
          ),
        );
    }
  }
  const stat = statisticMatch(statistic);
  if (stat) matches.push(stat);
  return { matches, target, goto, options, targetText, notes };
}

/** `-m statistic --mode random --probability p` or `--mode nth --every n [--packet k]`. */
function statisticMatch(s: Map<string, string>): Match | null {
  const mode = s.get('--mode');
  if (!mode) return null;
  const neg = s.has('!');
  if (mode === 'random') {
    const p = Number(s.get('--probability'));
    const text = `-m statistic --mode random --probability ${s.get('--probability')}`;
    if (!Number.isFinite(p))
      return unknownMatch(text, msg('walk.unknown.statisticUnread', { text }));
    return negate(probabilityMatch(text, p), neg);
  }
  const every = Number(s.get('--every'));
  const text = `-m statistic --mode nth --every ${s.get('--every')} --packet ${s.get('--packet') ?? '0'}`;
  if (!Number.isFinite(every) || every < 1)
    return unknownMatch(text, msg('walk.unknown.statisticUnread', { text }));
  // Over many connections each nth rule takes one in `every` of what reaches it.
  return negate(probabilityMatch(text, 1 / every), neg);
}
