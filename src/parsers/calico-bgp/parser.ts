import type { Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { isNoise, typedCommand } from '../k8s-common/text';
import { ProblemList, cite } from '../node-shared/util';
import type { CalicoBgpFacts, CalicoBgpNoteKind, CalicoBgpPeer } from './facts';

const K = 'parse.calico-bgp';
/** Longer lines are not read (no status line is anywhere near this long). */
const MAX_LINE = 2_000;

/** `Calico process is running.` / `is not running.` (calicoctl 1.x+ ); 0.x: `calico-node container is running. Status: Up 4 hours`. */
const PROCESS = /^\s*Calico process is (not )?running\.?\s*$/;
const OLD_PROCESS = /^\s*calico-node container (?:is (not )?running|(not) running)\b/;
/** What 0.x printed under its process line: `Running felix version 1.3.0`, `IP: 10.0.5.101    AS Number: 64511`. */
const OLD_DETAIL =
  /^\s*(?:Running felix version \S+|IP: \S+\s+AS Number: .*|No IPv6 address configured\.?)\s*$/;
const FAMILY = /^\s*IPv([46]) BGP status\s*$/;
const NO_PEERS = /^\s*No IPv([46]) peers found\.?\s*$/;
const BIRD_ERROR =
  /^\s*(?:Error querying BIRD: .*?BIRDv([46])\b|Unable to connect to server control socket\b|Couldn't connect to bird\.)/;
const BIRD_NOT_RUNNING = /^\s*INFO: BIRDv([46]) process: 'bird6?' is not running\.?\s*$/;
const NO_BACKEND = /^\s*None of the BGP backend processes \(BIRD or GoBGP\) are running\.?\s*$/;
/** tablewriter's borders. */
const BORDER = /^\s*\+-[-+]*\+\s*$/;
const HEADER =
  /^\s*\|\s*PEER ADDRESS\s*\|\s*PEER TYPE\s*\|\s*STATE\s*\|\s*SINCE\s*\|\s*INFO\s*\|?\s*$/i;
/** BIRD's table: `name     proto    table    state  since       info` (`2002-` on its control socket). */
const BIRD_HEADER = /^\s*(?:2002-)?name\s+proto\s+table\s+state\s+since\s+info\s*$/i;
const BIRD_READY = /^\s*(?:0001 )?BIRD v?\d[\w.+-]* ready\.\s*$/;
const BIRD_END = /^\s*0000\s*$/;
/** A row of BIRD's table: name, proto, table, state, then since and info (`1002-` before the first). */
const BIRD_ROW = /^\s?(?:1002-)?(\S+)\s+([A-Za-z][\w-]*)\s+(\S+)\s+([a-z]+)(?:\s+(.*?))?\s*$/;
/** The details `show protocols all` prints under a protocol (`  BGP state:  Established`). */
const BIRD_DETAIL = /^\s{2,}\S/;
/** Calico's names of its BIRD peers: `Mesh_10_0_0_2`, `Node_fd80__2`, `Global_192_168_0_1`. */
const CALICO_PEER = /^(Mesh|Node|Global)_(.+)$/;
const PEER_TYPE: Record<string, string> = {
  Mesh: 'node-to-node mesh',
  Node: 'node specific',
  Global: 'global',
};
/** The command typed above the output (`$sudo calicoctl node status`, 0.x `calicoctl status`), or BIRD's echoed `show protocols`. */
const COMMAND =
  /^\s*(?:[$#>]\s*)?((?:sudo\s+)?(?:\S*\/)?(?:calicoctl(?:-[\w-]+)?\s+(?:node\s+)?status|birdc(?:l|6|l6)?\b.*\bshow\s+protocols?|show\s+protocols?(?:\s+all)?\s*$).*)$/;

/** The lines that tell this output, each enough on its own. */
function marks(text: string): boolean {
  return (
    PROCESS.test(text) ||
    FAMILY.test(text) ||
    HEADER.test(text) ||
    NO_PEERS.test(text) ||
    BIRD_HEADER.test(text)
  );
}

/** `calicoctl node status` and `birdcl show protocols` (run in calico-node): the node's BGP peers. */
export const calicoBgp = defineParser<'calico-bgp', CalicoBgpFacts>({
  kind: 'calico-bgp',
  detect(head) {
    return head.some((l) => l.text.length <= MAX_LINE && marks(l.text));
  },
  parse(lines, ctx) {
    const facts: CalicoBgpFacts = { format: 'calicoctl', process: null, peers: [], notes: [] };
    const problems = new ProblemList(K);
    let family: 4 | 6 | null = null;
    let table: 'calicoctl' | 'bird' | null = null;
    let last: CalicoBgpPeer | null = null;
    let read = 0;
    let command: string | null = null;
    const note = (l: Line, kind: CalicoBgpNoteKind, f: string | undefined) =>
      facts.notes.push(cite({ kind, family: f ? (Number(f) as 4 | 6) : family }, l));
    for (const l of lines) {
      const t = l.text;
      if (isNoise(t)) continue;
      if (t.length > MAX_LINE) {
        problems.add(l.n, 'badLine');
        continue;
      }
      // `**calicoctl node status**`: the command as a post's bold or code heading.
      const typed = COMMAND.exec(
        typedCommand(t) ?? t.replace(/^\s*([*`_]+)(.+?)\1\s*$/, '$2'),
      )?.[1];
      if (typed) {
        command ??= typed.trim();
        continue;
      }
      let m: RegExpExecArray | null;
      if ((m = PROCESS.exec(t)) || (m = OLD_PROCESS.exec(t))) {
        facts.process = cite({ running: !m[1] && !m[2] }, l);
        table = null;
      } else if ((m = FAMILY.exec(t))) {
        family = Number(m[1]) as 4 | 6;
        table = null;
        last = null;
      } else if ((m = NO_PEERS.exec(t))) note(l, 'no-peers', m[1]);
      else if ((m = BIRD_ERROR.exec(t))) note(l, 'bird-error', m[1]);
      else if ((m = BIRD_NOT_RUNNING.exec(t))) note(l, 'bird-not-running', m[1]);
      else if (NO_BACKEND.test(t)) note(l, 'no-backend', undefined);
      else if (OLD_DETAIL.test(t) || BORDER.test(t) || BIRD_READY.test(t) || BIRD_END.test(t)) {
        // part of the output, nothing to keep
      } else if (HEADER.test(t)) {
        table = 'calicoctl';
        last = null;
      } else if (BIRD_HEADER.test(t)) {
        table = 'bird';
        facts.format = facts.process ? 'calicoctl' : 'bird';
        last = null;
      } else if (table === 'calicoctl' && /^\s*\|/.test(t)) {
        const row = tableRow(t);
        if (!row) problems.add(l.n, 'badRow');
        else if (row[0] === '' && row[1] === '' && row[2] === '') {
          if (last) last.reason = [last.reason, row[4]].filter((x) => x).join(' ');
          else problems.add(l.n, 'badRow');
        } else {
          const peer = peerOf(row[0]!, row[1]! || null, row[2]!, row[4]!, family);
          facts.peers.push(cite(peer, l));
          last = peer;
        }
      } else if (table === 'bird' && (m = BIRD_ROW.exec(t))) {
        if (m[2] === 'BGP') {
          const peer = birdPeer(m[1]!, m[4]!, m[5] ?? '', family);
          facts.peers.push(cite(peer, l));
        }
      } else if (table === 'bird' && BIRD_DETAIL.test(t)) {
        // `show protocols all`: the details under a protocol
      } else {
        problems.add(l.n, 'badLine');
        continue;
      }
      read += 1;
    }
    if (read === 0) return reject(msg(`${K}.noStatus`));
    const out = accept(facts, problems.done(), summary(facts));
    return command && !ctx.command ? { ...out, command } : out;
  },
});

/** The five cells of a tablewriter row, or null. A stray `| ` before the row is left out. */
function tableRow(text: string): string[] | null {
  const inner = text.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells = inner.split('|').map((c) => c.trim());
  while (cells.length > 5 && cells[0] === '') cells.shift();
  return cells.length === 5 ? cells : null;
}

function peerOf(
  address: string,
  type: string | null,
  state: string,
  info: string,
  family: 4 | 6 | null,
): CalicoBgpPeer {
  const [bgp = '', ...rest] = info.split(/\s+/).filter((w) => w !== '');
  return {
    address,
    type,
    state,
    bgp,
    reason: rest.join(' '),
    established: bgp === 'Established',
    family: family ?? (address.includes(':') ? 6 : address.includes('.') ? 4 : null),
  };
}

/** A BGP protocol row of BIRD: the since column is one or two date/time words, INFO follows. */
function birdPeer(name: string, state: string, tail: string, family: 4 | 6 | null): CalicoBgpPeer {
  const words = tail.split(/\s+/).filter((w) => w !== '');
  while (words.length > 0 && /^\d[\d:.-]*$/.test(words[0]!)) words.shift();
  const m = CALICO_PEER.exec(name);
  let address = name;
  let type: string | null = null;
  if (m) {
    type = PEER_TYPE[m[1]!]!;
    address = /^\d+_\d+_\d+_\d+$/.test(m[2]!) ? m[2]!.replace(/_/g, '.') : m[2]!.replace(/_/g, ':');
  }
  return peerOf(address, type, state, words.join(' '), family);
}

function summary(f: CalicoBgpFacts) {
  const tool = f.format === 'bird' ? 'birdcl show protocols' : 'calicoctl node status';
  if (f.process && !f.process.value.running && f.peers.length === 0)
    return msg(`${K}.summaryNotRunning`);
  const down = f.peers.filter((p) => !p.value.established);
  if (down.length > 0)
    return msg(`${K}.summaryDown`, {
      tool,
      n: f.peers.length,
      down: down.length,
      peers: down
        .slice(0, 4)
        .map(
          (p) =>
            `${p.value.address} (${[p.value.bgp, p.value.reason].filter((x) => x).join(' ') || p.value.state})`,
        )
        .join(', '),
    });
  if (f.peers.length > 0) return msg(`${K}.summary`, { tool, n: f.peers.length });
  return msg(`${K}.summaryNoPeers`, {
    tool,
    notes:
      f.notes
        .map((x) => x.text.trim())
        .slice(0, 2)
        .join(' / ') || '—',
  });
}
