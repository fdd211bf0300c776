import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { parsePaste } from '../registry';
import { listsModule } from './facts';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('lsmod', () => {
  it('whole lsmod on CentOS 7.7: br_netfilter, no ip_vs', () => {
    const s = one(local('lsmod--centos77-jc.txt'));
    const f = factsOf(s, 'lsmod');
    expect(s.status).toBe('parsed');
    expect(f.filtered).toBe(false);
    expect(Object.keys(f.modules)).toHaveLength(98);
    expect(f.modules.br_netfilter).toMatchObject({ size: 22256, usedBy: 0, users: [], line: 5 });
    expect(f.modules.nf_conntrack?.users).toContain('nf_conntrack_ipv4');
    expect(f.modules.ip_vs).toBeUndefined();
  });

  it('`lsmod | grep ip_vs`: a filtered list, the pattern kept', () => {
    const s = one(local('lsmod--grep-ip_vs-centos7.txt'));
    const f = factsOf(s, 'lsmod');
    expect(f).toMatchObject({ filtered: true, filter: 'ip_vs' });
    expect(f.modules.ip_vs).toMatchObject({
      usedBy: 6,
      users: ['ip_vs_rr', 'ip_vs_sh', 'ip_vs_wrr'],
    });
    expect(Object.keys(f.modules)).toEqual([
      'ip_vs_sh',
      'ip_vs_wrr',
      'ip_vs_rr',
      'ip_vs',
      'nf_conntrack',
      'libcrc32c',
    ]);
  });
});

describe('lsmod: a grep with several patterns', () => {
  it('knows every pattern, so a module missing from any of them is known to be missing', () => {
    const paste =
      '$ lsmod | grep -e ip_vs -e nf_conntrack -e br_netfilter\n' +
      'ip_vs_rr               12600  4\n' +
      'ip_vs                 141092  10 ip_vs_rr\n' +
      'nf_conntrack          133387  7 ip_vs,nf_nat\n';
    const [s] = parsePaste(paste, 'x');
    const facts = factsOf(s, 'lsmod');
    expect(facts.filters).toEqual(['ip_vs', 'nf_conntrack', 'br_netfilter']);
    expect(listsModule(facts, 'br_netfilter')).toBe(true);
    expect(listsModule(facts, 'ip_vs_sh')).toBe(true);
    expect(listsModule(facts, 'bridge')).toBe(false);
  });
});
