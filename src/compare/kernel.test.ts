import { describe, expect, it } from 'vitest';
import { brief, parsedText } from '../testing/compare';
import { compareNodes, shown } from '.';

describe('kernel', () => {
  it('the two nodes’ releases (kubernetes#68732: the CentOS nodes work, the Ubuntu one does not)', () => {
    // The kernels the reporter gave for the nodes (`uname -r`).
    const good = parsedText('$ uname -r\n3.10.0-327.el7.x86_64\n', 'centos.txt');
    const bad = parsedText('$ uname -r\n4.15.0-33-generic\n', 'ubuntu.txt');
    expect(shown(compareNodes(good, bad)).map(brief)).toEqual([
      {
        kind: 'kernel',
        key: 'kernel',
        good: '3.10.0-327.el7.x86_64',
        bad: '4.15.0-33-generic',
        explainedBy: null,
      },
    ]);
  });

  it('the host names of `uname -a` are the nodes’ own, not a difference', () => {
    const a = (host: string) =>
      `Linux ${host} 3.10.0-1062.1.2.el7.x86_64 #1 SMP Mon Sep 30 14:19:46 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux\n`;
    const diff = compareNodes(parsedText(a('k8s-node1'), 'g'), parsedText(a('k8s-node2'), 'b'));
    expect(diff.differences).toEqual([]);
    expect(diff.same.map((s) => s.key)).toEqual(['kernel', 'machine']);
  });
});
