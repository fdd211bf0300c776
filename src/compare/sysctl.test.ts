import { describe, expect, it } from 'vitest';
import { brief, compareFiles, parsedFile, parsedText } from '../testing/compare';
import { causeSummary, compareNodes, shown } from '.';

const TW = 'rules/tcp-tw-recycle-nat/fixtures/';

describe('sysctl', () => {
  it('tcp_tw_recycle=1 on the bad node only explains it (fixture 07 before and after its fix)', () => {
    const diff = compareFiles(`${TW}fixed--recycle-off.txt`, `${TW}broken--haomeiwen-sysctl.txt`);
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'sysctl',
        key: 'net.ipv4.tcp_tw_recycle',
        good: '0',
        bad: '1',
        explainedBy: 'tcp-tw-recycle-nat',
      },
    ]);
    expect(diff.differences[0]!.evidence.bad).toEqual([
      { source: 'broken--haomeiwen-sysctl.txt', line: 2, text: 'net.ipv4.tcp_tw_recycle = 1' },
    ]);
  });

  it('the harmful value on the good node explains nothing: the good node works with it', () => {
    const diff = compareFiles(`${TW}broken--haomeiwen-sysctl.txt`, `${TW}fixed--recycle-off.txt`);
    expect(shown(diff).map((d) => [d.key, d.explainedBy])).toEqual([
      ['net.ipv4.tcp_tw_recycle', null],
    ]);
  });

  it('a harmful setting both nodes share argues against its cause', () => {
    const diff = compareFiles(
      `${TW}broken--haomeiwen-sysctl.txt`,
      `${TW}broken--haomeiwen-sysctl.txt`,
    );
    expect(diff.differences).toEqual([]);
    expect(causeSummary(diff).against.map((a) => a.cause)).toEqual(['tcp-tw-recycle-nat']);
  });

  it('a key the tool says does not exist on the bad node (br_netfilter not loaded)', () => {
    // The bad node: kubeasz#61's `sysctl -p` as pasted; the good: the same two keys where the module is in.
    const good = parsedText(
      'net.ipv4.ip_forward = 1\nnet.bridge.bridge-nf-call-iptables = 1\n',
      'good.txt',
    );
    const bad = parsedFile('rules/br-netfilter-off/fixtures/broken--kubeasz61-cannot-stat.txt');
    expect(shown(compareNodes(good, bad)).map(brief)).toEqual([
      {
        kind: 'sysctl',
        key: 'net.bridge.bridge-nf-call-iptables',
        good: '1',
        bad: 'missing',
        explainedBy: 'br-netfilter-off',
      },
    ]);
  });

  it('a key in one short listing only is not a difference: `sysctl KEY` prints the keys asked for', () => {
    const good = parsedText('net.ipv4.ip_forward = 1\nnet.ipv4.tcp_tw_recycle = 0\n', 'good.txt');
    const bad = parsedText('net.ipv4.ip_forward = 1\n', 'bad.txt');
    const diff = compareNodes(good, bad);
    expect(diff.differences).toEqual([]);
    expect(diff.same.map((s) => s.key)).toEqual(['net.ipv4.ip_forward']);
  });

  it('compares values with their whitespace as printed (`1024\\t65535` is `1024 65535`)', () => {
    const good = parsedText('net.ipv4.ip_local_port_range = 1024\t65535\n', 'good.txt');
    const bad = parsedText('net.ipv4.ip_local_port_range = 1024 65535\n', 'bad.txt');
    expect(compareNodes(good, bad).differences).toEqual([]);
  });

  it('a lower conntrack limit on the bad node points at a full table; a higher one does not', () => {
    const at = (n: number, s: string) => parsedText(`net.netfilter.nf_conntrack_max = ${n}\n`, s);
    expect(compareNodes(at(262144, 'g'), at(65536, 'b')).differences[0]!.explainedBy).toBe(
      'conntrack-table-full',
    );
    expect(compareNodes(at(65536, 'g'), at(262144, 'b')).differences[0]!.explainedBy).toBeNull();
  });
});
