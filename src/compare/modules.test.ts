import { describe, expect, it } from 'vitest';
import { brief, compareFiles, parsedText } from '../testing/compare';
import { compareNodes, shown } from '.';

// Two CentOS 7 hosts: one after loading the IPVS modules (`lsmod | grep ip_vs`), one whole
// `lsmod` without them (both rule fixtures; their SOURCES.md and .json say where they are from).
const LOADED = 'rules/ipvs-modules-missing/fixtures/healthy--centos7-lsmod-grep-ip_vs.txt';
const WITHOUT = 'rules/br-netfilter-off/fixtures/healthy--centos77-lsmod.txt';

describe('kernel modules', () => {
  it('IPVS modules loaded on the good node only explain the bad one', () => {
    const diff = compareFiles(LOADED, WITHOUT);
    expect(shown(diff).map(brief)).toEqual(
      ['ip_vs_sh', 'ip_vs_wrr', 'ip_vs_rr', 'ip_vs'].map((m) => ({
        kind: 'modules',
        key: `module ${m}`,
        good: 'loaded',
        bad: null,
        explainedBy: 'ipvs-modules-missing',
      })),
    );
    expect(diff.differences[3]!.evidence.good[0]!.text).toMatch(/^ip_vs\s+141432/);
    // The modules the grep could not show (br_netfilter…) are not "loaded on the bad node only".
    expect(diff.differences.some((d) => d.key === 'module br_netfilter')).toBe(false);
    expect(diff.same.map((s) => s.key)).toEqual(['module nf_conntrack', 'module libcrc32c']);
  });

  it('a module loaded on the bad node only is a difference with no cause', () => {
    const diff = compareFiles(WITHOUT, LOADED);
    expect(shown(diff).map((d) => [d.key, d.good, d.bad, d.explainedBy])).toEqual([
      ['module ip_vs_sh', null, 'loaded', null],
      ['module ip_vs_wrr', null, 'loaded', null],
      ['module ip_vs_rr', null, 'loaded', null],
      ['module ip_vs', null, 'loaded', null],
    ]);
  });

  it('br_netfilter missing on the bad node (whole listings on both)', () => {
    const whole = 'Module                  Size  Used by\n';
    const good = parsedText(
      `${whole}br_netfilter           22256  0\nbridge                151336  1 br_netfilter\n`,
      'g',
    );
    const bad = parsedText(`${whole}bridge                151336  0\n`, 'b');
    expect(shown(compareNodes(good, bad)).map(brief)).toEqual([
      {
        kind: 'modules',
        key: 'module br_netfilter',
        good: 'loaded',
        bad: null,
        explainedBy: 'br-netfilter-off',
      },
    ]);
  });
});
