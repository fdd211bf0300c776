import { describe, expect, it } from 'vitest';
import { brief, compareFiles, parsedText } from '../testing/compare';
import { causeSummary, compareNodes, shown } from '.';

const V = 'rules/vxlan-checksum-offload/fixtures/';

describe('MTU and offload', () => {
  it('offload: tx-checksum-ip-generic on flannel.1 (seed 003, after and before `ethtool -K`)', () => {
    const diff = compareFiles(
      `${V}fixed--seed003-grep-after.txt`,
      `${V}broken--seed003-grep-before.txt`,
    );
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'offload',
        key: 'offload flannel.1 tx-checksumming',
        good: 'off',
        bad: 'on',
        explainedBy: 'vxlan-checksum-offload',
      },
      {
        kind: 'offload',
        key: 'offload flannel.1 tx-checksum-ip-generic',
        good: 'off',
        bad: 'on',
        explainedBy: 'vxlan-checksum-offload',
      },
    ]);
    // The same `on` on both nodes cannot be why one fails.
    const both = compareFiles(
      `${V}broken--seed003-grep-before.txt`,
      `${V}broken--seed003-grep-before.txt`,
    );
    expect(causeSummary(both).against.map((a) => a.cause)).toEqual(['vxlan-checksum-offload']);
  });

  it('offload features one `ethtool -k | grep` shows and the other does not are not compared', () => {
    const good = parsedText(
      'Features for flannel.1:\nrx-checksumming: on\ntx-checksumming: off\n',
      'g',
    );
    const bad = parsedText('Features for flannel.1:\ntx-checksumming: off\n', 'b');
    expect(compareNodes(good, bad).differences).toEqual([]);
  });

  it('MTU by device name; physical NICs named after their slot are noise; pods’ veths as a set', () => {
    const addr = (nic: string, flannel: number, veths: number[]) =>
      [
        `2: ${nic}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000`,
        '    link/ether 00:0c:29:86:00:4d brd ff:ff:ff:ff:ff:ff',
        `3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${flannel} qdisc noqueue state UNKNOWN group default`,
        '    link/ether 4e:fd:7c:9e:aa:63 brd ff:ff:ff:ff:ff:ff',
        ...veths.flatMap((m, i) => [
          `${5 + i}: veth${(0xa1b2c3 + i * 7919).toString(16)}@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${m} qdisc noqueue master cni0 state UP group default`,
          '    link/ether 1a:2b:3c:4d:5e:6f brd ff:ff:ff:ff:ff:ff link-netnsid 0',
        ]),
      ].join('\n');
    const same = compareNodes(
      parsedText(addr('ens192', 1450, [1450, 1450]), 'g'),
      parsedText(addr('ens160', 1450, [1450]), 'b'),
    );
    expect(shown(same)).toEqual([]);
    expect(same.differences.map((d) => [d.key, d.noise])).toEqual([
      ['mtu ens192', true],
      ['mtu ens160', true],
    ]);
    const diff = compareNodes(
      parsedText(addr('eth0', 1450, [1450]), 'g'),
      parsedText(addr('eth0', 8951, [1450, 8951]), 'b'),
    );
    expect(shown(diff).map(brief)).toEqual([
      { kind: 'mtu', key: 'mtu flannel.1', good: '1450', bad: '8951', explainedBy: 'mtu-mismatch' },
      {
        kind: 'mtu',
        key: 'mtu veth*',
        good: '1450',
        bad: '1450, 8951',
        explainedBy: 'mtu-mismatch',
      },
    ]);
  });
});
