import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { toLines } from '../../engine/lines';
import {
  claimsOnly,
  only as onlyAs,
  parsedAs,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { readTestData } from '../../testing/test-data';
import { parsePaste, type SectionResult } from '../registry';
import { kubeProxyLog } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');

const parsed = (r: SectionResult | undefined) => parsedAs(r, 'kube-proxy-log');
const only = (text: string) => onlyAs(text, 'kube-proxy-log');

describe('kube-proxy-log: real outputs', () => {
  // Older kube-proxy quotes iptables-restore's complaint in parentheses, over lines of its own.
  it("iptables-restore's complaint in parentheses over several lines belongs to its entry", () => {
    const r = only(local('kube-proxy--jetson-tx2-restore-line-27-paren.txt'));
    expect(r.problems).toEqual([]);
    expect(r.facts.entries.map((e) => e.level)).toEqual(['I', 'I', 'E', 'E', 'E', 'E']);
    expect(r.facts.entries[2]!.message).toBe(
      'Failed to execute iptables-restore: exit status 1 (iptables-restore: line 27 failed )',
    );
    const nft = only(
      readTestData('cases/223-k8s92250-hyperkube-nf-tables-kube-proxy-centos7-host/kube-proxy.log'),
    );
    expect(nft.facts.entries).toHaveLength(1);
    expect(nft.facts.entries[0]!.message).toContain(
      '(nf_tables): line 86: CHAIN_USER_DEL failed (Device or resource busy)',
    );
  });

  it('an unclosed parenthesis takes a few lines at most, and stops at the next entry', () => {
    const prose = Array.from({ length: 22 }, (_, i) => `note ${i}: the node was rebooted`);
    const text = [
      'E0502 13:19:01.415172       1 proxier.go:1285] Failed to execute iptables-restore: exit status 1 (iptables-restore: line 27 failed',
      ...prose,
      'I0502 13:19:31.288315       1 proxier.go:879] Sync failed; retrying in 30s',
    ].join('\n');
    // 20 lines joined the message; the last 2 are not kube-proxy's and make it partial.
    const kp = parsed(parsePaste(text, 'x')[0]);
    expect(kp.status).toBe('partial');
    expect(kp.problems.map((p) => p.line)).toEqual([22, 23]);
    const e = kp.facts.entries[0]!;
    expect(e.message).toContain('note 19:');
    expect(e.message).not.toContain('note 20:');
    const two = only(
      'E0502 13:19:01.415172       1 proxier.go:1285] Failed (to execute\nI0502 13:19:31.288315       1 proxier.go:879] Sync failed; retrying in 30s\n',
    );
    expect(two.facts.entries).toHaveLength(2);
  });

  it('fixture 08: IPVS modules missing, falls back to iptables', () => {
    const r = only(
      readTestData('fixtures/08-k8s63801-kube-proxy-ipvs-modules-not-loaded/kube-proxy.log'),
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
    const r = only(
      readTestData('fixtures/32-k8s35641-kube-proxy-rules-not-created/kube-proxy.log'),
    );
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
      readTestData('fixtures/44-k8s76717-kube-proxy-ipvs-healthy-startup/kube-proxy.log'),
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
    const r = only(readTestData('fixtures/54-k8s40920-nodeport-already-used-bind/kube-proxy.log'));
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
    const inSeed = parsePaste(readTestData('seeds/003_4c57e4efbd8fc9cd.txt'), 'x').filter(
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

  it('kubernetes#140405: the CRI log file’s `TIME stderr F ` prefix, a multi-line err inside', () => {
    const r = only(
      readTestData(
        'cases/287-k8s140405-quoted-cri-kube-proxy-nft-json-not-compiled-in/kube-proxy.log',
      ),
    );
    expect(r.facts.entries.map((e) => [e.level, e.origin])).toEqual([
      ['I', 'proxier.go:1097'],
      ['E', 'proxier.go:994'],
    ]);
    expect(r.facts.entries[1]!.message).toMatch(/JSON support not compiled-in/);
    // A stream name without the runtime's F/P tag is no CRI prefix.
    expect(
      kubeProxyLog.detect(
        toLines('2026-07-10T14:33:53Z stderr I0710 14:33:53.856605 1 proxier.go:1097] "Syncing"'),
        { command: null },
      ),
    ).toBe(false);
  });

  it('siderolabs/pkgs#951: nft’s report of kube-proxy’s failed transaction, without klog', () => {
    const r = only(
      readTestData(
        'cases/280-siderolabs-pkgs951-kube-proxy-nftables-fib-could-not-process/kube-proxy.log',
      ),
    );
    expect(r.facts.entries.map((e) => e.level)).toEqual(['E', 'I', 'I', 'E']);
    expect(r.facts.entries[0]!.message).toMatch(/^\/dev\/stdin:892:87-100: Error: Could not/);
    // nft errors of some other table (a host firewall loaded from stdin) are not kube-proxy's.
    const other = [
      '/dev/stdin:3:5-20: Error: Could not process rule: No such file or directory',
      'add rule inet filter input tcp dport 22 accept',
      '    ^^^^^^^^^^^^^^^^',
    ].join('\n');
    expect(kubeProxyLog.detect(toLines(other), { command: null })).toBe(false);
  });

  it('kubernetes#71305: stern’s `POD CONTAINER ` prefix, its continuation line tolerated', () => {
    const r = only(
      readTestData(
        'cases/220-k8s71305-stern-kube-proxy-iptables-1-6-host-nf-tables/kube-proxy.log',
      ),
    );
    expect(r.status).toBe('partial');
    expect(r.facts.entries).toEqual([
      expect.objectContaining({ level: 'E', origin: 'proxier.go:647', line: 2 }),
    ]);
    expect(r.facts.entries[0]!.message).toMatch(/^Failed to ensure that nat chain KUBE-SERVICES/);
    // Two words before a klog header only when they can be Kubernetes names.
    const no = (text: string) =>
      expect(kubeProxyLog.detect(toLines(text), { command: null })).toBe(false);
    no('Some Prose E1120 07:08:50.135017       1 proxier.go:647] Failed to ensure');
    no('a b c E1120 07:08:50.135017       1 proxier.go:647] Failed to ensure');
  });

  it('stern --timestamps: the time after pod and container (kube-router#1670 lines)', () => {
    const out = kubeProxyLog.parse(
      toLines(
        "kube-router-qx29r kube-router 2024-05-12T19:28:56.949451541-05:00 I0513 00:28:56.949369   52913 linux_routing.go:30] Did not find iproute2's rt_tables in location /etc/iproute2/rt_tables",
      ),
      { command: null },
    );
    expect(out.status).toBe('parsed');
    expect(out.status !== 'rejected' && out.facts.entries[0]).toMatchObject({
      level: 'I',
      origin: 'linux_routing.go:30',
    });
  });

  it('rejects a paste that is mostly not klog', () => {
    const text =
      'I0101 00:00:00.000000 1 proxier.go:1] Using iptables Proxier.\nsome\nother\nlines';
    expect(kubeProxyLog.parse(toLines(text), { command: null })).toMatchObject({
      status: 'rejected',
      problems: [{ msg: { key: 'parse.kube-proxy-log.mostlyNotKlog' } }],
    });
  });

  it('younsl blog: a multi-line err value whose `<` the HTML ate, indented lines, ` > key`', () => {
    const r = only(
      readTestData(
        'cases/201-younsl-blog-kube-proxy-iptables-restore-sync-failed-calico/kube-proxy.log',
      ),
    );
    expect(r.status).toBe('parsed');
    expect(r.problems).toEqual([]);
    expect(r.facts.entries.map((e) => [e.level, e.line])).toEqual([
      ['E', 1],
      ['I', 7],
      ['I', 8],
    ]);
    expect(r.facts.entries[0]!.message).toMatch(
      /^"Failed to execute iptables-restore" err= exit status 2: .*Couldn't load target `KUBE-SVC-UOLAULR5MHUYULMB'.* ipFamily="IPv4"$/,
    );
  });

  it('klog’s own `err=<` form: tab-indented lines, or the indentation lost and `>` alone', () => {
    const tabbed = [
      'E0525 03:56:52.107691       1 cleanup.go:89] "Failed to execute iptables-restore" err=<',
      '\texit status 4: ip6tables-restore v1.8.9 (nf_tables):',
      '\tline 10: CHAIN_DEL failed (Device or resource busy): chain KUBE-MARK-MASQ',
      ' > table="nat"',
      'I0525 03:56:52.124529       1 proxier.go:820] "SyncProxyRules complete" elapsed="22.67239ms"',
    ].join('\n');
    const r = only(tabbed);
    expect(r.problems).toEqual([]);
    expect(r.facts.entries).toHaveLength(2);
    expect(r.facts.entries[0]!.message).toMatch(/CHAIN_DEL failed .* table="nat"$/);
    const flat = [
      'E1113 16:15:07.931291 1 proxier.go:1481] "Failed to execute iptables-restore" err=<',
      'exit status 2: ip6tables-restore v1.8.4 (legacy): unknown option "--xor-mark"',
      'Error occurred at line: 16',
      '>',
      'I1113 16:15:07.931308 1 proxier.go:858] "Sync failed" retryingTime="30s"',
    ].join('\n');
    const f = only(flat);
    expect(f.problems).toEqual([]);
    expect(f.facts.entries.map((e) => e.line)).toEqual([1, 5]);
    expect(f.facts.entries[0]!.message).toMatch(/--xor-mark" Error occurred at line: 16$/);
  });

  it('a bare `=` opens no value for unindented lines; an unclosed value ends at the next entry', () => {
    // `err=` then an unindented stray line: not the value's, a problem as before.
    const stray = [
      'E0101 00:00:00.000000 1 proxier.go:1] "Failed to execute iptables-restore" err=',
      'some shell line',
      'I0101 00:00:01.000000 1 proxier.go:2] Using iptables Proxier',
    ].join('\n');
    const s = only(stray);
    expect(s.problems).toHaveLength(1);
    expect(s.facts.entries[0]!.message).toBe('"Failed to execute iptables-restore" err=');
    // `=<` never closed: the next klog entry is an entry, not part of the value.
    const unclosed = [
      'E0101 00:00:00.000000 1 proxier.go:1] "Failed to execute iptables-restore" err=<',
      '\texit status 1',
      'I0101 00:00:01.000000 1 proxier.go:2] Using iptables Proxier',
    ].join('\n');
    const u = only(unclosed);
    expect(u.facts.entries).toHaveLength(2);
    expect(u.facts.proxier?.value).toBe('iptables');
  });

  it('a Go panic is a fatal entry and its goroutine dump belongs to it (k8s#55864)', () => {
    const log = [
      'I1116 12:50:34.001621       1 server_others.go:164] Using ipvs Proxier.',
      'I1116 12:50:34.062455       1 config.go:202] Starting service config controller',
      'panic: non-positive interval for NewTicker',
      '',
      'goroutine 46 [running]:',
      'time.NewTicker(0x0, 0x8)',
      '\t/usr/local/go/src/time/tick.go:23 +0x1b4',
      'k8s.io/kubernetes/pkg/proxy/ipvs.(*Proxier).SyncLoop(0xc420a68f20)',
      '\t/go/src/k8s.io/kubernetes/_output/dockerized/go/src/k8s.io/kubernetes/pkg/proxy/ipvs/proxier.go:736 +0x33',
      'created by k8s.io/kubernetes/cmd/kube-proxy/app.(*ProxyServer).Run',
      '\t/go/src/k8s.io/kubernetes/cmd/kube-proxy/app/server.go:539 +0x4c2',
    ].join('\n');
    const r = only(log);
    expect(r.problems).toEqual([]);
    expect(r.facts.entries.map((e) => [e.level, e.message])).toEqual([
      ['I', 'Using ipvs Proxier.'],
      ['I', 'Starting service config controller'],
      ['F', 'panic: non-positive interval for NewTicker'],
    ]);
    // Pasted alone, kube-proxy's own frames make the panic kube-proxy's.
    const alone = only(log.split('\n').slice(2).join('\n'));
    expect(alone.facts.entries).toHaveLength(1);
    // Another program's panic is not claimed, and the dump ends at the next line of prose.
    const no = (text: string) =>
      expect(kubeProxyLog.detect(toLines(text), { command: null })).toBe(false);
    no(
      'panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:12 +0x1d',
    );
    const cut = only(
      [
        'I1116 12:50:34.001621       1 server_others.go:164] Using ipvs Proxier.',
        'panic: boom',
        'goroutine 1 [running]:',
        'Then I restarted the pod and it crashed again.',
      ].join('\n'),
    );
    expect(cut.problems).toHaveLength(1);
  });

  it('kubernetes#77903: the IPVS graceful-termination lines alone are kube-proxy’s', () => {
    const r = only(
      readTestData(
        'cases/1070-k8s77903-kube-proxy-log-graceful-termination-not-deleting-rs-active-conn/kube-proxy.log',
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.facts.entries).toHaveLength(9);
    expect(r.facts.entries[5]!.message).toBe(
      'Not deleting, RS 10.233.0.1:443/TCP/172.17.8.101:6443: 5 ActiveConn, 0 InactiveConn',
    );
    // Another program's file of that name does not make a log kube-proxy's without the klog header.
    expect(
      kubeProxyLog.detect(toLines('graceful_termination.go:171] waiting for clients\n'), {
        command: null,
      }),
    ).toBe(false);
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

  // journald's identifier names the process: kube-proxy's own line, whichever file logged it.
  it('a journal line tagged kube-proxy[pid] is kube-proxy’s, even from its ipset helper', () => {
    const r = only(
      readTestData(
        'cases/1162-sealyun-zh-blog-kube-proxy-1-11-0-ipset-kube-loop-back-comment-unsupported-centos/block-0.txt',
      ),
    );
    expect(r.facts.entries).toHaveLength(1);
    expect(r.facts.entries[0]!.level).toBe('E');
    expect(r.facts.entries[0]!.origin).toBe('ipset.go:156');
    expect(r.facts.entries[0]!.message).toContain('error creating ipset KUBE-LOOP-BACK');
    // The Chinese journal month too.
    const zh =
      '9月 22 08:58:03 localhost kube-proxy[4854]: E0922 08:58:03.706102    4854 ipset.go:156] Failed to make sure ip set: exit status 2';
    expect(kubeProxyLog.detect(toLines(zh), { command: null })).toBe(true);
  });

  it('another process’s journal line, or kube-proxy[pid] inside a message, is not marked by it', () => {
    const no = (text: string) =>
      expect(kubeProxyLog.detect(toLines(text), { command: null })).toBe(false);
    // kubelet's journal line naming kube-proxy's pod.
    no(
      'Jun 25 20:50:00 node1 kubelet[912]: E0625 20:50:00.312569     912 pod_workers.go:190] Error syncing pod kube-proxy-abc: ipset.go:1 exit status 2',
    );
    // A similar-looking identifier of another program.
    no(
      'Jun 25 20:50:00 node1 kube-proxy-helper[77]: E0625 20:50:00.312569      77 ipset.go:156] exit status 2',
    );
    // The tag quoted inside another line, not at its start.
    no(
      'I0625 20:50:00.312569     912 main.go:10] saw "Jun 25 20:50:00 node1 kube-proxy[3828]: E0625" in a file',
    );
  });
});

describe('kube-proxy-log: only kube-proxy logs are claimed', () => {
  claimsOnly(kubeProxyLog, [
    '08-k8s63801-kube-proxy-ipvs-modules-not-loaded/kube-proxy.log',
    '32-k8s35641-kube-proxy-rules-not-created/kube-proxy.log',
    '44-k8s76717-kube-proxy-ipvs-healthy-startup/kube-proxy.log',
    '54-k8s40920-nodeport-already-used-bind/kube-proxy.log',
  ]);
});

describe('kube-proxy-log: texts', () => {
  textsMatch('kube-proxy-log', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('kube-proxy-log: hostile input', () => {
  survivesHostileInput(
    kubeProxyLog,
    [
      'I0514 13:55:16.524562       1 server_others.go:140] Using iptables Proxier.',
      'E0203 14:08:15.591906       1 proxier.go:1108] can\'t open "nodePort for ccp/memcached:11211" (:34104/tcp), skipping this nodePort',
      'I0601 13:01:13.339638 1 server.go:571] Version: v1.17.4',
      '2024-01-01T00:00:00.000000000Z I0101 00:00:00.000000       1 server_linux.go:66] "Using iptables proxy"',
      '[root@k8s-master01 ~]# kubectl -n kube-system logs -f kube-proxy-2qf52',
      'not a log line',
    ],
    {
      prefixes: ['I0101 00:00:00.000000 1 proxier.go:1] '],
      mutations: [(s) => s.replace(/\] /, ']')],
      longLines: [
        'I0101 00:00:00.000000 1 proxier.go:1] ' + 'Proxier '.repeat(650_000),
        'I0101 00:00:00.' + '1'.repeat(5_000_000),
      ],
    },
  );
});

// Written by hand in the shape of klog's JSON logger (`--logging-format=json`, k8s.io/component-base
// logs/json): no public thread pasted one that we found.
describe('kube-proxy-log: JSON lines', () => {
  const json = [
    '{"ts":1678895112344.713,"caller":"app/server_linux.go:395","msg":"Using iptables Proxier","v":0}',
    '{"ts":1678895112345.123,"caller":"app/server.go:552","msg":"Version info","version":"v1.26.1"}',
    '{"ts":1678895112360.2,"caller":"iptables/proxier.go:1514","msg":"Failed to execute iptables-restore","err":"exit status 1"}',
  ].join('\n');

  it('reads the mode, the version and the error as from text lines', () => {
    const [s] = parsePaste(json, 'x');
    expect(s!.kind).toBe('kube-proxy-log');
    const f = factsOf(s!, 'kube-proxy-log');
    expect(f.proxier?.value).toBe('iptables');
    expect(f.version?.value).toBe('v1.26.1');
    expect(f.entries.map((e) => e.level)).toEqual(['I', 'I', 'E']);
    expect(f.entries[2]!.message).toBe('"Failed to execute iptables-restore" err="exit status 1"');
  });

  it('is not fooled by other JSON', () => {
    const [s] = parsePaste('{"msg":"hello","level":"info"}\n{"msg":"again","level":"info"}', 'x');
    expect(s!.kind).not.toBe('kube-proxy-log');
  });
});
