import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLines } from '../engine/lines';
import { translate } from '../i18n/translate';
import { PARSERS, parsePaste, type SectionResult } from './registry';

/**
 * Hostile and arbitrary pastes against the whole registry: every paste comes back within a few
 * seconds, and every section is parsed, partly parsed or rejected, with a message.
 */
// What this catches is a hang (catastrophic backtracking runs for minutes); a 20 MB paste on
// a loaded 2-core laptop takes several seconds. Speed itself is measured by `npm run bench`.
const BOUND_MS = 20_000;
const STATUSES = ['parsed', 'partial', 'rejected'];

function check(sections: SectionResult[]): void {
  // Plain checks first: a hostile paste can give 20,000 sections.
  const bad = sections.filter((s) => {
    if (!STATUSES.includes(s.status)) return true;
    if (s.status === 'rejected')
      return (
        s.problems.length === 0 ||
        s.problems.some((p) => translate('en', p.msg.key, p.msg.params) === p.msg.key)
      );
    return translate('en', s.summary.key, s.summary.params) === s.summary.key;
  });
  expect(sections.length).toBeGreaterThan(0);
  expect(bad.slice(0, 3)).toEqual([]);
}

function timed(text: string): { ms: number; sections: SectionResult[] } {
  const t0 = performance.now();
  const sections = parsePaste(text, 'hostile');
  return { ms: performance.now() - t0, sections };
}

/** Deterministic pseudo-random bytes, as a paste decoded as Latin-1 would give them. */
function garbage(n: number, seed = 7): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(String.fromCharCode((x >>> 16) & 0xff));
  }
  return out.join('');
}

const SAMPLE = [
  'net.ipv4.tcp_tw_recycle = 1',
  'tcp      6 119 TIME_WAIT src=10.0.0.1 dst=10.0.0.2 sport=1 dport=80 src=10.0.0.2 dst=10.0.0.1 sport=80 dport=1 [ASSURED] mark=0 use=1',
  '[1454500.910215] nf_conntrack: table full, dropping packet',
  'TCP  10.96.0.1:443 rr',
  '  -> 192.168.9.101:6443           Masq    1      0          0         ',
  'nameserver 10.96.0.10',
].join('\n');

const HOSTILE: [string, () => string][] = [
  ['2 MB of binary garbage', () => garbage(2_000_000)],
  ['a 20 MB line without a newline', () => 'x'.repeat(20_000_000)],
  ['a 20 MB line of conntrack-looking words', () => 'tcp 6 1 src='.repeat(1_700_000)],
  ['NUL bytes between every character', () => SAMPLE.split('').join('\0')],
  [
    'UTF-16LE read as UTF-8/Latin-1 (every other char NUL), with a BOM',
    () => '\xff\xfe' + [...SAMPLE].map((c) => `${c}\0`).join(''),
  ],
  [
    'ANSI colours on every line',
    () =>
      SAMPLE.split('\n')
        .map((l) => `\x1b[01;31m${l}\x1b[0m`)
        .join('\n'),
  ],
  ['regex bait: a×50000 then !', () => 'a'.repeat(50_000) + '!'],
  ['regex bait: "= " × 100000', () => '= '.repeat(100_000)],
  ['regex bait: 1 MB of spaces then x', () => ' '.repeat(1_000_000) + 'x'],
  ['regex bait: spaces inside a service line', () => 'TCP 1:1' + ' '.repeat(200_000) + 'x'],
  [
    'regex bait: many short lines of spaces and tabs',
    () => ' \t '.repeat(50).concat('\n').repeat(20_000),
  ],
  ['regex bait: dots and colons', () => '0.'.repeat(300_000) + '\n' + ':'.repeat(300_000)],
  ['regex bait: brackets and prompts', () => '['.repeat(100_000) + '\n' + '$ '.repeat(100_000)],
  ['regex bait: key=value pairs without end', () => 'cpu=0 ' + 'a=1 '.repeat(100_000) + '!'],
  ['5000 empty bundle headers', () => '==> x <==\n'.repeat(5_000)],
  ['20000 bundle headers with junk', () => '==> sysctl -a <==\n\x00\x01\n'.repeat(20_000)],
  ['100000 prompts with nothing after them', () => '$ \n'.repeat(100_000)],
  ['CR-only line ends (old Mac)', () => SAMPLE.replace(/\n/g, '\r')],
  ['lone surrogates and emoji', () => '\ud800\udc00\ud83d\ude00\udfff'.repeat(10_000)],
];

