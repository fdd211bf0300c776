import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { toLines } from '../../engine/lines';
import { only as onlyAs, parsedAs } from '../../testing/parser-checks';
import { readTestData } from '../../testing/test-data';
import { parsePaste, type SectionResult } from '../registry';
import { kubeProxyLog } from './parser';

// kube-proxy's messages as people copy them: without the klog header, cut to its origin, in
// backticks, or between lines of prose.
const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const parsed = (r: SectionResult | undefined) => parsedAs(r, 'kube-proxy-log');
const only = (text: string) => onlyAs(text, 'kube-proxy-log');

describe("kube-proxy-log: kube-proxy's own messages copied without the klog header", () => {
  it('a blog quotes the conn_reuse_mode refusal alone, fenced, with a typographic apostrophe', () => {
    const r = parsed(
      parsePaste(
        readTestData('cases/124-kubesphere-zh-blog-bare-conn-reuse-mode-line/kube-proxy.txt'),
        'x',
      )[0],
    );
    expect(r.status).toBe('parsed');
    expect(factsOf(r, 'kube-proxy-log').entries).toMatchObject([{ level: 'E', line: 2 }]);
  });

  it.each([
    ["can't set sysctl net/ipv4/vs/conn_reuse_mode, kernel version must be at least 4.1", 'E'],
    [
      'can\'t open "nodePort for common/a-analysis175:8008" (:45102/tcp), skipping this nodePort: listen tcp :45102: bind: address already in use',
      'E',
    ],
    ["Can't use ipvs proxier, trying iptables proxier", 'E'],
    ['Unknown proxy mode "", assuming iptables proxy', 'W'],
    ['Using iptables Proxier.', 'I'],
  ])('%s', (line, level) => {
    expect(only(line).facts.entries).toMatchObject([{ level, line: 1 }]);
  });

  it('not prose that quotes them, nor a sentence that only starts alike', () => {
    for (const text of [
      "I see can't set sysctl net/ipv4/vs/conn_reuse_mode in the log",
      "can't set sysctl net.core.somaxconn: permission denied",
      'Using the iptables proxier is fine here',
    ])
      expect(parsePaste(text, 'x')[0]?.kind).not.toBe('kube-proxy-log');
  });
});

describe('kube-proxy-log: Chinese prose between the lines', () => {
  it('kubernetes-handbook#227: an issue template around one bare line ending in a full-width paren', () => {
    const r = parsed(
      parsePaste(
        readTestData(
          'cases/423-k8shandbook227-zh-issue-template-bare-iptables-restore-line/issue.txt',
        ),
        'x',
      )[0],
    );
    expect(factsOf(r, 'kube-proxy-log').entries).toEqual([
      expect.objectContaining({ level: 'E', line: 15 }),
    ]);
    // The typed command is the only line counted against it; the template's prose is not.
    expect(r.problems).toHaveLength(1);
  });

  it('kubernetes-starter#20: a known line in inline code, its klog header cut to the origin', () => {
    const r = parsed(
      parsePaste(
        readTestData(
          'cases/601-kubestarter20-zh-kube-proxy-iptables-restore-invalid-option-5/kube-proxy-log.txt',
        ),
        'x',
      )[0],
    );
    expect(factsOf(r, 'kube-proxy-log').entries).toEqual([
      expect.objectContaining({
        level: 'E',
        origin: 'proxier.go:1667',
        message:
          "Failed to execute iptables-restore: exit status 1 (iptables-restore: invalid option -- '5'",
      }),
    ]);
    // Backticks alone, without the origin, read the same way.
    const bare = parsed(parsePaste('`Failed to execute iptables-restore: exit status 1`', 'x')[0]);
    expect(factsOf(bare, 'kube-proxy-log').entries[0]).toMatchObject({ level: 'E', origin: '' });
  });

  it('kubeasz#501: the IPVS proxier’s cleanup error, fenced, is kube-proxy’s', () => {
    const r = parsed(
      parsePaste(
        readTestData(
          'cases/602-kubeasz501-zh-restart-kube-proxy-cleanup-too-many-links-source-ip-test/kube-proxy-restart.txt',
        ),
        'x',
      )[0],
    );
    expect(factsOf(r, 'kube-proxy-log').entries).toEqual([
      expect.objectContaining({ level: 'E', line: 2 }),
    ]);
  });

  it('kubernetes#92033: the IPVS proxier’s own lines, their klog header cut to the origin', () => {
    const r = parsed(
      parsePaste(
        readTestData(
          'cases/796-k8s92033-headless-failed-to-add-ipvs-service-enoent-scheduler-sed-module/kube-proxy.log',
        ),
        'x',
      )[0],
    );
    const entries = factsOf(r, 'kube-proxy-log').entries;
    expect(entries).toHaveLength(9);
    expect(entries.slice(0, 3)).toEqual([
      expect.objectContaining({ level: 'I', origin: 'proxier.go:1907', line: 2 }),
      expect.objectContaining({
        level: 'E',
        origin: 'proxier.go:1909',
        message: 'Failed to add IPVS service "default/kubernetes:https": no such file or directory',
      }),
      expect.objectContaining({ level: 'E', origin: 'proxier.go:1195' }),
    ]);
    // The same words without a kube-proxy origin or with another program's file are not enough.
    for (const text of [
      'Adding new service "a/b:c" 10.0.0.1:80/TCP\nsome other line\nand another one',
      'controller.go:12] Adding new service "a/b:c" 10.0.0.1:80/TCP\ncontroller.go:13] other\ncontroller.go:14] more',
    ])
      expect(parsePaste(text, 'x')[0]?.kind).not.toBe('kube-proxy-log');
  });

  it('a cut header does not make any message kube-proxy’s', () => {
    for (const text of [
      // Another program's origin with an unknown message, and a known message from no kube-proxy file.
      '`kubelet.go:1667] Failed to start ContainerManager`',
      'proxier.go:1667] something else entirely',
      '```\nproxier.go:1] \n```',
    ])
      expect(parsePaste(text, 'x')[0]?.kind).not.toBe('kube-proxy-log');
    // A foreign origin before a known message: the message still reads, the origin is not kept.
    const foreign = parsed(
      parsePaste('main.go:12] Failed to execute iptables-restore: exit status 1', 'x')[0],
    );
    expect(factsOf(foreign, 'kube-proxy-log').entries[0]).toMatchObject({ origin: '' });
  });

  it('prose alone, or prose around lines of another program, is not kube-proxy', () => {
    for (const text of [
      '## 日志\n**日志或报错信息**\nproxy工作不正常，kube-dns不能启动',
      '日志如下：\nI0101 00:00:00.000000 1 kubelet.go:1] Started kubelet\n完毕',
      '报错：\nsome error happened\nand another\nFailed to execute iptables-restore for nat: exit status 1',
    ])
      expect(parsePaste(text, 'x')[0]?.kind).not.toBe('kube-proxy-log');
  });

  it('English junk lines still count against a paste (prose is only what holds CJK text)', () => {
    const text =
      '日志：\nI0101 00:00:00.000000 1 proxier.go:1] Using iptables Proxier.\nsome\nother\nlines';
    expect(kubeProxyLog.parse(toLines(text), { command: null })).toMatchObject({
      status: 'rejected',
      problems: [{ msg: { key: 'parse.kube-proxy-log.mostlyNotKlog' } }],
    });
  });
});

