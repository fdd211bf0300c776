import type { Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import { addressOf, MAX_LINE, textToRead, withCommandLine } from '../cilium-shared/text';
import type { CiliumBpfLbFacts, CiliumLbFrontend } from './facts';

const K = 'parse.cilium-bpf-lb';
const HEADER = /^\s*SERVICE ADDRESS\s+BACKEND ADDRESS(?: \(REVNAT_ID\) \(SLOT\))?\s*$/;
/** `--frontends` (`BACKEND ID`), `--backends` / `--revnat` (`ID`), `--source-ranges`. */
const OTHER_HEADER =
  /^\s*(?:SERVICE ADDRESS\s+BACKEND ID|ID\s+BACKEND ADDRESS|SOURCE RANGE \(REVNAT_ID\))\s*/;
/** `10.96.0.1:443/TCP (0)   0.0.0.0:0 (1) (0) [ClusterIP, non-routable]`: frontend, its slot (1.17+), an entry. */
const FRONT = /^(\S+)(?: \((\d+)\))?\s+(\S.*?)\s*$/;
/** The master entry (slot 0): the service itself, with its flags. */
const MASTER =
  /^(?:0\.0\.0\.0|\[::\]):0 \((\d+)\)(?: \((\d+)\))?(?: \[([^\]]*)\])?(?: \(L7LB Proxy Port: (\d+)\))?$/;
const BACKEND = /^(\S+) \((\d+)\)(?: \((\d+)\))?$/;
const MISSING = /^backend \d+ not found$/;

type Entry = 'master' | 'backend' | 'missing' | null;

function entryKind(text: string): Entry {
  if (MASTER.test(text)) return 'master';
  const b = BACKEND.exec(text);
  if (b && addressOf(b[1]!)) return 'backend';
  return MISSING.test(text) ? 'missing' : null;
}

/** The entry of a row: after the frontend, or the whole of an indented row. */
function entryOf(t: string): { front: RegExpExecArray | null; entry: string } | null {
  if (/^\s/.test(t)) return { front: null, entry: t.trim() };
  const front = FRONT.exec(t);
  return front && addressOf(front[1]!) ? { front, entry: front[3]! } : null;
}

/** `cilium-dbg bpf lb list` → frontends with their flags and backend slots. */
export const ciliumBpfLb = withCommandLine(
  /\bbpf\s+lb\s+(?:list|ls)\b/,
  defineParser<'cilium-bpf-lb', CiliumBpfLbFacts>({
    kind: 'cilium-bpf-lb',
    detect(head, ctx) {
      let entries = 0;
      let masters = 0;
      for (const l of head) {
        if (l.text.length > MAX_LINE) continue;
        if (HEADER.test(l.text) || OTHER_HEADER.test(l.text)) return true;
        const e = entryOf(l.text);
        const kind = e ? entryKind(e.entry) : null;
        if (kind) entries += 1;
        if (kind === 'master') masters += 1;
      }
      // Without the header (a grep): entries with a master, or any entry under the command.
      return (
        (entries >= 2 && masters >= 1) ||
        (entries >= 1 && /\bbpf\s+lb\s+(?:list|ls)\b/.test(ctx.command ?? ''))
      );
    },
    parse(lines) {
      const problems = new ProblemList(K);
      const byAddress = new Map<string, CiliumLbFrontend>();
      let current: CiliumLbFrontend | null = null;
      let header = false;
      for (const l of lines) {
        const t = textToRead(l, problems);
        if (t === null) continue;
        if (HEADER.test(t)) {
          header = true;
          continue;
        }
        if (OTHER_HEADER.test(t) && byAddress.size === 0) return reject(msg(`${K}.otherListing`));
        const e = entryOf(t);
        const kind = e ? entryKind(e.entry) : null;
        if (!e || !kind) {
          problems.add(l.n, 'badLine');
          continue;
        }
        if (e.front) {
          const key = e.front[1]!;
          current = byAddress.get(key) ?? frontend(key, l);
          byAddress.set(key, current);
        } else if (!current) {
          problems.add(l.n, 'entryWithoutFrontend');
          continue;
        }
        addEntry(current, kind, e.entry, l);
      }
      const frontends = [...byAddress.values()];
      if (frontends.length === 0 && !header) return reject(msg(`${K}.noFrontends`));
      return accept({ frontends }, problems.done(), summary(frontends));
    },
  }),
);

function frontend(text: string, l: Line): CiliumLbFrontend {
  const a = addressOf(text)!;
  return {
    address: cite(text, l),
    ip: a.ip,
    port: a.port,
    proto: a.proto,
    internal: a.internal,
    flags: [],
    revNat: null,
    master: null,
    l7ProxyPort: null,
    backends: [],
    missing: [],
  };
}

function addEntry(f: CiliumLbFrontend, kind: Entry, entry: string, l: Line): void {
  if (kind === 'master') {
    const m = MASTER.exec(entry)!;
    f.revNat = Number(m[1]);
    f.master = l.n;
    f.flags = m[3] ? m[3].split(/,\s*/).filter((s) => s !== '') : [];
    f.l7ProxyPort = m[4] ? Number(m[4]) : null;
  } else if (kind === 'backend') {
    const m = BACKEND.exec(entry)!;
    f.revNat ??= Number(m[2]);
    f.backends.push({
      address: m[1]!,
      revNat: Number(m[2]),
      slot: m[3] ? Number(m[3]) : null,
      line: l.n,
      text: l.text,
    });
  } else {
    f.missing.push(cite(entry, l));
  }
}

function summary(frontends: CiliumLbFrontend[]) {
  // An L7 load balancer's frontend hands its traffic to the proxy: it has no backend slots.
  const empty = frontends.filter((f) => f.backends.length === 0 && f.l7ProxyPort === null);
  const params = {
    n: frontends.length,
    backends: frontends.reduce((n, f) => n + f.backends.length, 0),
  };
  if (frontends.length === 0) return msg(`${K}.summaryNone`);
  if (empty.length === 0) return msg(`${K}.summary`, params);
  const examples = empty.slice(0, 3).map((f) => f.address.value);
  if (empty.length > 3) examples.push('…');
  return msg(`${K}.summaryEmpty`, {
    ...params,
    empty: empty.length,
    examples: examples.join(', '),
  });
}
