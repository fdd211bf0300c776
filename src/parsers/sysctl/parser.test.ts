import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import en from '../../i18n/parsers.en';
import zh from '../../i18n/parsers.zh-CN';
import { parsePaste, type SectionResult } from '../registry';
import { splitPaste } from '../split';
import { sysctl } from './parser';

const SHARED = new URL('../../../../shared/', import.meta.url);
const shared = (p: string) => readFileSync(new URL(p, SHARED), 'utf8');
const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');

function facts(r: SectionResult | undefined) {
  if (r?.kind !== 'sysctl' || r.status === 'rejected')
    throw new Error(`not parsed as sysctl: ${JSON.stringify(r)}`);
  return r.facts;
}
const one = (text: string, command: string | null = null) =>
  sysctl.parse(toLines(text), { command });

describe('sysctl: real outputs', () => {
  it('fixture 07: tcp_tw_recycle and tcp_timestamps, cited by line', () => {
    const [r] = parsePaste(
      shared('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt'),
      'x',
    );
    const f = facts(r);
    expect(f.values['net.ipv4.tcp_tw_recycle']).toMatchObject({ value: '1', line: 2 });
    expect(f.values['net.ipv4.tcp_timestamps']).toMatchObject({ value: '1', line: 1 });
    expect(r!.status).toBe('parsed');
    if (r!.status !== 'rejected')
      expect(String(r!.summary.params?.notable)).toContain('tcp_tw_recycle = 1');
  });

  it('fixture 12: `sysctl -a | grep nf-call` behind a BOSH prompt', () => {
    const [r] = parsePaste(
      shared('fixtures/12-k8sbosh16-bridge-nf-call-on-healthy/sysctl.txt'),
      'x',
    );
    const f = facts(r);
    expect(r!.command).toBe('sysctl -a | grep nf-call');
    expect(f.values['net.bridge.bridge-nf-call-iptables']).toMatchObject({ value: '1', line: 4 });
    expect(Object.keys(f.values)).toHaveLength(3);
  });

  it('seed 001: three `# sysctl KEY` answers, one section each', () => {
    const rs = parsePaste(local('sysctl--seed001-conntrack-count.txt'), 'x');
    expect(rs.map((r) => facts(r).values['net.netfilter.nf_conntrack_count']?.value)).toEqual([
      '246399',
      '58418',
      '96938',
    ]);
  });
});

describe('sysctl: formats', () => {
  it('reads key=value, slashed and /proc/sys keys, and `grep . /proc/sys/...`', () => {
    const out = one(
      'net.ipv4.ip_forward=0\nnet/ipv4/conf/all/rp_filter = 1\n/proc/sys/net/ipv4/conf/eth0.100/rp_filter = 2\n/proc/sys/vm/swappiness:60',
    );
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.facts.values['net.ipv4.ip_forward']?.value).toBe('0');
    expect(out.facts.values['net.ipv4.conf.all.rp_filter']?.value).toBe('1');
    expect(out.facts.values['net.ipv4.conf.eth0/100.rp_filter']?.value).toBe('2');
    expect(out.facts.values['vm.swappiness']?.value).toBe('60');
    expect(out.summary.key).toBe('parse.sysctl.summaryNotable');
  });

  it('keeps tab-separated values and skips the noise of `sysctl -a` as a user', () => {
    const out = one(
      'sysctl: permission denied on key "fs.protected_hardlinks"\nnet.ipv4.ip_local_port_range = 32768\t60999\nsysctl: reading key "net.ipv6.conf.all.stable_secret"',
    );
    expect(out.status).toBe('parsed');
    if (out.status !== 'rejected')
      expect(out.facts.values['net.ipv4.ip_local_port_range']?.value).toBe('32768\t60999');
  });

  it('records keys the kernel does not have', () => {
    const text = [
      'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory',
      "sysctl: unknown key 'net.ipv4.tcp_tw_recycle'",
      'error: "net.ipv4.tcp_tw_reuse" is an unknown key',
      'net.ipv4.tcp_timestamps = 1',
    ].join('\n');
    const [r] = parsePaste(text, 'x');
    const f = facts(r);
    expect(Object.keys(f.missing).sort()).toEqual([
      'net.bridge.bridge-nf-call-iptables',
      'net.ipv4.tcp_tw_recycle',
      'net.ipv4.tcp_tw_reuse',
    ]);
    expect(f.missing['net.bridge.bridge-nf-call-iptables']?.line).toBe(1);
    if (r!.status !== 'rejected') expect(r!.summary.key).toBe('parse.sysctl.summaryNotableMissing');
    const [only] = parsePaste(
      'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory',
      'x',
    );
    expect(only).toMatchObject({ kind: 'sysctl', status: 'parsed' });
  });

  it('maps a bare value to the file `cat /proc/sys/...` or `sysctl -n` named', () => {
    const [r] = parsePaste('[root@node1 ~]# cat /proc/sys/net/ipv4/ip_forward\n0\n', 'x');
    expect(facts(r).values['net.ipv4.ip_forward']).toMatchObject({ value: '0', line: 2 });
    const [n] = parsePaste(
      '$ sysctl -n net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps\n1\n1\n',
      'x',
    );
    expect(facts(n).values['net.ipv4.tcp_timestamps']).toMatchObject({ value: '1', line: 3 });
    const [gone] = parsePaste(
      '$ cat /proc/sys/net/bridge/bridge-nf-call-iptables\ncat: /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory',
      'x',
    );
    expect(facts(gone).missing['net.bridge.bridge-nf-call-iptables']?.line).toBe(2);
    // Without the prompt a bare number is nobody's output.
    expect(sysctl.detect(toLines('0'), { command: null })).toBe(false);
  });

  it('does not claim look-alikes', () => {
    const no = (text: string, command: string | null = null) =>
      expect(sysctl.detect(toLines(text), { command })).toBe(false);
    no('spring.datasource.url = jdbc:mysql://db/app\nspring.datasource.user = app');
    no('proxy-body-size: 10m\nuse-forwarded-headers: "true"');
    no(
      '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -j KUBE-SVC-X\n-A KUBE-NODEPORTS -p tcp --dport 30080 -j KUBE-EXT-X',
    );
    no('net.ipv4.tcp_tw_recycle = 0', 'vim /etc/sysctl.conf');
    no('net.ipv4.ip_forward = 1\nfoo\nbar\nbaz\nqux');
  });
});

