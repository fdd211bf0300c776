import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { toLines } from '../engine/lines';
import { parseBytesFast } from '../parsers/bytes';
import { parsePaste } from '../parsers/registry';
import { benchWalk } from './walk';
import { benchCompare } from './compare';

/** Median wall time of `fn` over `runs` runs, after one warm-up. */
function median(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/**
 * For each corpus: what it was recognised as, and the parse time against the cost of merely
 * splitting it (`text.split('\n')`, the floor of any JS parser) and of the shared line
 * splitter (`toLines`: CR/ANSI/NUL cleaning, numbered lines) that every paste goes through.
 */
export function bench(files: string[], runs = 5): void {
  const rows = files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const split = median(runs, () => void text.split('\n'));
    const lines = median(runs, () => void toLines(text));
    let kinds = '';
    const parse = median(runs, () => {
      kinds = [
        ...new Set(parsePaste(text, file).map((s) => `${s.kind ?? 'unknown'} (${s.status})`)),
      ].join(', ');
    });
    return {
      file: file.split('/').pop()!,
      mb: (text.length / 1e6).toFixed(1),
      split,
      lines,
      parse,
      kinds,
    };
  });
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(
    'corpus                         MB  split ms toLines ms  parse ms  ÷split ÷toLines  recognised as',
  );
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(30)} ${pad(r.mb, 4)} ${pad(r.split.toFixed(0), 8)} ${pad(r.lines.toFixed(0), 10)} ${pad(r.parse.toFixed(0), 9)} ${pad((r.parse / r.split).toFixed(1), 7)} ${pad((r.parse / r.lines).toFixed(1), 8)}  ${r.kinds}`,
    );
  }
}

/**
 * A plain `conntrack -L` dump is read straight from its bytes (the CLI reads files so, the
 * page big pastes): that path against the same floor, reading included in neither.
 */
export function benchBytes(files: string[], runs = 5): void {
  console.log('\nread as bytes (the CLI, and pastes over 1 MB)   ms  ÷split');
  for (const file of files) {
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    const split = median(runs, () => void text.split('\n'));
    let kind = '';
    const took = median(runs, () => {
      kind = parseBytesFast(bytes, file)?.kind ?? 'declined';
    });
    console.log(
      `${file.split('/').pop()!.padEnd(45)} ${took.toFixed(0).padStart(4)} ${(took / split).toFixed(1).padStart(6)}  ${kind}`,
    );
  }
}

const files = process.argv.slice(2);
bench(files);
benchBytes(files.filter((f) => /conntrack/.test(f)));
for (const f of files.filter((f) => /iptables-save/.test(f))) benchWalk(f);
// Two nodes' pastes compared (`triage diff`): the dump against itself less one NodePort, and the
// two conntrack tables as two nodes' tables.
const dump = files.find((f) => /iptables-save/.test(f));
const [ctGood, ctBad] = files.filter((f) => /conntrack/.test(f));
if (dump && ctGood && ctBad) benchCompare(dump, ctGood, ctBad);
