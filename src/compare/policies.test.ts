import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, compareFiles, parsedText } from '../testing/compare';
import { causeSummary, compareNodes, shown } from '.';

const F = 'rules/forward-drop/fixtures/';

describe('FORWARD and INPUT policies', () => {
  it('iptables -L: the policy the thread fixed (rancher/rke#485, before and after `iptables -P FORWARD ACCEPT`)', () => {
    const diff = compareFiles(
      `${F}fixed--rke485-policy-accept.txt`,
      `${F}broken--rke485-policy-drop-counting.txt`,
    );
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'policies',
        key: 'FORWARD policy',
        good: 'ACCEPT',
        bad: 'DROP',
        explainedBy: 'forward-drop',
      },
      // 3 packets on both counters: let through by ACCEPT on one node, dropped by DROP on the other.
      {
        kind: 'policies',
        key: 'FORWARD policy drops',
        good: '0',
        bad: '3',
        explainedBy: 'forward-drop',
      },
    ]);
    expect(diff.differences[0]!.evidence.bad[0]!.text).toBe(
      'Chain FORWARD (policy DROP 3 packets, 188 bytes)',
    );
  });

  it('a DROP policy on both nodes argues against forward-drop', () => {
    const diff = compareFiles(
      `${F}broken--rke485-policy-drop-counting.txt`,
      `${F}broken--rke485-policy-drop-counting.txt`,
    );
    expect(diff.differences).toEqual([]);
    expect(causeSummary(diff).against.map((a) => a.cause)).toEqual(['forward-drop']);
  });

  const save = (input: string, forward = 'ACCEPT [0:0]') =>
    `*filter\n:INPUT ${input}\n:FORWARD ${forward}\n:OUTPUT ACCEPT [5:300]\nCOMMIT\n`;

  it('counters under an ACCEPT policy count no drops: two different counts are no difference', () => {
    const diff = compareNodes(
      parsedText(save('ACCEPT [0:0]'), 'g'),
      parsedText(save('ACCEPT [120:7200]'), 'b'),
    );
    expect(diff.differences).toEqual([]);
    expect(diff.same.map((s) => [s.key, s.value])).toContainEqual(['INPUT policy drops', '0']);
  });

  it('INPUT DROP on both nodes: dropping on the bad node only explains it, on both it is alike', () => {
    const onlyBad = compareNodes(
      parsedText(save('DROP [0:0]'), 'g'),
      parsedText(save('DROP [42:2520]'), 'b'),
    );
    expect(shown(onlyBad).map(brief)).toEqual([
      {
        kind: 'policies',
        key: 'INPUT policy drops',
        good: '0',
        bad: '42',
        explainedBy: 'host-firewall-blocks',
      },
    ]);
    const both = compareNodes(
      parsedText(save('DROP [7:420]'), 'g'),
      parsedText(save('DROP [42:2520]'), 'b'),
    );
    expect(both.differences).toEqual([]);
    expect(causeSummary(both).against.map((a) => a.cause)).toEqual(['host-firewall-blocks']);
    // Drops on the good node only are its own history: noise, no cause.
    const onlyGood = compareNodes(
      parsedText(save('DROP [42:2520]'), 'g'),
      parsedText(save('DROP [0:0]'), 'b'),
    );
    expect(onlyGood.differences.map((d) => [d.key, d.explainedBy, d.noise])).toEqual([
      ['INPUT policy drops', null, true],
    ]);
  });

  it('a DROP policy on the good node only explains nothing: the good node works with it', () => {
    const diff = compareNodes(
      parsedText(save('ACCEPT [0:0]', 'DROP [0:0]'), 'g'),
      parsedText(save('ACCEPT [0:0]', 'ACCEPT [9:540]'), 'b'),
    );
    expect(shown(diff).map(brief)).toEqual([
      { kind: 'policies', key: 'FORWARD policy', good: 'DROP', bad: 'ACCEPT', explainedBy: null },
    ]);
  });

  it('nft: the bad node’s forward base chain drops (Arch’s default nftables.conf), the good one accepts', () => {
    // The real nft's listing of Arch's default ruleset, and the same with the forward policy
    // the good node has (`nft chain inet filter forward { policy accept; }`).
    const bad = readFileSync(
      join(__dirname, '../parsers/nft/fixtures/netns/arch-default-list.txt'),
      'utf8',
    );
    const good = bad.replace(/(hook forward priority filter; policy) drop;/, '$1 accept;');
    expect(good).not.toBe(bad);
    const diff = compareNodes(parsedText(good, 'good.txt'), parsedText(bad, 'bad.txt'));
    expect(shown(diff).map(brief)).toEqual([
      {
        kind: 'policies',
        key: 'FORWARD policy (nft inet filter forward)',
        good: 'ACCEPT',
        bad: 'DROP',
        explainedBy: 'forward-drop',
      },
    ]);
    // INPUT drops on both: not why one node fails.
    expect(causeSummary(diff).against.map((a) => a.cause)).toEqual(['host-firewall-blocks']);
  });
});
