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

describe('ethtool-k: real outputs', () => {
  it('seed 003: `ethtool -k flannel.1 | grep checksum` with notes after the values', () => {
    const s = one(local('ethtool-k--seed003-grep-checksum-before.txt'));
    const f = factsOf(s, 'ethtool-k');
    expect(s.status).toBe('parsed');
    expect(f.interface?.value).toBe('flannel.1');
    expect(f.features['tx-checksum-ip-generic']).toMatchObject({
      value: 'on',
      fixed: false,
      line: 5,
    });
    expect(f.features['tx-checksum-ipv4']).toMatchObject({ value: 'off', fixed: true });
    expect(Object.keys(f.features)).toHaveLength(7);
    expect(f.changes).toEqual({});
    const after = factsOf(one(local('ethtool-k--seed003-grep-checksum-after.txt')), 'ethtool-k');
    expect(after.features['tx-checksum-ip-generic']?.value).toBe('off');
  });

  it('seed 003 and fixture 30: `ethtool -K` prints changes, not the current state', () => {
    const s = one(local('ethtool-k--seed003-actual-changes.txt'));
    const f = factsOf(s, 'ethtool-k');
    expect(f.features).toEqual({});
    expect(f.changes['tx-checksum-ip-generic']).toMatchObject({ value: 'off', line: 4 });
    expect(f.changes['tx-tcp-segmentation']).toMatchObject({ value: 'off', requested: 'on' });
    if (s.status !== 'rejected') expect(s.summary.key).toBe('parse.ethtool-k.summaryChanges');
    const session = parsePaste(
      readTestData('fixtures/30-flannel1279-udp-bad-checksum-dmesg/session.txt'),
      's',
    );
    const k = session.find((x) => x.kind === 'ethtool-k');
    expect(k?.command).toBe('ethtool -K flannel.1 tx-checksum-ip-generic off');
    expect(factsOf(k, 'ethtool-k').changes['tx-checksum-ip-generic']?.value).toBe('off');
  });

  it('a whole `ethtool -k` with its header, names with underscores', () => {
    const f = factsOf(one(local('ethtool-k--flannel-vxlan-full.txt')), 'ethtool-k');
    expect(f.interface).toMatchObject({ value: 'flannel.1', line: 1 });
    expect(Object.keys(f.features)).toHaveLength(39);
    expect(f.features['tx-checksum-ip-generic']?.value).toBe('on');
    expect(f.features['tx-udp_tnl-segmentation']?.fixed).toBe(true);
  });

  it('`ethtool -k IFACE | grep generic` leaving one feature line (rke2 7932)', () => {
    const s = one(
      readTestData(
        'cases/261-rke2-7932-ethtool-k-grep-generic-vxlan-calico-off-healthy/ethtool-k.txt',
      ),
    );
    const f = factsOf(s, 'ethtool-k');
    expect(f.interface?.value).toBe('vxlan.calico');
    expect(f.features['tx-checksum-ip-generic']).toMatchObject({ value: 'off', line: 3 });
    // Without the command a lone `name: on` line is anything (YAML, a config file).
    expect(parsePaste('tx-checksum-ip-generic: off', 'x')[0]?.kind).not.toBe('ethtool-k');
    expect(parsePaste('$ cat values.yaml\nenabled: on', 'x')[0]?.kind).not.toBe('ethtool-k');
    // The command, but other lines than features: not taken on one line.
    expect(
      parsePaste(
        '# ethtool -k eth0 | grep generic\ngeneric-receive-offload: on\nhello world',
        'x',
      )[0]?.kind,
    ).not.toBe('ethtool-k');
  });

  it('tool errors are problems', () => {
    const s = one(
      'Features for eth0:\nrx-checksumming: on\nCannot get device udp-fragmentation-offload settings: Operation not supported\ntx-checksumming: on',
    );
    expect(s.status).toBe('partial');
    expect(s.problems[0]).toMatchObject({ line: 3, msg: { key: 'parse.ethtool-k.toolMessage' } });
  });
});