describe('hostile pastes: a clear answer within seconds', () => {
  it.each(HOSTILE)('%s', (_, make) => {
    const text = make();
    const { ms, sections } = timed(text);
    check(sections);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('UTF-16 read wrongly still yields the lines (NULs dropped)', () => {
    const text = [...'net.ipv4.tcp_tw_recycle = 1\n'].map((c) => `${c}\0`).join('');
    expect(toLines(text)[0]?.text).toBe('net.ipv4.tcp_tw_recycle = 1');
  });
});

describe('every parser, arbitrary and mutated input: never throws, never hangs', () => {
  const LINES = SAMPLE.split('\n').concat([
    'Features for flannel.1:',
    '\ttx-checksum-ip-generic: on [fixed]',
    'cpu=0   \tfound=770 invalid=3856 ignore=42570125 insert=0 insert_failed=0 drop=0',
    'entries  searched found new invalid ignore delete delete_list insert insert_failed drop',
    '4: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN',
    '    inet 10.244.1.0/32 scope global flannel.1',
    'default via 10.0.2.2 dev eth0 proto dhcp metric 100',
    'PING 10.0.0.1 (10.0.0.1) 1472(1500) bytes of data.',
    'ping: local error: message too long, mtu=1450',
    '12:00:00.000000 IP 1.2.3.4.5678 > 5.6.7.8.31710: Flags [S], seq 1, win 1, length 0',
    'LISTEN 0 4096 0.0.0.0:30749 0.0.0.0:* users:(("kube-proxy",pid=2007,fd=13))',
    'public (active)',
    '  ports: 30000-32767/tcp',
    'Server:\t\t10.96.0.10',
    'Address:\t10.96.0.10#53',
    ';; connection timed out; no servers could be reached',
    'nf_conntrack          139224  7 nf_nat,nf_nat_ipv4',
    'Linux localhost 3.10.0-1062.el7.x86_64 #1 SMP Mon Sep 30 x86_64 GNU/Linux',
    'May 08 07:09:16 node-3 kernel: nf_conntrack: nf_conntrack: table full, dropping packet',
    '      2 SYN_SENT',
    'conntrack v1.4.6 (conntrack-tools): 2 flow entries have been shown.',
    'KubeProxyReplacement:   Strict   [eno1 (Direct Routing)]',
    'Controller Status:      21/22 healthy',
    ' /¯¯\\__/¯¯\\    Cilium:         6 errors',
    '5    0.0.0.0:31940/TCP          NodePort       1 => 10.217.0.107:80/TCP (active)',
    '10.96.0.1:443/TCP (0)       0.0.0.0:0 (1) (0) [ClusterIP, non-routable]',
    'xx drop (Policy denied) flow 0x1 to endpoint 0, ifindex 4, file bpf_lxc.c:1234, , identity 1->2: 10.0.1.5:43210 -> 10.0.2.7:80 tcp SYN',
    'May  4 13:23:47.852: default/xwing:42818 <> default/deathstar:80 Policy denied DROPPED (TCP Flags: SYN)',
    'table ip kube-proxy {',
    '\tchain services {',
    '\t\ttype filter hook input priority filter; policy accept;',
    '\t\tip daddr . meta l4proto . th dport vmap @service-ips',
    '\t\telements = { 172.30.0.41 . tcp . 80 comment "ns1/svc1:p80" : goto service-X-ns1/svc1/tcp/p80,',
    '\t}',
    '\t\tmeta l4proto tcp  tcp dport 31610 counter packets 0 bytes 0 jump KUBE-XLB-X # handle 7',
    '\t\tip protocol tcp   counter packets 0 bytes 0 # Warning: XT target DNAT not found',
    'xt target "DNAT"',
    '{"nftables": [{"metainfo": {"version": "1.0.6"}}, {"table": {"family": "ip", "name": "t"}}]}',
  ]);
  const mutate = fc.constantFrom(
    (s: string) => s,
    (s: string) => s.slice(0, Math.floor(s.length / 2)),
    (s: string) => s.replace(/ /g, '  '),
    (s: string) => s.replace(/\d/g, '9'.repeat(30)),
    (s: string) => `> ${s}`,
    (s: string) => `\x1b[32m${s}\x1b[0m`,
    (s: string) => s.replace(/[=:]/g, ''),
    (s: string) => `[root@node ~]# ${s}`,
    (s: string) => `==> ${s} <==`,
  );
  const ANY = fc.oneof(
    fc.string({ unit: 'binary-ascii', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ maxLength: 300 }),
  );
  const commands = fc.constantFrom(
    null,
    'conntrack -L',
    'ethtool -K flannel.1 tx-checksum-ip-generic off',
    'lsmod | grep ip_vs',
    'uname -r',
    'cat /etc/resolv.conf',
    'nslookup x',
    'ping -M do -s 1472 x',
    'kubectl -n kube-system exec ds/cilium -- cilium-dbg service list',
  );

  it('each parser, directly', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          ANY,
          fc
            .array(fc.tuple(fc.constantFrom(...LINES), mutate), { maxLength: 25 })
            .map((a) => a.map(([l, m]) => m(l)).join('\n')),
        ),
        commands,
        (text, command) => {
          const lines = toLines(text);
          const head = lines.filter((l) => l.text.trim() !== '').slice(0, 40);
          for (const p of PARSERS) {
            const t0 = performance.now();
            if (head.length > 0) p.detect(head, { command });
            const out = p.parse(lines, { command });
            expect(STATUSES).toContain(out.status);
            expect(performance.now() - t0).toBeLessThan(BOUND_MS);
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  it('the registry, on mutated real lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...LINES), mutate), { maxLength: 40 }),
        fc.boolean(),
        (parts, crlf) => {
          const text = parts.map(([l, m]) => m(l)).join(crlf ? '\r\n' : '\n');
          const { ms, sections } = timed(text);
          check(sections);
          expect(ms).toBeLessThan(BOUND_MS);
        },
      ),
      { numRuns: 300 },
    );
  });
});
