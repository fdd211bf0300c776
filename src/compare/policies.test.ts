import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, compareFiles, parsedText } from '../testing/compare';
import { causeSummary, compareNodes, shown } from '.';

const F = 'rules/forward-drop/fixtures/';

describe('FORWARD and INPUT policies', () => {
  it('iptables -L: the policy the thread fixed (rancher/rke#485, before and after `iptables -P FORWARD ACCEPT`)', () => {
    const diff = compareFiles(`${F}fixed--rke485-policy-accept.txt`, `${F}broken--rke485-policy-drop-counting.txt`);
    expect(shown(diff).map(brief)).toEqual([
      { kind: 'policies', key: 'FORWARD policy', good: 'ACCEPT', bad: 'DROP', explainedBy: 'forward-drop' },
      // 3 packets on both: counted by ACCEPT on one node, dropped by DROP on the other.
      { kind: 'policies', key: 'FORWARD policy packets', good: '3', bad: '3', explainedBy: 'forward-drop' },
    ]);
    expect(diff.differences[0]!.evidence.bad[0]!.text).toBe(
      'Chain FORWARD (policy DROP 3 packets, 188 bytes)',
    );
  });

  it('a DROP policy on both nodes argues against forward-drop', () => {
    const diff = compareFiles(`${F}broken--rke485-policy-drop-counting.txt`, `${F}broken--rke485-policy-drop-counting.txt`);
    expect(diff.differences).toEqual([]);
    expect(causeSummary(diff).against.map((a) => a.cause)).toEqual(['forward-drop']);
  });

  it('counters that differ under the same ACCEPT policy are noise', () => {
    const save = (p: string) => `*filter\n:INPUT ACCEPT [${p}]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [5:300]\nCOMMIT\n`;
    const diff = compareNodes(parsedText(save('0:0'), 'g'), parsedText(save('120:7200'), 'b'));
    expect(diff.differences.map((d) => [d.key, d.noise])).toEqual([['INPUT policy packets', true]]);
    expect(shown(diff)).toEqual([]);
  });

  it('nft: the bad node’s forward base chain drops (Arch’s default nftables.conf), the good one accepts', () => {
    // The real nft's listing of Arch's default ruleset, and the same with the forward policy
    // the good node has (`nft chain inet filter forward { policy accept; }`).
    const bad = readFileSync(join(__dirname, '../parsers/nft/fixtures/netns/arch-default-list.txt'), 'utf8');
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
