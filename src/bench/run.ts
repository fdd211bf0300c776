import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePaste } from '../parsers/registry';

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

/** For each corpus: what it was recognised as, and parse time against the cost of merely splitting it. */
export function bench(files: string[], runs = 5): void {
  const rows = files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const split = median(runs, () => void text.split('\n'));
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
      parse,
      kinds,
    };
  });
  console.log('corpus                         MB   split ms  parse ms  ratio  recognised as');
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(30)} ${r.mb.padStart(4)} ${r.split.toFixed(0).padStart(9)} ${r.parse.toFixed(0).padStart(9)} ${(r.parse / r.split).toFixed(1).padStart(6)}  ${r.kinds}`,
    );
  }
}

bench(process.argv.slice(2));
