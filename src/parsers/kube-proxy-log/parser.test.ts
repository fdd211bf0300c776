import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import en from '../../i18n/parsers.en';
import zh from '../../i18n/parsers.zh-CN';
import { parsePaste, type SectionResult } from '../registry';
import { splitPaste } from '../split';
import { kubeProxyLog } from './parser';

const SHARED = new URL('../../../../shared/', import.meta.url);
const shared = (p: string) => readFileSync(new URL(p, SHARED), 'utf8');
const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');

function parsed(r: SectionResult | undefined) {
  if (r?.kind !== 'kube-proxy-log' || r.status === 'rejected')
    throw new Error(`not parsed as kube-proxy-log: ${JSON.stringify(r)}`);
  return r;
}
const only = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return parsed(rs[0]);
};

describe('kube-proxy-log: real outputs', () => {
  it('fixture 08: IPVS modules missing, falls back to iptables', () => {
    const r = only(
      shared('fixtures/08-k8s63801-kube-proxy-ipvs-modules-not-loaded/kube-proxy.log'),
    );
    expect(r.facts.entries).toHaveLength(5);
    expect(r.facts.entries[1]).toMatchObject({
      level: 'E',
      origin: 'server_others.go:304',
      line: 3,
    });
    expect(r.facts.entries[1]!.message).toMatch(/^can't determine whether to use ipvs proxy/);
    expect(r.facts.proxier).toMatchObject({ value: 'iptables', line: 4 });
    expect(r.facts.version).toMatchObject({ value: 'v1.10.2', line: 6 });
  });

  it('fixture 32: error and warning entries', () => {
    const r = only(shared('fixtures/32-k8s35641-kube-proxy-rules-not-created/kube-proxy.log'));
    expect(r.facts.entries.map((e) => e.level)).toEqual(['E', 'I', 'W', 'W', 'I']);
    expect(r.facts.entries[0]).toMatchObject({ origin: 'server.go:369', line: 2 });
    expect(r.facts.entries[3]!.message).toBe(
      'invalid nodeIP, initialize kube-proxy with 127.0.0.1 as nodeIP',
    );
    expect(r.facts.proxier?.value).toBe('iptables');
    expect(r.facts.version).toBeNull();
  });

  it('fixture 44: the IPVS proxier, healthy', () => {
    const text = local('kube-proxy--k8s76717-ipvs.txt');
    expect(text).toBe(
      shared('fixtures/44-k8s76717-kube-proxy-ipvs-healthy-startup/kube-proxy.log'),
    );
    const r = only(text);
    expect(r.status).toBe('parsed');
    expect(r.facts.proxier).toMatchObject({ value: 'ipvs', line: 2 });
    expect(r.facts.version?.value).toBe('v1.14.0');
    expect(r.summary).toMatchObject({
      key: 'parse.kube-proxy-log.summaryProxierVersion',
      params: { proxier: 'ipvs', version: 'v1.14.0', warnings: 1 },
    });
  });

  it('fixture 54: a single error line', () => {
    const r = only(shared('fixtures/54-k8s40920-nodeport-already-used-bind/kube-proxy.log'));
    expect(r.facts.entries).toEqual([
      expect.objectContaining({ level: 'E', origin: 'proxier.go:1108', line: 1 }),
    ]);
    expect(r.facts.entries[0]!.message).toMatch(/bind: address already in use$/);
    expect(r.facts.proxier).toBeNull();
  });

  it('seed 003: whitespace collapsed by a blog, a trailing remark on one line', () => {
    const r = only(local('kube-proxy--seed003-ipvs-collapsed.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.entries).toHaveLength(16);
    expect(r.facts.proxier).toMatchObject({ value: 'ipvs', line: 4 });
    expect(r.facts.version).toMatchObject({ value: 'v1.17.4', line: 6 });
    expect(r.facts.entries.find((e) => e.origin === 'conntrack.go:52')?.message).toBe(
      'Setting nf_conntrack_max to 131072',
    );
    // In the whole write-up the log is one section among many.
    const inSeed = parsePaste(shared('seeds/003_4c57e4efbd8fc9cd.txt'), 'x').filter(
      (s) => s.kind === 'kube-proxy-log',
    );
    expect(inSeed).toHaveLength(1);
    expect(parsed(inSeed[0]).facts.proxier?.value).toBe('ipvs');
  });
});

describe('kube-proxy-log: formats', () => {
  it('reads `kubectl logs --timestamps` and structured klog; the last proxier wins', () => {
    const text = [
      '2024-01-01T00:00:00.000000000Z I0101 00:00:00.000000       1 server_linux.go:66] "Using iptables proxy"',
      '2024-01-01T00:00:00.100000000Z I0101 00:00:00.100000       1 server.go:865] "Version info" version="v1.28.2"',
      '2024-01-01T00:00:01.000000000Z I0101 00:00:01.000000       1 server_others.go:269] "Using ipvs Proxier"',
      'garbled line from a wrapped terminal',
    ].join('\n');
    const out = kubeProxyLog.parse(toLines(text), { command: null });
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.status).toBe('partial');
    expect(out.problems).toEqual([{ line: 4, msg: { key: 'parse.kube-proxy-log.notKlog' } }]);
    expect(out.facts.proxier).toMatchObject({ value: 'ipvs', line: 3 });
    expect(out.facts.version?.value).toBe('v1.28.2');
    expect(out.facts.entries[0]).toMatchObject({
      origin: 'server_linux.go:66',
      message: '"Using iptables proxy"',
    });
  });

  it('reads the nftables proxier and `kubectl logs --prefix`', () => {
    const r = only(
      '[pod/kube-proxy-x/kube-proxy] I0101 00:00:00.000000       1 server_linux.go:69] "Using nftables Proxier"\n',
    );
    expect(r.facts.proxier?.value).toBe('nftables');
  });

  it('rejects a paste that is mostly not klog', () => {
    const text =
      'I0101 00:00:00.000000 1 proxier.go:1] Using iptables Proxier.\nsome\nother\nlines';
    expect(kubeProxyLog.parse(toLines(text), { command: null })).toMatchObject({
      status: 'rejected',
      problems: [{ msg: { key: 'parse.kube-proxy-log.mostlyNotKlog' } }],
    });
  });

  it('does not claim another component’s klog', () => {
    const no = (text: string) =>
      expect(kubeProxyLog.detect(toLines(text), { command: null })).toBe(false);
    no(
      'I0514 13:55:14.505765       1 main.go:212] CLI flags config: {etcdEndpoints:http://127.0.0.1:4001}\nI0514 13:55:14.505765       1 iptables.go:115] Some iptables rules are missing; deleting and recreating rules',
    );
    no(
      'I0514 13:55:14.505765    1234 kubelet.go:2100] "SyncLoop ADD" source="api" pods=[kube-system/kube-proxy-abc]',
    );
    no(
      'Failed to check br_netfilter: stat /proc/sys/net/bridge/bridge-nf-call-iptables: no such file or directory',
    );
  });
});

describe('kube-proxy-log: only kube-proxy logs are claimed', () => {
  const mine = new Set([
    '08-k8s63801-kube-proxy-ipvs-modules-not-loaded/kube-proxy.log',
    '32-k8s35641-kube-proxy-rules-not-created/kube-proxy.log',
    '44-k8s76717-kube-proxy-ipvs-healthy-startup/kube-proxy.log',
    '54-k8s40920-nodeport-already-used-bind/kube-proxy.log',
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
      return head.length > 0 && kubeProxyLog.detect(head, { command: s.command });
    });
    expect(claimed).toBe(mine.has(file));
  });
});

