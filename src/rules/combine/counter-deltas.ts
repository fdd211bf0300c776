import type { ParsedSection } from '../../parsers/registry';
import type { Msg } from '../../engine/types';

/** One counter that changed between two pastes of the same output. */
export interface CounterDelta {
  /** Counter id: `TcpExtListenDrops`, `insert_failed`, `nat KUBE-NODEPORTS -p tcp --dport 31710 ...`. */
  name: string;
  /** Short name for messages: `ListenDrops`, `insert_failed`, `KUBE-NODEPORTS #3 (KUBE-EXT-X)`. */
  label: string;
  before: number;
  after: number;
  delta: number;
  /** The line of the second paste it was read from. */
  line: number;
  text: string;
}

export interface CounterDeltas {
  kind: 'netstat-s' | 'conntrack-S' | 'iptables-save' | 'iptables-L';
  /** Only the counters that changed; the telling ones first, then by size of the change. */
  deltas: CounterDelta[];
  /** Seconds between the pastes, when known. */
  seconds: number | null;
  /** `ListenDrops +214 in 40 s` / `... between the two pastes`. */
  summary: Msg;
}

interface Counter {
  value: number;
  label: string;
  line: number;
  text: string;
}

/** Counters whose growth is evidence of a cause; listed first when they change. */
const TELLING: Record<CounterDeltas['kind'], string[]> = {
  'netstat-s': [
    'TcpExtListenDrops',
    'TcpExtListenOverflows',
    'TcpExtPAWSPassive',
    'TcpExtPAWSActive',
    'TcpExtPAWSEstab',
    'TcpExtTCPSynRetrans',
    'TcpExtTCPTimeouts',
    'TcpRetransSegs',
    'TcpAttemptFails',
    'TcpEstabResets',
    'UdpRcvbufErrors',
    'UdpInErrors',
  ],
  'conntrack-S': ['insert_failed', 'drop', 'early_drop', 'invalid', 'error', 'clash_resolve'],
  'iptables-save': [],
  'iptables-L': [],
};
const SHOWN = 3;

/**
 * Per-counter differences between two pastes of the same counters (`netstat -s`/`nstat`,
 * `conntrack -S`, `iptables-save -c`, `iptables -L -v`), the second minus the first. Null when
 * the sections are not two parsed pastes of one such kind. `seconds`, when the caller knows
 * the time between the pastes, turns "between the two pastes" into "in 40 s".
 */
export function counterDeltas(
  a: ParsedSection,
  b: ParsedSection,
  opts: { seconds?: number | null } = {},
): CounterDeltas | null {
  if (a.kind !== b.kind) return null;
  const kind = a.kind;
  if (
    kind !== 'netstat-s' &&
    kind !== 'conntrack-S' &&
    kind !== 'iptables-save' &&
    kind !== 'iptables-L'
  )
    return null;
  const before = countersOf(a);
  const after = countersOf(b);
  if (!before || !after) return null;
  const deltas: CounterDelta[] = [];
  for (const [name, c] of after) {
    const prev = before.get(name);
    if (!prev || prev.value === c.value) continue;
    deltas.push({
      name,
      label: c.label,
      before: prev.value,
      after: c.value,
      delta: c.value - prev.value,
      line: c.line,
      text: c.text,
    });
  }
  const telling = TELLING[kind];
  const rank = (d: CounterDelta) => {
    const i = telling.indexOf(d.name);
    return i < 0 ? telling.length : i;
  };
  deltas.sort((x, y) => rank(x) - rank(y) || Math.abs(y.delta) - Math.abs(x.delta));
  const seconds = opts.seconds ?? null;
  return { kind, deltas, seconds, summary: summary(deltas, seconds) };
}

function summary(deltas: CounterDelta[], seconds: number | null): Msg {
  if (deltas.length === 0) return { key: 'parse.deltas.none' };
  const changes = deltas
    .slice(0, SHOWN)
    .map((d) => `${d.label} ${d.delta > 0 ? '+' : ''}${d.delta}`)
    .join(', ');
  const params = { changes, n: deltas.length };
  return seconds !== null && seconds > 0
    ? { key: 'parse.deltas.summaryTimed', params: { ...params, seconds: Math.round(seconds) } }
    : { key: 'parse.deltas.summary', params };
}

/** The counters of one paste by a stable name, or null when it has none. */
function countersOf(s: ParsedSection): Map<string, Counter> | null {
  const out = new Map<string, Counter>();
  switch (s.kind) {
    case 'netstat-s':
      for (const [name, c] of Object.entries(s.facts.counters))
        out.set(name, {
          value: c.value,
          label: name.replace(/^TcpExt/, ''),
          line: c.line,
          text: c.text,
        });
      break;
    case 'conntrack-S':
      for (const [name, c] of Object.entries(s.facts.counters))
        out.set(name, { value: c.value, label: name, line: c.line, text: c.text });
      break;
    case 'iptables-save': {
      for (const c of s.facts.chains)
        if (c.policyPackets !== null)
          out.set(`${c.table} ${c.name} policy`, {
            value: c.policyPackets,
            label: `${c.name} policy ${c.policy ?? ''}`.trim(),
            line: c.line,
            text: c.text,
          });
      const seen = new Map<string, number>();
      for (const r of s.facts.rules) {
        if (r.packets === null) continue;
        const body = r.text.replace(/^\s*\[\d+:\d+\]\s*/, '').replace(/\s-c \d+ \d+/, '');
        const base = `${r.table} ${body}`;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        out.set(n > 1 ? `${base} #${n}` : base, {
          value: r.packets,
          label: `${r.chain} → ${r.target ?? '-'}${r.comment ? ` (${r.comment})` : ''}`,
          line: r.line,
          text: r.text,
        });
      }
      break;
    }
    case 'iptables-L': {
      const table = s.facts.table?.value ?? 'filter';
      for (const c of s.facts.chains)
        if (c.policyPackets !== null)
          out.set(`${table} ${c.name} policy`, {
            value: c.policyPackets,
            label: `${c.name} policy ${c.policy ?? ''}`.trim(),
            line: c.line,
            text: c.text,
          });
      const index = new Map<string, number>();
      for (const r of s.facts.rules) {
        const i = (index.get(r.chain) ?? 0) + 1;
        index.set(r.chain, i);
        if (r.packets === null) continue;
        out.set(`${table} ${r.chain} #${i} ${r.target} ${r.comment ?? ''}`, {
          value: r.packets,
          label: `${r.chain} #${i} → ${r.target || '-'}`,
          line: r.line,
          text: r.text,
        });
      }
      break;
    }
    default:
      return null;
  }
  return out.size > 0 ? out : null;
}
