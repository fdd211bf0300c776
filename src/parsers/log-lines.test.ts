import { describe, expect, it } from 'vitest';
import { toLines } from '../engine/lines';
import { logLineRuns } from './log-lines';
import { parsePaste } from './registry';

const runs = (text: string) => logLineRuns(toLines(text)).map((r) => r.map((l) => [l.n, l.text]));

describe('log lines amid prose', () => {
  it('takes each run of log lines out of a post, without its quote or inline code', () => {
    // k3s-io/k3s#11267: the error quoted in inline code under a sentence.
    const issue = [
      'When started with `--kube-proxy-arg=proxy-mode=nftables`, kube-proxy will look for the `nft` binary:',
      '> `ERRO[0003] kube-proxy exited: unable to create proxier: could not find nftables binary`',
      '',
      'We should include `nft` in the k3s-root bundle.',
    ].join('\n');
    expect(runs(issue)).toEqual([
      [
        [
          2,
          'ERRO[0003] kube-proxy exited: unable to create proxier: could not find nftables binary',
        ],
      ],
    ]);
    // flannel-io/flannel#1353: two klog lines between a table row and a package list.
    const post = [
      'kube-system   kube-flannel-ds-qp5j2                  0/1     CrashLoopBackOff',
      '',
      'I0929 05:14:00.544880       1 main.go:518] Determining IP address of default interface',
      'E0929 05:14:00.545157       1 main.go:204] Failed to find any valid interface to use',
      '---------------------------------------------------',
      'Dec 09 06:46:20 node0 kernel: IPv4: martian source 10.0.0.253 from 10.0.0.113, on dev lxc1',
      '2023/03/08 16:02:40 [error] 31#31: *569 upstream timed out (110: Connection timed out)',
      '[ 1423.035722] UDP: bad checksum. From 172.16.9.99:27503 to 172.16.80.252:8472 ulen 75',
    ].join('\n');
    expect(runs(post).map((r) => r.map(([n]) => n))).toEqual([
      [3, 4],
      [6, 7, 8],
    ]);
  });

  it('takes no sentence that merely names an error, nor a line cut before its message', () => {
    expect(runs('We see Failed to execute iptables-restore in the logs.')).toEqual([]);
    expect(runs('E0929 is the day it broke')).toEqual([]);
    expect(runs('Dec 09 06:46:20 node0')).toEqual([]);
    expect(runs(`${'x'.repeat(30_000)}`)).toEqual([]);
  });

  it('reads the runs of a paste nothing reads whole, and still says the rest was not read', () => {
    const issue =
      'The agent exits:\n> `ERRO[0003] kube-proxy exited: unable to create proxier: could not find nftables binary`\n\nWe should ship nft.\n';
    const read = parsePaste(issue, 'issue.md').map((r) => [r.kind, r.status]);
    expect(read).toEqual([
      ['kube-proxy-log', 'parsed'],
      [null, 'rejected'],
    ]);
    // Prose alone stays one rejected paste.
    expect(parsePaste('It fails.\nNo idea why.\n', 'p.md').map((r) => r.status)).toEqual([
      'rejected',
    ]);
  });
});
