import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compareNodes, shown } from '../compare';
import { parseBytesFast } from '../parsers/bytes';
import { parsePaste, type SectionResult } from '../parsers/registry';

/** Parses a file as `triage diff` does: the byte path where it takes the file, else the text path. */
function parseFile(bytes: Uint8Array, source: string): SectionResult[] {
  const fast = parseBytesFast(bytes, source);
  return fast ? [fast] : parsePaste(new TextDecoder().decode(bytes), source);
}

/** The bad node's dump: the good one without the last NodePort's rules (kube-proxy did not write it). */
function withoutLastNodePort(dump: string): { text: string; port: string | null } {
  const last = [...dump.matchAll(/^-A KUBE-NODEPORTS .*--dport (\d+) -j KUBE-(?:EXT|SVC)-/gm)].at(
    -1,
  );
  if (!last) return { text: dump, port: null };
  const port = last[1]!;
  const re = new RegExp(`^-A KUBE-NODEPORTS .*--dport ${port} .*\\n`, 'gm');
  return { text: dump.replace(re, ''), port };
}

/**
 * `compareNodes` with parsing on two nodes' pastes: each a 250k-line conntrack table and a
 * 5,000-service iptables-save (the bad node's without one NodePort, its conntrack table of
 * another state mix). Parse and compare timed apart, medians of `runs` after one warm-up.
 */
export function benchCompare(
  iptablesFile: string,
  conntrackGood: string,
  conntrackBad: string,
  runs = 5,
): void {
  const dump = readFileSync(iptablesFile, 'utf8');
  const bad = withoutLastNodePort(dump);
  const files = {
    good: [new TextEncoder().encode(dump), readFileSync(conntrackGood)] as const,
    bad: [new TextEncoder().encode(bad.text), readFileSync(conntrackBad)] as const,
  };
  const parseSide = (side: 'good' | 'bad') =>
    files[side].flatMap((bytes, i) => parseFile(bytes, `${side}-${i}.txt`));
  const times = { parse: [] as number[], compare: [] as number[], total: [] as number[] };
  let differences = 0;
  let explained = '';
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const g = parseSide('good');
    const b = parseSide('bad');
    const t1 = performance.now();
    const diff = compareNodes(g, b);
    const t2 = performance.now();
    differences = shown(diff).length;
    explained = [...new Set(shown(diff).map((d) => d.explainedBy ?? '-'))].join(', ');
    if (i === 0) continue; // warm-up
    times.parse.push(t1 - t0);
    times.compare.push(t2 - t1);
    times.total.push(t2 - t0);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `\ncompareNodes on two nodes (5,000-service iptables-save + 250k-line conntrack each; median of ${runs})`,
  );
  console.log(
    `  parse both ${median(times.parse).toFixed(0).padStart(6)} ms   compare ${median(times.compare).toFixed(0).padStart(5)} ms   total ${median(times.total).toFixed(0).padStart(6)} ms`,
  );
  console.log(
    `  ${differences} difference(s) shown (NodePort ${bad.port ?? '?'} removed on the bad node), explained by: ${explained}`,
  );
}
