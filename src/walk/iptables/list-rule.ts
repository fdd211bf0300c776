/**
 * One `iptables -L -n [-v] [--line-numbers]` rule read back into matches and a target: the
 * columns (target, prot, opt, in, out, source, destination), then the extensions' words that
 * iptables prints after them (`tcp dpt:31610`, `ADDRTYPE match dst-type LOCAL`, `to:…`). Words
 * the walk cannot read become a match that answers unknown with them.
 */
import type { ListedRule } from '../../parsers/iptables-L/facts';
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
  unknownMatch,
} from './matches';
import type { ReadRule } from './save-rule';
import type { IpSets } from './sets';
import { setMatch } from './sets';
import type { TargetOptions } from './targets';
import { msg, type Msg } from '../msg';

const OPT = /^(?:--|-f|!f)$/;

/** The fixed columns of a listed rule and where its extension words start. */
function columns(rule: ListedRule, verbose: boolean) {
  const fields = [...rule.text.matchAll(/\S+/g)].map((m) => ({ w: m[0], at: m.index }));
  const words = fields.map((f) => f.w);
  let k = words.slice(0, 6).findIndex((w) => OPT.test(w));
  let protAt: number;
  if (k >= 1) protAt = k - 1;
  else {
    // ip6tables leaves the opt column blank: find prot after the counters and target.
    const from = (verbose ? 2 : 0) + (rule.target ? 1 : 0);
    protAt = words.findIndex((w, i) => i >= from && w === rule.prot);
    k = protAt;
  }
  let i = k + 1;
  const next = () => words[i++] ?? '';
  const inIf = verbose ? next() : '*';
  const outIf = verbose ? next() : '*';
  const source = next();
  const destination = next();
  const extras = i < fields.length ? rule.text.slice(fields[i]!.at) : '';
  return { prot: words[protAt] ?? 'all', inIf, outIf, source, destination, extras };
}

const bang = (w: string) =>
  w.startsWith('!') ? { neg: true, v: w.slice(1) } : { neg: false, v: w };

