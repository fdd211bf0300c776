import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareNodes } from '../../compare';
import { judge } from '../../diagnosis/judge';
import { render } from '../../diagnosis/render';
import { tMsg } from '../../i18n/translate';
import { parsePaste } from '../../parsers/registry';
import { readTestData } from '../../testing/test-data';

/**
 * The node that works as evidence: a difference on a cause's facts raises its finding, a value
 * both nodes share rules the cause out (it cannot be why only one node fails).
 */

// Fixture 07 (haomeiwen): the failing node's sysctl, tcp_tw_recycle on behind a NAT.
const failing = readTestData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
// The same keys as a node that works prints them (the write-up: only the failing node had it on).
const working = failing.replace('net.ipv4.tcp_tw_recycle = 1', 'net.ipv4.tcp_tw_recycle = 0');

function diagnosed(good: string | null, bad: string, lang: 'en' | 'zh-CN' = 'en') {
  const badSections = parsePaste(bad, 'sysctl');
  const goodSections = good === null ? [] : parsePaste(good, 'good:*');
  const diff = good === null ? undefined : compareNodes(goodSections, badSections);
  return render('nodeport-one-node', judge(badSections, {}, diff), {}, lang);
}

describe('the node that works as evidence', () => {
  it('a setting on the failing node only raises the finding and says so, with both lines', () => {
    const alone = diagnosed(null, failing).findings.find((f) => f.cause === 'tcp-tw-recycle-nat')!;
    const d = diagnosed(working, failing);
    const f = d.findings.find((x) => x.cause === 'tcp-tw-recycle-nat')!;
    expect(f.confidence).toBe('high');
    expect(f.also.map((m) => tMsg('en', m))).toContain(
      'Differs from the node that works: net.ipv4.tcp_tw_recycle is 1 here, 0 there.',
    );
    expect(f.evidence.map((e) => `${e.source}:${e.text}`)).toEqual(
      expect.arrayContaining([
        'sysctl:net.ipv4.tcp_tw_recycle = 1',
        'good:*:net.ipv4.tcp_tw_recycle = 0',
      ]),
    );
    expect(f.evidence.length).toBeGreaterThan(alone.evidence.length);
    const zh = diagnosed(working, failing, 'zh-CN').findings.find(
      (x) => x.cause === 'tcp-tw-recycle-nat',
    )!;
    expect(tMsg('zh-CN', zh.also.at(-1)!)).toBe(
      '与正常节点不同：net.ipv4.tcp_tw_recycle 在本节点为 1，在正常节点为 0。',
    );
  });

  it('the same setting on the node that works rules the cause out, and says why', () => {
    const d = diagnosed(failing, failing);
    expect(d.findings.map((f) => f.cause)).not.toContain('tcp-tw-recycle-nat');
    const r = d.ruledOut.find((x) => x.cause === 'tcp-tw-recycle-nat')!;
    expect(tMsg('en', r.because)).toMatch(
      /^The same on the node that works \(net\.ipv4\.tcp_tw_recycle: 1\)/,
    );
    expect(r.evidence.map((e) => e.source)).toEqual(['sysctl', 'good:*']);
  });

  it('without a node that works nothing changes', () => {
    const d = diagnosed(null, failing);
    expect(d.findings.find((f) => f.cause === 'tcp-tw-recycle-nat')?.also ?? []).toEqual([]);
  });

  it('a difference alone, where the rule saw nothing, is a low-confidence finding', () => {
    // Strict rp_filter on the failing node only: the rule alone needs routes to call it.
    const bad = 'net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.ip_forward = 1\n';
    const good = 'net.ipv4.conf.all.rp_filter = 2\nnet.ipv4.ip_forward = 1\n';
    const alone = diagnosed(null, bad);
    expect(alone.findings.map((f) => f.cause)).not.toContain('rp-filter-asymmetric');
    const f = diagnosed(good, bad).findings.find((x) => x.cause === 'rp-filter-asymmetric');
    expect(f?.confidence).toBe('low');
    expect(tMsg('en', f!.why)).toMatch(/rp_filter is 1 here, 2 there/);
    // The harmless side on the failing node explains nothing.
    expect(diagnosed(bad, good).findings.map((x) => x.cause)).not.toContain('rp-filter-asymmetric');
  });
});

describe('what this node was seen doing is its own', () => {
  it('a shared setting does not rule out a finding its counters show biting here', () => {
    // rke2 3924: INVALID packets counted by conntrack -S on this node, strict TCP window checks.
    const counters = readFileSync(
      new URL('../conntrack-invalid-rst/fixtures/broken--rke2-3924-invalid.txt', import.meta.url),
      'utf8',
    );
    const strict = 'net.netfilter.nf_conntrack_tcp_be_liberal = 0\n';
    const bad = [...parsePaste(counters, 'conntrack-S'), ...parsePaste(strict, 'sysctl')];
    const alone = render('nodeport-one-node', judge(bad, {}), {}, 'en');
    expect(alone.findings.map((f) => f.cause)).toContain('conntrack-invalid-rst');
    const diff = compareNodes(parsePaste(strict, 'good:*'), bad);
    expect(diff.same.map((s) => s.wouldExplain)).toContain('conntrack-invalid-rst');
    const d = render('nodeport-one-node', judge(bad, {}, diff), {}, 'en');
    expect(d.findings.map((f) => f.cause)).toContain('conntrack-invalid-rst');
    // The setting alone, with nothing seen on this node: shared, so ruled out.
    const settingOnly = parsePaste(strict, 'sysctl');
    const d2 = judge(settingOnly, {}, compareNodes(parsePaste(strict, 'good:*'), settingOnly));
    expect(d2.results.find((r) => r.cause === 'conntrack-invalid-rst')?.type).not.toBe('finding');
  });
});
