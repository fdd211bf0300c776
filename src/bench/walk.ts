import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePaste } from '../parsers/registry';
import { walk } from '../walk';
import { parsePacket } from '../walk/packet';
import { walkInputsOf } from '../walk/sections';

/** Median of `runs` timings of `fn` (after one warm-up), with what the last run returned. */
function timed<T>(runs: number, fn: () => T): { ms: number; last: T } {
  let last = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = fn();
    times.push(performance.now() - t0);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(runs / 2)]!, last };
}

/**
 * The packet walk on a big dump: a packet to its last NodePort and to its last ClusterIP (the
 * rules furthest down KUBE-SERVICES), each from the parsed dump, compiled afresh every time.
 */
export function benchWalk(file: string, runs = 7): void {
  const text = readFileSync(file, 'utf8');
  const sections = parsePaste(text, file);
  const { inputs } = walkInputsOf(sections);
  const nodePort = [
    ...text.matchAll(/-A KUBE-NODEPORTS -p (\w+) .*--dport (\d+) -j KUBE-(?:EXT|SVC)-/g),
  ].at(-1);
  const clusterIp = [
    ...text.matchAll(/-A KUBE-SERVICES -d ([\d.]+)\/32 -p (\w+) .*--dport (\d+) -j KUBE-SVC-/g),
  ].at(-1);
  const cases = [
    nodePort && {
      what: `NodePort ${nodePort[2]}`,
      packet: `${nodePort[1]} 192.0.2.10:40000 -> 10.0.0.5:${nodePort[2]}`,
    },
    clusterIp && {
      what: `ClusterIP ${clusterIp[1]}:${clusterIp[3]}`,
      packet: `${clusterIp[2]} 10.244.1.7:40000 -> ${clusterIp[1]}:${clusterIp[3]}`,
    },
  ].filter((c): c is { what: string; packet: string } => !!c);
  console.log(`\npacket walk on ${file.split('/').pop()} (compile and walk, median of ${runs})`);
  for (const c of cases) {
    const packet = parsePacket(c.packet)!;
    const { ms, last } = timed(runs, () => walk(inputs, packet, { addresses: ['10.0.0.5'] }));
    console.log(
      `  ${c.what.padEnd(28)} ${ms.toFixed(1).padStart(6)} ms  ${last.verdict}, ${last.endpoints.length} endpoint(s), ${last.hops.length} hops`,
    );
  }
}