describe('sysctl: only sysctl outputs are claimed', () => {
  const mine = new Set([
    '07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt',
    '12-k8sbosh16-bridge-nf-call-on-healthy/sysctl.txt',
  ]);
  const files = readdirSync(new URL('fixtures/', SHARED)).flatMap((d) =>
    d.includes('.')
      ? []
      : readdirSync(new URL(`fixtures/${d}/`, SHARED))
          .filter((f) => f !== 'case.json')
          .map((f) => `${d}/${f}`),
  );
  it.each(files)('%s', (file) => {
    const claimed = splitPaste(shared(`fixtures/${file}`), 'x').some((s) => {
      const head = s.lines.filter((l) => l.text.trim() !== '').slice(0, 40);
      return head.length > 0 && sysctl.detect(head, { command: s.command });
    });
    expect(claimed).toBe(mine.has(file));
  });
});

describe('sysctl: texts', () => {
  it('has en and zh-CN texts, with the same placeholders, for every key the parser uses', () => {
    const src = readFileSync(new URL('./parser.ts', import.meta.url), 'utf8');
    const used = [...src.matchAll(/\$\{K\}\.(\w+)|'(summary\w*)'/g)].map((m) => (m[1] ?? m[2])!);
    const [mine, theirs] = [en.parse['sysctl'], zh.parse['sysctl']] as Record<string, string>[];
    expect(Object.keys(mine!).sort()).toEqual(Object.keys(theirs!).sort());
    for (const k of used) expect(mine).toHaveProperty(k);
    const holes = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(mine!)) expect(holes(theirs![k]!)).toEqual(holes(mine![k]!));
  });
});

describe('sysctl: hostile input', () => {
  const REAL = [
    'net.ipv4.tcp_timestamps = 1',
    'net.ipv4.tcp_tw_recycle = 1',
    'net.bridge.bridge-nf-call-iptables = 1',
    'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory',
    'k8s/08ea6ac6-9e85-44d6-81be-0dc94c73ddd7:~# sysctl -a | grep nf-call',
    '# cat /proc/sys/net/ipv4/ip_forward',
    '1',
    '',
  ];
  const mutate = fc.constantFrom(
    (s: string) => s,
    (s: string) => `\x1b[01;31m${s}\x1b[0m`,
    (s: string) => `> ${s}`,
    (s: string) => s.replace(/=/g, '\u0000='),
    (s: string) => s.slice(0, Math.floor(s.length / 2)),
    (s: string) => `[root@node ~]# ${s}`,
  );
  const statuses = ['parsed', 'partial', 'rejected'];
  // Control characters and NULs (binary-ascii), any code point (binary), printable text.
  const ANY_TEXT = fc.oneof(
    fc.string({ unit: 'binary-ascii', maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string(),
  );

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(ANY_TEXT, (s) => {
        for (const r of parsePaste(s, 'x')) expect(statuses).toContain(r.status);
        expect(statuses).toContain(one(s).status);
        expect(statuses).toContain(one(s, 'cat /proc/sys/net/ipv4/ip_forward').status);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on mutated real lines, joined with LF or CRLF', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...REAL), mutate), { maxLength: 30 }),
        fc.boolean(),
        (parts, crlf) => {
          const text = parts.map(([l, m]) => m(l)).join(crlf ? '\r\n' : '\n');
          for (const r of parsePaste(text, 'x')) expect(statuses).toContain(r.status);
          expect(statuses).toContain(one(text, 'sysctl -n net.ipv4.ip_forward').status);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives a 5 MB line without a newline and binary garbage', () => {
    const big = 'net.ipv4.ip_forward = ' + 'x'.repeat(5_000_000);
    expect(statuses).toContain(one(big).status);
    expect(parsePaste(big, 'x')).toHaveLength(1);
    const bytes = Array.from({ length: 200_000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 256),
    ).join('');
    expect(statuses).toContain(one(bytes).status);
  });
});
