import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { readTestData } from '../../testing/test-data';
import { parsePaste } from '../registry';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('conntrack-S: real outputs', () => {
  it('fixture 04: old single-table format; the error lines after it are problems', () => {
    const text = local('conntrack-S--k8s56903-old-table.txt');
    expect(text).toBe(
      readTestData('fixtures/04-k8s56903-conntrack-S-old-format-no-insert-failed/conntrack-S.txt'),
    );
    const s = one(text);
    const f = factsOf(s, 'conntrack-S');
    expect(s.command).toBe('kubectl exec -it my-service-5466c54fdf-g2vfb -- conntrack -S');
    expect(s.status).toBe('partial');
    expect(f.format).toBe('table');
    expect(f.counters.insert_failed).toMatchObject({ value: 0, line: 11 });
    expect(f.counters.entries?.value).toBe(90);
    expect(f.counters.found?.value).toBe(3774748);
    expect(f.counters.search_restart?.value).toBe(0);
    expect(Object.keys(f.counters)).toHaveLength(17);
    expect(s.problems.map((p) => [p.line, p.msg.key])).toEqual([
      [19, 'parse.conntrack-S.toolError'],
      [20, 'parse.conntrack-S.toolError'],
    ]);
    expect(String(s.problems[0]!.msg.params?.text)).toContain('CAP_NET_ADMIN');
  });

  it('per-CPU format: summed, with each CPU kept', () => {
    const s = one(local('conntrack-S--per-cpu-troubleshooting-guide.txt'));
    const f = factsOf(s, 'conntrack-S');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('per-cpu');
    expect(f.cpus.map((c) => c.cpu)).toEqual([0, 1, 2, 3]);
    expect(f.cpus[2]!.counters.invalid).toBe(71264);
    expect(f.counters.invalid).toMatchObject({ value: 3856 + 3647 + 71264 + 70168, line: 4 });
    expect(f.counters.insert_failed?.value).toBe(0);
    expect(f.counters.error).toMatchObject({ value: 18, line: 5 });
  });
});

describe('conntrack-S: formats', () => {
  it('reads /proc/net/stat/nf_conntrack (hex, one row per CPU; entries is not summed)', () => {
    const text = [
      'entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart',
      '0000008f  00000000 00000a4f 00000000 00000010 0000001c 00000000 00000000 00000000 00000003 00000003 00000000 00000000  00000000 00000000 00000000 00000000',
      '0000008f  00000000 00000b10 00000000 00000004 00000020 00000000 00000000 00000000 00000001 00000001 00000000 00000000  00000000 00000000 00000000 00000000',
    ].join('\n');
    const f = factsOf(one(text), 'conntrack-S');
    expect(f.format).toBe('proc');
    expect(f.counters.entries?.value).toBe(0x8f);
    expect(f.counters.insert_failed).toMatchObject({ value: 4, line: 2 });
    expect(f.counters.invalid?.value).toBe(0x14);
  });

  it('newer per-CPU lines with clash_resolve and chaintoolong, trailing blank', () => {
    const f = factsOf(
      one(
        'cpu=0   \tfound=0 invalid=1843 insert=0 insert_failed=312 drop=312 early_drop=0 error=0 search_restart=4 clash_resolve=2 chaintoolong=0 \ncpu=1   \tfound=0 invalid=1712 insert=0 insert_failed=287 drop=287 early_drop=0 error=0 search_restart=2 clash_resolve=0 chaintoolong=0 ',
      ),
      'conntrack-S',
    );
    expect(f.counters.insert_failed).toMatchObject({ value: 599, line: 1 });
    expect(f.counters.clash_resolve?.value).toBe(2);
  });

  it('a row the poster cut short with `...` keeps the counters before the mark (Hetzner blog)', () => {
    const rs = parsePaste(
      '$ ssh hetzner-server conntrack -S\ncpu=0  found=0 invalid=22283 insert=0 insert_failed=212 drop=212 early_drop=0 ...\n```\n',
      'x',
    );
    const s = rs.find((r) => r.kind === 'conntrack-S')!;
    const f = factsOf(s, 'conntrack-S');
    expect(f.cpus).toHaveLength(1);
    expect(f.counters.insert_failed).toMatchObject({ value: 212, line: 2 });
    expect(f.counters.invalid?.value).toBe(22283);
    // `…` and `[...]` as well; an elision mid-row or prose after the pairs is not a row.
    expect(factsOf(one('cpu=1 found=3 drop=0 …'), 'conntrack-S').counters.found?.value).toBe(3);
    expect(factsOf(one('cpu=2 found=4 [...]'), 'conntrack-S').counters.found?.value).toBe(4);
    expect(parsePaste('cpu=0 found=0 ... drop=1', 'x').some((r) => r.kind === 'conntrack-S')).toBe(
      false,
    );
    expect(
      parsePaste('cpu=0 found=0 and then more', 'x').some((r) => r.kind === 'conntrack-S'),
    ).toBe(false);
  });
});