describe('kube-proxy-log: texts', () => {
  it('has en and zh-CN texts, with the same placeholders, for every key the parser uses', () => {
    const src = readFileSync(new URL('./parser.ts', import.meta.url), 'utf8');
    const used = [...src.matchAll(/\$\{K\}\.(\w+)|'(summary\w*)'/g)].map((m) => (m[1] ?? m[2])!);
    const [mine, theirs] = [en.parse['kube-proxy-log'], zh.parse['kube-proxy-log']] as Record<
      string,
      string
    >[];
    expect(Object.keys(mine!).sort()).toEqual(Object.keys(theirs!).sort());
    for (const k of used) expect(mine).toHaveProperty(k);
    const holes = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(mine!)) expect(holes(theirs![k]!)).toEqual(holes(mine![k]!));
  });
});

describe('kube-proxy-log: hostile input', () => {
  const REAL = [
    'I0514 13:55:16.524562       1 server_others.go:140] Using iptables Proxier.',
    'E0203 14:08:15.591906       1 proxier.go:1108] can\'t open "nodePort for ccp/memcached:11211" (:34104/tcp), skipping this nodePort',
    'I0601 13:01:13.339638 1 server.go:571] Version: v1.17.4',
    '2024-01-01T00:00:00.000000000Z I0101 00:00:00.000000       1 server_linux.go:66] "Using iptables proxy"',
    '[root@k8s-master01 ~]# kubectl -n kube-system logs -f kube-proxy-2qf52',
    'not a log line',
    '',
  ];
  const mutate = fc.constantFrom(
    (s: string) => s,
    (s: string) => `\x1b[36m${s}\x1b[0m`,
    (s: string) => `> ${s}`,
    (s: string) => s.replace(/ /g, '\u0000 '),
    (s: string) => s.slice(0, Math.floor(s.length / 2)),
    (s: string) => s.replace(/\] /, ']'),
  );
  const statuses = ['parsed', 'partial', 'rejected'];
  const ANY_TEXT = fc.oneof(
    fc.string({ unit: 'binary-ascii', maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string(),
  );
  const parse = (s: string) => kubeProxyLog.parse(toLines(s), { command: null }).status;

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(ANY_TEXT, (s) => {
        for (const r of parsePaste(s, 'x')) expect(statuses).toContain(r.status);
        expect(statuses).toContain(parse(s));
        expect(statuses).toContain(parse(`I0101 00:00:00.000000 1 proxier.go:1] ${s}`));
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
          expect(statuses).toContain(parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives a 5 MB line without a newline and binary garbage', () => {
    expect(statuses).toContain(
      parse('I0101 00:00:00.000000 1 proxier.go:1] ' + 'Proxier '.repeat(650_000)),
    );
    expect(statuses).toContain(parse('I0101 00:00:00.' + '1'.repeat(5_000_000)));
    const bytes = Array.from({ length: 200_000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 256),
    ).join('');
    expect(statuses).toContain(parse(bytes));
    expect(parsePaste(bytes, 'x').length).toBeGreaterThan(0);
  });
});