describe('kube-proxy-log: structured messages without their klog header', () => {
  it('k8s 141943: lines cut after their origin, an author note between them', () => {
    const r = parsed(
      parsePaste(
        readTestData(
          'cases/977-k8s141943-lxc-kube-proxy-1-36-error-running-proxyserver-conntrack-max-denied/kube-proxy-log.txt',
        ),
        'x',
      )[0],
    );
    // The author's three lines (`error with kube-proxy 1.36.4:`, ...) are reported, not read.
    expect(r.status).toBe('partial');
    expect(r.problems).toHaveLength(3);
    const f = factsOf(r, 'kube-proxy-log');
    expect(f.entries.map((e) => [e.level, e.origin])).toEqual([
      ['I', ''],
      ['I', ''],
      ['E', ''],
      ['E', ''],
      ['I', 'conntrack.go:57'],
    ]);
    expect(f.entries[2]!.message).toMatch(/^"Error running ProxyServer" err="could not set/);
  });

  it("another program's origin neither marks the paste nor is kept; a bad quote is no entry", () => {
    const kubelet =
      'kubelet.go:2412] "Error syncing pod, skipping" err="failed to \\"StartContainer\\""';
    expect(parsePaste(kubelet, 'x').some((s) => s.kind === 'kube-proxy-log')).toBe(false);
    const mixed = parsed(
      parsePaste(
        [
          'server.go:136] "Error running ProxyServer" err="boom"',
          'kubelet.go:2412] "Error syncing pod" err="x"',
          'server.go:136] "unterminated err="x"',
        ].join('\n'),
        'x',
      )[0],
    );
    const f = factsOf(mixed, 'kube-proxy-log');
    expect(f.entries.map((e) => e.origin)).toEqual(['', '']);
    expect(mixed.problems).toHaveLength(1);
  });

  it('rke2 3710: the IPVS refusal alone, an error because of err=', () => {
    const r = parsed(parsePaste(local('kube-proxy--rke2-3710-bare-structured.txt'), 'x')[0]);
    expect(r.status).toBe('parsed');
    const f = factsOf(r, 'kube-proxy-log');
    expect(f.entries).toHaveLength(1);
    expect(f.entries[0]).toMatchObject({ level: 'E', line: 1 });
    expect(f.entries[0]!.message).toMatch(/required kernel modules are not loaded/);
  });

  it('kubeasz 911: `systemctl status` header, journal lines with a Chinese-locale month', () => {
    const sections = parsePaste(local('kube-proxy--kubeasz911-zh-systemctl-status.txt'), 'x');
    const r = parsed(sections.find((s) => s.kind === 'kube-proxy-log'));
    expect(r.status).toBe('parsed');
    const f = factsOf(r, 'kube-proxy-log');
    expect(f.entries).toHaveLength(3);
    expect(f.entries.every((e) => e.level === 'E')).toBe(true);
    expect(f.entries[1]!.origin).toBe('proxier.go:1533');
    expect(f.entries[1]!.message).toMatch(
      /^Failed to sync endpoint for service: 172\.20\.0\.0:32567/,
    );
  });

  it('the unit header alone, or a localized date on another program, is not kube-proxy', () => {
    const header = local('kube-proxy--kubeasz911-zh-systemctl-status.txt')
      .split('\n')
      .filter((l) => !l.includes('kube-proxy['))
      .join('\n');
    expect(parsePaste(header, 'x').some((s) => s.kind === 'kube-proxy-log')).toBe(false);
    const kubelet =
      '9月 06 14:15:41 m1 kubelet[911]: E0906 14:15:41.117144     911 kubelet.go:2183] Container runtime network not ready\n';
    expect(parsePaste(kubelet, 'x')[0]!.kind).not.toBe('kube-proxy-log');
  });

  it('a healthy message of the same shape reads its proxier; other quoted lines are not claimed', () => {
    const f = factsOf(parsed(parsePaste('"Using iptables Proxier"\n', 'x')[0]), 'kube-proxy-log');
    expect(f.proxier?.value).toBe('iptables');
    expect(f.entries[0]!.level).toBe('I');
    for (const text of ['"hello" a=b\n', '"foo bar"\n"baz"\n', 'key="value" other=1\n'])
      expect(parsePaste(text, 'x')[0]!.kind).not.toBe('kube-proxy-log');
  });
});

describe('kube-proxy-log: a multi-line err=< value pulled up onto its line', () => {
  it('cilium lvh-images#31: the opener cut short of its quote, re-wrapped in an indented block', () => {
    const r = parsed(
      parsePaste(
        readTestData(
          'cases/1442-cilium-lvh31-indented-flat-iptables-restore-couldnt-load-match-statistic/pr-description.txt',
        ),
        'x',
      ).find((s) => s.kind === 'kube-proxy-log'),
    );
    const f = factsOf(r, 'kube-proxy-log');
    // The two re-wrapped lines belong to the value: one entry, read whole.
    expect(f.entries).toHaveLength(1);
    expect(f.entries[0]).toMatchObject({ level: 'E', line: 3 });
    expect(f.entries[0]!.message).toMatch(/Couldn't load match `statistic': No such file/);
  });

  it('cilium lvh-images#40: the structured message with its value flattened onto one line', () => {
    const line =
      '"Failed to execute iptables-restore" err=< exit status 2: iptables-restore v1.8.7 (legacy): Couldn\'t load match `recent\':No such file or directory';
    const f = only(line).facts;
    expect(f.entries).toMatchObject([{ level: 'E', line: 1, origin: '' }]);
    expect(f.entries[0]!.message).toMatch(
      /^"Failed to execute iptables-restore" err=< exit status 2/,
    );
  });

  it('a flattened value closed by `>` keeps its keys; a value opened inline stops at a blank line', () => {
    const closed = only(
      'proxier.go:1564] "Failed to execute iptables-restore" err=< exit status 1 > ipFamily="IPv4"',
    ).facts;
    expect(closed.entries).toMatchObject([{ level: 'E', origin: 'proxier.go:1564' }]);
    const r = parsed(
      parsePaste(
        [
          'E0610 07:32:16.910840  1 proxier.go:1564] "Failed to execute iptables-restore" err=< exit status 2:',
          "  iptables-restore v1.8.7 (legacy): Couldn't load target `KUBE-MARK-DROP'",
          '',
          'I0610 07:32:16.911000  1 proxier.go:858] "Sync failed" retryingTime="30s"',
        ].join('\n'),
        'x',
      )[0],
    );
    const f = factsOf(r, 'kube-proxy-log');
    expect(f.entries.map((e) => e.line)).toEqual([1, 4]);
    expect(f.entries[0]!.message).toMatch(/KUBE-MARK-DROP/);
    expect(f.entries[1]!.message).not.toMatch(/KUBE-MARK-DROP/);
  });

  it('a line less indented than the opener ends the value and is reported, not absorbed', () => {
    const r = parsed(
      parsePaste(
        [
          '  E0610 07:32:16.910840  1 proxier.go:1564] "Failed to execute iptables-restore" err=< exit status 2:',
          '  iptables-restore: line 12 failed',
          'see the docs',
          '  I0610 07:32:16.911000  1 proxier.go:858] "Sync failed" retryingTime="30s"',
        ].join('\n'),
        'x',
      )[0],
    );
    const f = factsOf(r, 'kube-proxy-log');
    expect(f.entries).toHaveLength(2);
    expect(f.entries[0]!.message).toMatch(/line 12 failed$/);
    expect(r.problems).toHaveLength(1);
  });

  it("another program's flattened value is not kube-proxy's", () => {
    for (const text of [
      '"Error syncing pod" err=< failed to start container: exit status 1\n',
      'kubelet.go:2412] "Error syncing pod" err=< exit status 2: boom\n',
    ])
      expect(parsePaste(text, 'x').some((s) => s.kind === 'kube-proxy-log')).toBe(false);
  });
});