export function readListedRule(rule: ListedRule, verbose: boolean, sets: IpSets): ReadRule {
  const c = columns(rule, verbose);
  const matches: Match[] = [];
  const notes: Msg[] = [];
  const options: TargetOptions = new Map();
  const add = (m: Match, neg = false) => matches.push(negate(m, neg));

  // The kernel tests addresses, then interfaces, then the protocol: an unknown interface
  // must not hide that the address already rules the rule out.
  for (const [col, which] of [
    [c.source, 'src'],
    [c.destination, 'dst'],
  ] as const) {
    const { neg, v } = bang(col);
    if (v === '0.0.0.0/0' || v === '::/0' || v === 'anywhere') continue;
    add(addrMatch(`${which === 'src' ? 'source' : 'destination'} ${col}`, which, v), neg);
  }

  for (const [col, which] of [
    [c.inIf, 'in'],
    [c.outIf, 'out'],
  ] as const) {
    // `*` with -n, `any` without it: no interface match.
    if (col === '*' || col === 'any' || col === '') continue;
    const { neg, v } = bang(col);
    add(ifaceMatch(`${which} ${col}`, which, v), neg);
  }
  matches.push(protoMatch(`prot ${c.prot}`, c.prot));

  // Extension words, comments taken out first (they may hold anything).
  const text = c.extras.replace(/\/\*.*?\*\//g, ' ');
  if (text !== c.extras) matches.push(always('comment'));
  const w = text.split(/\s+/).filter((x) => x !== '');
  let goto = false;
  const targetWords: string[] = [];
  let i = 0;
  const peek = (n = 0) => w[i + n] ?? '';
  const notAhead = () => {
    if (peek() === '!') {
      i += 1;
      return true;
    }
    return false;
  };
  while (i < w.length) {
    const start = i;
    const neg = notAhead();
    const word = peek();
    i += 1;
    const portWord = /^(spts?|dpts?):(!?)(.+)$/.exec(word);
    if (['tcp', 'udp', 'sctp', 'udplite'].includes(word)) continue;
    if (portWord) {
      add(
        portMatch(word, portWord[1]!.startsWith('s') ? 'src' : 'dst', portWord[3]!),
        neg || portWord[2] === '!',
      );
    } else if (/^flags:/.test(word)) {
      const f = /^flags:(!?)(0x[0-9a-f]+)\/(0x[0-9a-f]+)$/i.exec(word);
      if (!f) add(unknownMatch(word, msg('walk.unknown.tcpFlagsUnread', { flags: word })));
      else {
        const mask = Number(f[2]);
        const comp = Number(f[3]);
        add(
          {
            text: word,
            test: (p) => p.proto === 'tcp' && ((p.ctstate === 'NEW' ? 2 : 16) & mask) === comp,
          },
          neg || f[1] === '!',
        );
      }
    } else if (word === 'multiport') {
      const kind = w[i] ?? '';
      i += 1;
      const n2 = notAhead();
      const { neg: n3, v } = bang(w[i] ?? '');
      i += 1;
      const which = kind === 'sports' ? 'src' : kind === 'dports' ? 'dst' : 'either';
      add(portMatch(`multiport ${kind} ${v}`, which, v), neg || n2 || n3);
    } else if (word === 'ADDRTYPE' && peek() === 'match') {
      i += 1;
      while (/^(src-type|dst-type|limit-in|limit-out)$/.test(peek())) {
        const k = w[i]!;
        i += 1;
        if (k.startsWith('limit')) {
          notes.push(msg('walk.note.addrtypeLimit', { option: `ADDRTYPE ${k}` }));
          continue;
        }
        const n2 = notAhead();
        const { neg: n3, v } = bang(w[i] ?? '');
        i += 1;
        add(
          addrtypeMatch(`ADDRTYPE ${k} ${v}`, k === 'src-type' ? 'src' : 'dst', v),
          neg || n2 || n3,
        );
      }
    } else if (word === 'statistic' && peek() === 'mode') {
      const mode = w[i + 1];
      i += 2;
      const n2 = notAhead();
      if (mode === 'random' && peek() === 'probability') {
        const p = Number(w[i + 1]);
        i += 2;
        add(probabilityMatch(`statistic mode random probability ${p}`, p), neg || n2);
      } else if (mode === 'nth' && peek() === 'every') {
        const every = Number(w[i + 1]);
        i += 2;
        if (peek() === 'packet') i += 2;
        add(probabilityMatch(`statistic mode nth every ${every}`, 1 / every), neg || n2);
      } else
        add(
          unknownMatch(
            w.slice(start).join(' '),
            msg('walk.unknown.statisticUnread', { text: w.slice(start).join(' ') }),
          ),
        );
    } else if ((word === 'mark' || word === 'connmark') && peek() === 'match') {
      i += 1;
      const n2 = notAhead();
      const v = w[i] ?? '';
      i += 1;
      add(markMatch(`${word} match ${v}`, word === 'mark' ? 'packet' : 'conntrack', v), neg || n2);
    } else if (word === 'ctstate' || word === 'state') {
      const v = w[i] ?? '';
      i += 1;
      add(ctstateMatch(`${word} ${v}`, v), neg);
    } else if (word === 'ctorigdst' || word === 'ctorigdstport') {
      const v = w[i] ?? '';
      i += 1;
      add(ctOrigDstMatch(`${word} ${v}`, word === 'ctorigdst' ? 'addr' : 'port', v), neg);
    } else if (word === 'ctdir') {
      const v = w[i] ?? '';
      i += 1;
      add({ text: `ctdir ${v}`, test: () => v === 'ORIGINAL' }, neg);
    } else if (word === 'match-set') {
      const name = w[i] ?? '';
      const dirs = w[i + 1] ?? 'dst';
      i += 2;
      add(setMatch(`match-set ${name} ${dirs}`, name, dirs, sets), neg);
    } else if (word === 'icmptype' || word === 'icmp' || word === 'ipv6-icmptype') {
      const v = w[i] ?? '';
      i += 1;
      add(icmpTypeMatch(`${word} ${v}`, v), neg);
    } else if (word === 'PKTTYPE' && peek() === '=') {
      const v = w[i + 1] ?? '';
      i += 2;
      add(pktTypeMatch(`PKTTYPE = ${v}`, v), neg);
    } else if (word === 'limit:') {
      // A rate limit: the one packet walked is within it.
      while (i < w.length && /^(avg|burst|\d|mode)/.test(peek())) i += 1;
    } else if (word === '[goto]') {
      goto = true;
    } else if (/^to:/.test(word)) {
      options.set(rule.target === 'SNAT' ? '--to-source' : '--to-destination', [word.slice(3)]);
      targetWords.push(word);
    } else if (word === 'redir' && peek() === 'ports') {
      options.set('--to-ports', [w[i + 1] ?? '']);
      targetWords.push(word, ...w.slice(i, i + 2));
      i += 2;
    } else if (word === 'masq' && peek() === 'ports:') {
      i += 2;
    } else if (word === 'reject-with') {
      options.set('--reject-with', [w[i] ?? '']);
      targetWords.push(word, w[i] ?? '');
      i += 1;
    } else if (['random', 'random-fully', 'persistent'].includes(word)) {
      continue;
    } else if ((word === 'MARK' || word === 'CONNMARK') && rule.target === word) {
      readMarkWords(w.slice(i), options);
      // `MARK or 0x4000` names the target itself.
      targetWords.push(...w.slice(i));
      i = w.length;
    } else if (SIDE_WORDS.has(word) || rule.target === 'LOG' || rule.target === 'NFLOG') {
      // A logging or housekeeping target's own words: nothing for the walk.
      i = w.length;
    } else {
      const rest = w.slice(start).join(' ');
      add(unknownMatch(rest, msg('walk.unknown.notModelled', { text: rest })));
      i = w.length;
    }
  }
  const target = rule.target === '' ? null : rule.target;
  const targetText = [rule.target, ...targetWords].filter(Boolean).join(' ');
  return { matches, target, goto, options, targetText, notes };
}

const SIDE_WORDS = new Set([
  'LOG',
  'nflog-prefix',
  'nflog-group',
  'TCPMSS',
  'CHECKSUM',
  'CT',
  'TRACE',
  'NOTRACK',
]);

/** `MARK or 0x4000`, `MARK xset 0x4000/0x4000`, `CONNMARK save`, `CONNMARK restore mask 0x…`. */
function readMarkWords(w: string[], options: TargetOptions) {
  const [op, v] = w;
  const names: Record<string, string> = {
    or: '--or-mark',
    and: '--and-mark',
    xor: '--xor-mark',
    set: '--set-mark',
    xset: '--set-xmark',
  };
  if (op === 'save' || op === 'restore') {
    options.set(op === 'save' ? '--save-mark' : '--restore-mark', []);
    for (let j = 1; j + 1 < w.length; j += 2)
      if (['nfmask', 'ctmask', 'mask'].includes(w[j]!)) options.set(`--${w[j]}`, [w[j + 1]!]);
  } else if (op && names[op] && v) options.set(names[op], [v]);
}
